/**
 * An ingestion worker: claims jobs from the store's queue and ingests each document (one transaction
 * per document, hash checked before any extraction), renewing its lease while it works. Stops
 * between two documents when asked; a worker killed mid-document has written nothing of it and its
 * job is claimed again once the lease expires (or at once when a supervisor reports it gone).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AtlasError, type AtlasErrorCode } from '../domain/errors.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import {
  jobResultOf,
  type ClaimedJob,
  type ClaimOptions,
  type Job,
  type JobError,
} from '../storage/jobs/job-queue.ts';
import type { ExtractSandbox } from './extract-sandbox.ts';
import { ingestFile, type IngestItem } from './ingest.ts';

/** How long a claimed job stays a worker's without news from it (renewed at a third of it). */
export const DEFAULT_LEASE_MS = 30_000;
/** How often an idle worker looks for work. */
export const DEFAULT_POLL_MS = 1_000;
/** How often a worker waiting for the end of its batch (`--once`) looks again. */
const BATCH_END_POLL_MS = 50;

/** Errors of the document itself: trying again cannot help, so the job fails at once. */
const INPUT_ERRORS: ReadonlySet<string> = new Set<AtlasErrorCode>([
  'unreadable_file',
  'unknown_format',
  'wrong_encoding',
  'empty_document',
  'document_too_large',
  'document_over_limit',
  'invalid_input',
  'invalid_data',
  'not_found',
]);

export const isInputError = (code: string): boolean => INPUT_ERRORS.has(code);

/** A name for this worker, unique across machines sharing a database. */
export const newWorkerId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface WorkerOptions {
  readonly workerId: string;
  /** Only this batch's jobs; with `untilBatchDone`, stop when none of them is left to do. */
  readonly batch?: string | undefined;
  readonly untilBatchDone?: boolean;
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly maxBytes?: number | undefined;
  readonly maxCharacters?: number | undefined;
  readonly sandbox?: ExtractSandbox | undefined;
  /** Checked between documents (a stop signal arrived). */
  readonly shouldStop: () => boolean;
  /** After each job, with its new state. */
  readonly onJob?: (job: Job, item: IngestItem) => void;
}

/** Env overrides, for tests and deployments: MDA_JOB_LEASE_MS, MDA_WORKER_POLL_MS. */
export function timingFromEnv(env: NodeJS.ProcessEnv = process.env): { leaseMs: number; pollMs: number } {
  const positive = (text: string | undefined, fallback: number): number => {
    const value = Number(text);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    leaseMs: positive(env.MDA_JOB_LEASE_MS, DEFAULT_LEASE_MS),
    pollMs: positive(env.MDA_WORKER_POLL_MS, DEFAULT_POLL_MS),
  };
}

const sleep = (ms: number, shouldStop: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const started = Date.now();
    const tick = (): void => {
      if (shouldStop() || Date.now() - started >= ms) resolve();
      else setTimeout(tick, Math.min(100, ms));
    };
    tick();
  });

