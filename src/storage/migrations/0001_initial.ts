/**
 * The initial schema (see ../schema.ts for the column meanings). Written with Kysely's schema
 * builder in portable types so the PostgreSQL adapter runs the same migration; the only
 * engine-dependent piece, the auto-numbered claim id, is chosen by `engine`.
 */
import type { Kysely, Migration } from 'kysely';
import type { StorageEngine } from './index.ts';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function createDocumentsAndActors(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('char_count', 'integer', (c) => c.notNull())
    .addColumn('extractor', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('actors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('adjective_en', 'text')
    .addColumn('adjective_fr', 'text')
    .execute();
}

async function createClaims(db: AnyDb, engine: StorageEngine): Promise<void> {
  let table = db.schema.createTable('claims');
  table =
    engine === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await table
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('asserted_by', 'text', (c) => c.notNull())
    .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('unreviewed'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('claims_subject')
    .on('claims')
    .columns(['subject_kind', 'subject_id'])
    .execute();
  await db.schema.createIndex('claims_document').on('claims').column('document_id').execute();
}

async function createInstruments(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull())
    .addColumn('binding', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_date', 'text')
    .addColumn('first_year', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('instruments_type').on('instruments').column('type').execute();
  await db.schema.createIndex('instruments_year').on('instruments').column('first_year').execute();

  const instrumentRef = 'instruments.id';
  /** A field table keyed by instrument + the listed columns, each row backed by a claim. */
  const fieldTable = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('instrument_id', 'text', (c) => c.notNull().references(instrumentRef).onDelete('cascade'));
  await fieldTable('instrument_parties')
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('instrument_parties_pk', ['instrument_id', 'actor_id', 'role'])
    .execute();
  await fieldTable('instrument_topics')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('instrument_topics_pk', ['instrument_id', 'topic'])
    .execute();
  await fieldTable('instrument_approaches')
    .addColumn('approach', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('instrument_approaches_pk', ['instrument_id', 'approach'])
    .execute();
  await fieldTable('instrument_dates')
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('instrument_dates_pk', ['instrument_id', 'value', 'role'])
    .execute();
  await fieldTable('instrument_amounts')
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('approximate', 'integer', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('instrument_amounts_pk', ['instrument_id', 'value', 'currency'])
    .execute();
  await fieldTable('instrument_documents')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('instrument_documents_pk', ['instrument_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('instrument_parties_actor')
    .on('instrument_parties')
    .column('actor_id')
    .execute();
  await db.schema.createIndex('instrument_topics_topic').on('instrument_topics').column('topic').execute();
  await db.schema
    .createIndex('instrument_documents_document')
    .on('instrument_documents')
    .column('document_id')
    .execute();
}

async function createEventsStatementsLinks(db: AnyDb): Promise<void> {
  const documentColumn = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'));
  await documentColumn('events')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('place', 'text')
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .execute();
  await db.schema
    .createTable('event_participants')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
    .addPrimaryKeyConstraint('event_participants_pk', ['event_id', 'actor_id'])
    .execute();
  await documentColumn('statements')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('status', 'text')
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .execute();
  await db.schema
    .createTable('statement_owners')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('statements.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
    .addPrimaryKeyConstraint('statement_owners_pk', ['statement_id', 'actor_id'])
    .execute();
  await db.schema
    .createTable('statement_topics')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('statements.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_topics_pk', ['statement_id', 'topic'])
    .execute();
  await db.schema.createIndex('statements_document').on('statements').column('document_id').execute();
  await db.schema.createIndex('events_document').on('events').column('document_id').execute();
}

async function createLinksAndDocumentFacts(db: AnyDb, engine: StorageEngine): Promise<void> {
  let links = db.schema.createTable('links');
  links =
    engine === 'postgres'
      ? links.addColumn('id', 'serial', (c) => c.primaryKey())
      : links.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await links
    .addColumn('from_kind', 'text', (c) => c.notNull())
    .addColumn('from_id', 'text', (c) => c.notNull())
    .addColumn('to_kind', 'text', (c) => c.notNull())
    .addColumn('to_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('approach', 'text')
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('links_from').on('links').columns(['from_kind', 'from_id']).execute();
  await db.schema.createIndex('links_to').on('links').columns(['to_kind', 'to_id']).execute();
  const documentFact = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'));
  await documentFact('document_mentions')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('document_mentions_pk', ['document_id', 'kind', 'code'])
    .execute();
  await db.schema
    .createIndex('document_mentions_code')
    .on('document_mentions')
    .columns(['kind', 'code'])
    .execute();
  await documentFact('document_amounts')
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('document_amounts_pk', ['document_id', 'value', 'currency'])
    .execute();
  await documentFact('document_dates')
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
    .addPrimaryKeyConstraint('document_dates_pk', ['document_id', 'value'])
    .execute();
}

/** Builds the 0001 migration for an engine. */
export function initialMigration(engine: StorageEngine): Migration {
  return {
    async up(db: AnyDb): Promise<void> {
      await createDocumentsAndActors(db);
      await createClaims(db, engine);
      await createInstruments(db);
      await createEventsStatementsLinks(db);
      await createLinksAndDocumentFacts(db, engine);
    },
    async down(db: AnyDb): Promise<void> {
      const tables = [
        'document_dates',
        'document_amounts',
        'document_mentions',
        'links',
        'statement_topics',
        'statement_owners',
        'statements',
        'event_participants',
        'events',
        'instrument_documents',
        'instrument_amounts',
        'instrument_dates',
        'instrument_approaches',
        'instrument_topics',
        'instrument_parties',
        'instruments',
        'claims',
        'actors',
        'documents',
      ];
      for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
