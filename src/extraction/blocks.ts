/**
 * Large documents are extracted block by block. Each stage builds working copies of the text
 * (folded text, token and sentence arrays) whose size follows the input; over a 50 MB report those
 * copies, not the results, dominate memory. Cutting the text at paragraph breaks into blocks of
 * about a megabyte bounds them, and the blocks' results are shifted back to document offsets and
 * concatenated. Footnotes whose markers sit in another block lose that link, which only matters
 * for texts far longer than any real report.
 */
import type { Language, Span } from '../domain/model.ts';
import type { ExtractedDocument, TopicAssessment } from './types.ts';

/** Texts longer than this (UTF-16 code units) are extracted in blocks. */
export const BLOCK_CHARS = 1_000_000;

/** Consecutive spans covering `text`, each ending at a paragraph (else line) break when possible. */
export function blocksOf(text: string, blockChars: number = BLOCK_CHARS): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + blockChars);
    if (end < text.length) {
      const window = text.slice(start + Math.floor(blockChars / 2), end);
      const paragraph = window.lastIndexOf('\n\n');
      const line = window.lastIndexOf('\n');
      const cut = paragraph >= 0 ? paragraph + 2 : line >= 0 ? line + 1 : -1;
      if (cut >= 0) end = start + Math.floor(blockChars / 2) + cut;
    }
    blocks.push({ start, end });
    start = end;
  }
  return blocks;
}

/**
 * Adds `offset` to every `start`/`end` pair of numbers reachable from `value`, in place: every
 * span-like object of a block's extraction (mentions, sentences, parties, nested dates) moves as
 * one. The block's results are fresh objects owned by the caller, so no copy is made (copies would
 * double the memory of the results); objects shared between lists are moved once.
 */
export function shiftSpans<T>(value: T, offset: number, seen: WeakSet<object> = new WeakSet()): T {
  if (offset === 0 || value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) shiftSpans(item, offset, seen);
    return value;
  }
  const target = value as Record<string, unknown>;
  for (const item of Object.values(target)) shiftSpans(item, offset, seen);
  if (typeof target.start === 'number' && typeof target.end === 'number') {
    target.start += offset;
    target.end += offset;
  }
  return value;
}

/** Runs `extractBlock` over each block of `text` and merges the results in document order. */
export function extractInBlocks(
  text: string,
  language: Language,
  extractBlock: (block: string, language: Language) => ExtractedDocument,
  blockChars: number = BLOCK_CHARS,
): ExtractedDocument {
  const parts = blocksOf(text, blockChars).map((block) => ({
    offset: block.start,
    doc: extractBlock(text.slice(block.start, block.end), language),
  }));
  return mergeExtractions(parts, language);
}

function mergeExtractions(
  parts: readonly { offset: number; doc: ExtractedDocument }[],
  language: Language,
): ExtractedDocument {
  for (const { offset, doc } of parts) shiftSpans(doc, offset);
  const all = <K extends Exclude<keyof ExtractedDocument, 'language' | 'segmentation' | 'links'>>(key: K) =>
    parts.flatMap(({ doc }) => doc[key] as readonly unknown[]) as unknown as ExtractedDocument[K];
  // Links point at instruments by index: each block's indexes move past the earlier blocks'.
  let instrumentBase = 0;
  const links = parts.flatMap(({ doc }) => {
    const base = instrumentBase;
    instrumentBase += doc.instruments.length;
    return doc.links.map((link) => ({ ...link, from: link.from + base, to: link.to + base }));
  });
  return {
    language,
    segmentation: {
      sections: parts.flatMap(({ doc }) => doc.segmentation.sections),
      paragraphs: parts.flatMap(({ doc }) => doc.segmentation.paragraphs),
      sentences: parts.flatMap(({ doc }) => doc.segmentation.sentences),
      footnotes: parts.flatMap(({ doc }) => doc.segmentation.footnotes),
    },
    countries: all('countries'),
    organizations: all('organizations'),
    dates: all('dates'),
    amounts: all('amounts'),
    instruments: all('instruments'),
    topics: mergeTopics(parts),
    statements: all('statements'),
    events: all('events'),
    links,
  };
}

/** A topic treated in any block is treated by the document; its score is the share of sentences. */
function mergeTopics(parts: readonly { offset: number; doc: ExtractedDocument }[]): TopicAssessment[] {
  const sentenceTotal = parts.reduce((sum, { doc }) => sum + doc.segmentation.sentences.length, 0);
  const byCode = new Map<TopicAssessment['code'], Span[]>();
  for (const { doc } of parts) {
    for (const topic of doc.topics) {
      byCode.set(topic.code, [...(byCode.get(topic.code) ?? []), ...topic.sentences]);
    }
  }
  return [...byCode].map(([code, sentences]) => ({
    code,
    sentences,
    score: sentences.length / Math.max(1, sentenceTotal),
  }));
}
