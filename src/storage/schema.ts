/**
 * The database schema as Kysely table types: the contract between migrations, the repository and
 * the read queries. Columns are portable SQL types (TEXT, INTEGER, REAL) so the same schema runs on
 * SQLite and PostgreSQL; engine-specific parts (SQLite FTS5) live under storage/sqlite/.
 *
 * Facts are stored as claims with evidence (one row per value, `claims`); the record tables
 * (`instruments`, `instrument_parties`, …) hold the current value of each field for fast filtering,
 * each row pointing at the claim that supports it.
 */
import type { ColumnType, Generated } from 'kysely';

/** ISO timestamp text, set by the database or the repository. */
type Timestamp = ColumnType<string, string | undefined, string>;

export interface DocumentsTable {
  id: string;
  content_hash: string;
  title: string;
  source_path: string;
  format: string;
  language: string;
  text: string;
  byte_size: number;
  char_count: number;
  extractor: string;
  ingested_at: Timestamp;
}

export interface ActorsTable {
  id: string;
  kind: string;
  name_en: string;
  name_fr: string;
  adjective_en: string | null;
  adjective_fr: string | null;
}

export interface InstrumentsTable {
  id: string;
  /** type + folded title + sorted parties: the same instrument found again merges into this row. */
  dedupe_key: string;
  type: string;
  title: string;
  legal_form: string;
  binding: number | null;
  status: string;
  /** Earliest known date (YYYY, YYYY-MM or YYYY-MM-DD), for sorting and year filters. */
  first_date: string | null;
  first_year: number | null;
  created_at: Timestamp;
}

export interface InstrumentPartiesTable {
  instrument_id: string;
  actor_id: string;
  role: string;
  claim_id: number;
}

export interface InstrumentTopicsTable {
  instrument_id: string;
  topic: string;
  claim_id: number;
}

export interface InstrumentApproachesTable {
  instrument_id: string;
  approach: string;
  claim_id: number;
}

export interface InstrumentDatesTable {
  instrument_id: string;
  value: string;
  precision: string;
  role: string;
  claim_id: number;
}

export interface InstrumentAmountsTable {
  instrument_id: string;
  value: number;
  currency: string;
  approximate: number;
  claim_id: number;
}

/** Which documents an instrument was found in (one row per document). */
export interface InstrumentDocumentsTable {
  instrument_id: string;
  document_id: string;
}

/**
 * One fact with its evidence. `value` is JSON. `subject_kind` is instrument | event | statement |
 * document | link. Several claims may exist for one property (disagreeing sources).
 */
export interface ClaimsTable {
  id: Generated<number>;
  subject_kind: string;
  subject_id: string;
  property: string;
  value: string;
  document_id: string;
  span_start: number;
  span_end: number;
  quote: string;
  asserted_by: string;
  review_state: string;
  created_at: Timestamp;
}

export interface EventsTable {
  id: string;
  document_id: string;
  kind: string;
  title: string;
  date: string | null;
  place: string | null;
  claim_id: number;
}

export interface EventParticipantsTable {
  event_id: string;
  actor_id: string;
}

export interface StatementsTable {
  id: string;
  document_id: string;
  kind: string;
  text: string;
  deadline: string | null;
  /** Commitments only: open | in_progress | done | dropped, updated by users. */
  status: string | null;
  claim_id: number;
}

export interface StatementOwnersTable {
  statement_id: string;
  actor_id: string;
}

export interface StatementTopicsTable {
  statement_id: string;
  topic: string;
}

export interface LinksTable {
  id: Generated<number>;
  from_kind: string;
  from_id: string;
  to_kind: string;
  to_id: string;
  relation: string;
  approach: string | null;
  claim_id: number;
}

/** Countries, organizations and topics a document mentions, with counts (country pages, facets). */
export interface DocumentMentionsTable {
  document_id: string;
  kind: string;
  code: string;
  count: number;
  first_claim_id: number;
}

/** Document-level amounts and dates (the evaluation object and indicators). */
export interface DocumentAmountsTable {
  document_id: string;
  value: number;
  currency: string;
  claim_id: number;
}

export interface DocumentDatesTable {
  document_id: string;
  value: string;
  precision: string;
  claim_id: number;
}

export interface Database {
  documents: DocumentsTable;
  actors: ActorsTable;
  instruments: InstrumentsTable;
  instrument_parties: InstrumentPartiesTable;
  instrument_topics: InstrumentTopicsTable;
  instrument_approaches: InstrumentApproachesTable;
  instrument_dates: InstrumentDatesTable;
  instrument_amounts: InstrumentAmountsTable;
  instrument_documents: InstrumentDocumentsTable;
  claims: ClaimsTable;
  events: EventsTable;
  event_participants: EventParticipantsTable;
  statements: StatementsTable;
  statement_owners: StatementOwnersTable;
  statement_topics: StatementTopicsTable;
  links: LinksTable;
  document_mentions: DocumentMentionsTable;
  document_amounts: DocumentAmountsTable;
  document_dates: DocumentDatesTable;
}
