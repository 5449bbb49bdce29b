/**
 * The ONE data-access seam of the atlas. Services, the CLI and the HTTP API talk to an `AtlasStore`
 * and never to SQL; the SQLite implementation (kysely-store.ts over storage/sqlite/) is the default
 * and a PostgreSQL adapter implements the same interface.
 */
import type { Actor, Evidence, Instrument, Language, ReviewState, Span } from '../domain/model.ts';
import type { TotalsByCurrency } from '../domain/money.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import type { DocumentAnalyses } from '../analysis/document-analyses.ts';
import type { AnalysisStore, WatchHit } from './analyses/analysis-store.ts';
import type { ClaimedJob, ClaimOptions, JobQueue } from './jobs/job-queue.ts';
import type { DocumentSourceChanges } from '../domain/input-schemas.ts';
import type { SourceFieldRecord } from './store/document-sources.ts';
import type { IatiStore } from './iati/iati-store.ts';
import type { ExportSummary } from './transfer/export.ts';
import type { ImportSummary } from './transfer/import.ts';
import type { StorageEngine } from './engine.ts';
import type { SearchHit, SearchRequest } from './search/port.ts';
import type { PeopleStore } from './people/people-store.ts';
import type { LoginAttemptStore } from './people/login-attempts.ts';
import type { ReviewStore } from './people/review-store.ts';
import type { CurationStore } from './curation/curation-store.ts';
import type { ContributionStore } from './contributions/contribution-store.ts';
import type {
  IngestRestriction,
  RestrictableKind,
  RestrictionChange,
  RestrictionStore,
} from './people/restrictions.ts';
import type { AtlasQueries } from './atlas-queries.ts';
import type { Viewer } from '../domain/viewer.ts';

export { RESTRICTABLE } from './people/restrictions.ts';
export type { IngestRestriction, RestrictableKind, RestrictionChange, RestrictionStore };
export type {
  DocumentSourceChanges,
  ExportSummary,
  ImportSummary,
  SearchHit,
  SearchRequest,
  SourceFieldRecord,
  StorageEngine,
};

/** A finished backup: the file written and its size. */
export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
}

/** A document as a reader returned it (`readDocument`): the text the extraction ran on. */
export interface DocumentInput {
  readonly path: string;
  /** A DocumentFormat (`text`, `pdf`…) as the reader detected it. */
  readonly format: string;
  readonly title: string;
  readonly text: string;
  /** Size of the source file in bytes. */
  readonly bytes: number;
  /** Store the document restricted to this organisation (see AtlasStore.restrictions). */
  readonly restriction?: IngestRestriction;
}

/** How many rows one document added. */
export interface SaveCounts {
  /** Instruments created by this document. */
  readonly instrumentsAdded: number;
  /** Instruments already known (from another document) that this one also names. */
  readonly instrumentsMerged: number;
  readonly claims: number;
  readonly statements: number;
  readonly events: number;
}

export interface SaveResult {
  /** `unchanged` when a document with the same content hash was already stored. */
  readonly status: 'added' | 'unchanged';
  readonly documentId: string;
  readonly counts: SaveCounts;
  /** Watches this document's instruments matched (recorded as hits in the same transaction). */
  readonly watchHits?: readonly WatchHit[];
  /** The job claimed for `SaveOptions.job.next`, if one was left. */
  readonly nextJob?: ClaimedJob;
}

/**
 * The analyses of one document (country positions, commitments, indicators…) for the id the store
 * gives it. The service layer computes them (src/analysis is pure); the store writes them in the
 * document's transaction, so a document is never stored without its analyses.
 */
export type DocumentAnalyser = (documentId: string) => DocumentAnalyses;

export interface SaveOptions {
  /**
   * The queue job whose work this document is (a worker's lease): a new document completes it in
   * its own transaction, so the document and its job's `done` are committed together — one write
   * transaction per document instead of two (on SQLite, each waits for the other workers').
   */
  readonly job?: {
    readonly id: string;
    readonly worker: string;
    /**
     * Claims the worker's next job in the same transaction (returned as `nextJob`): on SQLite one
     * write lock per document instead of two, and no wait for another worker's whole transaction
     * between storing a document and starting the next.
     */
    readonly next?: ClaimOptions;
  };
  /**
   * Called once the document's rows, analyses and search tokens are prepared, right before the
   * write transaction opens (a job's `storing` stage: it then covers the storing only).
   */
  readonly beforeTransaction?: () => Promise<void>;
}

