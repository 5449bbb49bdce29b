/**
 * Ingestion: files and folders → read → extract → store, one transaction per document. One bad
 * file never stops the batch: each input gets its own result line, `failed` with the error.
 */
import { analyseDocument } from '../analysis/document-analyses.ts';
import { AtlasError } from '../domain/errors.ts';
import { expandInputs } from '../readers/index.ts';
import type { WatchHit } from '../storage/analyses/analysis-store.ts';
import type { ClaimedJob } from '../storage/jobs/job-queue.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import {
  type IngestRestriction,
  contentHash,
  type AtlasStore,
  type DocumentAnalyser,
  type DocumentInput,
  type SaveCounts,
  type SaveOptions,
} from '../storage/atlas-store.ts';
import { cliBusyRetry, retryWhileBusy, type BusyRetry } from '../storage/busy.ts';
import { extractReadDocument, readFileDocument } from './extract-file.ts';
import type { ExtractSandbox } from './extract-sandbox.ts';

/** The outcome for one input file. */
export interface IngestItem {
  readonly file: string;
  readonly status: 'added' | 'unchanged' | 'failed';
  readonly documentId?: string;
  readonly error?: AtlasError;
  readonly counts?: SaveCounts;
  /** Watches the document's instruments matched. */
  readonly watchHits?: readonly WatchHit[];
  /** A queue job's next job, claimed in the document's transaction (see SaveOptions.job.next). */
  readonly nextJob?: ClaimedJob;
}

export interface IngestBatchResult {
  readonly results: readonly IngestItem[];
  /** Files left out because the database stayed busy (run the command again). */
  readonly notAttempted?: readonly string[];
}

/** Progress after each file: how many are done of how many, and the last result. */
export interface IngestProgress {
  readonly done: number;
  readonly total: number;
  readonly item: IngestItem;
}

export interface IngestOptions {
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Called once the inputs are expanded, with the number of files to read. */
  readonly onStart?: (total: number) => void;
  readonly maxBytes?: number | undefined;
  /** Retries when another process holds the write lock (default: about half a minute in all). */
  readonly busyRetry?: BusyRetry;
  readonly maxCharacters?: number | undefined;
  /**
   * Reads and extracts in a thread with a heap limit (extract-sandbox.ts), so that a document that
   * exhausts memory fails alone instead of aborting the process. In this thread when absent.
   */
  readonly sandbox?: ExtractSandbox | undefined;
  /** Store each new document restricted to an organisation (`--restricted-to`). */
  readonly restriction?: IngestRestriction | undefined;
}

/** The limits a file is read with, where, and who hears of each stage (a job's progress). */
type ReadLimits = Pick<
  IngestOptions,
  'maxBytes' | 'maxCharacters' | 'busyRetry' | 'sandbox' | 'restriction'
> & {
  readonly onStage?: (stage: 'reading' | 'extracting' | 'storing') => Promise<void> | void;
  /** The name the document is stored under when the file read is a copy (an upload's own name). */
  readonly sourceName?: string;
  /** The queue job being run: a new document completes it in its own transaction. */
  readonly job?: SaveOptions['job'];
};

const NOTHING_ADDED: SaveCounts = {
  instrumentsAdded: 0,
  instrumentsMerged: 0,
  claims: 0,
  statements: 0,
  events: 0,
};

/**
 * The analyses of a document (positions, commitments, indicators…) as the store asks for them: the
 * service layer runs them, the store writes them in the document's own transaction.
 */
export function documentAnalyser(document: DocumentInput, extracted: ExtractedDocument): DocumentAnalyser {
  return (documentId) => analyseDocument(document.text, documentId, extracted);
}

