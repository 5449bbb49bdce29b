/**
 * The SearchIndex on SQLite: an FTS5 table (DDL in migration 0100) with columns title and body
 * (accent-insensitive through `unicode61 remove_diacritics 2`), stems and concepts (the analyser's
 * tokens, see storage/search/rows.ts), which holds each row's text for snippets; queries match and
 * rank from the kept postings of migration 2900, as on PostgreSQL (storage/search/postings.ts).
 *
 * Instrument rows get rowids from 10^12 up, passages below: FTS5 applies rowid ranges inside the
 * index, so "instruments only" never reads the (large) passage rows to test their kind.
 */
import { countKeeperOf } from '../store/kept-counts.ts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Page, PageRequest } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import type { IndexDocumentOptions, SearchHit, SearchIndex, SearchRequest } from '../search/port.ts';
import { queryTerms, searchNode, type MatchNode } from '../search/query.ts';
import {
  backfillOnce,
  dropOrphanPostings,
  hitsOfPage,
  instrumentIdsOfPage,
  deletePostings,
  insertPostings,
  matchingRefs,
  rankedPage,
  unchangedEntries,
  visibleEntries,
  type EntryTable,
  type StoredEntry,
} from '../search/postings.ts';
import {
  instrumentRows,
  instrumentsOfDocument,
  loadActorNames,
  oncePerHandle,
  passageRows,
  rowTokens,
  type RowTokens,
  type SearchRow,
  type SearchRowKind,
} from '../search/rows.ts';

type Db = Kysely<Database>;

export const INSTRUMENT_ROWID_BASE = 1_000_000_000_000;

/** The rowid range of a kind of row. */
export function rowidRange(kind: SearchRowKind): { min: number; max: number } {
  return kind === 'instrument'
    ? { min: INSTRUMENT_ROWID_BASE, max: Number.MAX_SAFE_INTEGER }
    : { min: 0, max: INSTRUMENT_ROWID_BASE - 1 };
}

const COLUMNS = { text: '{title body}', stems: 'stems', concepts: 'concepts' } as const;

