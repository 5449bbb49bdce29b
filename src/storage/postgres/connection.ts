/**
 * Opens a PostgreSQL database (a `postgres://` URL) through a pg pool wrapped in Kysely. Everything
 * PostgreSQL-specific about the connection lives here: the pool size, a lock timeout so a writer
 * waiting on another one fails into the busy retry instead of hanging, and a password-free
 * description of where the data lives for messages.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AtlasError } from '../../domain/errors.ts';
import type { Database } from '../schema.ts';

export interface PostgresConnection {
  readonly db: Kysely<Database>;
  readonly pool: pg.Pool;
  /** The URL without its password. */
  readonly location: string;
}

/** The URL as it may be shown: user, host, port and database, never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/** Pool size: MDA_PG_POOL or 10 (the API's concurrent requests share it). */
function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MDA_PG_POOL);
  return Number.isInteger(value) && value > 0 && value <= 200 ? value : 10;
}

/** Opens a pool and checks that the server answers; a clear AtlasError when it does not. */
export async function openPostgres(url: string, lockTimeoutMs = 5000): Promise<PostgresConnection> {
  const location = describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    // Each statement waits at most this long for a row or table lock, then fails as "busy". No JIT:
    // the API's statements run in milliseconds, and a restricted atlas's visibility subqueries
    // raise their estimated cost over jit_above_cost, so each page of the public list spent about
    // 250 ms compiling its expressions (measured at 10,000 instruments; 25 ms without).
    options: `-c lock_timeout=${lockTimeoutMs} -c jit=off`,
    application_name: 'mda',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    // 3D000: the server answers but has no such database; it is created once, by its administrator.
    const missing = (error as { code?: unknown }).code === '3D000';
    throw new AtlasError(
      'storage_failure',
      `cannot connect to the PostgreSQL database ${location} (${reason}); ` +
        (missing
          ? 'create it first (`createdb NAME`, or `npm run pg:start`, which creates `atlas`), then run `mda migrate`'
          : 'start a local server with `npm run pg:start`, or check the URL given to --database / DATABASE_URL'),
      { database: location },
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, location };
}