/** Turns anything thrown into an AtlasError that names the file. */
export function asAtlasError(file: string, error: unknown): AtlasError {
  if (error instanceof AtlasError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AtlasError('storage_failure', `${file}: ${reason}`, { file }, { cause: error });
}

/**
 * Ingests one file into the store. A document is identified by the hash of its text, computed right
 * after reading: one already stored is `unchanged` without running the extraction. Never throws:
 * failures come back as `failed` items.
 */
export async function ingestFile(
  file: string,
  store: AtlasStore,
  options: ReadLimits = {},
): Promise<IngestItem> {
  try {
    const { sandbox, onStage } = options;
    await onStage?.('reading');
    // Only the limits cross to the thread: the options also hold functions, which cannot be posted.
    const limits = { maxBytes: options.maxBytes, maxCharacters: options.maxCharacters };
    const read =
      sandbox === undefined ? await readFileDocument(file, limits) : await sandbox.read(file, limits);
    const named = options.sourceName === undefined ? read : { ...read, path: options.sourceName };
    const document =
      options.restriction === undefined ? named : { ...named, restriction: options.restriction };
    const known = await store.findDocumentByHash(contentHash(document.text));
    if (known !== undefined) {
      return { file, status: 'unchanged', documentId: known.id, counts: NOTHING_ADDED };
    }
    // The thread starts extracting before the stage is recorded: on SQLite that write may wait for
    // another worker's transaction, and meanwhile the extraction goes on.
    const extraction = sandbox?.extract(file);
    extraction?.catch(() => undefined);
    await onStage?.('extracting');
    const extracted = extraction === undefined ? extractReadDocument(document) : await extraction;
    const saveOptions = {
      ...(options.job === undefined ? {} : { job: options.job }),
      // The analyses and search tokens are computed first (CPU work, part of extracting): the
      // stage write that may wait for another worker's transaction then waits only for the lock.
      ...(onStage === undefined ? {} : { beforeTransaction: async () => onStage('storing') }),
    };
    // One transaction per document, with its analyses: a busy failure wrote nothing, so the save
    // is simply retried.
    const saved = await retryWhileBusy(file, options.busyRetry ?? cliBusyRetry(), () =>
      store.saveExtraction(document, extracted, documentAnalyser(document, extracted), saveOptions),
    );
    return {
      file,
      status: saved.status,
      documentId: saved.documentId,
      counts: saved.counts,
      ...(saved.watchHits === undefined || saved.watchHits.length === 0
        ? {}
        : { watchHits: saved.watchHits }),
      ...(saved.nextJob === undefined ? {} : { nextJob: saved.nextJob }),
    };
  } catch (error) {
    return { file, status: 'failed', error: asAtlasError(file, error) };
  }
}

/** Ingests files and folders (walked recursively); inputs that cannot be expanded come first as failures. */
export async function ingestPaths(
  paths: readonly string[],
  store: AtlasStore,
  options: IngestOptions = {},
): Promise<IngestBatchResult> {
  const { files, errors } = await expandInputs(paths);
  const results: IngestItem[] = errors.map((error) => ({
    file: typeof error.detail.file === 'string' ? error.detail.file : '',
    status: 'failed',
    error,
  }));
  options.onStart?.(files.length + errors.length);
  for (const [index, item] of results.entries()) {
    options.onProgress?.({ done: index + 1, total: files.length + errors.length, item });
  }
  for (const file of files) {
    const item = await ingestFile(file, store, {
      maxBytes: options.maxBytes,
      maxCharacters: options.maxCharacters,
      sandbox: options.sandbox,
      ...(options.busyRetry === undefined ? {} : { busyRetry: options.busyRetry }),
      ...(options.restriction === undefined ? {} : { restriction: options.restriction }),
    });
    results.push(item);
    options.onProgress?.({ done: results.length, total: files.length + errors.length, item });
    // Still locked after the retries: the next files would only wait as long again.
    if (item.error?.code === 'busy') return { results, notAttempted: files.slice(files.indexOf(file) + 1) };
  }
  return { results };
}

export { summariseBatch } from './batch-summary.ts';
