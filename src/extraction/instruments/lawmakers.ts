/**
 * Who made a national law. A law, code, bill or decree is one state's (spec: a unilateral
 * instrument has the one state as its party), yet its sentence often names other states too: the
 * nationals it applies to, the partner of a deal it serves, the invader of a neighbour. The states
 * read around the name are then the wrong party; these signs of the field name the lawmaker
 * instead (EN/FR word lists, folded text):
 * - a possessive before the name ("sa loi sur l'asile", "its 2016 act") points to the state the
 *   sentence opens with;
 * - a government, parliament or ministry with a nationality ("le gouvernement finlandais", "the
 *   Italian parliament", "Greece's interior ministry") is its state's;
 * - a legislature's own name (the Oireachtas, the Bundestag, the Knesset…) is its state's;
 * - a government or parliament named without nationality is the one of the state the document is
 *   mostly about.
 */
import type { Span } from '../../domain/model.ts';
import { type ActorMention, type InstrumentContext, lowerBound, within } from './context.ts';
import { isPeople } from './parties.ts';

/** A possessive determiner right before the name (folded). */
const POSSESSIVE =
  /\b(?:sa|son|ses|leur|leurs|its|their)\s+(?:(?:new|own|nouvelle?|propre|revised|current|actuelle?)\s+)?$/;

/** Institutions that make or propose laws (folded). */
const LAWMAKING =
  /\b(?:gouvernements?|parlements?|governments?|parliaments?|legislatures?|cabinets?|ministeres?(?: de l'interieur| des affaires etrangeres| du travail)?|ministr(?:y|ies)(?: of (?:the )?interior| of labou?r| of home affairs)?|interior ministr(?:y|ies)|home office|assemblees? nationales?|national assembl(?:y|ies)|senats?|senates?|congres|congress)\b/g;

/** Legislatures named by their own name (folded), with their state. */
const LEGISLATURES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:oireachtas|dail)\b/, 'IE'],
  [/\bbundestag\b/, 'DE'],
  [/\bknesset\b/, 'IL'],
  [/\bsejm\b/, 'PL'],
  [/\bfolketing\w*\b/, 'DK'],
  [/\briksdag\w*\b/, 'SE'],
  [/\beduskunta\b/, 'FI'],
  [/\bstorting\w*\b/, 'NO'],
  [/\b(?:lok|rajya) sabha\b/, 'IN'],
  [/\bstate duma|douma\b/, 'RU'],
  [/\bcortes generales\b/, 'ES'],
];

/**
 * The state whose law `phrase` names, when a sign of its sentence says so; else undefined. With
 * `ownerRead` (an adjective or agent already names its owner: "la loi finlandaise"), only a
 * possessive before the name overrides it.
 */
export function lawmakerOf(
  ctx: InstrumentContext,
  phrase: Span,
  sentence: Span,
  ownerRead = false,
): string | undefined {
  const states = within(ctx.actors, sentence.start, sentence.end).filter(
    (a) => a.kind === 'state' && !isPeople(ctx, a),
  );
  const lead = ctx.folded.slice(Math.max(sentence.start, phrase.start - 24), phrase.start);
  if (POSSESSIVE.test(lead)) {
    // "L'Ouganda … dans le cadre de sa loi": the subject, the first state of the sentence (even
    // when workers follow it: "Chile admits workers under its law").
    const subject = within(ctx.actors, sentence.start, phrase.start).find((a) => a.kind === 'state');
    if (subject) return subject.id;
  }
  if (ownerRead) return undefined;
  const folded = ctx.folded.slice(sentence.start, sentence.end);
  LAWMAKING.lastIndex = 0;
  for (let m = LAWMAKING.exec(folded); m; m = LAWMAKING.exec(folded)) {
    const start = sentence.start + m.index;
    const owner = institutionState(ctx, start, start + m[0].length, states);
    if (owner) return owner.id;
  }
  for (const [name, id] of LEGISLATURES) if (name.test(folded)) return id;
  // "Parliament adopted the new code", "le projet de loi du Gouvernement": an institution without
  // nationality is the one of the state the document is about.
  LAWMAKING.lastIndex = 0;
  if (LAWMAKING.test(folded)) return ctx.principals.find((id) => isState(ctx, id));
  return undefined;
}

const isState = (ctx: InstrumentContext, id: string): boolean =>
  ctx.actors.some((a) => a.id === id && a.kind === 'state');

/**
 * The state named as the nationality of an institution: an adjective right after it ("le
 * gouvernement finlandais") or before it ("the Finnish government"), or a possessive or "of"
 * ("Italy's parliament", "the Government of Kenya").
 */
function institutionState(
  ctx: InstrumentContext,
  start: number,
  end: number,
  states: readonly ActorMention[],
): ActorMention | undefined {
  const after = ctx.actors[lowerBound(ctx.actors, end)];
  if (
    after &&
    after.kind === 'state' &&
    ((after.adjective && /^\s+$/.test(ctx.text.slice(end, after.start))) ||
      /^\s+(?:of|du|de la|de l'|de l’|des|d'|d’|de)\s*(?:the\s+)?$/i.test(ctx.text.slice(end, after.start)))
  ) {
    return after;
  }
  const before = states.findLast((a) => a.end <= start);
  if (!before) return undefined;
  const gap = ctx.folded.slice(before.end, start);
  return (before.adjective && /^\s+(?:federal\s+)?$/.test(gap)) || /^['’]s?\s+(?:own\s+)?$/.test(gap)
    ? before
    : undefined;
}
