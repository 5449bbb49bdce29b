/**
 * Sentence bounds for the rules of country positions and of the analyses, when no segmentation is
 * given. Text converted from PDF breaks sentences over blank lines ("such as\n\nspecial envoys"),
 * so a blank line ends a sentence only when the next paragraph does not start in lower case.
 */
import type { Span } from '../../domain/model.ts';

/** A sentence ends after . ! ? (and any footnote marker or closing quote), before a space. */
const END_RE = /[.!?](?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[)"”’»*]|\d{1,3}(?=\s))*(?=\s|$)/gu;
const ABBREVIATION_RE =
  /(?:^|[\s(])(?:e\.g|i\.e|etc|cf|vs|no|nos|art|p|pp|vol|M|Mme|Mr|Mrs|Dr|St|S\.E|\p{Lu})$/iu;
/** A blank line, a bullet or a list-item line start a new sentence unless lower case follows. */
const BREAK_RE = /\n[ \t]*\n\s*(?=[^\s\p{Ll}])|\n[ \t]*(?=[-•*][ \t]|[\uF000-\uF0FF])/gu;

/** Sentences of `text` as trimmed spans, in text order, non-overlapping, linear time. */
export function splitSentences(text: string): Span[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of text.matchAll(END_RE)) {
    // "e.g.", "i.e.", "M. Diop", "art. 25a": an abbreviation's dot does not end the sentence.
    // "145.1 millions": a decimal point is not a full stop.
    if (/\d/.test(text.charAt(m.index - 1)) && /\d/.test(text.charAt(m.index + 1))) continue;
    if (text.charAt(m.index) === '.' && ABBREVIATION_RE.test(text.slice(Math.max(0, m.index - 6), m.index))) {
      continue;
    }
    cuts.add(m.index + m[0].length);
  }
  for (const m of text.matchAll(BREAK_RE)) cuts.add(m.index);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Span[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    let start = sorted[i] as number;
    let end = sorted[i + 1] as number;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The sentence of `sentences` (sorted) holding `pos`, or null (binary search). */
export function sentenceAt(sentences: readonly Span[], pos: number): Span | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Span;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** Collapses runs of white space (line breaks of PDF text) to one space, for quotes shown to users. */
export function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