/** The job's file: its path, or an upload written to a private temporary folder under its own name. */
async function materialise(job: ClaimedJob): Promise<{ path: string; cleanup: () => Promise<void> }> {
  if (job.payload.kind === 'ingest_file') return { path: job.payload.path, cleanup: () => Promise.resolve() };
  const dir = await mkdtemp(join(tmpdir(), 'mda-upload-'));
  const path = join(dir, basename(job.payload.name) || 'upload');
  await writeFile(path, Buffer.from(job.payload.content, 'base64'), { mode: 0o600 });
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs one claimed job to its end; never throws for the document's own failures. */
export async function processJob(
  store: AtlasStore,
  job: ClaimedJob,
  options: Omit<WorkerOptions, 'shouldStop'> & {
    /** Claim the worker's next job in the transaction that stores a new document (`next`). */
    readonly claimNext?: ClaimOptions;
  },
): Promise<{ job: Job; item: IngestItem; next?: ClaimedJob }> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let stage = job.stage ?? 'claimed';
  // The extraction runs in its own thread, so this one is free to renew the lease meanwhile.
  const heartbeat = setInterval(
    () => {
      void store.jobs.progress(job.id, options.workerId, stage, leaseMs).catch(() => undefined);
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  const { path, cleanup } = await materialise(job);
  try {
    const raw = await ingestFile(path, store, {
      maxBytes: options.maxBytes,
      maxCharacters: options.maxCharacters,
      sandbox: options.sandbox,
      ...(path === job.source ? {} : { sourceName: job.source }),
      job: {
        id: job.id,
        worker: options.workerId,
        ...(options.claimNext === undefined ? {} : { next: options.claimNext }),
      },
      onStage: async (next) => {
        // The claim already recorded the first stage (runWorker claims in `reading`).
        if (next === stage) return;
        // On SQLite the `storing` note would take the write lock right before the document's
        // transaction takes it again (and is skipped whenever another worker holds it, the only
        // time it would show): one commit and one lock hand-over per document for nothing.
        if (next === 'storing' && store.engine === 'sqlite') return;
        stage = next;
        // A note for people watching (`mda jobs`): skipped rather than waited for while another
        // worker stores a document on SQLite; the heartbeat renews the lease either way.
        await store.jobs.noteStage(job.id, options.workerId, next, leaseMs);
      },
    });
    const { nextJob, ...rest } = raw;
    const item: IngestItem = { ...rest, file: job.source };
    if (item.status === 'failed') {
      const error: JobError = {
        code: item.error?.code ?? 'storage_failure',
        message: (item.error?.message ?? 'failed').split(path).join(job.source),
      };
      const failed = await store.jobs.fail(job.id, options.workerId, error, isInputError(error.code));
      return { job: failed, item };
    }
    // A new document's job was completed in the document's own transaction.
    if (item.status !== 'added') {
      await store.jobs.complete(
        job.id,
        options.workerId,
        jobResultOf({
          status: item.status,
          documentId: item.documentId ?? '',
          counts: item.counts,
          watchHits: item.watchHits,
        }),
      );
    }
    return {
      job: (await store.jobs.get(job.id)) ?? job,
      item,
      ...(nextJob === undefined ? {} : { next: nextJob }),
    };
  } finally {
    clearInterval(heartbeat);
    await cleanup();
  }
}

/** Pulls jobs until told to stop (or, with `untilBatchDone`, until the batch is finished). */
export async function runWorker(store: AtlasStore, options: WorkerOptions): Promise<{ processed: number }> {
  const { leaseMs, pollMs } = { ...timingFromEnv(), ...definedOnly(options) };
  let processed = 0;
  // The attempt starts by reading the file: claimed in that stage, one write fewer.
  const claimOptions: ClaimOptions = {
    leaseMs,
    stage: 'reading',
    ...(options.batch === undefined ? {} : { batch: options.batch }),
  };
  // The job claimed in the transaction that stored the previous document, if any.
  let next: ClaimedJob | undefined;
  try {
    while (!options.shouldStop()) {
      const job = next ?? (await store.jobs.claim(options.workerId, claimOptions));
      next = undefined;
      if (job === undefined) {
        let wait = pollMs;
        if (options.untilBatchDone === true) {
          const counts = await store.jobs.counts(options.batch);
          if (counts.queued + counts.running === 0) break;
          // Only other workers' last jobs are left: look again soon, so that this worker ends with
          // the batch (`mda ingest --workers` waits for every worker) rather than up to pollMs later.
          wait = Math.min(pollMs, BATCH_END_POLL_MS);
        }
        await sleep(wait, options.shouldStop);
        continue;
      }
      const ran = await processJob(store, job, { ...options, leaseMs, claimNext: claimOptions });
      next = ran.next;
      processed += 1;
      options.onJob?.(ran.job, ran.item);
    }
  } finally {
    // Asked to stop with a job claimed but not started: back to the queue, the attempt uncounted.
    if (next !== undefined) await store.jobs.handBack(next.id, options.workerId).catch(() => false);
  }
  return { processed };
}

function definedOnly(options: WorkerOptions): { leaseMs?: number; pollMs?: number } {
  return {
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  };
}

/** A stored job's error as the AtlasError a batch result carries (a known code, or storage_failure). */
export function jobAtlasError(job: Job): AtlasError {
  const error = job.error ?? { code: 'storage_failure', message: 'failed' };
  const message = error.message.startsWith(`${job.source}:`)
    ? error.message
    : `${job.source}: ${error.message}`;
  // A parked job waits for a person: say how many attempts it had and how to try it again.
  const parked =
    job.state === 'parked'
      ? ` (parked after ${job.attempts} attempts; \`mda jobs retry ${job.id}\` once fixed)`
      : '';
  return new AtlasError(
    (isInputError(error.code) || error.code === 'busy' ? error.code : 'storage_failure') as AtlasErrorCode,
    `${message}${parked}`,
    { file: job.source, job: job.id, state: job.state },
  );
}
