/**
 * Opens the embedded SQLite database file (better-sqlite3) and wraps it in Kysely. Everything
 * SQLite-specific about the connection lives here: WAL journal so readers never block the writer,
 * foreign keys on, a busy timeout so a second process waits instead of failing, and
 * synchronous=NORMAL, which in WAL mode keeps every committed transaction across a process crash.
 */
import { mkdirSync } from 'node:fs';
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
 * Kysely's SQLite driver opens every transaction with a plain (deferred) `begin`: a transaction
 * that reads before it writes, as storing a document does, then fails at its first write with
 * SQLITE_BUSY_SNAPSHOT whenever another process committed since its read (the busy timeout does not
 * apply: its snapshot is stale), and is retried whole. With two ingestion workers that made two
 * slower than one (0.71×). `begin immediate` takes the write lock at the start, waiting for it under
 * the busy timeout, so the transaction never works on a stale snapshot. Read-only transactions
 * (`setAccessMode('read only')`: an export's consistent snapshot) stay deferred and lock nobody out.
 */
class ImmediateWriteDriver extends SqliteDriver {
  // Kysely passes the settings; its SQLite driver's declaration leaves them out.
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    const mode = settings?.accessMode === 'read only' ? 'deferred' : 'immediate';
    await connection.executeQuery(CompiledQuery.raw(`begin ${mode}`));
  }
}

/** SQLite's dialect with the driver above. */
export class ImmediateWriteSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateWriteDriver(this.#config);
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
  const db = new Kysely<Database>({ dialect: new ImmediateWriteSqliteDialect({ database: raw }) });
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