export interface InstrumentFilter {
  /** ISO alpha-2 of a state that is a party. */
  readonly country?: string;
  /** Any actor id (state or organization) that is a party. */
  readonly party?: string;
  readonly type?: string;
  readonly topic?: string;
  readonly approach?: string;
  readonly year?: number;
  readonly documentId?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** An instrument for lists: its current field values, no evidence. */
export interface InstrumentSummary extends Instrument {
  /** The instrument's money per currency, each sum counted once (`instrumentTotals`). */
  readonly moneyTotals: TotalsByCurrency;
  /** Earliest known date, `YYYY[-MM[-DD]]`. */
  readonly firstDate: string | null;
  readonly documentCount: number;
  /** The organisation the instrument is restricted to (only its members see it); null: public. */
  readonly restrictedTo: string | null;
}

/** A stored claim with its evidence, as shown to a reader. */
export interface ClaimView {
  readonly id: number;
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly property: string;
  readonly value: unknown;
  /** `documentTitle` is null for an untitled document; `documentFileName` then names it. */
  readonly evidence: Evidence & { readonly documentTitle: string | null; readonly documentFileName?: string };
  /** How sure the extractor was (0–1); null when a person asserted it or it predates confidences. */
  readonly confidence: number | null;
  /** The organisation the claim is restricted to; null: public. */
  readonly restrictedTo: string | null;
}

export interface DocumentRef {
  readonly id: string;
  readonly title: string;
}

/** A document an instrument was found in: title null when it has none, `fileName` then names it. */
export interface SourceDocumentRef {
  readonly id: string;
  readonly title: string | null;
  readonly fileName: string;
}

/** One instrument with every claim about it (the evidence behind each field). */
export interface InstrumentDetail extends InstrumentSummary {
  readonly documents: readonly SourceDocumentRef[];
  readonly claims: readonly ClaimView[];
  /** Set when the id asked for was merged into this instrument: the id asked for. */
  readonly redirectedFrom?: string;
}

/** Where a document's title came from; `file_name`: it has none (the file's name stood in). */
export type TitleSource = 'text' | 'metadata' | 'person' | 'file_name';

export interface DocumentSummary {
  readonly id: string;
  readonly contentHash: string;
  /** Null when nothing gave the document a title (pages say "Untitled document (file …)"). */
  readonly title: string | null;
  readonly titleSource: TitleSource;
  /** The file's name, so an untitled document can still be recognised. */
  readonly fileName: string;
  readonly sourcePath: string;
  readonly format: string;
  readonly language: Language;
  readonly byteSize: number;
  readonly charCount: number;
  readonly extractor: string;
  readonly ingestedAt: string;
  readonly instrumentCount: number;
  /** The title the reader found (file name or metadata); `title` is the title the text states. */
  readonly fileTitle: string;
  /** Publisher or author; null where neither the text nor a person stated it. */
  readonly publisher: string | null;
  /** Publication date `YYYY[-MM[-DD]]`, or null. */
  readonly published: string | null;
  readonly sourceUrl: string | null;
  /** The organisation the document is restricted to; null: public. */
  readonly restrictedTo: string | null;
}

export interface DocumentMention {
  readonly kind: 'country' | 'organization' | 'topic';
  readonly code: string;
  readonly count: number;
}

/** A document with its text, what it mentions and the instruments found in it. */
export interface DocumentDetail extends DocumentSummary {
  readonly text: string;
  readonly mentions: readonly DocumentMention[];
  readonly instruments: readonly DocumentRef[];
  readonly amounts: readonly { value: number; currency: string }[];
  readonly dates: readonly string[];
}

export interface CountBy {
  readonly code: string;
  readonly count: number;
}

/** Totals and facets for the summary screens. */
export interface AtlasStats {
  readonly documents: number;
  readonly instruments: number;
  readonly claims: number;
  readonly statements: number;
  readonly events: number;
  /** The money of every instrument per currency, each instrument's sums counted once. */
  readonly money: TotalsByCurrency;
  /** Instruments by type, by party state (alpha-2), by topic; most frequent first. */
  readonly byType: readonly CountBy[];
  readonly byCountry: readonly CountBy[];
  readonly byTopic: readonly CountBy[];
}

export interface AtlasStore {
  /** Where the data lives (a file path or a connection description), for messages. */
  readonly location: string;
  /** The embedded SQLite file or a PostgreSQL server. */
  readonly engine: StorageEngine;
  /**
   * Stores one document and everything extracted from it, in ONE transaction: either all rows
   * are written or none. The same content (same hash) is `unchanged`; an instrument already
   * known under the same dedupe key gains claims and an instrument_documents row instead of a copy.
   * `analyse` is called once, before the transaction, only when the document is new.
   */
  saveExtraction(
    document: DocumentInput,
    extracted: ExtractedDocument,
    analyse: DocumentAnalyser,
    options?: SaveOptions,
  ): Promise<SaveResult>;
  /** The stored document with this content hash, if any. */
  findDocumentByHash(contentHash: string): Promise<DocumentSummary | undefined>;
  /** Inserts or updates actors (the registry of states and organizations). */
  upsertActors(actors: readonly Actor[]): Promise<void>;
  listActors(): Promise<readonly Actor[]>;
  listInstruments(filter: InstrumentFilter, page: PageRequest): Promise<Page<InstrumentSummary>>;
  /**
   * Throws AtlasError not_found ("instrument X not found") for an unknown id. The id of an
   * instrument merged into another returns the kept one, with `redirectedFrom` set.
   */
  getInstrument(id: string): Promise<InstrumentDetail>;
  listDocuments(page: PageRequest): Promise<Page<DocumentSummary>>;
  /** Throws AtlasError not_found for an unknown id. */
  getDocument(id: string): Promise<DocumentDetail>;
  /**
   * Sets a document's title, publisher, date, URL or language (a person's correction), recorded as
   * claims asserted by `by` (`user:<name>`). Throws not_found for an unknown id.
   */
  setDocumentSource(id: string, changes: DocumentSourceChanges, by: string): Promise<DocumentSummary>;
  /** Every recorded value of a document's source fields, oldest first, with who gave it and when. */
  documentSourceHistory(id: string): Promise<readonly SourceFieldRecord[]>;
  /** Claims about one subject (`statement`, `event`, `document`…), with evidence. */
  listClaims(subjectKind: string, subjectId: string): Promise<readonly ClaimView[]>;
  stats(): Promise<AtlasStats>;
  /**
   * Ranked full-text search over passages and instrument records, in French and English (the
   * engine's SearchIndex; relevance 0–100 on every engine). Indexes first what another process
   * stored meanwhile.
   */
  search(request: SearchRequest, page: PageRequest): Promise<Page<SearchHit>>;
  /** Indexes what is missing from the search index (documents stored by another process). */
  refreshSearchIndex(): Promise<void>;
  /**
   * A key that changes whenever a committed write (of any process) may have changed what the atlas
   * shows; null when the engine cannot tell right now (then nothing may be cached on it). Read it
   * BEFORE the data it keys: the data is then at least as new as the version.
   */
  dataVersion(): Promise<string | null>;
  /** The read model: lists, facets, profiles and aggregates for the API and the web pages. */
  readonly queries: AtlasQueries;
  /** Country positions, commitments, indicators, conditionality records and watches. */
  readonly analyses: AnalysisStore;
  /** The ingestion job queue (workers, uploads through the API). */
  readonly jobs: JobQueue;
  /** IATI activities (budgets, transactions, results) and their links to instruments. */
  readonly iati: IatiStore;
  /** Users, organisations, sessions, API tokens, invitations and the audit log. */
  readonly people: PeopleStore;
  /** The review queue of extracted facts and the reviewers' decisions. */
  readonly review: ReviewStore;
  /** Merge, split and link of instruments by reviewers; the reviewed facts for `mda eval --reviewed`. */
  readonly curation: CurationStore;
  /** Manual records with sources: pending until a reviewer accepts (then published) or rejects. */
  readonly contributions: ContributionStore;
  /** Restricted records: which organisation a document, an instrument or a claim is restricted to. */
  readonly restrictions: RestrictionStore;
  /** Failed sign-ins per account and address, shared by every server process (the login throttle). */
  readonly loginAttempts: LoginAttemptStore;
  /**
   * Copies the whole database to `file` (which must not exist) with the engine's online backup:
   * safe while other processes read and write, and including what they committed a moment ago.
   */
  backup(file: string): Promise<BackupSummary>;
  /** Writes every data table as a Frictionless data package into `dir` (new or empty), from one snapshot. */
  exportTo(dir: string): Promise<ExportSummary>;
  /**
   * Loads a package written by `exportTo` into this atlas, which must hold no data yet, in one
   * transaction; then rebuilds the derived search index.
   */
  importFrom(dir: string): Promise<ImportSummary>;
  /**
   * Runs `work` with every read of this store (lists, counts, search, analyses, exports…) filtered
   * for `viewer`: restricted records of other organisations do not exist there (not found, absent).
   * Outside such a scope the store reads for the viewer it was opened with.
   */
  actingAs<T>(viewer: Viewer, work: () => T): T;
  close(): Promise<void>;
}

export type { Evidence, ReviewState, Span };
export type * from './atlas-queries.ts';

// Pure helpers that go with the stored shapes: the passages a document is searched (and shown) by,
// and a search hit's snippet with its matching words marked.
export { splitPassages } from './search/passages.ts';
export { snippetHtml } from './search/query.ts';
/** The key a document is known by: the hash of its text (`findDocumentByHash`). */
export { contentHash, planDocument } from './records.ts';
