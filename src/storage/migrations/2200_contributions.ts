/**
 * Migration 2200: manual records with sources. A contribution waits here, outside the record
 * tables, until a reviewer decides: so a pending or rejected one cannot reach a list, a count,
 * search, the map or an export. Accepting it writes the instrument and its claims like any
 * record (`instrument_id` then names it). Portable types only.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const contributionsMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('contributions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      // JSON: the contributed record as validated (domain/contributions.ts), source included.
      .addColumn('record', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('document_id', 'text')
      .addColumn('span_start', 'integer')
      .addColumn('span_end', 'integer')
      .addColumn('quote', 'text')
      .addColumn('asserted_by', 'text', (c) => c.notNull())
      .addColumn('review_state', 'text', (c) => c.notNull())
      .addColumn('reviewed_by', 'text')
      .addColumn('reason', 'text')
      .addColumn('instrument_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .execute();
    await db.schema.createIndex('contributions_state').on('contributions').column('review_state').execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropTable('contributions').execute();
  },
};
