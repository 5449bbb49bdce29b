/**
 * Opens the embedded SQLite database file (better-sqlite3) and wraps it in Kysely. Everything
 * SQLite-specific about the connection lives here: WAL journal so readers never block the writer,
 * foreign keys on, a busy timeout so a second process waits instead of failing, and
 * synchronous=NORMAL, which in WAL mode keeps every committed transaction across a process crash.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import type { Database } from '../schema.ts';
import { cachingConnection } from './statement-cache.ts';

/** An open SQLite database: the typed Kysely handle and the raw connection (pragmas, checks). */
export interface SqliteConnection {
  readonly db: Kysely<Database>;
  readonly raw: BetterSqlite3.Database;
  readonly file: string;
}

/** How long a statement waits for another process's write lock: 5 s, or MDA_BUSY_TIMEOUT_MS. */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MDA_BUSY_TIMEOUT_MS);
  return /^\d{1,7}$/.test(env.MDA_BUSY_TIMEOUT_MS ?? '') ? value : 5000;
}

/**
 * The WAL's checkpoint threshold in pages: SQLite's 1,000 (8,192 made reads twice as costly while the
 * WAL was long: bench:api list 1.7 → 3.4 ms of CPU a request), or MDA_WAL_AUTOCHECKPOINT (0: off).
 */
export function walAutocheckpointPages(env: NodeJS.ProcessEnv = process.env): number {
  return /^\d{1,7}$/.test(env.MDA_WAL_AUTOCHECKPOINT ?? '') ? Number(env.MDA_WAL_AUTOCHECKPOINT) : 1000;
}

/**
 * The WAL file's size beyond which a write transaction's commit restarts it (see restartLongWal):
 * 16 MiB, four times what SQLite's own checkpoint lets it reach with one writer (1,000 pages and
 * one transaction), or MDA_WAL_RESTART_MB (0: after every write transaction), for measuring.
 */
export function walRestartBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = /^\d{1,5}$/.test(env.MDA_WAL_RESTART_MB ?? '') ? Number(env.MDA_WAL_RESTART_MB) : 16;
  return mb * 1024 * 1024;
}

/** How often a transaction waiting for the write lock tries again: about every millisecond. */
const LOCK_POLL_MS = 1;

const lockPause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Takes the write lock for a transaction (`begin immediate`), waiting for another process's
 * transaction by trying again about every millisecond, for up to the connection's busy timeout,
 * without blocking the event loop. SQLite's own busy handler (what `busy_timeout` installs) sleeps
 * in growing steps — 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms — inside the statement, with
 * the process's one thread blocked: a worker that found the lock taken woke on average several
 * milliseconds after it was free, often after the other worker had already taken it again, and
 * two ingestion workers on SQLite were no faster than one. Its busy timeout is set to 0 for the
 * attempt only, then put back: statements outside transactions keep the ordinary wait.
 */
export async function beginImmediate(raw: BetterSqlite3.Database): Promise<void> {
  const timeoutMs = raw.pragma('busy_timeout', { simple: true }) as number;
  const begin = raw.prepare('begin immediate');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    raw.pragma('busy_timeout = 0');
    try {
      begin.run();
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    } finally {
      raw.pragma(`busy_timeout = ${timeoutMs}`);
    }
    await lockPause(LOCK_POLL_MS);
  }
}

/**
 * Kysely's SQLite driver opens every transaction with a plain (deferred) `begin`: a transaction
 * that reads before it writes, as storing a document does, then fails at its first write with
 * SQLITE_BUSY_SNAPSHOT whenever another process committed since its read (the busy timeout does not
 * apply: its snapshot is stale), and is retried whole. With two ingestion workers that made two
 * slower than one (0.71×). `begin immediate` takes the write lock at the start (beginImmediate
 * above), so the transaction never works on a stale snapshot. Read-only transactions
 * (`setAccessMode('read only')`: an export's consistent snapshot) stay deferred and lock nobody out.
 * Kysely holds the connection for the transaction from before this call (its connection mutex), so
 * no other query of this process runs on it while the lock is awaited.
 */
class ImmediateWriteDriver extends SqliteDriver {
  readonly #raw: BetterSqlite3.Database | undefined;

  constructor(config: SqliteDialectConfig, raw: BetterSqlite3.Database | undefined) {
    super(config);
    this.#raw = raw;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (this.#raw !== undefined) rawConnections.set(connection, this.#raw);
    return connection;
  }

  // Kysely passes the settings; its SQLite driver's declaration leaves them out.
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    if (settings?.accessMode === 'read only') {
      await connection.executeQuery(CompiledQuery.raw('begin deferred'));
    } else if (this.#raw === undefined) {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } else {
      await beginImmediate(this.#raw);
    }
    if (settings?.accessMode === 'read only') readOnly.add(connection);
    else readOnly.delete(connection);
  }

  /** The commit, then the WAL restarted for the next writer when it has grown long (restartLongWal). */
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    if (this.#raw !== undefined && !readOnly.has(connection)) restartLongWal(this.#raw);
  }
}

/** Connections whose current transaction is read-only (nothing to checkpoint after it). */
const readOnly = new WeakSet<DatabaseConnection>();

