/**
 * Migration 3200 (SQLite only): drops the postings' best-first index where migration 3000 built it
 * on SQLite before it became PostgreSQL-only (see 3000 for why: no SQLite query reads it, and it
 * doubled the postings' writes under the write lock). On an atlas migrated since, it does nothing.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const sqlitePostingsWithoutScoreIndexMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema.dropIndex('ix_search_postings_score').ifExists().execute();
  },
  // Nothing to restore: the index was never meant for SQLite.
  async down(): Promise<void> {},
};
