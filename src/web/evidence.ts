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
