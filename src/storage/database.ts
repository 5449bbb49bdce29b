/**
 * Opens the atlas database, migrated to the latest schema and seeded with the actor registry: the
 * embedded SQLite file under the data folder (the default), or a PostgreSQL server when given a
 * `postgres://` URL (`--database`, or DATABASE_URL). This is what the CLI, the services and the web
 * server call; both engines give the same AtlasStore.
 */
import { existsSync } from 'node:fs';
import { ORGANIZATION_ACTORS, STATES } from '../domain/actors.ts';
import { AtlasError } from '../domain/errors.ts';
import type { AtlasStore } from './atlas-store.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest, migrationStates, type MigrationState } from './migrations/index.ts';
import { databaseFile, resolveDataDir } from './paths.ts';
import type { Database } from './schema.ts';
import { cliBusyRetry, retryWhileBusy } from './busy.ts';
import { openSqlite, sqliteDataVersion } from './sqlite/connection.ts';
import { backupSqlite } from './sqlite/backup.ts';
import { sqliteCatalogue } from './sqlite/catalogue.ts';
import { kyselyWithStatementCache } from './sqlite/statement-cache.ts';
import { isPostgresUrl, type StorageEngine } from './engine.ts';
import { openPostgres } from './postgres/connection.ts';
import { createChangeWatch, watchTables } from './postgres/change-watch.ts';
import { postgresCatalogue, resetSequences } from './postgres/catalogue.ts';
import type { Kysely } from 'kysely';
import { EVERYTHING, PUBLIC_VIEWER, type Viewer } from '../domain/viewer.ts';
import type BetterSqlite3 from 'better-sqlite3';

export interface OpenOptions {
  /** The data folder (`--data DIR`); defaults to MDA_DATA_DIR, then `<project>/data`. */
  readonly dataDir?: string;
  /** A database file path instead of a data folder (tests, tools); `:memory:` allowed. */
  readonly file?: string;
  /**
   * `--database`: a `postgres://` URL, or the path of a SQLite file. Without it (and without
   * `file` or `dataDir`), DATABASE_URL is used when set.
   */
  readonly database?: string;
  /** Where DATABASE_URL is read (default: the process environment). */
  readonly env?: NodeJS.ProcessEnv;
  /** Opened for the long-running web server (see ServingOptions). */
  readonly serving?: ServingOptions;
  /**
   * Whom the store reads for outside a request (restricted records). Default: the public for the
   * web server (each request then reads as its user), everything for the CLI's operator.
   */
  readonly viewer?: Viewer;
}

/**
 * How the web server wants the database: on SQLite, the read model runs through a handle that keeps
 * its statements prepared (the API runs the same few dozen queries over and over), and a write waits
 * at most `busyTimeoutMs` for another process's lock (the server's one thread is blocked meanwhile,
 * so it waits briefly and retries instead). PostgreSQL needs neither: its pool serves requests in
 * parallel and its lock timeout is set when connecting.
 */
export interface ServingOptions {
  readonly busyTimeoutMs: number;
}

/** Where the data lives, as chosen from the options. */
export type DatabaseTarget =
  | { readonly engine: 'sqlite'; readonly file: string }
  | { readonly engine: 'postgres'; readonly url: string };

/** The engine and place: `file`, then `database`, then `dataDir`, then DATABASE_URL, then the default folder. */
export function databaseTarget(options: OpenOptions = {}): DatabaseTarget {
  if (options.file !== undefined) return { engine: 'sqlite', file: options.file };
  const fromEnv = options.dataDir === undefined ? (options.env ?? process.env).DATABASE_URL : undefined;
  const database = options.database ?? (fromEnv === '' ? undefined : fromEnv);
  if (database !== undefined) {
    return isPostgresUrl(database)
      ? { engine: 'postgres', url: database }
      : { engine: 'sqlite', file: database };
  }
  return { engine: 'sqlite', file: databaseFile(resolveDataDir(options.dataDir)) };
}

/** An open store on either engine, with the typed handle for the storage layer's own needs. */
export interface OpenAtlas {
  readonly store: AtlasStore;
  readonly db: Kysely<Database>;
  readonly engine: StorageEngine;
  /** The file path, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** The migrations this opening applied (empty when the schema was already current). */
  readonly migrated: readonly string[];
}

