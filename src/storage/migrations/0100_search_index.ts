/**
 * Migration 0100: the FTS5 search index (SQLite only) and the indexes the read queries and the API
 * rely on for list filters, country profiles and evidence lookups.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Secondary indexes for the API's filters and joins (names prefixed `ix_q_` to stay apart). */
const QUERY_INDEXES: readonly [name: string, table: string, columns: string][] = [
  ['ix_q_parties_actor', 'instrument_parties', 'actor_id, instrument_id'],
  // Covering: the partners of a set of instruments are read from the index alone.
  ['ix_q_parties_instrument', 'instrument_parties', 'instrument_id, actor_id, role'],
  ['ix_q_topics_topic', 'instrument_topics', 'topic, instrument_id'],
  ['ix_q_topics_instrument', 'instrument_topics', 'instrument_id'],
  ['ix_q_approaches_approach', 'instrument_approaches', 'approach, instrument_id'],
  ['ix_q_approaches_instrument', 'instrument_approaches', 'instrument_id'],
  ['ix_q_amounts_instrument', 'instrument_amounts', 'instrument_id'],
  ['ix_q_dates_instrument', 'instrument_dates', 'instrument_id'],
  ['ix_q_instrument_documents_instrument', 'instrument_documents', 'instrument_id'],
  ['ix_q_instrument_documents_document', 'instrument_documents', 'document_id'],
  ['ix_q_instruments_type', 'instruments', 'type'],
  ['ix_q_instruments_year', 'instruments', 'first_year'],
  ['ix_q_instruments_sort', 'instruments', 'first_date, id'],
  ['ix_q_claims_subject', 'claims', 'subject_kind, subject_id'],
  ['ix_q_claims_document', 'claims', 'document_id, span_start'],
  ['ix_q_mentions_code', 'document_mentions', 'kind, code'],
  ['ix_q_mentions_document', 'document_mentions', 'document_id'],
  ['ix_q_statements_document', 'statements', 'document_id'],
  ['ix_q_statement_owners_actor', 'statement_owners', 'actor_id'],
];

/** Creates the FTS5 table and the query indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table if not exists search_index using fts5(
    kind unindexed, ref_id unindexed, document_id unindexed, span_start unindexed, span_end unindexed,
    language unindexed, title, body, stems, concepts,
    tokenize = "unicode61 remove_diacritics 2"
  )`.execute(db);
  for (const [name, table, columns] of QUERY_INDEXES) {
    await sql.raw(`create index if not exists ${name} on ${table} (${columns})`).execute(db);
  }
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of QUERY_INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
  await sql`drop table if exists search_index`.execute(db);
}

export const searchIndexMigration: Migration = { up, down };
