/**
 * Migration 2000: a watch belongs to the user who saved it (`owner_id`), so that each user has a
 * feed of their own watches' hits. Watches saved before (and those the CLI saves) keep no owner:
 * they stay shared, listed on the watches page and in /api/watches for everyone as before, and
 * belong to no one's personal feed.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const watchOwnerMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('watches').addColumn('owner_id', 'text').execute();
    await db.schema.createIndex('watches_owner_id').on('watches').column('owner_id').execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropIndex('watches_owner_id').execute();
    await db.schema.alterTable('watches').dropColumn('owner_id').execute();
  },
};
