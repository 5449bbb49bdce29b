/**
 * Migration 1900: merge, split and link by reviewers. `instrument_merges` remembers every merge:
 * the merged instrument's record as it was, the instrument it became, its extractor dedupe key (so
 * a later ingestion that finds it again adds to the kept instrument instead of bringing the
 * duplicate back), the claims that moved, who, when and why. `cited_links` holds links between
 * instruments whose evidence is a source outside the atlas (a URL): `links` rows need a claim, and
 * a claim needs a stored document. Portable types only; the auto-numbered id is engine-dependent.
 */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { StorageEngine } from './index.ts';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function curationMigration(engine: StorageEngine): Migration {
  return {
    async up(db: AnyDb): Promise<void> {
      const auto = <T extends string>(table: CreateTableBuilder<T>) =>
        engine === 'postgres'
          ? table.addColumn('id', 'serial', (c) => c.primaryKey())
          : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
      // One row per merge: an instrument split back out of the one it was merged into may be
      // merged again later, so neither its id nor its dedupe key is unique here (the latest wins).
      await auto(db.schema.createTable('instrument_merges'))
        .addColumn('merged_id', 'text', (c) => c.notNull())
        .addColumn('kept_id', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        // JSON: the merged instrument's row and documents as they were before the merge.
        .addColumn('record', 'text', (c) => c.notNull())
        // JSON array of the claim ids that moved to the kept instrument.
        .addColumn('claim_ids', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'text', (c) => c.notNull())
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      for (const column of ['merged_id', 'kept_id', 'dedupe_key']) {
        await db.schema
          .createIndex(`instrument_merges_${column}`)
          .on('instrument_merges')
          .column(column)
          .execute();
      }
      await auto(db.schema.createTable('cited_links'))
        .addColumn('from_kind', 'text', (c) => c.notNull())
        .addColumn('from_id', 'text', (c) => c.notNull())
        .addColumn('to_kind', 'text', (c) => c.notNull())
        .addColumn('to_id', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('approach', 'text')
        .addColumn('source_url', 'text', (c) => c.notNull())
        .addColumn('asserted_by', 'text', (c) => c.notNull())
        .addColumn('review_state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cited_links_from')
        .on('cited_links')
        .columns(['from_kind', 'from_id'])
        .execute();
      await db.schema.createIndex('cited_links_to').on('cited_links').columns(['to_kind', 'to_id']).execute();
    },
    async down(db: AnyDb): Promise<void> {
      await db.schema.dropTable('cited_links').execute();
      await db.schema.dropTable('instrument_merges').execute();
    },
  };
}
