/**
 * The job queue over the atlas database (Kysely, portable SQL). Claiming is safe between processes
 * on both engines: on PostgreSQL the candidate row is locked with `FOR UPDATE SKIP LOCKED` (workers
 * never wait on each other's row), on SQLite the claim's read and conditional UPDATE run in one
 * transaction under the database's single write lock; on both, an UPDATE that finds the row already
 * taken changes nothing and the worker looks again.
 *
 * Why not pg-boss on PostgreSQL: one table on both engines gives the same states, the same `mda
 * jobs` listing and API, and the same export/import (parked errors travel with the atlas); pg-boss
 * keeps its own schema, states and retention rules, which the export would not see.
 */
import { randomBytes } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import { isDatabaseBusy } from '../busy.ts';
import type { Database, JobsTable } from '../schema.ts';
import {
  DEFAULT_MAX_ATTEMPTS,
  JOB_STATES,
  type ClaimedJob,
  type ClaimOptions,
  type Job,
  type JobError,
  type JobPayload,
  type JobQueue,
  type JobResult,
  type JobState,
} from './job-queue.ts';

type JobRow = Selectable<JobsTable>;

/**
 * What the payload column holds once a job is done (the bytes of an upload are not kept). A failed
 * or parked job keeps its payload, so that a person can retry it (`mda jobs retry`).
 */
const SPENT_PAYLOAD = '{}';

const iso = (ms: number): string => new Date(ms).toISOString();

