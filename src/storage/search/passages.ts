/**
 * Splits a document's text into passages so search hits and the document page share the same
 * spans. Text extracted from PDFs often puts a blank line after every printed line, so blocks are
 * merged until one ends a sentence and the passage is long enough to read on its own.
 */
import type { Span } from '../../domain/model.ts';

const MIN_PASSAGE = 200;
const MAX_PASSAGE = 1200;
const SENTENCE_END = /[.!?:;»)”]\s*$/;

/** Passages of a text as half-open spans (trimmed), each at most ~1200 characters. */
export function splitPassages(text: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start >= 0) cutLong(text, start, end, spans);
    start = -1;
  };
  for (const match of text.matchAll(/[^\n]*\S[^\n]*/g)) {
    const blockStart = match.index + (match[0].length - match[0].trimStart().length);
    const blockEnd = match.index + match[0].trimEnd().length;
    if (start < 0) start = blockStart;
    end = blockEnd;
    if (end - start >= MIN_PASSAGE && SENTENCE_END.test(match[0])) flush();
  }
  flush();
  return spans;
}

/** Cuts [start, end) at sentence ends so each piece stays under MAX_PASSAGE characters. */
function cutLong(text: string, start: number, end: number, out: Span[]): void {
  let pieceStart = start;
  while (end - pieceStart > MAX_PASSAGE) {
    const window = text.slice(pieceStart, pieceStart + MAX_PASSAGE);
    const lastStop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '), window.lastIndexOf('.\n'));
    const cut = lastStop > MAX_PASSAGE / 3 ? pieceStart + lastStop + 1 : pieceStart + MAX_PASSAGE;
    out.push({ start: pieceStart, end: cut });
    pieceStart = cut;
    while (pieceStart < end && /\s/.test(text[pieceStart] ?? '')) pieceStart++;
  }
  if (end > pieceStart) out.push({ start: pieceStart, end });
}
