/**
 * Sentence spans of stored documents, read through the extraction's own segmentation and kept for
 * the few documents read last (segmenting a long report takes tens of milliseconds).
 */
import type { Span } from '../domain/model.ts';
import { segment } from '../extraction/segmentation.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';

export interface SegmentedDocument {
  readonly id: string;
  readonly language: string;
  readonly text: string;
  readonly sentences: readonly Span[];
}

const KEEP = 32;
const cache = new Map<string, SegmentedDocument>();

/** The documents with these ids, each with its sentences (unknown ids are left out). */
export async function segmentedDocuments(
  store: AtlasStore,
  ids: readonly string[],
): Promise<ReadonlyMap<string, SegmentedDocument>> {
  const out = new Map<string, SegmentedDocument>();
  const wanted = [...new Set(ids)];
  const missing = wanted.filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const rows = await store.queries.documentTexts(missing);
    for (const row of rows) {
      const doc = {
        id: row.id,
        language: row.language,
        text: row.text,
        sentences: segment(row.text).sentences,
      };
      // Into the answer directly: a page quoting more documents than the cache keeps gets them all.
      out.set(row.id, doc);
      cache.set(row.id, doc);
      while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
    }
  }
  for (const id of wanted) {
    const doc = cache.get(id);
    if (doc !== undefined) out.set(id, doc);
  }
  return out;
}
