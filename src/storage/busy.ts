/**
 * A database locked by another writer (a CLI ingest, another server) beyond SQLite's busy timeout:
 * recognised here, retried a few times with pauses that let the process do other work, and then
 * reported as the catalogue's `busy` error (HTTP 503 with Retry-After, exit code 75). It sits at the
 * storage seam, not under storage/sqlite, so that services, the API and the pages can retry without
 * knowing which engine answered.
 */
import { AtlasError, databaseBusy } from '../domain/errors.ts';
import { busyTimeoutMs } from './sqlite/connection.ts';

/**
 * PostgreSQL's SQLSTATEs for "another transaction is in the way, try again": serialization
 * failure, deadlock, lock_timeout reached, too many connections, server starting up.
 */
const POSTGRES_BUSY = new Set(['40001', '40P01', '55P03', '53300', '57P03']);

/** Whether an error (or one of its causes) is SQLite's SQLITE_BUSY, PostgreSQL's equivalents, or already `busy`. */
export function isDatabaseBusy(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof AtlasError && current.code === 'busy') return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || POSTGRES_BUSY.has(code))) return true;
    current = current.cause;
  }
  return false;
}

export interface BusyRetry {
  /** Pauses between attempts, in milliseconds: n pauses, n + 1 attempts. */
  readonly delaysMs: readonly number[];
  /** What the caller tells the client to wait before trying again, in seconds. */
  readonly retryAfterSeconds: number;
}

/** The server's policy: with a 1 s busy timeout per attempt, about 5 s in all before a 503. */
export const SERVER_BUSY_RETRY: BusyRetry = { delaysMs: [250, 500, 1000], retryAfterSeconds: 5 };
/**
 * The CLI's policy for a connection whose busy timeout is `timeoutMs` (5 s by default): four
 * attempts with pauses of 1/5, 2/5 and 4/5 of it, about half a minute in all before exit 75.
 */
export function cliBusyRetry(timeoutMs: number = busyTimeoutMs()): BusyRetry {
  return {
    delaysMs: [timeoutMs / 5, (2 * timeoutMs) / 5, (4 * timeoutMs) / 5],
    retryAfterSeconds: Math.max(1, Math.ceil((timeoutMs * 5.4) / 1000)),
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (one transaction: a busy failure wrote nothing) again while the database is busy;
 * after the last attempt throws `databaseBusy(what)`. Other errors pass through untouched.
 */
export async function retryWhileBusy<T>(what: string, policy: BusyRetry, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      const delay = policy.delaysMs[attempt];
      if (delay === undefined) {
        if (error instanceof AtlasError && error.code === 'busy') throw error;
        throw databaseBusy(what, policy.retryAfterSeconds, error);
      }
      await pause(delay);
    }
  }
}
