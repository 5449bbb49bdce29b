/**
 * The sentence around an evidence span, so a reader sees the whole sentence a value was read from
 * with the supporting words marked inside it. Pure: text and sentence spans in, three parts out.
 */
import type { Span } from '../domain/model.ts';

/** The sentence cut in three: before the span, the span, after it (all single-spaced). */
export interface SentenceParts {
  readonly before: string;
  readonly marked: string;
  readonly after: string;
}

/** Longest context shown on either side of the span when a "sentence" is a whole table or list. */
const MAX_SIDE = 400;

const tidy = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * The sentences covering `span` (a span may cross a boundary the segmenter saw), cut around the
 * span. `sentences` are sorted, non-overlapping spans of `text`; without a covering sentence the
 * span alone is returned.
 */
export function sentenceAround(text: string, span: Span, sentences: readonly Span[]): SentenceParts {
  let first: Span | undefined;
  let last: Span | undefined;
  for (const sentence of sentences) {
    if (sentence.end <= span.start) continue;
    if (sentence.start >= span.end) break;
    first ??= sentence;
    last = sentence;
  }
  const start = Math.min(span.start, first?.start ?? span.start);
  const end = Math.max(span.end, last?.end ?? span.end);
  const from = Math.max(start, span.start - MAX_SIDE);
  const to = Math.min(end, span.end + MAX_SIDE);
  const before = tidy(text.slice(from, span.start)).trimStart();
  const after = tidy(text.slice(span.end, to)).trimEnd();
  return {
    before: from > start ? `… ${before}` : before,
    marked: tidy(text.slice(span.start, span.end)),
    after: to < end ? `${after} …` : after,
  };
}

/** The sentences just before and just after the sentence(s) of a span: the passage around it. */
export interface Passage {
  readonly before: string;
  readonly after: string;
}

/**
 * `count` sentences on each side of the sentences covering `span` (empty at the text's ends), so a
 * reader can open the context of a quote without leaving the page.
 */
export function passageAround(text: string, span: Span, sentences: readonly Span[], count = 2): Passage {
  const first = sentences.findIndex((sentence) => sentence.end > span.start);
  if (first < 0) return { before: '', after: '' };
  let last = first;
  while (last + 1 < sentences.length && (sentences[last + 1]?.start ?? Infinity) < span.end) last++;
  const side = (from: number, to: number): string =>
    sentences
      .slice(Math.max(0, from), Math.max(0, to))
      .map((sentence) => tidy(text.slice(sentence.start, sentence.end)).trim())
      .filter((part) => part !== '')
      .join(' ');
  const before = side(first - count, first);
  const after = side(last + 1, last + 1 + count);
  // A long list or table is one "sentence": cut it at a word, and say so.
  const limit = MAX_SIDE * 2;
  return {
    before:
      before.length > limit ? `… ${before.slice(before.indexOf(' ', before.length - limit) + 1)}` : before,
    after: after.length > limit ? `${after.slice(0, after.lastIndexOf(' ', limit))} …` : after,
  };
}
