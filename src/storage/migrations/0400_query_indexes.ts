/**
 * Migration 0400: the secondary indexes of the read queries and the API (list filters, country
 * profiles, evidence lookups) on every engine. Migration 0100 created them on SQLite together with
 * the FTS5 table, which PostgreSQL does not run; `if not exists` leaves existing SQLite files as
 * they are. The list is copied, not imported: migrations are frozen in time.
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

export const queryIndexesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const [name, table, columns] of QUERY_INDEXES) {
      await sql.raw(`create index if not exists ${name} on ${table} (${columns})`).execute(db);
    }
  },
  // Nothing to undo on SQLite, where 0100 owns these indexes; PostgreSQL drops them.
  async down(): Promise<void> {},
};
