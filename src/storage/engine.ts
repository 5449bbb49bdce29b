/**
 * Which SQL engine a Kysely handle talks to, read from the handle itself (its dialect adapter), so
 * that the few engine-specific pieces (the search index, a list parameter, text ordering) are
 * chosen where they run and callers pass the same handle on either engine.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** The two engines behind the AtlasStore: the embedded file (default) and a PostgreSQL server. */
export type StorageEngine = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

/** The engine of a database handle or of a transaction opened on it. */
export function engineOf(db: AnyKysely): StorageEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether a `--database` value names a PostgreSQL server (`postgres://` or `postgresql://`). */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * A subquery yielding the given strings, bound as ONE parameter whatever their number (SQLite
 * limits the parameters of a statement): a JSON array on SQLite, a text array on PostgreSQL.
 */
export function valuesOf(db: AnyKysely, values: readonly string[]): RawBuilder<string> {
  return engineOf(db) === 'postgres'
    ? sql<string>`(select unnest(${[...values]}::text[]))`
    : sql<string>`(select value from json_each(${JSON.stringify(values)}))`;
}

/**
 * A column for ORDER BY in code-point order on both engines: SQLite compares text bytewise by
 * default; PostgreSQL follows the database's locale unless told `collate "C"`.
 */
export function byCodePoint(db: AnyKysely, column: string): RawBuilder<unknown> {
  return engineOf(db) === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}
