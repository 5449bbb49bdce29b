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
  /** The title the reader found (file name, metadata); `title` is the one shown (0700). */
  file_title: NullableText;
  /** Publisher or author, as the text or a person gave it. */
  publisher: NullableText;
  /** Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published: NullableText;
  source_url: NullableText;
  /** The organisation the document is restricted to; null: public (2300). */
  restricted_to: NullableText;
  /** Where `title` came from: text | metadata | person | file_name (2700); null until classified. */
  title_source: NullableText;
}

/** A nullable text column an insert may omit (columns added by a later migration). */
type NullableText = ColumnType<string | null, string | null | undefined, string | null>;

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
  /** The organisation the instrument is restricted to; null: public (2300). */
  restricted_to: NullableText;
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
  /** total, part, tranche, disbursement or pledge (migration 1600); null where the text does not say. */
  role: NullableText;
  /** The value of the amount of the same instrument and currency this one is a share of, or null. */
  part_of: ColumnType<number | null, number | null | undefined, number | null>;
  /** The claim quoting the words that say the role (its evidence), or null. */
  role_claim_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** The extractor's confidence, 0–1; null for claims people entered or stored before 0300. */
  confidence: ColumnType<number | null, number | null | undefined, number | null>;
  /** A reviewer's claim: the claim it corrects (that one is then `superseded`). Since 0900. */
  supersedes: ColumnType<number | null, number | null | undefined, number | null>;
  /** Why a reviewer rejected the claim. Since 0900. */
  review_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The organisation the claim is restricted to; null: public (2300). */
  restricted_to: NullableText;
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