/**
 * Right after a write transaction commits, when the WAL file has grown past walRestartBytes():
 * `wal_checkpoint(RESTART)` without waiting for anyone (busy timeout 0 for the call), so that the
 * next writer starts the WAL again from its beginning, and the file is cut back to that size
 * (`journal_size_limit`, set in openSqlite). Why: SQLite's own checkpoint (every 1,000 pages) runs
 * in the committing process after it has released the write lock, and a WAL is restarted only by a
 * writer that began once it was wholly copied back. With two ingestion workers the other one,
 * trying for the lock every millisecond, nearly always began while that checkpoint was still
 * copying, so the WAL was never restarted: 300 documents left a 73 MB WAL with two workers (8 MB
 * with one), 600 documents 170 MB, and it grows without bound; every reader then looks its pages
 * up in an ever longer WAL index (a longer WAL made the API's reads twice as costly in session 11).
 * This checkpoint holds the write lock while it copies what SQLite's has not yet (the other worker
 * waits meanwhile), which is why it runs only once the WAL is long: restarting after every commit
 * cost two workers more CPU per document than the long WAL did (600 documents, load 25: 91.3
 * against 84.5 ms). It is skipped, not waited for, while another process holds the lock or reads
 * an older snapshot; a later commit tries again. Read-only transactions skip it.
 */
export function restartLongWal(raw: BetterSqlite3.Database): void {
  if (raw.memory) return;
  let bytes: number;
  try {
    bytes = statSync(`${raw.name}-wal`).size;
  } catch {
    return; // No WAL file (yet): nothing to restart.
  }
  if (bytes <= walRestartBytes()) return;
  const timeoutMs = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 0');
  try {
    raw.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    if (!isBusy(error)) throw error;
  } finally {
    raw.pragma(`busy_timeout = ${timeoutMs}`);
  }
}

/** The better-sqlite3 connection behind each Kysely connection the driver above hands out. */
const rawConnections = new WeakMap<DatabaseConnection, BetterSqlite3.Database>();

/**
 * Runs `work` synchronously on the better-sqlite3 connection behind a Kysely handle — inside its
 * transaction when the handle is one (Kysely holds that one connection for the transaction, and
 * better-sqlite3 runs one statement at a time, so the work is part of it). For bulk writes that
 * Kysely would turn into one awaited query per row; undefined when the handle has no such
 * connection (not opened by openSqlite), and the caller takes its portable path.
 */
export function onRawConnection<T>(
  db: Kysely<Database>,
  work: (raw: BetterSqlite3.Database) => T,
): Promise<T | undefined> {
  return db.getExecutor().provideConnection((connection) => {
    const raw = rawConnections.get(connection);
    return Promise.resolve(raw === undefined ? undefined : work(raw));
  });
}

/** SQLite's dialect with the driver above. */
export class ImmediateWriteSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #raw: BetterSqlite3.Database | undefined;

  /** `raw`: the connection itself, for the lock wait (without it, SQLite's busy handler waits). */
  constructor(config: SqliteDialectConfig, raw?: BetterSqlite3.Database) {
    super(config);
    this.#config = config;
    this.#raw = raw;
  }

  override createDriver(): Driver {
    return new ImmediateWriteDriver(this.#config, this.#raw);
  }
}

/** Opens (creating if needed) the database file and its folder. `:memory:` is accepted for tools. */
export function openSqlite(file: string): SqliteConnection {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  raw.pragma('synchronous = NORMAL');
  // A 64 MiB page cache instead of SQLite's 2 MiB: storing a document inserts about a thousand
  // postings scattered over the postings' primary key (storage/search/postings.ts), several
  // hundred distinct pages; with 2 MiB they were read again from the file for each document, and a
  // transaction's dirty pages spilled to the WAL before its commit, all under the write lock. Pages
  // are allocated as they are used: a small atlas uses little of it.
  raw.pragma('cache_size = -65536');
  // The WAL is copied back into the database file (a checkpoint, run by the connection whose commit
  // took it over the limit) every 1,000 pages, SQLite's default. A larger threshold saves ingestion
  // some copying (a document dirties some 700 pages, mostly the same hot postings leaves) but every
  // reader then looks pages up in a longer WAL: 8,192 pages doubled the API's read CPU in session 11
  // and gave ingestion nothing measurable. MDA_WAL_AUTOCHECKPOINT (pages) overrides it, for measuring.
  raw.pragma(`wal_autocheckpoint = ${walAutocheckpointPages()}`);
  // A restarted WAL's file is cut back to this size (see restartLongWal), so that its size tells
  // whether it has been restarted lately; without a limit the file keeps its largest size.
  raw.pragma(`journal_size_limit = ${walRestartBytes()}`);
  // Statements kept prepared (storage/sqlite/statement-cache.ts): storing a document runs the same
  // few dozen statements each time, and parsing them anew took about 1.7 ms per document, part of
  // it under the write lock that other workers wait for.
  const db = new Kysely<Database>({
    dialect: new ImmediateWriteSqliteDialect({ database: cachingConnection(raw) }, raw),
  });
  return { db, raw, file };
}

/** `PRAGMA integrity_check`: "ok" when the file is sound, else the list of problems. */
export function integrityCheck(raw: BetterSqlite3.Database): string {
  const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join('\n');
}

const versionStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * The data version on SQLite: `data_version` changes when another connection (an `mda ingest`, a
 * worker process) commits, and `total_changes()` counts this connection's own row changes. Read
 * straight from the connection, without waiting for a transaction that holds it: a version read
 * mid-transaction only makes the next read miss.
 */
export function sqliteDataVersion(raw: BetterSqlite3.Database): string {
  let statement = versionStatements.get(raw);
  if (statement === undefined) {
    statement = raw.prepare('select total_changes() as own, data_version as others from pragma_data_version');
    versionStatements.set(raw, statement);
  }
  const row = statement.get() as { own: number; others: number };
  return `${row.others}:${row.own}`;
}
