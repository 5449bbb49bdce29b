/**
 * What each sum of money is, read from the words around it: a total ("un montant total de",
 * "a total of", or a sum whose breakdown follows), the parts of that total ("dont…", "of which…",
 * "including…", "sur ce montant…"), a tranche, a disbursement, a pledge. Each role keeps the words
 * that say it (the cue) as evidence, and a part keeps the value of its total, so the atlas counts a
 * total and its breakdown once. Pure: text and amount mentions in, the same mentions with roles out.
 *
 * The cues are the ordinary words of budgets and aid reporting in French and English; a breakdown
 * is accepted only when its parts add up to no more than the total (half a percent of rounding).
 */
import type { AmountRole } from '../domain/money.ts';
import type { Quoted, Span } from '../domain/model.ts';
import type { AmountMention } from './types.ts';

/** Words just before a sum that make it a whole. */
const TOTAL_BEFORE =
  /(?:\b(?:au\s+)?totale?s?\b|\bglobale?s?\b|\ben\s+tout\b|\bcumulée?s?(?![\p{L}\p{N}])|\boverall\b|\baltogether\b|\baggregate\b|\btotall?ing\b|\bs['’]élevant\s+(?:au\s+total\s+)?à\b|\bwhole\b|\bentire\b|\benveloppe\s+(?:globale\s+)?de\b)/giu;
/** Words just before a sum that announce a share of it follows ("Of the €100 million, …"). */
const WHOLE_OF_BEFORE = /\b(?:of\s+the|out\s+of\s+(?:the\s+)?|sur\s+les|sur\s+l['’]enveloppe\s+de)\s*$/iu;
/** Between a cue before a sum and the sum: a few words, no clause break. */
const ADJACENT = /^[^,;:()[\]]{0,25}$/u;
/** Words just after a sum that make it a whole ("€ 12 million in total", "5 M€ au total"). */
const TOTAL_AFTER = /^\s*(?:in\s+total|au\s+total|en\s+tout|overall|altogether|all\s+told)\b/iu;
/** Words that open the breakdown of the sum before them. */
const BREAKDOWN =
  /(?:\bdont\b|\bof\s+which\b|\bincluding\b|\bincl\.|\by\s+compris\b|\bparmi\s+lesquel(?:le)?s\b|\bamong\s+which\b|\bcomprenant\b|\bbroken\s+down\s+(?:as\s+follows|into)\b|\brépartie?s?\s+(?:comme\s+suit|en(?:tre)?)\b|\bsplit\s+(?:into|between|among)\b|\bdivided\s+(?:into|between|among)\b|\bventilée?s?\s+(?:comme\s+suit|en(?:tre)?)\b)/iu;
/** A sentence that breaks down the sum of the sentence before it ("Of this, …", "Sur ce montant, …"). */
const BREAKDOWN_OPENING =
  /^\s*(?:of\s+th(?:is|at|ese)(?:\s+(?:amount|sum|total|envelope|funding|budget))?\b|sur\s+ce(?:tte)?\s+(?:montant|somme|enveloppe|total|budget)\b|de\s+ce(?:tte)?\s+(?:montant|somme|enveloppe)\b)/iu;

/** Words of a sum's own kind, read just before or just after it. */
const OWN_ROLE: readonly (readonly [Exclude<AmountRole, 'total' | 'part'>, RegExp])[] = [
  ['tranche', /\b(?:tranches?|instal{1,2}ments?|versements?\s+échelonnés?)(?![\p{L}\p{N}])/iu],
  [
    'disbursement',
    /\b(?:disburs(?:ed|ements?|ing)|décaiss(?:ements?|ées?|és?)|paid\s+out|effectivement\s+versée?s?)(?![\p{L}\p{N}])/iu,
  ],
  [
    'pledge',
    /\b(?:pledg(?:e|ed|es|ing)|promised|promis|promises?|promesses?\s+de\s+(?:dons?|contributions?|financements?)|annonces?\s+de\s+contributions?|contributions?\s+annoncées?)(?![\p{L}\p{N}])/iu,
  ],
];

/** How far before a sum its own words are read (a few words, never past another sum). */
const BEFORE_WINDOW = 60;
/** How far after a sum its own words are read. */
const AFTER_WINDOW = 30;
/** Parts may round: they add up to the total within half a percent. */
const ROUNDING = 0.005;

/** Sentence ends: the same rule as the amount finder's ("M. Dupont" is no end). */
const SENTENCE_END = /[.!?…](?:\s|$)(?!\s*\p{Ll})/gu;

/** An amount mention with what the text says it is. */
export interface RoledAmount extends AmountMention {
  readonly role: AmountRole | null;
  /** The value of the total this sum is a share of (same currency), or null. */
  readonly partOf: number | null;
  /** The words that say the role ("montant total de", "dont"), or null when no role. */
  readonly roleCue: Quoted | null;
}

function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_END)) starts.push(m.index + m[0].length);
  return starts;
}

/** Index of the sentence holding `offset` (starts sorted ascending). */
function sentenceOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function cue(text: string, base: number, match: RegExpExecArray | RegExpMatchArray): Quoted {
  const quote = match[0].trim();
  const start = base + (match.index ?? 0) + match[0].indexOf(quote);
  return { start, end: start + quote.length, quote: text.slice(start, start + quote.length) };
}

/** The last match of a global pattern in a window, as a quoted span of the text. */
function lastMatch(text: string, window: Span, pattern: RegExp): Quoted | null {
  let found: RegExpMatchArray | null = null;
  for (const m of text.slice(window.start, window.end).matchAll(pattern)) found = m;
  return found === null ? null : cue(text, window.start, found);
}

function firstMatch(text: string, window: Span, pattern: RegExp): Quoted | null {
  const m = pattern.exec(text.slice(window.start, window.end));
  return m === null ? null : cue(text, window.start, m);
}

/** The words after a sum up to a clause break or a breakdown word ("…, of which a tranche…"). */
function clauseAfter(text: string, start: number, end: number): Span {
  const stop = /[,;:()[\]]|\bdont\b|\bof\s+which\b|\bincluding\b/iu.exec(text.slice(start, end));
  return { start, end: stop === null ? end : start + stop.index };
}

/** A cue read before a sum counts only when a few words, with no clause break, separate them. */
function adjacentBefore(text: string, found: Quoted | null, sumStart: number): Quoted | null {
  return found !== null && ADJACENT.test(text.slice(found.end, sumStart)) ? found : null;
}

/**
 * The roles of the amounts of a text (mentions in text order, as `findAmounts` gives them). A
 * range's two ends share one role.
 */
export function readAmountRoles(text: string, amounts: readonly AmountMention[]): RoledAmount[] {
  const starts = sentenceStarts(text);
  const sentence = amounts.map((a) => sentenceOf(starts, a.start));
  const out: RoledAmount[] = amounts.map((a) => ({ ...a, role: null, partOf: null, roleCue: null }));
  const set = (i: number, patch: Partial<RoledAmount>): void => {
    out[i] = { ...out[i]!, ...patch };
  };

  // Each sum's own words: a few words before it (never past the previous sum or sentence start),
  // a few after (never past the next sum).
  for (let i = 0; i < amounts.length; i += 1) {
    const a = amounts[i]!;
    const sentenceStart = starts[sentence[i]!]!;
    const previousEnd = i > 0 && amounts[i - 1]!.start !== a.start ? amounts[i - 1]!.end : 0;
    const before = {
      start: Math.max(sentenceStart, previousEnd, a.start - BEFORE_WINDOW),
      end: a.start,
    };
    const nextStart = amounts.slice(i + 1).find((b) => b.start !== a.start)?.start ?? text.length;
    const after = clauseAfter(text, a.end, Math.min(nextStart, a.end + AFTER_WINDOW));
    for (const [role, pattern] of OWN_ROLE) {
      const found =
        adjacentBefore(text, lastMatch(text, before, new RegExp(pattern.source, 'giu')), a.start) ??
        firstMatch(text, after, pattern);
      if (found !== null) {
        set(i, { role, roleCue: found });
        break;
      }
    }
    if (out[i]!.role !== null) continue;
    const total =
      adjacentBefore(text, lastMatch(text, before, TOTAL_BEFORE), a.start) ??
      firstMatch(text, after, TOTAL_AFTER);
    if (total !== null) set(i, { role: 'total', roleCue: total });
  }

  // Breakdowns: a whole, then its parts after a breakdown word, in the same sentence or the next
  // one when that sentence opens with "Of this" / "Sur ce montant".
  for (let i = 0; i < amounts.length; i += 1) {
    const whole = amounts[i]!;
    let j = i + 1;
    while (j < amounts.length && amounts[j]!.start === whole.start) j += 1;
    const next = amounts[j];
    if (next === undefined) break;
    let opener: Quoted | null = null;
    if (sentence[j] === sentence[i]) {
      const sentenceStart = starts[sentence[i]!]!;
      opener =
        firstMatch(text, { start: whole.end, end: next.start }, BREAKDOWN) ??
        firstMatch(
          text,
          { start: Math.max(sentenceStart, whole.start - 30), end: whole.start },
          WHOLE_OF_BEFORE,
        );
    } else if (sentence[j] === sentence[i]! + 1 && isLastOfSentence(amounts, sentence, i)) {
      const nextSentence = { start: starts[sentence[j]!]!, end: next.start };
      opener = firstMatch(text, nextSentence, BREAKDOWN_OPENING);
    }
    // With no breakdown word, only sums of their own kind (a tranche, a disbursement) after a
    // stated total of the same sentence are its shares.
    if (opener === null && !(out[i]!.role === 'total' && sentence[j] === sentence[i])) continue;
    const shareable = (k: number): boolean => opener !== null || isShareRole(out[k]!.role);
    const parts = partsOf(amounts, sentence, i, j, sentence[j]!).filter(shareable);
    if (parts.length === 0) continue;
    const evidence = opener ?? out[i]!.roleCue;
    if (out[i]!.role === null) set(i, { role: 'total', roleCue: evidence });
    for (const k of parts) {
      const own = out[k]!.role;
      const ownRole = own !== null && own !== 'total' && own !== 'part';
      set(k, {
        role: ownRole ? own : 'part',
        roleCue: ownRole ? out[k]!.roleCue : evidence,
        partOf: whole.value,
      });
    }
  }
  return out;
}

const isShareRole = (role: AmountRole | null): boolean => role === 'tranche' || role === 'disbursement';

function isLastOfSentence(
  amounts: readonly AmountMention[],
  sentence: readonly number[],
  i: number,
): boolean {
  return amounts.every((b, k) => k <= i || sentence[k] !== sentence[i] || b.start === amounts[i]!.start);
}

/**
 * The sums from `from` on, in sentence `inSentence`, that are shares of the whole at `wholeIndex`:
 * same currency, smaller, and together no more than it.
 */
function partsOf(
  amounts: readonly AmountMention[],
  sentence: readonly number[],
  wholeIndex: number,
  from: number,
  inSentence: number,
): number[] {
  const whole = amounts[wholeIndex]!;
  const parts: number[] = [];
  let sum = 0;
  for (let k = from; k < amounts.length && sentence[k] === inSentence; k += 1) {
    const part = amounts[k]!;
    if (part.currency !== whole.currency || part.value >= whole.value) break;
    if (sum + part.value > whole.value * (1 + ROUNDING)) break;
    sum += part.value;
    parts.push(k);
  }
  return parts;
}