/** A match tree as an FTS5 MATCH expression. */
export function fts5Expression(node: MatchNode): string {
  if ('token' in node) return `${COLUMNS[node.field]} : "${node.token.replaceAll('"', '""')}"`;
  const parts = ('any' in node ? node.any : node.all).map(fts5Expression);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join('any' in node ? ' OR ' : ' AND ')})`;
}

/** The FTS5 MATCH expression for a user's query, or null when it has no words. */
export function buildMatchExpression(q: string): string | null {
  const { match } = queryTerms(q);
  return match === null ? null : fts5Expression(match);
}

async function nextRowid(db: Db, kind: SearchRowKind): Promise<number> {
  const { min, max } = rowidRange(kind);
  const last = await sql<{ id: number }>`select rowid as id from search_index
    where rowid between ${min} and ${max} order by rowid desc limit 1`.execute(db);
  return Math.max(min, Number(last.rows[0]?.id ?? min)) + 1;
}

/** Rows per insert: 11 parameters each, far below SQLite's 32,766. */
const INSERT_BATCH = 500;

/** Inserts rows with the next rowids of their kind; returns each instrument row's rowid by id. */
async function insertRows(db: Db, rows: readonly SearchRow[]): Promise<Map<string, number>> {
  const placed = new Map<string, number>();
  const rowids: Record<SearchRowKind, number | null> = { passage: null, instrument: null };
  for (let offset = 0; offset < rows.length; offset += INSERT_BATCH) {
    const values: RawBuilder<unknown>[] = [];
    const postings: { entry: number; kind: SearchRowKind; tokens: RowTokens }[] = [];
    for (const row of rows.slice(offset, offset + INSERT_BATCH)) {
      const tokens = rowTokens(row);
      const rowid = rowids[row.kind] ?? (await nextRowid(db, row.kind));
      rowids[row.kind] = rowid + 1;
      postings.push({ entry: rowid, kind: row.kind, tokens });
      if (row.kind === 'instrument') placed.set(row.refId, rowid);
      values.push(sql`(${rowid}, ${row.kind}, ${row.refId}, ${row.documentId}, ${row.spanStart}, ${row.spanEnd},
        ${row.language}, ${row.title}, ${row.body}, ${tokens.stems}, ${tokens.concepts})`);
    }
    // One statement per batch, not one per row: fewer statements prepared under the write lock.
    await sql`insert into search_index (rowid, kind, ref_id, document_id, span_start, span_end, language, title, body, stems, concepts)
      values ${sql.join(values)}`.execute(db);
    await insertPostings(db, 'sqlite', postings);
  }
  return placed;
}

/**
 * Where each instrument's row is in the index, as this process last saw it, per database file.
 * `ref_id` is an UNINDEXED column: finding an instrument's row by it reads every instrument row,
 * while the document's transaction holds the write lock (the largest part of storing a document
 * that names known instruments). Rows are numbered upwards, so the rows any process added since
 * are those above the highest rowid seen: a rowid range read, cheap. A remembered rowid is only
 * trusted by a delete that also names the instrument; when that deletes nothing (the row moved:
 * reindexed or rebuilt meanwhile) the instrument's row is looked for the old way.
 */
interface RowidCache {
  readonly rowids: Map<string, number>;
  seen: number;
}
const rowidCaches = new Map<string, RowidCache>();

/** The cache of this database file, brought up to date; call it inside the write transaction. */
async function instrumentRowids(db: Db): Promise<RowidCache> {
  const main = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
    db,
  );
  const file = main.rows[0]?.file ?? '';
  let cache = rowidCaches.get(file);
  if (cache === undefined) {
    cache = { rowids: new Map(), seen: INSTRUMENT_ROWID_BASE - 1 };
    rowidCaches.set(file, cache);
  }
  // Bound as an integer (BigInt): better-sqlite3 binds a JS number as a REAL, and FTS5 then leaves
  // `rowid > ?` to SQLite, reading every row of the index (3.5 ms at 300 documents, growing with
  // the atlas, under the write lock); an integer bound is applied inside FTS5 (0.2 ms).
  const added = await sql<{ id: number; ref_id: string }>`select rowid as id, ref_id from search_index
    where rowid > ${BigInt(cache.seen)}`.execute(db);
  for (const row of added.rows) {
    cache.rowids.set(row.ref_id, Number(row.id));
    cache.seen = Math.max(cache.seen, Number(row.id));
  }
  return cache;
}

/** Removes the index rows of these instruments. */
async function deleteInstrumentRows(
  db: Db,
  cache: RowidCache,
  instrumentIds: readonly string[],
): Promise<void> {
  const unplaced: string[] = [];
  for (const id of instrumentIds) {
    const rowid = cache.rowids.get(id);
    cache.rowids.delete(id);
    if (rowid !== undefined) {
      const deleted = await sql`delete from search_index where rowid = ${rowid} and ref_id = ${id}`.execute(
        db,
      );
      if (Number(deleted.numAffectedRows ?? 0) === 1) {
        await deletePostings(db, [rowid]);
        continue;
      }
    }
    unplaced.push(id);
  }
  for (let offset = 0; offset < unplaced.length; offset += 500) {
    const ids = unplaced.slice(offset, offset + 500);
    const found = await sql<{ id: number }>`select rowid as id from search_index
      where rowid >= ${INSTRUMENT_ROWID_BASE} and ref_id in (${sql.join(ids)})`.execute(db);
    await deletePostings(
      db,
      found.rows.map((row) => Number(row.id)),
    );
    await sql`delete from search_index where rowid >= ${INSTRUMENT_ROWID_BASE} and ref_id in (${sql.join(ids)})`.execute(
      db,
    );
  }
}

async function indexInstruments(
  db: Db,
  instrumentIds: readonly string[],
  fresh: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (instrumentIds.length === 0) return;
  const cache = await instrumentRowids(db);
  const rows = await instrumentRows(db, instrumentIds);
  // Instruments created by the same transaction have no rows to remove.
  const known = instrumentIds.filter((id) => !fresh.has(id));
  // A record indexed as it would be now stays: no postings deleted and written again. Its row is
  // read by its cached rowid (one FTS5 rowid lookup each); one not found there is rewritten.
  const stored: StoredEntry[] = [];
  for (const id of known) {
    const rowid = cache.rowids.get(id);
    if (rowid === undefined) continue;
    const found = await sql<{ ref_id: string; language: string; title: string; body: string }>`
      select ref_id, language, title, body from search_index where rowid = ${BigInt(rowid)}`.execute(db);
    const row = found.rows[0];
    if (row !== undefined && row.ref_id === id) stored.push({ ...row, refId: row.ref_id, entry: rowid });
  }
  const kept = await unchangedEntries(db, stored, rows);
  await deleteInstrumentRows(
    db,
    cache,
    known.filter((id) => !kept.has(id)),
  );
  // No other process writes meanwhile (this transaction holds the lock): the new rows are known.
  for (const [id, rowid] of await insertRows(
    db,
    rows.filter((row) => !kept.has(row.refId)),
  )) {
    cache.rowids.set(id, rowid);
    cache.seen = Math.max(cache.seen, rowid);
  }
}

async function indexDocument(db: Db, documentId: string, options: IndexDocumentOptions = {}): Promise<void> {
  await loadActorNames(db);
  // document_id is an UNINDEXED column of the FTS5 table: this delete reads every passage row.
  if (options.newDocument !== true) {
    const passages = await sql<{ id: number }>`select rowid as id from search_index
      where rowid < ${INSTRUMENT_ROWID_BASE} and document_id = ${documentId}`.execute(db);
    const ids = passages.rows.map((row) => Number(row.id));
    await deletePostings(db, ids);
    for (let offset = 0; offset < ids.length; offset += 500) {
      await sql`delete from search_index where rowid in (${sql.join(ids.slice(offset, offset + 500))})`.execute(
        db,
      );
    }
  }
  await insertRows(db, await passageRows(db, documentId));
  await indexInstruments(db, await instrumentsOfDocument(db, documentId), options.freshInstruments);
}

const ENTRIES: EntryTable = { table: 'search_index', id: 'rowid' };

async function reindexAll(db: Db): Promise<void> {
  await loadActorNames(db);
  await sql`delete from search_index`.execute(db);
  await sql`delete from search_postings`.execute(db);
  const documents = await db.selectFrom('documents').select('id').execute();
  for (const document of documents) await insertRows(db, await passageRows(db, document.id));
  const instruments = await db.selectFrom('instruments').select('id').execute();
  await insertRows(
    db,
    await instrumentRows(
      db,
      instruments.map((row) => row.id),
    ),
  );
  await sql`insert into search_index (search_index) values ('optimize')`.execute(db);
}

/** Row counts the index was last synchronised with, per database handle. */
const lastSynced = new WeakMap<Db, string>();

const ensure = oncePerHandle(async (db: Db): Promise<void> => {
  const counts = await sql<{ documents: number; instruments: number }>`select
      (select count(*) from documents) as documents, (select count(*) from instruments) as instruments`.execute(
    db,
  );
  const key = JSON.stringify(counts.rows[0] ?? {});
  if (lastSynced.get(db) === key) return;
  const missingDocuments = await sql<{ id: string }>`select id from documents where id not in
      (select document_id from search_index where rowid < ${INSTRUMENT_ROWID_BASE})`.execute(db);
  if (missingDocuments.rows.length > 0) await dropOrphanPostings(db, ENTRIES);
  for (const row of missingDocuments.rows) await indexDocument(db, row.id);
  const missingInstruments = await sql<{ id: string }>`select id from instruments where id not in
      (select ref_id from search_index where rowid >= ${INSTRUMENT_ROWID_BASE})`.execute(db);
  if (missingInstruments.rows.length > 0) {
    await dropOrphanPostings(db, ENTRIES);
    await loadActorNames(db);
    await indexInstruments(
      db,
      missingInstruments.rows.map((row) => row.id),
    );
  }
  await backfillOnce(db, 'sqlite', ENTRIES);
  lastSynced.set(db, key);
});

/**
 * Matches and ranks from the kept postings (storage/search/postings.ts), then reads the page's rows
 * only. The FTS5 table keeps the rows' text for snippets; its MATCH and bm25 are no longer asked.
 */
async function search(db: Db, request: SearchRequest, page: PageRequest): Promise<Page<SearchHit>> {
  const terms = queryTerms(request.q);
  const node = searchNode(terms, request);
  if (node === null) return { items: [], total: 0, limit: page.limit, offset: page.offset };
  const ranked = await rankedPage(
    db,
    ENTRIES,
    node,
    {
      kind: request.kind,
      language: request.language,
      visible: visibleEntries(db),
      counts: countKeeperOf(db),
    },
    page,
  );
  return hitsOfPage(db, ENTRIES, ranked, terms, page);
}

async function matchInstruments(db: Db, q: string, ranked: boolean): Promise<string[]> {
  const { match } = queryTerms(q);
  if (match === null) return [];
  return matchingRefs(db, ENTRIES, match, { kind: 'instrument', visible: visibleEntries(db) }, ranked);
}

async function rankInstruments(
  db: Db,
  q: string,
  page: PageRequest,
): Promise<{ ids: string[]; total: number }> {
  const { match } = queryTerms(q);
  if (match === null) return { ids: [], total: 0 };
  const ranked = await rankedPage(
    db,
    ENTRIES,
    match,
    { kind: 'instrument', visible: visibleEntries(db), counts: countKeeperOf(db) },
    page,
  );
  return instrumentIdsOfPage(db, ENTRIES, ranked);
}

export const sqliteSearchIndex: SearchIndex = {
  indexDocument,
  reindexAll,
  async reindexInstruments(db, instrumentIds) {
    await loadActorNames(db);
    await indexInstruments(db, instrumentIds);
  },
  ensure,
  search,
  matchInstruments,
  rankInstruments,
};
