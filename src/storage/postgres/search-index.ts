/**
 * The SearchIndex on PostgreSQL: the `search_entries` table of migration 0401, one row per passage
 * or instrument record (its text, for snippets), and the kept postings of migration 2900 that
 * queries match and rank from, as on SQLite (storage/search/postings.ts). The tokens are the
 * project analyser's (the same as in SQLite's FTS5 table), so both engines find the same records in
 * the same order. The rows' tsvectors went with migration 3100 (no query read them; computing them
 * was about a third of the server's CPU per stored document); `tsqueryText` stays for the tests,
 * which build the vectors from the rows to compare the postings' matches with PostgreSQL's own.
 */
import { countKeeperOf } from '../store/kept-counts.ts';
import { sql, type Kysely } from 'kysely';
import type { Page, PageRequest } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import type { IndexDocumentOptions, SearchHit, SearchIndex, SearchRequest } from '../search/port.ts';
import { queryTerms, searchNode, type MatchNode } from '../search/query.ts';
import {
  backfillOnce,
  dropOrphanPostings,
  hitsOfPage,
  instrumentIdsOfPage,
  insertPostings,
  isOneRead,
  matchingRefs,
  rankedPage,
  unchangedEntries,
  visibleEntries,
  type EntryTable,
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
} from '../search/rows.ts';

type Db = Kysely<Database>;

const WEIGHTS = { text: 'AB', stems: 'C', concepts: 'D' } as const;
/** A match tree as to_tsquery text: quoted lexemes restricted to their weights. */
export function tsqueryText(node: MatchNode): string {
  if ('token' in node) {
    return `'${node.token.replaceAll('\\', '\\\\').replaceAll("'", "''")}':${WEIGHTS[node.field]}`;
  }
  const parts = ('any' in node ? node.any : node.all).map(tsqueryText);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join('any' in node ? ' | ' : ' & ')})`;
}

/** Rows per insert: 9 parameters each, far below PostgreSQL's 65,535. */
const INSERT_BATCH = 500;

async function insertRows(db: Db, rows: readonly SearchRow[]): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += INSERT_BATCH) {
    const batch = rows.slice(offset, offset + INSERT_BATCH);
    // Ids taken ahead, so each row's postings know their entry without relying on RETURNING's order.
    const ids = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('search_entries', 'id')) as id
      from generate_series(1, ${batch.length})`.execute(db);
    const postings: { entry: number; kind: SearchRow['kind']; tokens: RowTokens }[] = [];
    const values = batch.map((row, index) => {
      const entry = Number(ids.rows[index]?.id);
      postings.push({ entry, kind: row.kind, tokens: rowTokens(row) });
      return sql`(${entry}, ${row.kind}, ${row.refId}, ${row.documentId}, ${row.spanStart}, ${row.spanEnd},
        ${row.language}, ${row.title}, ${row.body})`;
    });
    await sql`insert into search_entries (id, kind, ref_id, document_id, span_start, span_end, language, title, body)
      values ${sql.join(values)}`.execute(db);
    await insertPostings(db, 'postgres', postings);
  }
}

async function indexInstruments(
  db: Db,
  instrumentIds: readonly string[],
  fresh: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (instrumentIds.length === 0) return;
  let rows = await instrumentRows(db, instrumentIds);
  // Instruments created by the same transaction have no rows to remove: one round trip fewer.
  const known = instrumentIds.filter((id) => !fresh.has(id));
  if (known.length > 0) {
    const stored = await sql<{
      entry: string;
      ref_id: string;
      language: string;
      title: string;
      body: string;
    }>`
      select id as entry, ref_id, language, title, body from search_entries
      where kind = 'instrument' and ref_id = any(${known}::text[])`.execute(db);
    // A record indexed as it would be now stays: no postings deleted and written again.
    const kept = await unchangedEntries(
      db,
      stored.rows.map((row) => ({ ...row, refId: row.ref_id, entry: Number(row.entry) })),
      rows,
    );
    const stale = known.filter((id) => !kept.has(id));
    if (stale.length > 0) {
      await sql`delete from search_postings where entry in
        (select id from search_entries where kind = 'instrument' and ref_id = any(${stale}::text[]))`.execute(
        db,
      );
      await sql`delete from search_entries where kind = 'instrument' and ref_id = any(${stale}::text[])`.execute(
        db,
      );
    }
    rows = rows.filter((row) => !kept.has(row.refId));
  }
  await insertRows(db, rows);
}

async function indexDocument(db: Db, documentId: string, options: IndexDocumentOptions = {}): Promise<void> {
  await loadActorNames(db);
  if (options.newDocument !== true) {
    await sql`delete from search_postings where entry in
      (select id from search_entries where kind = 'passage' and document_id = ${documentId})`.execute(db);
    await sql`delete from search_entries where kind = 'passage' and document_id = ${documentId}`.execute(db);
  }
  await insertRows(db, await passageRows(db, documentId));
  await indexInstruments(db, await instrumentsOfDocument(db, documentId), options.freshInstruments);
}

