/**
 * The lists behind count claims: a footnote body ("57 AT, BE, CY … and GE, UA") or an inline
 * parenthesis right after the count phrase, and the footnote a count phrase points to (a marker
 * glued to the phrase, or the only marker closing the sentence).
 */
import type { Quoted, Span } from '../../domain/model.ts';
import type { CountryList, ListedCountry } from '../../domain/analysis-model.ts';
import type { CountryMention, Footnote } from '../types.ts';
import { footnoteBody } from './footnotes.ts';
import { tidy } from './sentences.ts';

const SAMPLE_RE =
  /^\s*(?:for example|for instance|e\.g\.|such as|including|notably|par exemple|notamment|dont|y compris)\b/iu;

/** A quoted span of the text, white space tidied. */
export function quoted(text: string, span: Span): Quoted {
  return { start: span.start, end: span.end, quote: tidy(text.slice(span.start, span.end)) };
}

export function footnoteList(
  text: string,
  footnote: Footnote,
  mentions: readonly CountryMention[],
): CountryList | null {
  const body = footnoteBody(text, footnote);
  const items: ListedCountry[] = mentions
    .filter((m) => m.start >= body.start && m.end <= body.end && m.form !== 'adjective')
    .map((m) => ({ start: m.start, end: m.end, quote: m.quote, code: m.code }));
  if (items.length === 0) return null;
  // A citation naming a country ("Belgium, Special Envoy…, last accessed…") is not a list.
  if (footnote.isCitation && !items.some((i) => i.quote.length === 2)) return null;
  const bodyText = text.slice(body.start, body.end);
  return {
    ...quoted(text, body),
    source: 'footnote',
    footnote: footnote.number,
    exhaustive: !SAMPLE_RE.test(bodyText),
    countries: [...new Set(items.map((i) => i.code))],
    mentions: items,
  };
}

/** "(AT, BE, CY …)" or ": Egypt, Tunisia and Morocco" right after the count phrase. */
export function inlineList(
  text: string,
  from: number,
  sentence: Span,
  mentions: readonly CountryMention[],
): CountryList | null {
  const rest = text.slice(from, sentence.end);
  const m = /^\s*\(([^()]{2,600})\)|^\s*:\s*([^.;]{2,600})/u.exec(rest);
  if (!m) return null;
  const start = from + m.index + m[0].indexOf(m[1] ?? m[2] ?? '');
  const end = start + (m[1] ?? m[2] ?? '').length;
  const items: ListedCountry[] = mentions
    .filter((c) => c.start >= start && c.end <= end && c.form !== 'adjective')
    .map((c) => ({ start: c.start, end: c.end, quote: c.quote, code: c.code }));
  if (items.length < 2) return null;
  return {
    ...quoted(text, { start, end }),
    source: 'inline',
    footnote: null,
    exhaustive: !SAMPLE_RE.test(text.slice(start, end)),
    countries: [...new Set(items.map((i) => i.code))],
    mentions: items,
  };
}

export function markerFootnote(
  byMarker: ReadonlyMap<number, Footnote>,
  text: string,
  from: number,
): Footnote | null {
  // The marker may follow a closing punctuation mark: "by five countries.¹⁰²".
  let k = from;
  while (k < text.length && /[.,;:*]/.test(text.charAt(k))) k++;
  return byMarker.get(k) ?? byMarker.get(from) ?? null;
}

/**
 * The pipeline's footnotes completed by the local locator: a footnote number the segmentation
 * missed (superscript-numbered bodies "⁷² AT, BE…") is taken from the locator.
 */
export function mergeFootnotes(given: readonly Footnote[], located: readonly Footnote[]): Footnote[] {
  const numbers = new Set(given.filter((f) => f.markers.length > 0).map((f) => f.number));
  return [...given.filter((f) => f.markers.length > 0), ...located.filter((f) => !numbers.has(f.number))];
}

/**
 * The footnote of a marker closing the sentence ("Several countries report that … level.⁶³"), when
 * it is the sentence's only marker: then it documents the whole sentence, subject included.
 */
export function closingFootnote(
  text: string,
  sentence: Span,
  byMarker: ReadonlyMap<number, Footnote>,
): Footnote | null {
  let only: Footnote | null = null;
  let last = -1;
  for (const [pos, f] of byMarker) {
    if (pos < sentence.start || pos > sentence.end) continue;
    if (only !== null) return null;
    only = f;
    last = pos;
  }
  if (only === null) return null;
  const tail = text.slice(last, sentence.end).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹\d]/gu, '');
  return tail.trim() === '' ||
    /^[.!?]\s*$/.test(tail) ||
    /[.!?]$/.test(text.slice(sentence.start, last).trim())
    ? only
    : null;
}
