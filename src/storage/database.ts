/**
 * Opens the atlas database: the SQLite file under the data folder, migrated to the latest schema
 * and seeded with the actor registry. This is what the CLI, the services and the web server call.
 */
import { ORGANIZATION_ACTORS, STATES } from '../domain/actors.ts';
import { AtlasError } from '../domain/errors.ts';
import type { AtlasStore } from './atlas-store.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrations/index.ts';
import { databaseFile, resolveDataDir } from './paths.ts';
import type { Database } from './schema.ts';
import { cliBusyRetry, retryWhileBusy } from './busy.ts';
import { openSqlite } from './sqlite/connection.ts';
import { backupSqlite } from './sqlite/backup.ts';
import { sqliteCatalogue } from './sqlite/catalogue.ts';
import { indexDocument, reindexAll } from './sqlite/search-index.ts';
import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';

export interface OpenOptions {
  /** The data folder (`--data DIR`); defaults to MDA_DATA_DIR, then `<project>/data`. */
  readonly dataDir?: string;
  /** A database file path instead of a data folder (tests, tools); `:memory:` allowed. */
  readonly file?: string;
}

/** An open SQLite-backed store, with the raw handles for SQLite-only needs (search index, checks). */
export interface SqliteAtlas {
  readonly store: AtlasStore;
  readonly db: Kysely<Database>;
  readonly raw: BetterSqlite3.Database;
  readonly file: string;
}

/** Opens the database (creating the folder and file), runs migrations and seeds actors. */
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
    await retryWhileBusy(file, cliBusyRetry(), () => migrateToLatest(db, 'sqlite'));
    // The FTS5 index is kept in the same transaction as the document it indexes.
    const store = createKyselyStore(db, file, () => db.destroy(), {
      afterDocumentWritten: indexDocument,
      backup: (target) => backupSqlite(raw, target),
      catalogue: () => sqliteCatalogue(db),
      afterImport: reindexAll,
    });
    await retryWhileBusy(file, cliBusyRetry(), () => seedActors(db, store));
    return { store, db, raw, file };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** Opens the default store: `openAtlasDatabase(options).store`. */
export async function openAtlasStore(options: OpenOptions = {}): Promise<AtlasStore> {
  return (await openAtlasDatabase(options)).store;
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