/** Evidence columns of every analysis fact (see migrations/0200_analyses.ts). */
interface AnalysisEvidence {
  document_id: string;
  span_start: number;
  span_end: number;
  quote: string;
  /** `extractor:…`, `reviewer:<name>` or `user:<name>`. */
  asserted_by: string;
  review_state: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

/** A sentence of a synthesis stating how many countries report something. */
export interface CountClaimsTable extends AnalysisEvidence {
  id: string;
  question: string;
  stance: string;
  stated: number | null;
  count_start: number;
  count_end: number;
  count_quote: string;
  footnote: number | null;
  /** The backing CountryList as JSON, or null. */
  list: string | null;
}

/** One country's position on a question (evidence = the sentence; list_* = the list item). */
export interface CountryPositionsTable extends AnalysisEvidence {
  id: Generated<number>;
  country: string;
  question: string;
  stance: string;
  count_claim_id: string | null;
  list_start: number | null;
  list_end: number | null;
  list_quote: string | null;
}

/** What a commitment statement says beyond the statement row: the deadline as written. */
export interface CommitmentDetailsTable extends AnalysisEvidence {
  statement_id: string;
  deadline_value: string | null;
  deadline_precision: string | null;
  deadline_inclusive: number | null;
  deadline_quote: string | null;
  next_dialogue: number;
}

/** Every status change of a commitment (the current one is statements.status). */
export interface CommitmentStatusHistoryTable {
  id: Generated<number>;
  statement_id: string;
  status: string;
  previous: string | null;
  changed_by: string;
  note: string | null;
  changed_at: string;
}

export interface RoadmapPrioritiesTable extends AnalysisEvidence {
  id: Generated<number>;
  label: string;
  /** JSON array of topic codes. */
  topics: string;
}

/** An indicator value: extracted (document span) or entered by a user (entered_by, source_note). */
export interface IndicatorValuesTable extends Omit<
  AnalysisEvidence,
  'document_id' | 'span_start' | 'span_end' | 'quote'
> {
  id: Generated<number>;
  indicator: string;
  value: number;
  unit: string;
  date: string | null;
  country: string | null;
  instrument_id: string | null;
  approximate: number;
  document_id: string | null;
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
  entered_by: string | null;
  source_note: string | null;
}

export interface LeverageStepsTable extends AnalysisEvidence {
  id: Generated<number>;
  country: string;
  kind: string;
  legal_basis: string | null;
  date_value: string | null;
  date_precision: string | null;
}

export interface ApproachAttributionsTable extends AnalysisEvidence {
  id: Generated<number>;
  actor_id: string;
  approach: string;
  stance: string;
}

/** A saved query; every given field must match. */
export interface WatchesTable {
  id: string;
  name: string;
  country: string | null;
  type: string | null;
  topic: string | null;
  text: string | null;
  created_at: string;
  /** The user who saved it (their feed); null: a shared watch (saved by the CLI or before 2000). */
  owner_id: string | null;
}

export interface WatchHitsTable {
  id: Generated<number>;
  watch_id: string;
  instrument_id: string;
  document_id: string;
  /** JSON array of reasons. */
  reasons: string;
  seen: ColumnType<number, number | undefined, number>;
  created_at: string;
}

/** The ingestion job queue (storage/jobs): one row per document to ingest. */
export interface JobsTable {
  id: string;
  batch: string | null;
  kind: string;
  source: string;
  /** JSON: a path or an upload's bytes (base64); `{}` once the job has ended. */
  payload: string;
  state: string;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  stage: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  error_code: string | null;
  error_message: string | null;
  document_id: string | null;
  /** JSON: the outcome once done. */
  result: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Documents the analyses have run on (see services/reanalyse.ts). */
export interface AnalysedDocumentsTable {
  document_id: string;
  analyser: string;
  analysed_at: string;
}

// IATI activities (migration 0800): every row keeps `path`, its element path in the file.

export interface IatiFilesTable {
  id: string;
  name: string;
  source_path: string;
  sha256: string;
  bytes: number;
  version: string;
  activities: number;
  asserted_by: string;
  imported_at: string;
}

export interface IatiActivitiesTable {
  id: string;
  file_id: string;
  path: string;
  default_currency: string | null;
  default_lang: string | null;
  last_updated: string | null;
  status: string | null;
  reporting_org_ref: string | null;
  reporting_org_type: string | null;
  /** JSON array of {lang, text}; null when there is no reporting-org. */
  reporting_org_names: string | null;
  reporting_org_path: string | null;
  /** JSON array of {lang, text}. */
  titles: string;
  /** JSON array of {type, narratives, path}. */
  descriptions: string;
}

interface IatiChild {
  activity_id: string;
  seq: number;
  path: string;
}

export interface IatiParticipatingOrgsTable extends IatiChild {
  role: string;
  ref: string | null;
  type: string | null;
  names: string;
}

export interface IatiActivityDatesTable extends IatiChild {
  type: string;
  iso_date: string;
}

export interface IatiRecipientCountriesTable extends IatiChild {
  code: string;
  percentage: number | null;
}

export interface IatiSectorsTable extends IatiChild {
  vocabulary: string;
  code: string;
  percentage: number | null;
}

export interface IatiBudgetsTable extends IatiChild {
  type: string | null;
  status: string | null;
  period_start: string;
  period_end: string;
  value: number;
  currency: string;
  currency_inherited: number;
  value_date: string | null;
}

export interface IatiTransactionsTable extends IatiChild {
  type: number;
  date: string;
  value: number;
  currency: string;
  currency_inherited: number;
  value_date: string | null;
  description: string;
  provider_org: string | null;
  receiver_org: string | null;
}

export interface IatiResultsTable extends IatiChild {
  type: string;
  title: string;
}

export interface IatiIndicatorsTable extends IatiChild {
  result_seq: number;
  measure: string;
  ascending: number | null;
  title: string;
  has_baseline: number;
  baseline_year: number | null;
  baseline_date: string | null;
  baseline_value: number | null;
}

export interface IatiIndicatorPeriodsTable extends IatiChild {
  result_seq: number;
  indicator_seq: number;
  period_start: string;
  period_end: string;
  target: number | null;
  actual: number | null;
}

export interface IatiLinksTable {
  id: string;
  activity_id: string;
  instrument_id: string;
  method: string;
  score: number | null;
  reasons: string;
  document_id: string | null;
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
  asserted_by: string;
  review_state: ColumnType<string, string | undefined, string>;
  reviewed_by: string | null;
  created_at: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
}

/** A person with a role (reader, contributor, reviewer, admin), perhaps in an organisation. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  organisation_id: string | null;
  focal_point: ColumnType<number, number | undefined, number>;
  created_at: string;
  /** `user:<id>` or `cli` (the first admin). */
  created_by: string | null;
}

/** Secrets: never exported (see people/unpublished-tables.ts). */
export interface UserCredentialsTable {
  user_id: string;
  /** `scrypt$N$r$p$salt$key`, base64url parts. */
  password_hash: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session id: the id itself is only ever in the user's cookie. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: string;
  created_at: string;
  revoked_at: string | null;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  role: string;
  organisation_id: string | null;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

/** One change: who, when, what (subject), the record before and after (JSON) and why. Append-only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject_kind: string;
  subject_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** A merge by a reviewer: the merged instrument's record, where it went, who, when, why (1900). */
export interface InstrumentMergesTable {
  id: Generated<number>;
  merged_id: string;
  kept_id: string;
  /** The merged instrument's extractor dedupe key: found again, it goes to `kept_id`. */
  dedupe_key: string;
  /** JSON object: the merged instrument's row and document ids as they were. */
  record: string;
  /** JSON array of the claim ids that moved. */
  claim_ids: string;
  merged_by: string;
  merged_at: string;
  reason: string;
}

/** A link between records whose evidence is a source outside the atlas (a URL), since 1900. */
export interface CitedLinksTable {
  id: Generated<number>;
  from_kind: string;
  from_id: string;
  to_kind: string;
  to_id: string;
  relation: string;
  approach: string | null;
  source_url: string;
  /** `reviewer:<user id>`. */
  asserted_by: string;
  review_state: string;
  reason: string | null;
  created_at: string;
}

/** A manual record waiting for, or decided by, a reviewer (2200); published only once accepted. */
/** Failed sign-ins per account or address in the current window (migration 2400). */
export interface LoginAttemptsTable {
  key: string;
  failures: number;
  /** ISO time the window ends. */
  reset_at: string;
}

export interface ContributionsTable {
  id: string;
  kind: string;
  /** JSON: the contributed record as validated, its source included. */
  record: string;
  source_url: string | null;
  document_id: string | null;
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
  /** `user:<id>` of the contributor. */
  asserted_by: string;
  /** pending | accepted | rejected. */
  review_state: string;
  reviewed_by: string | null;
  reason: string | null;
  /** The published instrument, once accepted. */
  instrument_id: string | null;
  created_at: string;
  reviewed_at: string | null;
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
  count_claims: CountClaimsTable;
  country_positions: CountryPositionsTable;
  commitment_details: CommitmentDetailsTable;
  commitment_status_history: CommitmentStatusHistoryTable;
  roadmap_priorities: RoadmapPrioritiesTable;
  indicator_values: IndicatorValuesTable;
  leverage_steps: LeverageStepsTable;
  approach_attributions: ApproachAttributionsTable;
  watches: WatchesTable;
  watch_hits: WatchHitsTable;
  analysed_documents: AnalysedDocumentsTable;
  jobs: JobsTable;
  iati_files: IatiFilesTable;
  iati_activities: IatiActivitiesTable;
  iati_participating_orgs: IatiParticipatingOrgsTable;
  iati_activity_dates: IatiActivityDatesTable;
  iati_recipient_countries: IatiRecipientCountriesTable;
  iati_sectors: IatiSectorsTable;
  iati_budgets: IatiBudgetsTable;
  iati_transactions: IatiTransactionsTable;
  iati_results: IatiResultsTable;
  iati_indicators: IatiIndicatorsTable;
  iati_indicator_periods: IatiIndicatorPeriodsTable;
  iati_links: IatiLinksTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_credentials: UserCredentialsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  instrument_merges: InstrumentMergesTable;
  cited_links: CitedLinksTable;
  contributions: ContributionsTable;
  login_attempts: LoginAttemptsTable;
}

/**
 * Columns that hold JSON text, with the shape of their values (Frictionless field types). Exports
 * write them as nested JSON in JSON Lines files; every other column is plain text or a number.
 */
export const JSON_COLUMNS: Readonly<Record<string, Readonly<Record<string, 'any' | 'object' | 'array'>>>> = {
  claims: { value: 'any' },
  count_claims: { list: 'object' },
  roadmap_priorities: { topics: 'array' },
  watch_hits: { reasons: 'array' },
  iati_activities: { reporting_org_names: 'array', titles: 'array', descriptions: 'array' },
  iati_participating_orgs: { names: 'array' },
  iati_transactions: { description: 'array', provider_org: 'object', receiver_org: 'object' },
  iati_results: { title: 'array' },
  iati_indicators: { title: 'array' },
  iati_links: { reasons: 'array' },
  instrument_merges: { record: 'object', claim_ids: 'array' },
  contributions: { record: 'object' },
};
