/**
 * Migration 0800: IATI activities and their links to instruments. Each activity row points at the
 * file it came from (`iati_files`), and every row keeps `path`, the element path in that file: the
 * file and the path are the evidence of each value. Child rows are keyed by activity and position
 * (`seq`), so a newer file for the same activity replaces them without touching the links people
 * confirmed. Narratives (titles, names, descriptions) are JSON arrays of {lang, text}.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type TableBuilder = CreateTableBuilder<string, string>;
type Column = ColumnDefinitionBuilder;

const notNull = (c: Column) => c.notNull();

/** activity_id (cascading) + seq as the key, and the element path. */
function childOfActivity(db: AnyDb, name: string, keys: readonly string[] = ['seq']): TableBuilder {
  let table: TableBuilder = db.schema
    .createTable(name)
    .addColumn('activity_id', 'text', (c) =>
      c.notNull().references('iati_activities.id').onDelete('cascade'),
    );
  for (const key of keys) table = table.addColumn(key, 'integer', notNull);
  return table
    .addColumn('path', 'text', notNull)
    .addPrimaryKeyConstraint(`${name}_pk`, ['activity_id', ...keys]);
}

const TABLES = [
  'iati_links',
  'iati_indicator_periods',
  'iati_indicators',
  'iati_results',
  'iati_transactions',
  'iati_budgets',
  'iati_sectors',
  'iati_recipient_countries',
  'iati_activity_dates',
  'iati_participating_orgs',
  'iati_activities',
  'iati_files',
];

export const iatiMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('iati_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', notNull)
      .addColumn('source_path', 'text', notNull)
      .addColumn('sha256', 'text', (c) => c.notNull().unique())
      .addColumn('bytes', 'integer', notNull)
      .addColumn('version', 'text', notNull)
      .addColumn('activities', 'integer', notNull)
      .addColumn('asserted_by', 'text', notNull)
      .addColumn('imported_at', 'text', notNull)
      .execute();
    await db.schema
      .createTable('iati_activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('file_id', 'text', (c) => c.notNull().references('iati_files.id'))
      .addColumn('path', 'text', notNull)
      .addColumn('default_currency', 'text')
      .addColumn('default_lang', 'text')
      .addColumn('last_updated', 'text')
      .addColumn('status', 'text')
      .addColumn('reporting_org_ref', 'text')
      .addColumn('reporting_org_type', 'text')
      .addColumn('reporting_org_names', 'text')
      .addColumn('reporting_org_path', 'text')
      .addColumn('titles', 'text', notNull)
      .addColumn('descriptions', 'text', notNull)
      .execute();
    await db.schema.createIndex('ix_iati_activities_file').on('iati_activities').column('file_id').execute();
    await childOfActivity(db, 'iati_participating_orgs')
      .addColumn('role', 'text', notNull)
      .addColumn('ref', 'text')
      .addColumn('type', 'text')
      .addColumn('names', 'text', notNull)
      .execute();
    await childOfActivity(db, 'iati_activity_dates')
      .addColumn('type', 'text', notNull)
      .addColumn('iso_date', 'text', notNull)
      .execute();
    await childOfActivity(db, 'iati_recipient_countries')
      .addColumn('code', 'text', notNull)
      .addColumn('percentage', 'double precision')
      .execute();
    await db.schema
      .createIndex('ix_iati_recipient_code')
      .on('iati_recipient_countries')
      .column('code')
      .execute();
    await childOfActivity(db, 'iati_sectors')
      .addColumn('vocabulary', 'text', notNull)
      .addColumn('code', 'text', notNull)
      .addColumn('percentage', 'double precision')
      .execute();
    await childOfActivity(db, 'iati_budgets')
      .addColumn('type', 'text')
      .addColumn('status', 'text')
      .addColumn('period_start', 'text', notNull)
      .addColumn('period_end', 'text', notNull)
      .addColumn('value', 'double precision', notNull)
      .addColumn('currency', 'text', notNull)
      .addColumn('currency_inherited', 'integer', notNull)
      .addColumn('value_date', 'text')
      .execute();
    await childOfActivity(db, 'iati_transactions')
      .addColumn('type', 'integer', notNull)
      .addColumn('date', 'text', notNull)
      .addColumn('value', 'double precision', notNull)
      .addColumn('currency', 'text', notNull)
      .addColumn('currency_inherited', 'integer', notNull)
      .addColumn('value_date', 'text')
      .addColumn('description', 'text', notNull)
      // Provider and receiver organisations as JSON {ref, type, names} or null.
      .addColumn('provider_org', 'text')
      .addColumn('receiver_org', 'text')
      .execute();
    await childOfActivity(db, 'iati_results')
      .addColumn('type', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .execute();
    await childOfActivity(db, 'iati_indicators', ['result_seq', 'seq'])
      .addColumn('measure', 'text', notNull)
      .addColumn('ascending', 'integer')
      .addColumn('title', 'text', notNull)
      .addColumn('has_baseline', 'integer', notNull)
      .addColumn('baseline_year', 'integer')
      .addColumn('baseline_date', 'text')
      .addColumn('baseline_value', 'double precision')
      .execute();
    await childOfActivity(db, 'iati_indicator_periods', ['result_seq', 'indicator_seq', 'seq'])
      .addColumn('period_start', 'text', notNull)
      .addColumn('period_end', 'text', notNull)
      .addColumn('target', 'double precision')
      .addColumn('actual', 'double precision')
      .execute();
    await db.schema
      .createTable('iati_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('activity_id', 'text', (c) =>
        c.notNull().references('iati_activities.id').onDelete('cascade'),
      )
      .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id').onDelete('cascade'))
      // cited (a reference in a document), matched (a score), manual (a person).
      .addColumn('method', 'text', notNull)
      .addColumn('score', 'double precision')
      // JSON array: why a matched pair was proposed ("name: trust fund", "country: ML").
      .addColumn('reasons', 'text', notNull)
      // Evidence of a cited link (the reference in the document); null for the other methods.
      .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('cascade'))
      .addColumn('span_start', 'integer')
      .addColumn('span_end', 'integer')
      .addColumn('quote', 'text')
      .addColumn('asserted_by', 'text', notNull)
      .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('unreviewed'))
      .addColumn('reviewed_by', 'text')
      .addColumn('created_at', 'text', notNull)
      .addUniqueConstraint('iati_links_once', ['activity_id', 'instrument_id'])
      .execute();
    await db.schema
      .createIndex('ix_iati_links_instrument')
      .on('iati_links')
      .column('instrument_id')
      .execute();
  },
  async down(db: AnyDb): Promise<void> {
    for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
  },
};
