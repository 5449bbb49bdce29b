/**
 * The built-in corpus: the real documents shipped in `<project>/corpus/`, found from the project
 * root (not the working directory) so `npm start` works from any folder.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { PROJECT_ROOT } from '../storage/paths.ts';
import { ingestPaths } from './ingest.ts';
import { reanalyseDocuments } from './reanalyse.ts';
import type { IngestBatchResult, IngestOptions } from './ingest.ts';

/** The folder holding the built-in corpus. */
export const CORPUS_DIR = join(PROJECT_ROOT, 'corpus');

/** Paths of the built-in corpus documents (`corpus/*.txt`), sorted. */
export async function builtInCorpusFiles(): Promise<string[]> {
  const names = await readdir(CORPUS_DIR);
  return names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(CORPUS_DIR, name));
}

/**
 * First-run setup: when the database holds no document yet, ingests the built-in corpus. Returns
 * the batch result, or `null` when documents were already there (then only documents not yet
 * analysed are analysed).
 */
export async function ensureBuiltInCorpus(
  store: AtlasStore,
  options: Pick<IngestOptions, 'onProgress' | 'onStart'> = {},
): Promise<IngestBatchResult | null> {
  const documents = await store.listDocuments({ limit: 1, offset: 0 });
  if (documents.total > 0) {
    // Documents stored before the analyses existed (or by an older extractor) get them now. One
    // that fails stays pending without stopping the start; `mda reanalyse` reports its error.
    await reanalyseDocuments(store);
    return null;
  }
  return ingestPaths(await builtInCorpusFiles(), store, options);
}
