/**
 * Which head matches start an instrument of their own: not the second head of a coordination
 * ("partnerships and agreements on mobility"), not a partnership launched by the memorandum just
 * before it, and not the items of a list of kinds of instruments ("an ambassador, a special envoy
 * or a special representative", "instruments such as bilateral agreements, MoUs…").
 */
import type { InstrumentContext } from './context.ts';
import type { Match } from './matchers.ts';
import { isPluralHead } from './cues.ts';

/** Heads that are a legal form: a partnership named right after one is that instrument's subject. */
const FORM_HEADS = new Set(['mou', 'loi', 'declaration', 'agreement', 'compact']);

/**
 * Drops matches that do not start a new instrument: a partnership launched by a memorandum or
 * declaration of the same clause ("Joint Declaration launching a … Partnership"), and the second
 * head of a coordination ("partnerships and agreements on mobility … with India").
 */
export function withoutDependentHeads(ctx: InstrumentContext, matches: readonly Match[]): Match[] {
  const out: Match[] = [];
  let previous: Match | undefined;
  for (const m of matches) {
    if (previous?.source === 'head' && m.source === 'head') {
      const gap = ctx.folded.slice(previous.end, m.start);
      const bothPlural =
        isPluralHead(ctx.folded.slice(previous.start, previous.end)) &&
        isPluralHead(ctx.folded.slice(m.start, m.end));
      const coordinated = bothPlural && /^\s*(?:and|et|or|ou|,)\s*(?:[a-z]+\s+)?$/.test(gap);
      const launched =
        m.rule.type === 'partnership' &&
        FORM_HEADS.has(previous.rule.head) &&
        m.start - previous.end < 90 &&
        !/[.;]/.test(gap);
      if (coordinated || launched) continue;
    }
    out.push(m);
    previous = m;
  }
  return out;
}

/** What may separate the items of a list of instrument kinds: commas, "or", "and", articles. */
const KIND_GAP = /^(?:[\s,]|\b(?:or|ou|and|et|an?|une?|des|other|autres?)\b)*$/;
/** "such as", "tels que", "like": what follows are examples of kinds. */
const SUCH_AS =
  /\b(?:such as|like|e\.g\.|including|for example|tel(?:le)?s? que|comme|notamment|par exemple)\s+(?:\S+\s+){0,2}$/;

/**
 * Drops the heads of a list of kinds of instruments: "an ambassador, a special envoy or a special
 * representative", "instruments such as bilateral agreements, MoUs, declarations of intent". A list
 * of two heads or more of different kinds, joined by "or" or introduced by "such as", names kinds,
 * not instruments (a concrete list would name its parties or its instruments' names).
 */
export function withoutKindLists(ctx: InstrumentContext, matches: readonly Match[]): Match[] {
  const drop = new Set<number>();
  let k = 0;
  while (k < matches.length) {
    let end = k;
    let disjunction = false;
    while (end + 1 < matches.length) {
      const a = matches[end] as Match;
      const b = matches[end + 1] as Match;
      const gap = ctx.folded.slice(a.end, b.start);
      if (a.source !== 'head' || b.source !== 'head' || gap.length > 40 || !KIND_GAP.test(gap)) break;
      if (/\b(?:or|ou)\b/.test(gap)) disjunction = true;
      end++;
    }
    const first = matches[k] as Match;
    const examples = SUCH_AS.test(ctx.folded.slice(Math.max(0, first.start - 40), first.start));
    if (end > k && (disjunction || examples)) {
      for (let i = k; i <= end; i++) drop.add(i);
    }
    k = end + 1;
  }
  return drop.size === 0 ? [...matches] : matches.filter((_, i) => !drop.has(i));
}
