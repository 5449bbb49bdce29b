/**
 * Migration 3000: `(term, kind, score desc, entry)` on the search postings, on every engine. A ranked
 * page reads each term's postings best first and stops at a score bound
 * (storage/search/top-postings.ts) instead of scoring every match: 18,519 matches of
 * "réadmission" at 100,000 instruments cost 39 ms of PostgreSQL CPU per page when read whole. The
 * primary key `(term, kind, entry)` still scores given rows; `(entry)` still finds a row's postings.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const postingsByScoreMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    // Best first, ties by entry id: the order of the ranking itself, read forward on both engines.
    await sql`create index ix_search_postings_score on search_postings (term, kind, score desc, entry)`.execute(
      db,
    );
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropIndex('ix_search_postings_score').execute();
  },
};
