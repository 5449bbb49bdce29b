/**
 * The job queue port: ingestion work kept in the atlas database, claimed by worker processes with a
 * lease. Services, the CLI and the HTTP API use this interface only; the one implementation
 * (kysely-job-queue.ts) runs on SQLite and on PostgreSQL.
 *
 * States: `queued` (waiting), `running` (a worker holds the lease), `done`, `failed` (the document
 * itself was refused — unreadable, over a limit — and retrying cannot help), `parked` (it failed
 * `maxAttempts` times for another reason, or the worker died on it that often: kept with its error
 * for a person to look at).
 */

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'parked'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Attempts before a job is parked (a killed worker counts as one). */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** What a worker needs to do the job. */
export type JobPayload =
  | { readonly kind: 'ingest_file'; readonly path: string }
  /** An upload through the API: the file's name and its bytes, base64. */
  | { readonly kind: 'ingest_upload'; readonly name: string; readonly content: string };

export interface JobError {
  readonly code: string;
  readonly message: string;
}

/** The outcome of a finished ingestion job. */
export interface JobResult {
  readonly status: 'added' | 'unchanged';
  readonly documentId: string;
  readonly counts?: Readonly<Record<string, number>>;
  readonly watchHits?: readonly unknown[];
}

/** A finished ingestion as its job keeps it (no watch hits when there are none). */
export function jobResultOf(outcome: {
  readonly status: JobResult['status'];
  readonly documentId: string;
  readonly counts?: object | undefined;
  readonly watchHits?: readonly unknown[] | undefined;
}): JobResult {
  return {
    status: outcome.status,
    documentId: outcome.documentId,
    ...(outcome.counts === undefined
      ? {}
      : { counts: { ...(outcome.counts as Readonly<Record<string, number>>) } }),
    ...(outcome.watchHits === undefined || outcome.watchHits.length === 0
      ? {}
      : { watchHits: outcome.watchHits }),
  };
}

/** A job as users see it (without its payload). */
export interface Job {
  readonly id: string;
  readonly batch: string | null;
  readonly kind: JobPayload['kind'];
  /** The file path or the uploaded file's name. */
  readonly source: string;
  readonly state: JobState;
  readonly attempts: number;
  readonly maxAttempts: number;
  /** Where the running attempt is (`reading`, `extracting`, `storing`), or null. */
  readonly stage: string | null;
  /** The last attempt's error (kept when a retry is queued). */
  readonly error: JobError | null;
  readonly documentId: string | null;
  readonly result: JobResult | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

/** A job a worker holds: with its payload and the lease it must renew. */
export interface ClaimedJob extends Job {
  readonly payload: JobPayload;
  readonly leaseOwner: string;
}

export interface EnqueueRequest {
  readonly source: string;
  readonly payload: JobPayload;
  readonly batch?: string;
  readonly maxAttempts?: number;
}

export interface ClaimOptions {
  /** Only jobs of this batch. */
  readonly batch?: string;
  /** How long the lease lasts before another worker may take the job (renewed by `progress`). */
  readonly leaseMs: number;
  /**
   * The stage the attempt starts in (default `claimed`). A worker that starts reading at once says
   * so here: on SQLite every separate stage write waits for the other workers' transactions.
   */
  readonly stage?: string;
}

export interface JobListRequest {
  readonly state?: JobState;
  readonly batch?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface JobPage {
  readonly items: readonly Job[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export type JobCounts = Readonly<Record<JobState, number>>;

export interface JobQueue {
  /** Adds jobs (all in one transaction), `queued`, oldest first in claim order. */
  enqueue(requests: readonly EnqueueRequest[]): Promise<readonly Job[]>;
  /**
   * Takes the oldest claimable job for `worker`: a queued one, or a running one whose lease expired
   * (its worker died). A job whose worker died on its last allowed attempt is parked instead.
   */
  claim(worker: string, options: ClaimOptions): Promise<ClaimedJob | undefined>;
  /**
   * Gives back a job the worker claimed but never started (it claimed it in the transaction that
   * stored its previous document, then was asked to stop): queued again, the attempt not counted.
   * False if the worker no longer held it.
   */
  handBack(id: string, worker: string): Promise<boolean>;
  /** Records the stage of the running attempt and renews the lease; false if the worker lost it. */
  progress(id: string, worker: string, stage: string, leaseMs: number): Promise<boolean>;
  /**
   * `progress` for a stage people watch, only when it costs no wait: on SQLite, while another
   * process holds the write lock, nothing is written (`skipped`) and the job shows its previous
   * stage a little longer, rather than a worker idling for the lock twice per document (once for
   * the note, once for its transaction). `lost`: the worker no longer holds the job.
   */
  noteStage(
    id: string,
    worker: string,
    stage: string,
    leaseMs: number,
  ): Promise<'written' | 'skipped' | 'lost'>;
  /**
   * The job succeeded: `done` with its result; the payload is dropped. (A new document's job is
   * completed by `saveExtraction` instead, in the document's own transaction.)
   */
  complete(id: string, worker: string, result: JobResult): Promise<void>;
  /**
   * The attempt failed. `final` (the input itself is refused) makes it `failed` at once; otherwise
   * it is queued again, or parked once it has used its attempts.
   */
  fail(id: string, worker: string, error: JobError, final: boolean): Promise<Job>;
  /**
   * A worker is known to be gone (its supervisor saw it exit): its running jobs become claimable at
   * once, with `reason` recorded as their error, and are parked if that was their last attempt.
   */
  releaseWorker(worker: string, reason: JobError): Promise<readonly Job[]>;
  /**
   * Queues a failed or parked job again with fresh attempts (a person fixed the cause). Other
   * states are left as they are; returns the job as it now is, or undefined if there is none.
   */
  retry(id: string): Promise<Job | undefined>;
  /**
   * Removes the batch's queued jobs (an interrupted `mda ingest --workers`); `neverAttempted`:
   * only those no attempt was ever made at (a job a stopping worker handed back unstarted).
   */
  cancelQueued(batch: string, options?: { readonly neverAttempted?: boolean }): Promise<number>;
  get(id: string): Promise<Job | undefined>;
  list(request: JobListRequest): Promise<JobPage>;
  /** How many jobs are in each state (of one batch, or all). */
  counts(batch?: string): Promise<JobCounts>;
}
