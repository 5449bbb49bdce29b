/**
 * Ingestion by several worker processes (`mda ingest --workers N`): the files become one batch of
 * jobs in the queue, a pool of workers runs them, and the outcome is read back from the queue as the
 * same per-file results as a plain ingestion, so the CLI prints the same lines and exit codes.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { AtlasError } from '../domain/errors.ts';
import { expandInputs } from '../readers/index.ts';
import type { AtlasStore, SaveCounts } from '../storage/atlas-store.ts';
import type { WatchHit } from '../storage/analyses/analysis-store.ts';
import type { Job } from '../storage/jobs/job-queue.ts';
import type { IngestBatchResult, IngestItem, IngestProgress } from './ingest.ts';
import { jobAtlasError } from './worker.ts';
import { startWorkerPool, type PoolOptions, type WorkerLoss, type WorkerPool } from './worker-pool.ts';

export interface WorkersIngestOptions {
  readonly workers: number;
  /** Starts one `mda worker --batch … --once --id …` process. */
  readonly start: (batch: string, workerId: string) => ReturnType<PoolOptions['start']>;
  readonly onStart?: (total: number) => void;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly onWorkerLost?: (loss: WorkerLoss) => void;
  /** Receives the running pool, so that a stop signal can reach it. */
  readonly onPool?: (pool: WorkerPool) => void;
  readonly pollMs?: number;
}

export interface WorkersIngestResult extends IngestBatchResult {
  readonly batch: string;
  /** The pool was stopped (a signal): the jobs not started were dropped. */
  readonly stopped: boolean;
}

const ENDED: ReadonlySet<Job['state']> = new Set(['done', 'failed', 'parked']);

/** A finished job as the per-file result of a plain ingestion. */
export function itemOfJob(job: Job): IngestItem {
  if (job.state === 'done' && job.result !== null) {
    return {
      file: job.source,
      status: job.result.status,
      documentId: job.result.documentId,
      ...(job.result.counts === undefined ? {} : { counts: job.result.counts as unknown as SaveCounts }),
      ...(job.result.watchHits === undefined || job.result.watchHits.length === 0
        ? {}
        : { watchHits: job.result.watchHits as readonly WatchHit[] }),
    };
  }
  return { file: job.source, status: 'failed', error: jobAtlasError(job) };
}

/** Every job of a batch, in the order they were queued. */
async function batchJobs(store: AtlasStore, batch: string): Promise<Job[]> {
  const jobs: Job[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await store.jobs.list({ batch, limit: 500, offset });
    jobs.push(...page.items);
    if (page.items.length < 500) break;
  }
  // Job ids sort in creation order; the listing is newest first.
  return jobs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const newBatchId = (): string => `batch_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

export async function ingestWithWorkers(
  paths: readonly string[],
  store: AtlasStore,
  options: WorkersIngestOptions,
): Promise<WorkersIngestResult> {
  const { files, errors } = await expandInputs(paths);
  const total = files.length + errors.length;
  const results: IngestItem[] = errors.map((error) => ({
    file: typeof error.detail.file === 'string' ? error.detail.file : '',
    status: 'failed',
    error,
  }));
  options.onStart?.(total);
  let done = 0;
  for (const item of results) options.onProgress?.({ done: (done += 1), total, item });
  const batch = newBatchId();
  if (files.length === 0) return { batch, results, stopped: false };

  // The worker processes may run elsewhere (another folder): they get absolute paths.
  await store.jobs.enqueue(
    files.map((file) => ({ source: file, batch, payload: { kind: 'ingest_file', path: resolve(file) } })),
  );
  const reported = new Set<string>();
  const pool = startWorkerPool(store, {
    batch,
    workers: Math.min(options.workers, files.length),
    start: (workerId) => options.start(batch, workerId),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    onJob: (job) => {
      if (!ENDED.has(job.state) || reported.has(job.id)) return;
      reported.add(job.id);
      options.onProgress?.({ done: (done += 1), total, item: itemOfJob(job) });
    },
    ...(options.onWorkerLost === undefined ? {} : { onWorkerLost: options.onWorkerLost }),
  });
  options.onPool?.(pool);
  const outcome = await pool.done;
  const jobs = await batchJobs(store, batch);
  if (outcome.crash !== undefined) {
    const finished = jobs.filter((job) => ENDED.has(job.state)).length;
    throw new AtlasError(
      'storage_failure',
      `ingestion workers failed: ${outcome.crash}; ${finished} of ${files.length} files were processed (see \`mda jobs --batch ${batch}\`)`,
      { batch },
    );
  }
  for (const job of jobs) {
    if (!ENDED.has(job.state)) continue;
    const item = itemOfJob(job);
    results.push(item);
    // A job whose worker's message was lost (it died right after) is reported here.
    if (!reported.has(job.id)) {
      reported.add(job.id);
      options.onProgress?.({ done: (done += 1), total, item });
    }
  }
  return { batch, results, stopped: outcome.stopped };
}