let sequence = 0;
/** Ids that sort in creation order within a process (claim order is created_at, then id). */
function newJobId(): string {
  sequence = (sequence + 1) % 1_679_616;
  return `job_${Date.now().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

function parseJson<T>(text: string | null): T | null {
  if (text === null || text === '') return null;
  return JSON.parse(text) as T;
}

function jobFromRow(row: JobRow): Job {
  return {
    id: row.id,
    batch: row.batch,
    kind: row.kind as JobPayload['kind'],
    source: row.source,
    state: row.state as JobState,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    stage: row.stage,
    error:
      row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? row.error_code },
    documentId: row.document_id,
    result: parseJson<JobResult>(row.result),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** The error a job gets when its worker stopped without saying why (lease expired). */
export const WORKER_LOST: JobError = {
  code: 'worker_lost',
  message: 'the worker processing it stopped during the attempt (killed, or out of memory)',
};

/**
 * Marks a job done with its result, on `db` or inside a caller's transaction: the store completes
 * the job of a new document in the transaction that stores it (see AtlasStore.saveExtraction), so a
 * worker killed after the commit never leaves a stored document whose job runs again. Only the
 * lease owner can complete it.
 */
export async function completeJob(
  db: Kysely<Database>,
  id: string,
  worker: string,
  result: JobResult,
): Promise<void> {
  const now = iso(Date.now());
  await db
    .updateTable('jobs')
    .set({
      state: 'done',
      stage: null,
      lease_owner: null,
      lease_expires_at: null,
      error_code: null,
      error_message: null,
      document_id: result.documentId,
      result: JSON.stringify(result),
      payload: SPENT_PAYLOAD,
      updated_at: now,
      finished_at: now,
    })
    .where('id', '=', id)
    .where('lease_owner', '=', worker)
    .execute();
}

type ClaimRound = { kind: 'none' } | { kind: 'again' } | { kind: 'claimed'; job: ClaimedJob };

/** Parks a job whose worker died on its last attempt (only if nobody moved it meanwhile). */
async function park(q: Kysely<Database>, row: JobRow, error: JobError, now: string): Promise<boolean> {
  const result = await q
    .updateTable('jobs')
    .set({
      state: 'parked',
      stage: null,
      lease_owner: null,
      lease_expires_at: null,
      error_code: error.code,
      error_message: error.message,
      updated_at: now,
      finished_at: now,
    })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * One try at taking the oldest claimable job, inside the caller's transaction: `again` when the
 * candidate was parked or taken by another worker meanwhile (look again), `none` when there is none.
 */
async function claimRound(
  q: Kysely<Database>,
  postgres: boolean,
  worker: string,
  options: ClaimOptions,
): Promise<ClaimRound> {
  const now = iso(Date.now());
  let query = q
    .selectFrom('jobs')
    .selectAll()
    // `state in (…)` first: the (batch, state) and (state, created_at) indexes then skip the
    // done jobs, which the `or` alone made the claim read (all of a batch's, under the lock).
    .where('state', 'in', ['queued', 'running'])
    .where((eb) =>
      eb.or([
        eb('state', '=', 'queued'),
        eb.and([eb('state', '=', 'running'), eb('lease_expires_at', '<', now)]),
      ]),
    );
  if (options.batch !== undefined) query = query.where('batch', '=', options.batch);
  query = query.orderBy('created_at').orderBy('id').limit(1);
  const row = await (postgres ? query.forUpdate().skipLocked() : query).executeTakeFirst();
  if (row === undefined) return { kind: 'none' };
  if (row.state === 'running' && Number(row.attempts) >= Number(row.max_attempts)) {
    // Its worker died on the last attempt: nobody takes it again.
    await park(q, row, row.error_code === null ? WORKER_LOST : (jobFromRow(row).error ?? WORKER_LOST), now);
    return { kind: 'again' };
  }
  const lost = row.state === 'running';
  const claimed = await q
    .updateTable('jobs')
    .set({
      state: 'running',
      attempts: Number(row.attempts) + 1,
      lease_owner: worker,
      lease_expires_at: iso(Date.now() + options.leaseMs),
      stage: options.stage ?? 'claimed',
      updated_at: now,
      ...(lost && row.error_code === null
        ? { error_code: WORKER_LOST.code, error_message: WORKER_LOST.message }
        : {}),
    })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .where('attempts', '=', row.attempts)
    // The claimed row comes back with the update: one round trip fewer per job.
    .returningAll()
    .executeTakeFirst();
  if (claimed === undefined) return { kind: 'again' };
  return {
    kind: 'claimed',
    job: {
      ...jobFromRow(claimed),
      payload: JSON.parse(claimed.payload) as JobPayload,
      leaseOwner: worker,
    } satisfies ClaimedJob,
  };
}

/**
 * Claims the next job inside the caller's write transaction (the store's, as it completes a
 * document's job): on SQLite a worker then takes the write lock once per document instead of twice,
 * and never waits for the other worker's whole document transaction before it can start reading
 * its next file. Undefined when nothing is left to claim.
 */
export async function claimNextIn(
  trx: Kysely<Database>,
  worker: string,
  options: ClaimOptions,
): Promise<ClaimedJob | undefined> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  // Inside one transaction a candidate is parked or taken at most once each: a few rounds suffice.
  for (let round = 0; round < 10; round += 1) {
    const outcome = await claimRound(trx, postgres, worker, options);
    if (outcome.kind === 'none') return undefined;
    if (outcome.kind === 'claimed') return outcome.job;
  }
  return undefined;
}

export function createJobQueue(db: Kysely<Database>): JobQueue {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // The claim's select-then-update runs in one transaction: on PostgreSQL it holds the row lock; on
  // SQLite it waits for the write lock in the connection's short steps (sqlite/connection.ts)
  // instead of SQLite's busy handler, whose sleeps grow to 100 ms with the process blocked.
  const atomically = <T>(work: (q: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.transaction().execute(work);
  /**
   * On PostgreSQL, the claim and the lease notes (stage, heartbeat) commit without waiting for the
   * WAL to reach the disk (`synchronous_commit = off` for their transaction only): they were three
   * of a document's four commits, each an fsync wait, on the path of every job. What a server crash
   * can lose is at most the last fraction of a second of them, and losing one is harmless: a lost
   * claim leaves the job queued (or running on an expired lease), so it is claimed again, and the
   * document's own transaction — which stays synchronous — fails on the connection the crash cut
   * or finds its job no longer its own (completeJob checks the lease owner); a lost note shows an
   * older stage or lease. A synchronous commit flushes the WAL up to itself, so a stored document
   * never outlives its claim. A document is never lost or half-stored by this.
   */
  const withoutFlushWait = <T>(work: (q: Kysely<Database>) => Promise<T>): Promise<T> =>
    postgres
      ? db.transaction().execute(async (trx) => {
          await sql`set local synchronous_commit = off`.execute(trx);
          return work(trx);
        })
      : work(db);

  const renewal = (q: Kysely<Database>, id: string, worker: string, stage: string, leaseMs: number) =>
    q
      .updateTable('jobs')
      .set({ stage, lease_expires_at: iso(Date.now() + leaseMs), updated_at: iso(Date.now()) })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('lease_owner', '=', worker)
      .executeTakeFirst();

  return {
    async enqueue(requests) {
      const now = iso(Date.now());
      const rows = requests.map((request) => ({
        id: newJobId(),
        batch: request.batch ?? null,
        kind: request.payload.kind,
        source: request.source,
        payload: JSON.stringify(request.payload),
        state: 'queued',
        attempts: 0,
        max_attempts: request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        created_at: now,
        updated_at: now,
      }));
      if (rows.length === 0) return [];
      // Read back inside the transaction: the jobs as queued, before a worker (perhaps in this
      // very process, woken by the insert) claims one and moves it on.
      const stored = await db.transaction().execute(async (trx) => {
        // Chunks keep each statement under the engines' bound-parameter limits.
        for (let start = 0; start < rows.length; start += 500) {
          await trx
            .insertInto('jobs')
            .values(rows.slice(start, start + 500))
            .execute();
        }
        return trx
          .selectFrom('jobs')
          .selectAll()
          .where(
            'id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('id')
          .execute();
      });
      return stored.map(jobFromRow);
    },

    async claim(worker, options) {
      // A lost race (another worker took the same row) is retried with the next candidate.
      for (let round = 0; round < 50; round += 1) {
        const outcome = await (postgres ? withoutFlushWait : atomically)((q) =>
          claimRound(q, postgres, worker, options),
        );
        if (outcome.kind === 'none') return undefined;
        if (outcome.kind === 'claimed') return outcome.job;
      }
      return undefined;
    },

    async handBack(id, worker) {
      const result = await db
        .updateTable('jobs')
        .set((eb) => ({
          state: 'queued',
          // The attempt never started: it does not count.
          attempts: eb('attempts', '-', 1),
          stage: null,
          lease_owner: null,
          lease_expires_at: null,
          updated_at: iso(Date.now()),
        }))
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('lease_owner', '=', worker)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async progress(id, worker, stage, leaseMs) {
      const result = await withoutFlushWait((q) => renewal(q, id, worker, stage, leaseMs));
      return Number(result.numUpdatedRows) === 1;
    },

    async noteStage(id, worker, stage, leaseMs) {
      if (postgres) {
        const result = await withoutFlushWait((q) => renewal(q, id, worker, stage, leaseMs));
        return Number(result.numUpdatedRows) === 1 ? 'written' : 'lost';
      }
      // SQLite: one try without the busy timeout, on the connection held for the three statements
      // (no other query of this process runs meanwhile with the timeout at 0).
      return db.connection().execute(async (connection) => {
        const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
        await sql`pragma busy_timeout = 0`.execute(connection);
        try {
          const result = await renewal(connection, id, worker, stage, leaseMs);
          return Number(result.numUpdatedRows) === 1 ? 'written' : 'lost';
        } catch (error) {
          if (isDatabaseBusy(error)) return 'skipped';
          throw error;
        } finally {
          await sql
            .raw(`pragma busy_timeout = ${Number(timeout.rows[0]?.timeout ?? 5000)}`)
            .execute(connection);
        }
      });
    },

    complete: (id, worker, result) => completeJob(db, id, worker, result),

    async fail(id, worker, error, final) {
      const now = iso(Date.now());
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const ended = final || Number(row.attempts) >= Number(row.max_attempts);
      await db
        .updateTable('jobs')
        .set({
          state: final ? 'failed' : ended ? 'parked' : 'queued',
          stage: null,
          lease_owner: null,
          lease_expires_at: null,
          error_code: error.code,
          error_message: error.message,
          updated_at: now,
          ...(ended ? { finished_at: now } : {}),
        })
        .where('id', '=', id)
        .where('lease_owner', '=', worker)
        .execute();
      return jobFromRow(
        await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      );
    },

    async releaseWorker(worker, reason) {
      const rows = await db
        .selectFrom('jobs')
        .selectAll()
        .where('state', '=', 'running')
        .where('lease_owner', '=', worker)
        .execute();
      const released: Job[] = [];
      for (const row of rows) {
        const now = iso(Date.now());
        if (Number(row.attempts) >= Number(row.max_attempts)) await park(db, row, reason, now);
        else {
          await db
            .updateTable('jobs')
            .set({
              state: 'queued',
              stage: null,
              lease_owner: null,
              lease_expires_at: null,
              error_code: reason.code,
              error_message: reason.message,
              updated_at: now,
            })
            .where('id', '=', row.id)
            .where('lease_owner', '=', worker)
            .where('state', '=', 'running')
            .execute();
        }
        const after = await db.selectFrom('jobs').selectAll().where('id', '=', row.id).executeTakeFirst();
        if (after !== undefined) released.push(jobFromRow(after));
      }
      return released;
    },

    async retry(id) {
      const now = iso(Date.now());
      await db
        .updateTable('jobs')
        .set({
          state: 'queued',
          attempts: 0,
          stage: null,
          lease_owner: null,
          lease_expires_at: null,
          error_code: null,
          error_message: null,
          updated_at: now,
          finished_at: null,
        })
        .where('id', '=', id)
        .where('state', 'in', ['failed', 'parked'])
        .execute();
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : jobFromRow(row);
    },

    async cancelQueued(batch, options = {}) {
      let query = db.deleteFrom('jobs').where('batch', '=', batch).where('state', '=', 'queued');
      if (options.neverAttempted === true) query = query.where('attempts', '=', 0);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async get(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : jobFromRow(row);
    },

    async list(request) {
      let query = db.selectFrom('jobs');
      if (request.state !== undefined) query = query.where('state', '=', request.state);
      if (request.batch !== undefined) query = query.where('batch', '=', request.batch);
      const total = await query.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.limit)
        .offset(request.offset)
        .execute();
      return {
        items: rows.map(jobFromRow),
        total: Number(total.n),
        limit: request.limit,
        offset: request.offset,
      };
    },

    async counts(batch) {
      let query = db.selectFrom('jobs').select(['state', db.fn.countAll<number>().as('n')]);
      if (batch !== undefined) query = query.where('batch', '=', batch);
      const rows = await query.groupBy('state').execute();
      const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
      for (const row of rows) if (row.state in counts) counts[row.state as JobState] = Number(row.n);
      return counts;
    },
  };
}