/** Opens the store on the engine the options name (see `databaseTarget`). */
export async function openAtlas(options: OpenOptions = {}): Promise<OpenAtlas> {
  const target = databaseTarget(options);
  if (target.engine === 'sqlite') {
    const atlas = await openAtlasDatabase({
      file: target.file,
      ...(options.serving === undefined ? {} : { serving: options.serving }),
      ...(options.viewer === undefined ? {} : { viewer: options.viewer }),
    });
    return {
      store: atlas.store,
      db: atlas.db,
      engine: 'sqlite',
      location: atlas.file,
      migrated: atlas.migrated,
    };
  }
  const { db, location } = await openPostgres(target.url);
  const changes = createChangeWatch(target.url);
  try {
    const migrated = await retryWhileBusy(location, cliBusyRetry(), () => migrateToLatest(db, 'postgres'));
    // Tables of migrations after 2500 get the change notice trigger too.
    await retryWhileBusy(location, cliBusyRetry(), () => watchTables(db));
    const close = async () => {
      await changes.close();
      await db.destroy();
    };
    const store = createKyselyStore(db, location, close, {
      catalogue: () => postgresCatalogue(db),
      afterImport: resetSequences,
      defaultViewer: defaultViewer(options),
      dataVersion: () => changes.version(),
    });
    await retryWhileBusy(location, cliBusyRetry(), () => seedActors(db, store));
    return { store, db, engine: 'postgres', location, migrated };
  } catch (error) {
    await changes.close();
    await db.destroy();
    throw error;
  }
}

/** An open SQLite-backed store, with the raw handles for SQLite-only needs (search index, checks). */
export interface SqliteAtlas {
  readonly store: AtlasStore;
  readonly db: Kysely<Database>;
  readonly raw: BetterSqlite3.Database;
  readonly file: string;
  readonly migrated: readonly string[];
}

/** Opens the SQLite database (creating the folder and file), runs migrations and seeds actors. */
export async function openAtlasDatabase(options: OpenOptions = {}): Promise<SqliteAtlas> {
  const file = options.file ?? databaseFile(resolveDataDir(options.dataDir));
  let connection;
  try {
    connection = openSqlite(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AtlasError(
      'storage_failure',
      `cannot open the database ${file} (${reason})`,
      { file },
      { cause: error },
    );
  }
  const { db, raw } = connection;
  try {
    // Another process writing may hold the lock for a while: wait for it rather than fail.
    const migrated = await retryWhileBusy(file, cliBusyRetry(), () => migrateToLatest(db, 'sqlite'));
    const store = createKyselyStore(db, file, () => db.destroy(), {
      backup: (target) => backupSqlite(raw, target),
      catalogue: () => sqliteCatalogue(db),
      ...(options.serving === undefined ? {} : { readDb: kyselyWithStatementCache(raw) }),
      defaultViewer: defaultViewer(options),
      dataVersion: () => sqliteDataVersion(raw),
    });
    await retryWhileBusy(file, cliBusyRetry(), () => seedActors(db, store));
    if (options.serving !== undefined) raw.pragma(`busy_timeout = ${options.serving.busyTimeoutMs}`);
    return { store, db, raw, file, migrated };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export type { MigrationState };

/** The web server reads for the public unless a request says who it is; the CLI sees everything. */
const defaultViewer = (options: OpenOptions): Viewer =>
  options.viewer ?? (options.serving === undefined ? EVERYTHING : PUBLIC_VIEWER);

/** The schema of an atlas: its engine, where it lives and each migration, applied or pending. */
export interface MigrationStatus {
  readonly engine: StorageEngine;
  readonly location: string;
  readonly migrations: readonly MigrationState[];
}

/**
 * The migrations applied to the atlas the options name, and those pending, without applying any
 * (`mda migrate --status`). A SQLite file that does not exist yet is not created: all are pending.
 */
export async function atlasMigrationStatus(options: OpenOptions = {}): Promise<MigrationStatus> {
  const target = databaseTarget(options);
  if (target.engine === 'postgres') {
    const { db, location } = await openPostgres(target.url);
    try {
      return { engine: 'postgres', location, migrations: await migrationStates(db, 'postgres') };
    } finally {
      await db.destroy();
    }
  }
  // An empty in-memory database lists every migration as pending without creating the file.
  const { db } = openSqlite(existsSync(target.file) ? target.file : ':memory:');
  try {
    return { engine: 'sqlite', location: target.file, migrations: await migrationStates(db, 'sqlite') };
  } finally {
    await db.destroy();
  }
}

/** Opens the store on the engine the options name: `openAtlas(options).store`. */
export async function openAtlasStore(options: OpenOptions = {}): Promise<AtlasStore> {
  return (await openAtlas(options)).store;
}

/** Writes the actor registry once (or again when it has grown). */
async function seedActors(db: Kysely<Database>, store: AtlasStore): Promise<void> {
  const registry = [...STATES, ...ORGANIZATION_ACTORS];
  const row = await db
    .selectFrom('actors')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) < registry.length) await store.upsertActors(registry);
}
