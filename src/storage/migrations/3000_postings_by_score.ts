/**
 * Migration 3000: `(term, kind, score desc, entry)` on the search postings, on PostgreSQL. A ranked
 * page reads each term's postings best first and stops at a score bound
 * (storage/search/top-postings.ts) instead of scoring every match: 18,519 matches of
 * "réadmission" at 100,000 instruments cost 39 ms of PostgreSQL CPU per page when read whole. The
 * primary key `(term, kind, entry)` still scores given rows; `(entry)` still finds a row's postings.
 *
 * Not on SQLite: it never reads postings best first (its in-process ranking at 10,000 costs less
 * than the extra statements), and a second index on the postings roughly doubled the rows each
 * stored document writes under the single write lock (quiet `bench:ingest`, 2,000 documents:
 * 14.1 → 12.1 documents/s with one worker, 21.0 → 15.0 with two). The migration keeps its name on
 * both engines; on SQLite it does nothing, and 3200 drops the index where an earlier build made it.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageEngine } from '../engine.ts';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function postingsByScoreMigration(engine: StorageEngine): Migration {
  return {
    async up(db: AnyDb): Promise<void> {
      if (engine !== 'postgres') return;
      // Best first, ties by entry id: the order of the ranking itself, read forward.
      await sql`create index ix_search_postings_score on search_postings (term, kind, score desc, entry)`.execute(
        db,
      );
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropIndex('ix_search_postings_score').ifExists().execute();
    },
  };
}
