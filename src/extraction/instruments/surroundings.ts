/**
 * What the surroundings of a head noun say about its mention: a heading written in capitals, a
 * "joint" form of a bilateral document, a list introduced by a colon after a verb of setting up,
 * the whole name of an actor a phrase starts inside, the date after a counterpart, the words that
 * tell an agreement's subject, the everyday French "accord". Every scan is
 * bounded (a few hundred characters), so the cost per mention stays constant.
 */
import type { Span } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import type { DateMention } from '../types.ts';
import { type ActorMention, type InstrumentContext, lowerBound, within } from './context.ts';
import { ESTABLISHED } from './cues.ts';

/** A verb of setting up before a colon that introduces the list of what was set up. */
const ESTABLISHED_LIST = new RegExp(ESTABLISHED.source.replace('{0,40}', '{0,90}'));

/** "ont signé deux accords : un accord relatif à …": the verb before the colon sets up each item. */
export function listedAfterColon(ctx: InstrumentContext, sentence: Span, pos: number): boolean {
  const from = Math.max(sentence.start, pos - 500);
  const window = ctx.folded.slice(from, pos);
  const colon = window.lastIndexOf(':');
  return colon >= 0 && ESTABLISHED_LIST.test(window.slice(Math.max(0, colon - 160), colon));
}

/** Types whose "joint" instance in a bilateral document is held by the document's two principals. */
const JOINT_TYPES = new Set<InstrumentTypeCode>([
  'joint_declaration',
  'action_plan',
  'coordination_mechanism',
  // Joint patrols and operations of a bilateral document are its two states' ("les patrouilles conjointes").
  'operational_cooperation',
  'dialogue',
]);
const JOINT_WORD =
  /\b(?:joint|conjointe?s?|communs?|communes?|mixtes?|paritaires?|bilateral|bilaterale?s?)\b/;

/**
 * "Un comité technique conjoint", "COMMUNIQUÉ CONJOINT", "a joint roadmap": with no party named,
 * a joint instrument of a document about two actors (a bilateral communiqué) is theirs.
 */
export function isJointForm(ctx: InstrumentContext, phrase: Span, type: InstrumentTypeCode): boolean {
  return (
    ctx.principals.length === 2 &&
    JOINT_TYPES.has(type) &&
    JOINT_WORD.test(ctx.folded.slice(phrase.start, Math.min(phrase.end + 12, ctx.folded.length)))
  );
}

/** Extends a phrase that starts inside an actor's name ("Zealand's scheme") over the whole name. */
export function withWholeActor<T extends Span>(ctx: InstrumentContext, phrase: T): T {
  const actor = ctx.actors[lowerBound(ctx.actors, phrase.start + 1) - 1];
  return actor && actor.start < phrase.start && phrase.start < actor.end
    ? { ...phrase, start: actor.start }
    : phrase;
}

/** Whether the line around `pos` is written in capitals (a title or heading). */
export function isCapitalsLine(text: string, pos: number): boolean {
  // Most heads are written in lower case: no need to read their line.
  const c = text.charAt(pos + 1);
  if (c !== c.toUpperCase()) return false;
  // Bounded scans: a line longer than 200 characters either way is not a heading.
  const window = text.slice(Math.max(0, pos - 200), Math.min(text.length, pos + 200));
  const at = pos - Math.max(0, pos - 200);
  const from = window.lastIndexOf('\n', at) + 1;
  const next = window.indexOf('\n', at);
  const line = window.slice(from, next < 0 ? window.length : next);
  return !/\p{Ll}/u.test(line) && /\p{Lu}{2}/u.test(line);
}

/** The date right after the last actor of a group ("with Kenya on 13 September 2024"). */
export function dateAfter(ctx: InstrumentContext, group: readonly ActorMention[]): DateMention | null {
  const last = group[group.length - 1];
  if (!last) return null;
  return within(ctx.dates, last.end, last.end + 40).find((d) => !d.inCitation) ?? null;
}

/** French "accord" is also "agreement" in the everyday sense: keep only instrument uses. */
export function isEverydayAccord(ctx: InstrumentContext, match: Span): boolean {
  const word = ctx.folded.slice(match.start, match.end);
  if (word !== 'accord') return false;
  const before = ctx.folded.slice(Math.max(0, match.start - 12), match.start);
  const after = ctx.folded.slice(match.end, match.end + 24);
  if (/(?:\bd'|\bleur |\bson |\bmon |\ben |\bcommun |\bcet )$/.test(before)) return true;
  // "ont signé un accord", "a conclu en 2021 un accord": signed, it is an instrument.
  const lead = ctx.folded.slice(Math.max(0, match.start - 40), match.start);
  if (
    /\b(?:sign\w*|conclu\w*|paraphe\w*|ratifi\w*)\s+(?:en \d{4}\s+)?(?:un|le|cet|leur|un nouvel?)\s+$/.test(
      lead,
    )
  ) {
    return false;
  }
  return (
    !/^(?:s)?\s*(?:de |d'|sur |bilat|cadre|-cadre|entre |avec |sign|conclu|[a-z]+-[a-z]+|[\p{Lu}]|relatif|en matiere|techniques? |administratifs? |operationnels? |intergouvernementa|migratoires? )/u.test(
      after,
    ) && !/^\s*\p{Lu}/u.test(ctx.text.slice(match.end, match.end + 3))
  );
}

const SUBJECT_TAIL =
  /^\s+(?:de|d'|on|sur|en matiere de|relatif (?:a|aux)|relative (?:a|aux))\s+(?:la\s+|les\s+|l'|the\s+)?[a-z-]+(?:\s+(?!(?:et|and|entre|avec|with|between|signe|des|du|de|of)\b)[a-z-]{5,})?(?:(?:\s+(?:des|du|de|of)\s+|\s+d')(?:la\s+|l')?[a-z-]+)?/;

/** End of "de réadmission" / "on readmission" after an agreement head, within its clause. */
export function subjectTailEnd(ctx: InstrumentContext, clause: Span, end: number): number {
  const m = SUBJECT_TAIL.exec(ctx.folded.slice(end, Math.min(clause.end, end + 60)));
  return m ? end + m[0].length : end;
}

/** The words that tell an agreement's subject: a little before the head and its tail. */
export function contextOfAgreement(ctx: InstrumentContext, clause: Span, phrase: Span): string {
  return ctx.folded.slice(Math.max(clause.start, phrase.start - 40), Math.min(clause.end, phrase.end + 70));
}