async function reindexAll(db: Db): Promise<void> {
  await loadActorNames(db);
  await sql`delete from search_postings`.execute(db);
  await sql`delete from search_entries`.execute(db);
  const documents = await db.selectFrom('documents').select('id').execute();
  for (const document of documents) await insertRows(db, await passageRows(db, document.id));
  const instruments = await db.selectFrom('instruments').select('id').execute();
  const ids = instruments.map((row) => row.id);
  for (let offset = 0; offset < ids.length; offset += 5000) {
    await insertRows(db, await instrumentRows(db, ids.slice(offset, offset + 5000)));
  }
}

const lastSynced = new WeakMap<Db, string>();

const ensure = oncePerHandle(async (db: Db): Promise<void> => {
  const counts = await sql<{ documents: string; instruments: string }>`select
      (select count(*) from documents) as documents, (select count(*) from instruments) as instruments`.execute(
    db,
  );
  const key = JSON.stringify(counts.rows[0] ?? {});
  if (lastSynced.get(db) === key) return;
  const missingDocuments = await sql<{ id: string }>`select id from documents d where not exists
      (select 1 from search_entries s where s.document_id = d.id and s.kind = 'passage')`.execute(db);
  if (missingDocuments.rows.length > 0) await dropOrphanPostings(db, ENTRIES);
  for (const row of missingDocuments.rows) {
    await db.transaction().execute((trx) => indexDocument(trx, row.id));
  }
  const missingInstruments = await sql<{ id: string }>`select id from instruments i where not exists
      (select 1 from search_entries s where s.kind = 'instrument' and s.ref_id = i.id)`.execute(db);
  if (missingInstruments.rows.length > 0) {
    await dropOrphanPostings(db, ENTRIES);
    await loadActorNames(db);
    await indexInstruments(
      db,
      missingInstruments.rows.map((row) => row.id),
    );
  }
  await backfillOnce(db, 'postgres', ENTRIES);
  lastSynced.set(db, key);
});

const ENTRIES: EntryTable = { table: 'search_entries', id: 'id' };

/**
 * Runs statements that join every match to its entry (a viewer who may not see some records, a
 * language), or the postings of several words, in a read-only transaction that rules out
 * sequential scans and JIT compilation: the planner may otherwise read the whole entry table
 * (vectors and text) to hash-join a few thousand matches, and it guesses the join of two words'
 * postings 250 times too large (3.6 M rows for 14,153 at 100,000 instruments), which crosses
 * `jit_above_cost` and spends 10 ms compiling a statement that runs in tens.
 * Inside a caller's transaction, the work just runs there.
 */
async function withIndexScans<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local jit = off`.execute(trx);
      return work(trx);
    });
}

/**
 * Matches and ranks from the kept postings (storage/search/postings.ts), then reads the page's
 * entries only. The vectors and their GIN indexes are no longer asked by queries.
 */
async function search(db: Db, request: SearchRequest, page: PageRequest): Promise<Page<SearchHit>> {
  const terms = queryTerms(request.q);
  const node = searchNode(terms, request);
  if (node === null) return { items: [], total: 0, limit: page.limit, offset: page.offset };
  // Built on the caller's handle: the transaction's handle does not know the viewer.
  const options = {
    kind: request.kind,
    language: request.language,
    visible: visibleEntries(db),
    counts: countKeeperOf(db),
    topFirst: isOneRead(node),
  };
  const needsGuards = options.language !== undefined || options.visible !== null || !isOneRead(node);
  const ranked = needsGuards
    ? await withIndexScans(db, (trx) => rankedPage(trx, ENTRIES, node, options, page))
    : await rankedPage(db, ENTRIES, node, options, page);
  return hitsOfPage(db, ENTRIES, ranked, terms, page);
}

async function matchInstruments(db: Db, q: string, ranked: boolean): Promise<string[]> {
  const { match } = queryTerms(q);
  if (match === null) return [];
  const options = { kind: 'instrument' as const, visible: visibleEntries(db) };
  return withIndexScans(db, (trx) => matchingRefs(trx, ENTRIES, match, options, ranked));
}

async function rankInstruments(
  db: Db,
  q: string,
  page: PageRequest,
): Promise<{ ids: string[]; total: number }> {
  const { match } = queryTerms(q);
  if (match === null) return { ids: [], total: 0 };
  const options = {
    kind: 'instrument' as const,
    visible: visibleEntries(db),
    counts: countKeeperOf(db),
    topFirst: isOneRead(match),
  };
  const ranked =
    options.visible === null && isOneRead(match)
      ? await rankedPage(db, ENTRIES, match, options, page)
      : await withIndexScans(db, (trx) => rankedPage(trx, ENTRIES, match, options, page));
  return instrumentIdsOfPage(db, ENTRIES, ranked);
}

export const postgresSearchIndex: SearchIndex = {
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
