/**
 * Migration 2900: the search index's kept postings (storage/search/postings.ts), on every engine:
 * one row per (term, kind, index row) with the term's kept score in that row. The primary key
 * `(term, kind, entry)` holds the score too (SQLite: a WITHOUT ROWID table; PostgreSQL: INCLUDE),
 * so matching and ranking a query reads only that index; `(entry)` finds a row's postings when the
 * row is indexed again or removed. Existing index rows get their postings on the next catch-up of
 * the search index (the analyser that computes them is code, not SQL), not here. On PostgreSQL the
 * GIN indexes of the vectors (0401, 2600) go: no query reads them any more, and every index write
 * paid for them.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageEngine } from '../engine.ts';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function searchPostingsMigration(engine: StorageEngine): Migration {
  return {
    async up(db: AnyDb): Promise<void> {
      if (engine === 'postgres') {
        await sql`create table search_postings (
          term text not null,
          kind text not null,
          entry bigint not null,
          score integer not null,
          constraint pk_search_postings primary key (term, kind, entry) include (score)
        )`.execute(db);
      } else {
        await sql`create table search_postings (
          term text not null,
          kind text not null,
          entry integer not null,
          score integer not null,
          primary key (term, kind, entry)
        ) without rowid`.execute(db);
      }
      await sql`create index ix_search_postings_entry on search_postings (entry)`.execute(db);
      if (engine === 'postgres') {
        await sql`drop index if exists ix_search_instrument_vector`.execute(db);
        await sql`drop index if exists ix_search_vector`.execute(db);
      }
    },
    async down(db: AnyDb): Promise<void> {
      if (engine === 'postgres') {
        await sql`create index ix_search_vector on search_entries using gin (vector)`.execute(db);
        await sql`create index ix_search_instrument_vector on search_entries using gin (vector)
          where kind = 'instrument'`.execute(db);
      }
      await sql`drop table if exists search_postings`.execute(db);
    },
  };
}
