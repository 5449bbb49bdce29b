/**
 * Migration 0200: the analyses' records. Country positions and the count claims they come from,
 * commitment details (deadline as written, next dialogue) and a status history, roadmap priority
 * areas, indicator values (extracted or entered by users), leverage steps, approach attributions,
 * watches and their hits. Every fact row carries its evidence (document, span, quote), who
 * asserted it (`extractor:…`, `reviewer:<name>`, `user:<name>`) and its review state.
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { StorageEngine } from './index.ts';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type TableBuilder = CreateTableBuilder<string, string>;
type Column = ColumnDefinitionBuilder;

/** Adds the evidence columns every analysis fact carries; `optional` for user-entered values. */
function withEvidence(table: TableBuilder, optional = false): TableBuilder {
  const documentRef = (c: Column) =>
    optional
      ? c.references('documents.id').onDelete('cascade')
      : c.notNull().references('documents.id').onDelete('cascade');
  const required = (c: Column) => (optional ? c : c.notNull());
  return table
    .addColumn('document_id', 'text', documentRef)
    .addColumn('span_start', 'integer', required)
    .addColumn('span_end', 'integer', required)
    .addColumn('quote', 'text', required)
    .addColumn('asserted_by', 'text', (c: Column) => c.notNull())
    .addColumn('review_state', 'text', (c: Column) => c.notNull().defaultTo('unreviewed'))
    .addColumn('created_at', 'text', (c: Column) => c.notNull());
}

function autoId(table: TableBuilder, engine: StorageEngine): TableBuilder {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c: Column) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: Column) => c.primaryKey().autoIncrement());
}

async function createPositions(db: AnyDb, engine: StorageEngine): Promise<void> {
  await withEvidence(
    db.schema
      .createTable('count_claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('stance', 'text', (c) => c.notNull())
      .addColumn('stated', 'integer')
      .addColumn('count_start', 'integer', (c) => c.notNull())
      .addColumn('count_end', 'integer', (c) => c.notNull())
      .addColumn('count_quote', 'text', (c) => c.notNull())
      .addColumn('footnote', 'integer')
      // The backing CountryList as JSON (source, footnote, exhaustive, countries, mentions) or null.
      .addColumn('list', 'text'),
  ).execute();
  await withEvidence(
    autoId(db.schema.createTable('country_positions'), engine)
      .addColumn('country', 'text', (c: Column) => c.notNull())
      .addColumn('question', 'text', (c: Column) => c.notNull())
      .addColumn('stance', 'text', (c: Column) => c.notNull())
      .addColumn('count_claim_id', 'text', (c: Column) => c.references('count_claims.id').onDelete('cascade'))
      .addColumn('list_start', 'integer')
      .addColumn('list_end', 'integer')
      .addColumn('list_quote', 'text'),
  ).execute();
  await db.schema.createIndex('ix_a_positions_country').on('country_positions').column('country').execute();
  await db.schema
    .createIndex('ix_a_positions_document')
    .on('country_positions')
    .column('document_id')
    .execute();
  await db.schema
    .createIndex('ix_a_count_claims_document')
    .on('count_claims')
    .column('document_id')
    .execute();
}

async function createCommitments(db: AnyDb, engine: StorageEngine): Promise<void> {
  await withEvidence(
    db.schema
      .createTable('commitment_details')
      .addColumn('statement_id', 'text', (c) =>
        c.primaryKey().references('statements.id').onDelete('cascade'),
      )
      .addColumn('deadline_value', 'text')
      .addColumn('deadline_precision', 'text')
      .addColumn('deadline_inclusive', 'integer')
      .addColumn('deadline_quote', 'text')
      .addColumn('next_dialogue', 'integer', (c) => c.notNull()),
  ).execute();
  await autoId(db.schema.createTable('commitment_status_history'), engine)
    .addColumn('statement_id', 'text', (c: Column) =>
      c.notNull().references('statements.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c: Column) => c.notNull())
    .addColumn('previous', 'text')
    .addColumn('changed_by', 'text', (c: Column) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_at', 'text', (c: Column) => c.notNull())
    .execute();
  await withEvidence(
    autoId(db.schema.createTable('roadmap_priorities'), engine)
      .addColumn('label', 'text', (c: Column) => c.notNull())
      // JSON array of topic codes.
      .addColumn('topics', 'text', (c: Column) => c.notNull()),
  ).execute();
}

async function createIndicatorsAndConditionality(db: AnyDb, engine: StorageEngine): Promise<void> {
  await withEvidence(
    autoId(db.schema.createTable('indicator_values'), engine)
      .addColumn('indicator', 'text', (c: Column) => c.notNull())
      .addColumn('value', 'double precision', (c: Column) => c.notNull())
      .addColumn('unit', 'text', (c: Column) => c.notNull())
      .addColumn('date', 'text')
      .addColumn('country', 'text')
      .addColumn('instrument_id', 'text')
      .addColumn('approximate', 'integer', (c: Column) => c.notNull())
      // User-entered values: who entered them and the source they name (document span optional).
      .addColumn('entered_by', 'text')
      .addColumn('source_note', 'text'),
    true,
  ).execute();
  await db.schema.createIndex('ix_a_indicators_country').on('indicator_values').column('country').execute();
  await withEvidence(
    autoId(db.schema.createTable('leverage_steps'), engine)
      .addColumn('country', 'text', (c: Column) => c.notNull())
      .addColumn('kind', 'text', (c: Column) => c.notNull())
      .addColumn('legal_basis', 'text')
      .addColumn('date_value', 'text')
      .addColumn('date_precision', 'text'),
  ).execute();
  await withEvidence(
    autoId(db.schema.createTable('approach_attributions'), engine)
      .addColumn('actor_id', 'text', (c: Column) => c.notNull())
      .addColumn('approach', 'text', (c: Column) => c.notNull())
      .addColumn('stance', 'text', (c: Column) => c.notNull()),
  ).execute();
}

async function createWatches(db: AnyDb, engine: StorageEngine): Promise<void> {
  await db.schema
    .createTable('watches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('type', 'text')
    .addColumn('topic', 'text')
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await autoId(db.schema.createTable('watch_hits'), engine)
    .addColumn('watch_id', 'text', (c: Column) => c.notNull().references('watches.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c: Column) =>
      c.notNull().references('instruments.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'text', (c: Column) =>
      c.notNull().references('documents.id').onDelete('cascade'),
    )
    // JSON array: why it matched ("country ML", "topic return_readmission").
    .addColumn('reasons', 'text', (c: Column) => c.notNull())
    .addColumn('seen', 'integer', (c: Column) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c: Column) => c.notNull())
    .addUniqueConstraint('watch_hits_once', ['watch_id', 'instrument_id', 'document_id'])
    .execute();
}

const TABLES = [
  'watch_hits',
  'watches',
  'approach_attributions',
  'leverage_steps',
  'indicator_values',
  'roadmap_priorities',
  'commitment_status_history',
  'commitment_details',
  'country_positions',
  'count_claims',
];

/** Builds the 0200 migration for an engine. */
export function analysesMigration(engine: StorageEngine): Migration {
  return {
    async up(db: AnyDb): Promise<void> {
      await createPositions(db, engine);
      await createCommitments(db, engine);
      await createIndicatorsAndConditionality(db, engine);
      await createWatches(db, engine);
    },
    async down(db: AnyDb): Promise<void> {
      for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
