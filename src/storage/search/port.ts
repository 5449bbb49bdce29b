/**
 * The search port: what the atlas needs from a full-text index, whatever the engine. Both
 * implementations (SQLite FTS5 in storage/sqlite/search-index.ts, PostgreSQL search entries in
 * storage/postgres/search-index.ts) index and query the SAME tokens, produced by the project's own
 * analyser (storage/search/analyzer.ts): folded words, plural-stripped French and English stems
 * and bilingual concept tokens. So "réadmission", "readmissions" and "readmission" find the same
 * records on either engine, and relevance is shown out of 100 on both.
 */
import type { Kysely } from 'kysely';
import type { Page, PageRequest } from '../atlas-store.ts';
import type { Database } from '../schema.ts';

/** One search result: a passage of a document or an instrument record. */
export interface SearchHit {
  readonly kind: 'passage' | 'instrument';
  /** Instrument id, or `documentId:start` for a passage. */
  readonly id: string;
  /** The instrument's title, or the passage's document title (null: the document has none). */
  readonly title: string | null;
  /** A passage's file name (what names an untitled document); absent on instrument hits. */
  readonly fileName?: string;
  readonly documentId: string | null;
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly language: string;
  /** Plain text around the match (not HTML). */
  readonly snippet: string;
  /** Where the matching words are in `snippet` (UTF-16 offsets, end exclusive, in order). */
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
  /** Relevance 0–100: this hit's score over the best score of the whole query (same on both engines). */
  readonly relevance: number;
  /** The engine's raw score, lower is better (SQLite's bm25; minus PostgreSQL's ts_rank_cd). */
  readonly score: number;
}

export interface SearchRequest {
  readonly q: string;
  readonly kind?: 'passage' | 'instrument';
  readonly language?: string | undefined;
  /** Only rows that name this state (in either language). */
  readonly country?: string | undefined;
  /** Only rows that use the words of this instrument type, topic or approach. */
  readonly type?: string | undefined;
  readonly topic?: string | undefined;
  readonly approach?: string | undefined;
  /** Only rows that mention a year in this range (a range of at most 80 years). */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

type Db = Kysely<Database>;

export interface IndexDocumentOptions {
  readonly newDocument?: boolean;
  /** Instruments created by this very transaction: they have no index rows to remove. */
  readonly freshInstruments?: ReadonlySet<string>;
}

/** A full-text index of the stored documents' passages and of the instrument records. */
export interface SearchIndex {
  /**
   * (Re)indexes one stored document and its instruments; called inside the document's transaction.
   * `newDocument`: the document was stored by this very transaction, so it has no passages in the
   * index to remove (on SQLite, finding them scans every passage row while holding the write lock);
   * `freshInstruments`, the same for the instruments it created.
   */
  indexDocument(db: Db, documentId: string, options?: IndexDocumentOptions): Promise<void>;
  /** Rebuilds the whole index (after an import or a bulk load). */
  reindexAll(db: Db): Promise<void>;
  /**
   * Indexes these instruments' records again, and drops the rows of those that no longer exist
   * (merged away); called inside the transaction of a merge or a split.
   */
  reindexInstruments(db: Db, instrumentIds: readonly string[]): Promise<void>;
  /** Indexes what is missing (documents stored by another process); cheap when nothing changed. */
  ensure(db: Db): Promise<void>;
  /** Ranked hits over passages and instruments; an empty page when the query has no words. */
  search(db: Db, request: SearchRequest, page: PageRequest): Promise<Page<SearchHit>>;
  /** Ids of the instruments whose record matches `q` (best first when `ranked`); [] without words. */
  matchInstruments(db: Db, q: string, ranked: boolean): Promise<string[]>;
  /** One page of the instruments matching `q`, best first, with the number of matches. */
  rankInstruments(db: Db, q: string, page: PageRequest): Promise<{ ids: string[]; total: number }>;
}

/** A relevance out of 100 from a score and the best score of the query (both "higher is better"). */
export function relevanceOf(score: number, best: number): number {
  return best > 0 ? Math.min(100, Math.max(1, Math.round((100 * score) / best))) : 100;
}
