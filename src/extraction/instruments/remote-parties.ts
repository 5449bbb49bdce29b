/**
 * Parties named outside an instrument's clause: the counterparts a next sentence names ("They have
 * been agreed with…"), the state a section heading is about ("Germany: skills partnerships"), and
 * the states a fund or programme targets (beneficiaries, kept apart from the spec's parties).
 */
import type { Span } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import { type InstrumentContext, lowerBound, within } from './context.ts';
import { actorList } from './parties.ts';

/** "They have so far been agreed with…": the next sentence names an instrument's counterparts. */
const PRONOUN_WITH =
  /^\s*(?:they|these|it|ils|elles|ceux-ci|celles-ci)\b[^.;]{0,60}?\b(?:agreed|signed|concluded|launched|established|set up|convenu\w*|conclu\w*|sign\w*|lance\w*|etabli\w*)\b[^.;]{0,25}?\b(?:with|avec)\s/;

/** Counterparts named by a pronoun sentence right after the instrument's sentence. */
export function nextSentencePartners(ctx: InstrumentContext, sentence: Span): string[] {
  const next = ctx.sentences[lowerBound(ctx.sentences, sentence.end)];
  if (!next || next.start - sentence.end > 3) return [];
  const m = PRONOUN_WITH.exec(ctx.folded.slice(next.start, Math.min(next.end, next.start + 140)));
  return m ? [...new Set(actorList(ctx, next.start + m[0].length, next.end, 12).map((a) => a.id))] : [];
}

/** Unilateral kinds whose holder a report may name only in its section heading. */
const HEADED_TYPES = new Set<InstrumentTypeCode>([
  'programme',
  'legal_act',
  'envoy',
  'coordination_mechanism',
]);

/**
 * The state a section is about when its heading starts with it ("Germany: skills partnerships"):
 * the holder of a national programme the section's prose names without its state. Only the nearest
 * heading line above counts (a short line between blank lines, no final full stop).
 */
export function headingOwner(ctx: InstrumentContext, pos: number, type: InstrumentTypeCode): string | null {
  if (!HEADED_TYPES.has(type)) return null;
  // Read a bounded window back from the mention, paragraph by paragraph.
  const floor = Math.max(0, pos - 4000);
  const window = ctx.text.slice(floor, pos);
  let end = window.lastIndexOf('\n\n');
  for (let n = 0; n < 8 && end > 0; n++) {
    const start = window.lastIndexOf('\n\n', end - 1);
    // The window's first paragraph counts only when the window starts the text.
    if (start < 0 && floor > 0) break;
    const from = start < 0 ? 0 : start + 2;
    const line = window.slice(from, end).trim();
    if (line.length > 0 && line.length < 90 && !line.includes('\n') && !/[.;]$/.test(line)) {
      const at = floor + from + window.slice(from, end).indexOf(line);
      const actor = ctx.actors[lowerBound(ctx.actors, at)];
      const heads = actor !== undefined && actor.start === at && actor.kind === 'state' && !actor.adjective;
      return heads && /^\s*:/.test(ctx.text.slice(actor.end, actor.end + 3)) ? actor.id : null;
    }
    if (start < 0) break;
    end = start;
  }
  return null;
}

/** Cues of a beneficiary right after a fund's or programme's name: "for Mali", "au profit du Sénégal". */
const BENEFICIARY_CUE =
  /\b(?:for|in|to|targeting|benefiting|benefitting|supporting|pour|au profit d[eu']|en faveur d[eu']|qui ciblent|ciblant|cible|a destination d[eu']|au|aux|en|dans)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?$/;

/**
 * States a fund or programme targets: "projects for Mali", "qui ciblent le Niger", "au profit du
 * Sénégal". They are neither holders nor funders (the spec's parties) but the places its money goes.
 */
export function readBeneficiaries(ctx: InstrumentContext, clause: Span, phrase: Span): string[] {
  const out: string[] = [];
  const limit = Math.min(clause.end, phrase.end + 300);
  let lastEnd = -1;
  for (const a of within(ctx.actors, phrase.end, limit)) {
    if (a.kind !== 'state' || a.adjective) continue;
    const listed =
      lastEnd >= 0 &&
      /^(?:[\s,]|\band\b|\bet\b|\bor\b|\bou\b)*(?:the\s+|la\s+|le\s+|l['’])?$/.test(
        ctx.folded.slice(lastEnd, a.start),
      );
    if (listed || BENEFICIARY_CUE.test(ctx.folded.slice(Math.max(phrase.end, a.start - 30), a.start))) {
      out.push(a.id);
      lastEnd = a.end;
    }
  }
  return [...new Set(out)];
}
