/**
 * Kept postings: for every row of the search index (passage or instrument record) and every token
 * of it, one row `(term, kind, entry, score)` in `search_postings` (migration 2900), written in the
 * same transaction as the index row. Both engines match AND rank from this table, with the same
 * SQL, so that ranking costs a read of narrow index entries instead of a relevance function run
 * over every match's text (bm25 on SQLite, ts_rank_cd over the tsvector on PostgreSQL: 18,519
 * matches of "réadmission" at 100,000 instruments took 60–290 ms of PostgreSQL CPU per request).
 *
 * The ranking is a documented sum of kept weights, exact for every page:
 * - a term is a field and a token of the analyser: `w:` a folded word of the title or body, `s:` a
 *   stem, `c:` a concept token;
 * - its kept score in a row is the field's weight × how often it occurs there: a title word 8, a
 *   body word 4, a stem 2, a concept 1 (the column weights the engines' own rankings used); nothing
 *   in it depends on the other rows, so no score goes stale when other records change;
 * - a query's match tree (storage/search/query.ts), flattened (see `flatten`), scores a row
 *   recursively: a term its kept score, "any" the sum of its distinct alternatives that the row
 *   has, "all" the sum of its parts (the row must have every part);
 * - rows are ordered by that score, highest first, then by their index row id (oldest first).
 * Totals are the exact number of matching rows the viewer may see; the order of pages is the order
 * of that full ranking (test/storage/search-postings.test.ts compares them page by page).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { onRawConnection } from '../sqlite/connection.ts';
import type { Database } from '../schema.ts';
import { viewerOfHandle, visibleSearchRows } from '../store/visibility.ts';
import type { CountKeeper } from '../store/kept-counts.ts';
import { termCounts, topPage } from './top-postings.ts';
import { levelPage, termLevels, type ScoreCounts } from './score-levels.ts';
import type { Page } from '../atlas-store.ts';
import type { SearchHit } from './port.ts';
import { searchHit, type MatchNode, type QueryTerms, type TermField } from './query.ts';
import {
  loadActorNames,
  rowTokens,
  searchRowOf,
  type RowTokens,
  type SearchRow,
  type SearchRowKind,
  type StoredSearchRow,
} from './rows.ts';

type Db = Kysely<Database>;

const PREFIX: Record<TermField, string> = { text: 'w', stems: 's', concepts: 'c' };
/** The kept weight of one occurrence, by field (a title word counts twice a body word). */
export const TERM_WEIGHTS = { title: 8, body: 4, stems: 2, concepts: 1 } as const;

/** The key of a token of a field in `search_postings.term`. */
export const termKey = (field: TermField, token: string): string => `${PREFIX[field]}:${token}`;

export interface Posting {
  readonly term: string;
  readonly score: number;
}

function addAll(scores: Map<string, number>, field: TermField, words: string, weight: number): void {
  for (const token of words.split(' ')) {
    if (token === '') continue;
    const key = termKey(field, token);
    scores.set(key, (scores.get(key) ?? 0) + weight);
  }
}

/** The postings of one index row, from the analyser's tokens the engine indexes too. */
export function postingsOf(tokens: RowTokens): Posting[] {
  const scores = new Map<string, number>();
  addAll(scores, 'text', tokens.titleWords, TERM_WEIGHTS.title);
  addAll(scores, 'text', tokens.bodyWords, TERM_WEIGHTS.body);
  addAll(scores, 'stems', tokens.stems, TERM_WEIGHTS.stems);
  addAll(scores, 'concepts', tokens.concepts, TERM_WEIGHTS.concepts);
  return [...scores].map(([term, score]) => ({ term, score }));
}

/** SQLite's insert of one posting, prepared once per connection (see insertPostings). */
const INSERT_POSTING = 'insert into search_postings (term, kind, entry, score) values (?, ?, ?, ?)';
const postingInserts = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/** Writes the postings of index rows (entry: the row's id in the engine's index table). */
export async function insertPostings(
  db: Db,
  engine: 'sqlite' | 'postgres',
  rows: readonly { entry: number; kind: SearchRowKind; tokens: RowTokens }[],
): Promise<void> {
  const terms: string[] = [];
  const kinds: string[] = [];
  const entries: number[] = [];
  const scores: number[] = [];
  for (const row of rows) {
    for (const posting of postingsOf(row.tokens)) {
      terms.push(posting.term);
      kinds.push(row.kind);
      entries.push(row.entry);
      scores.push(posting.score);
    }
  }
  if (terms.length === 0) return;
  if (engine === 'postgres') {
    // Four array parameters whatever the number of postings: one statement per call.
    await sql`insert into search_postings (term, kind, entry, score)
      select * from unnest(${terms}::text[], ${kinds}::text[], ${entries}::bigint[], ${scores}::integer[])`.execute(
      db,
    );
    return;
  }
  // On SQLite, one prepared single-row insert run per posting on the connection under the handle
  // (openSqlite's, which every writing handle is), without Kysely's round trip per row. It runs
  // under the write lock other workers wait for: 3.4 ms of CPU for the 1,000 postings of a bench
  // document, against 9.3 ms for the one statement over a JSON array it replaces (json_each and
  // json_extract parsed the array again for every value).
  const written = await onRawConnection(db, (raw) => {
    const insert = postingInserts.get(raw) ?? raw.prepare(INSERT_POSTING);
    postingInserts.set(raw, insert);
    for (let i = 0; i < terms.length; i++) insert.run(terms[i], kinds[i], entries[i], scores[i]);
    return true;
  });
  if (written !== true) throw new Error('writing postings needs a SQLite handle opened by openSqlite');
}

/** An index row as stored, with its id in the engine's index table. */
export interface StoredEntry {
  readonly entry: number;
  readonly refId: string;
  readonly language: string;
  readonly title: string;
  readonly body: string;
}

/**
 * The rows that are already indexed exactly as they would be written now: same text, language and
 * postings (the concept tokens also depend on the actors' names the lexicon has learnt, hence the
 * postings are compared, not only the text). An instrument's record is indexed again whenever a
 * document names it — most documents name known instruments (1,533 of 1,815 in the 400-document
 * bench) — and its record rarely changes: rewriting it deleted and inserted some sixty postings
 * each time, scattered over the postings' primary key (one dirtied page each, written whole to the
 * WAL after a checkpoint), inside the document's transaction. Returns the ref ids to keep as they
 * are; a ref id stored more than once is never kept (it is rewritten, as before).
 */
export async function unchangedEntries(
  db: Db,
  stored: readonly StoredEntry[],
  rows: readonly SearchRow[],
): Promise<Set<string>> {
  const kept = new Set<string>();
  if (stored.length === 0) return kept;
  const count = new Map<string, number>();
  for (const entry of stored) count.set(entry.refId, (count.get(entry.refId) ?? 0) + 1);
  const fresh = new Map(rows.map((row) => [row.refId, row]));
  const candidates = stored.filter((entry) => {
    const row = fresh.get(entry.refId);
    return (
      row !== undefined &&
      count.get(entry.refId) === 1 &&
      row.language === entry.language &&
      row.title === entry.title &&
      row.body === entry.body
    );
  });
  if (candidates.length === 0) return kept;
  const held = new Map<number, Map<string, number>>(candidates.map((entry) => [entry.entry, new Map()]));
  for (let offset = 0; offset < candidates.length; offset += 500) {
    const ids = candidates.slice(offset, offset + 500).map((entry) => entry.entry);
    const found = await sql<{ entry: number | string; term: string; score: number | string }>`
      select entry, term, score from search_postings where entry in (${sql.join(ids)})`.execute(db);
    for (const posting of found.rows) {
      held.get(Number(posting.entry))?.set(posting.term, Number(posting.score));
    }
  }
  for (const entry of candidates) {
    const row = fresh.get(entry.refId);
    const have = held.get(entry.entry);
    if (row === undefined || have === undefined) continue;
    const want = postingsOf(rowTokens(row));
    if (want.length === have.size && want.every((posting) => have.get(posting.term) === posting.score)) {
      kept.add(entry.refId);
    }
  }
  return kept;
}

/** Removes the postings of these index rows. */
export async function deletePostings(db: Db, entries: readonly number[]): Promise<void> {
  for (let offset = 0; offset < entries.length; offset += 500) {
    await sql`delete from search_postings where entry in (${sql.join(entries.slice(offset, offset + 500))})`.execute(
      db,
    );
  }
}

/**
 * The match tree with its nesting undone where it changes nothing: a one-part "all" or "any" is its
 * part, and an "any" inside an "any" (or an "all" inside an "all") gives its parts to its parent.
 * A word with its stems, or with the concepts it names, then becomes one "any" of plain terms: one
 * read of the postings. Scores are those of the flat tree (rankings and the reference alike).
 */
export function flatten(node: MatchNode): MatchNode {
  if ('token' in node) return node;
  const isAny = 'any' in node;
  const parts: MatchNode[] = [];
  for (const child of (isAny ? node.any : node.all).map(flatten)) {
    if (isAny && 'any' in child) parts.push(...child.any);
    else if (!isAny && 'all' in child) parts.push(...child.all);
    else parts.push(child);
  }
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  return isAny ? { any: parts } : { all: parts };
}

/** Whether a match tree is one read of the postings (a term, or an "any" of terms). */
export function isOneRead(node: MatchNode): boolean {
  return plainTerms(flatten(node)) !== null;
}

/** The distinct terms of a node whose alternatives are all plain terms, else null. */
function plainTerms(node: MatchNode): string[] | null {
  if ('token' in node) return [termKey(node.field, node.token)];
  if (!('any' in node)) return null;
  const keys = new Set<string>();
  for (const child of node.any) {
    if (!('token' in child)) return null;
    keys.add(termKey(child.field, child.token));
  }
  return [...keys];
}

/**
 * The rows matching a match tree with their scores, as a subquery of `(entry, score)`. An "any" of
 * plain terms (a word with its stems: the common case) is one range read of the postings' primary
 * key per term, summed per row; nested nodes are built from their parts.
 */
export function scoredEntries(
  node: MatchNode,
  kind: SearchRowKind | undefined,
  among?: Among,
): RawBuilder<unknown> {
  return scoredFlat(flatten(node), kind, among);
}

/**
 * Only these entries (`entries`: a subquery of entry ids, all of the kinds `kinds`), read from each
 * term's postings by primary key: with the kinds named, (term, kind, entry) is probed per candidate
 * instead of reading each term's whole list to test its entries against the candidates (on SQLite,
 * 3.5 → 2 ms of CPU for "mobility partnership" at 10,000 instruments, with the candidates read once
 * as a materialized CTE by the caller).
 */
export interface Among {
  readonly entries: RawBuilder<unknown>;
  readonly kinds: readonly SearchRowKind[];
}

function scoredFlat(node: MatchNode, kind: SearchRowKind | undefined, among?: Among): RawBuilder<unknown> {
  const kinds =
    kind !== undefined
      ? sql` and kind = ${kind}`
      : among === undefined
        ? sql``
        : among.kinds.length === 1
          ? sql` and kind = ${among.kinds[0]}`
          : sql` and kind in (${sql.join([...among.kinds])})`;
  const ofKind = sql`${kinds}${among === undefined ? sql`` : sql` and entry in (${among.entries})`}`;
  const terms = plainTerms(node);
  if (terms !== null) {
    return terms.length === 1
      ? sql`select entry, score from search_postings where term = ${terms[0]}${ofKind}`
      : sql`select entry, sum(score) as score from search_postings
          where term in (${sql.join(terms)})${ofKind} group by entry`;
  }
  if ('any' in node) {
    // Distinct alternatives: the same alternative twice would count twice otherwise.
    const seen = new Set<string>();
    const parts = node.any.filter((child) => {
      const key = JSON.stringify(child);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const union = sql.join(
      parts.map((part) => sql`select entry, score from (${scoredFlat(part, kind, among)}) as alternative`),
      sql` union all `,
    );
    return sql`select entry, sum(score) as score from (${union}) as alternatives group by entry`;
  }
  if (!('all' in node)) throw new Error('unreachable: a match node is a term, an any or an all');
  const [first, ...rest] = node.all;
  if (first === undefined) throw new Error('an empty "all" matches nothing');
  if (rest.length === 0) return scoredFlat(first, kind, among);
  const alias = (index: number) => sql.raw(`p${index}`);
  const joins = rest.map(
    (part, index) =>
      sql` join (${scoredFlat(part, kind, among)}) as ${alias(index + 1)} on ${alias(index + 1)}.entry = p0.entry`,
  );
  const total = sql.join(
    [first, ...rest].map((_, index) => sql`${alias(index)}.score`),
    sql` + `,
  );
  return sql`select p0.entry as entry, ${total} as score from (${scoredFlat(first, kind, among)}) as p0${sql.join(joins, sql``)}`;
}

/** A row's score under a match tree from its postings (null: no match): the reference ranking. */
export function scoreOf(node: MatchNode, postings: ReadonlyMap<string, number>): number | null {
  return scorerOf(node)(postings);
}

/** Scores rows from their postings under one match tree (as `scoreOf`). */
export type Scorer = (postings: ReadonlyMap<string, number>) => number | null;

/**
 * `scoreOf` for one tree, prepared once for many rows: the tree flattened, each "any"'s distinct
 * alternatives picked and each term's key built once, not per row (scoring a few hundred candidate
 * rows otherwise cost more than reading their postings).
 */
export function scorerOf(node: MatchNode): Scorer {
  return prepared(flatten(node));
}

function prepared(node: MatchNode): Scorer {
  if ('token' in node) {
    const key = termKey(node.field, node.token);
    return (postings) => postings.get(key) ?? null;
  }
  if ('any' in node) {
    const seen = new Set<string>();
    const parts = node.any
      .filter((child) => {
        const key = JSON.stringify(child);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(prepared);
    return (postings) => {
      let sum: number | null = null;
      for (const part of parts) {
        const score = part(postings);
        if (score !== null) sum = (sum ?? 0) + score;
      }
      return sum;
    };
  }
  const parts = node.all.map(prepared);
  return (postings) => {
    let sum = 0;
    for (const part of parts) {
      const score = part(postings);
      if (score === null) return null;
      sum += score;
    }
    return sum;
  };
}

/** Where an engine keeps its index rows: the table and its row id column. */
export interface EntryTable {
  readonly table: 'search_index' | 'search_entries';
  readonly id: 'rowid' | 'id';
}

export interface RankOptions {
  readonly kind?: SearchRowKind | undefined;
  readonly language?: string | undefined;
  /** The viewer's visibility conditions on the entry table aliased `e`; null: sees everything. */
  readonly visible: RawBuilder<unknown> | null;
  /** Where the number of matches is kept per data version (the caller's store; default: none). */
  readonly counts?: CountKeeper | undefined;
  /**
   * Whether a page near the top is read from each term's best postings (search/top-postings.ts):
   * PostgreSQL for one word with its stems, where it reads tens of postings instead of tens of
   * thousands; not SQLite, whose ranking runs in-process and costs less than the extra statements
   * at 10,000 instruments.
   */
  readonly topFirst?: boolean | undefined;
}

/** The conditions that hide restricted rows of the entry table `e` from the handle's viewer. */
export function visibleEntries(db: Db): RawBuilder<unknown> | null {
  return viewerOfHandle(db).sees === 'everything'
    ? null
    : visibleSearchRows(db, { kind: 'e.kind', refId: 'e.ref_id', documentId: 'e.document_id' });
}

/** The ranked matches as `from … where …` (alias `m` for the matches, `e` for their rows). */
function rankedFrom(table: EntryTable, node: MatchNode, options: RankOptions): RawBuilder<unknown> {
  const matches = scoredEntries(node, options.kind);
  if (options.language === undefined && options.visible === null) return sql`(${matches}) as m`;
  // Only when a filter needs a row's columns: the join reads the index row of every match.
  const language = options.language === undefined ? sql`` : sql` and e.language = ${options.language}`;
  return sql`(${matches}) as m join ${sql.table(table.table)} as e on e.${sql.raw(table.id)} = m.entry
    where 1 = 1${language}${options.visible ?? sql``}`;
}

/** Pages ending at most this far down are read from each term's best postings (top-postings.ts). */
const TOP_PAGES_UP_TO = 200;
/**
 * ... and only for this many matches or more: at 10,000 instruments on PostgreSQL (1,900 matches of
 * "réadmission") the whole ranking cost 17 ms a page and the best postings 28 ms, at 100,000
 * (18,519 matches) 215 ms and 19 ms (wall time on a machine at a load of 25).
 */
const TOP_FIRST_FROM = 5000;

/**
 * ... and pages of this many matches or more are cut from the kept score counts (search/score-levels.ts):
 * below it the full ranking is one statement over a few hundred postings.
 */
const LEVELS_FROM = 200;

/** The kept summary of a query: how many matches have each score, their total and the best score. */
function scoreSummary(rows: readonly { score: number | string; n: number | string }[]): {
  scores: ScoreCounts;
  total: number;
  best: number;
} {
  const scores = rows.map((row) => [Number(row.score), Number(row.n)] as const).sort((a, b) => b[0] - a[0]);
  return {
    scores,
    total: scores.reduce((sum, [, count]) => sum + count, 0),
    best: scores[0]?.[0] ?? 0,
  };
}

/** The statement of one page of the ranking (also what bench/search-explain.ts explains). */
export function rankedPageQuery(
  table: EntryTable,
  node: MatchNode,
  options: RankOptions,
  page: { limit: number; offset: number },
) {
  return sql<{
    entry: number | string;
    score: number | string;
    total: number | string;
    best: number | string;
  }>`
    select m.entry as entry, m.score as score, count(*) over () as total, max(m.score) over () as best
    from ${rankedFrom(table, node, options)} order by m.score desc, m.entry
    limit ${page.limit} offset ${page.offset}`;
}

/**
 * One page of the full ranking (score, highest first, then entry id) with the exact number of
 * matches and the best score of all (for relevance out of 100).
 */
export async function rankedPage(
  db: Db,
  table: EntryTable,
  node: MatchNode,
  options: RankOptions,
  page: { limit: number; offset: number },
): Promise<{ entries: { entry: number; score: number }[]; total: number; best: number }> {
  const from = rankedFrom(table, node, options);
  const keep = options.counts;
  if (options.language === undefined && options.visible === null && keep !== undefined) {
    // No row's columns to join: how many matches have each score (the total, the best score)
    // counted once per data version; a page near the top from each term's best postings
    // (search/top-postings.ts) when asked and many match, else from the candidates those counts
    // allow (search/score-levels.ts), else ranked without counting (a caller that keeps nothing
    // takes the one statement below, which counts as it ranks).
    const summary = await keep(`ranked:${options.kind ?? '*'}:${JSON.stringify(flatten(node))}`, () =>
      sql<{ score: number | string; n: number | string }>`select m.score as score, count(*) as n
        from ${from} group by m.score`
        .execute(db)
        .then((result) => scoreSummary(result.rows)),
    );
    const near = page.offset + page.limit <= TOP_PAGES_UP_TO;
    // Few matches rank faster whole than through the extra statements of the best postings.
    const top =
      options.topFirst === true && summary.total >= TOP_FIRST_FROM && near
        ? await topPage(db, node, options.kind, page)
        : null;
    if (top !== null) return { entries: top.entries, total: summary.total, best: summary.best };
    if (near && summary.total >= LEVELS_FROM) {
      const terms = [...termCounts(node).keys()].sort();
      const levels = await keep(`levels:${options.kind ?? '*'}:${JSON.stringify(terms)}`, () =>
        termLevels(db, terms, options.kind),
      );
      const entries = await levelPage(db, node, options.kind, page, summary.scores, levels);
      if (entries !== null) return { entries, total: summary.total, best: summary.best };
    }
    // Without the window count the engine keeps only the page's rows while it reads (top-N sort).
    const rows = await sql<{ entry: number | string; score: number | string }>`select m.entry as entry,
      m.score as score from ${from} order by m.score desc, m.entry
      limit ${page.limit} offset ${page.offset}`.execute(db);
    return {
      entries: rows.rows.map((row) => ({ entry: Number(row.entry), score: Number(row.score) })),
      total: summary.total,
      best: summary.best,
    };
  }
  const ranked = await rankedPageQuery(table, node, options, page).execute(db);
  let total = Number(ranked.rows[0]?.total ?? 0);
  let best = Number(ranked.rows[0]?.best ?? 0);
  if (ranked.rows.length === 0 && page.offset > 0) {
    const counted = await sql<{ n: number | string; best: number | string | null }>`
      select count(*) as n, max(m.score) as best from ${from}`.execute(db);
    total = Number(counted.rows[0]?.n ?? 0);
    best = Number(counted.rows[0]?.best ?? 0);
  }
  return {
    entries: ranked.rows.map((row) => ({ entry: Number(row.entry), score: Number(row.score) })),
    total,
    best,
  };
}

/** The `ref_id` of every match, best first when `ranked` (the text filter combined with others). */
export async function matchingRefs(
  db: Db,
  table: EntryTable,
  node: MatchNode,
  options: RankOptions,
  ranked: boolean,
): Promise<string[]> {
  const matches = scoredEntries(node, options.kind);
  const language = options.language === undefined ? sql`` : sql` and e.language = ${options.language}`;
  const rows = await sql<{ ref_id: string }>`select e.ref_id as ref_id
    from (${matches}) as m join ${sql.table(table.table)} as e on e.${sql.raw(table.id)} = m.entry
    where 1 = 1${language}${options.visible ?? sql``}${ranked ? sql` order by m.score desc, m.entry` : sql``}`.execute(
    db,
  );
  return rows.rows.map((row) => row.ref_id);
}

/** Handles whose index rows all had their postings when last looked at (see `backfillOnce`). */
const backfilled = new WeakSet<Db>();

/**
 * `backfillPostings` once per database handle: every write through the index writes the rows'
 * postings with them, so rows without postings come only from an index built before migration
 * 2900, and looking for them reads every row (about 100 ms at 100,000 instruments on PostgreSQL).
 */
export async function backfillOnce(db: Db, engine: 'sqlite' | 'postgres', table: EntryTable): Promise<void> {
  if (backfilled.has(db)) return;
  await backfillPostings(db, engine, table);
  backfilled.add(db);
}

/**
 * Writes the postings of index rows that have none: an index built before migration 2900 gets
 * them on the first catch-up (`SearchIndex.ensure`), in one transaction per call.
 */
export async function backfillPostings(
  db: Db,
  engine: 'sqlite' | 'postgres',
  table: EntryTable,
): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => backfillPostings(trx, engine, table));
  const id = sql.raw(`e.${table.id}`);
  const missing = await sql<SearchRowOf>`select ${id} as entry, e.kind, e.ref_id, e.document_id,
      e.span_start, e.span_end, e.language, e.title, e.body
    from ${sql.table(table.table)} as e
    where not exists (select 1 from search_postings p where p.entry = ${id})`.execute(db);
  // Instrument records name their parties: their concept tokens need the actors' names.
  if (missing.rows.length > 0) await loadActorNames(db);
  for (let offset = 0; offset < missing.rows.length; offset += 2000) {
    const rows = missing.rows.slice(offset, offset + 2000).map((row) => ({
      entry: Number(row.entry),
      kind: row.kind === 'instrument' ? ('instrument' as const) : ('passage' as const),
      tokens: rowTokens(searchRowOf(row)),
    }));
    await insertPostings(db, engine, rows);
  }
  return missing.rows.length;
}

interface SearchRowOf extends StoredSearchRow {
  entry: number | string;
}

/**
 * Removes postings whose index row is gone. Every write through the index removes a row's postings
 * with it; this is for an index found missing rows (removed outside it), before they are indexed
 * again, so no match is counted twice. It reads every posting: only then.
 */
export async function dropOrphanPostings(db: Db, table: EntryTable): Promise<void> {
  await sql`delete from search_postings where not exists
    (select 1 from ${sql.table(table.table)} as e where e.${sql.raw(table.id)} = search_postings.entry)`.execute(
    db,
  );
}

/** A page of entries as rankedPage returns it: ids and kept scores in order, the exact total. */
export type RankedEntries = Awaited<ReturnType<typeof rankedPage>>;

/** The index rows of a ranked page, read from the engine's table by entry id (for their text). */
async function rowsOfPage(
  db: Db,
  table: EntryTable,
  ranked: RankedEntries,
): Promise<Map<number, StoredSearchRow>> {
  if (ranked.entries.length === 0) return new Map();
  const ids = ranked.entries.map((row) => row.entry);
  const found = await sql<
    StoredSearchRow & { entry: number | string }
  >`select ${sql.raw(table.id)} as entry, kind,
    ref_id, document_id, span_start, span_end, language, title, body from ${sql.table(table.table)}
    where ${sql.raw(table.id)} in (${sql.join(ids)})`.execute(db);
  return new Map(found.rows.map((row) => [Number(row.entry), row]));
}

/** A ranked page as search hits with their snippets, in the ranked order. */
export async function hitsOfPage(
  db: Db,
  table: EntryTable,
  ranked: RankedEntries,
  terms: QueryTerms,
  page: { limit: number; offset: number },
): Promise<Page<SearchHit>> {
  const rows = await rowsOfPage(db, table, ranked);
  const items = ranked.entries.flatMap((rank): SearchHit[] => {
    const row = rows.get(rank.entry);
    // The API's raw score is "lower is better" on both engines.
    return row === undefined
      ? []
      : [searchHit(row, terms, { score: rank.score, best: ranked.best, rawScore: -rank.score })];
  });
  return { items, total: ranked.total, limit: page.limit, offset: page.offset };
}

/** A ranked page of instrument records as the instruments' ids, in the ranked order. */
export async function instrumentIdsOfPage(
  db: Db,
  table: EntryTable,
  ranked: RankedEntries,
): Promise<{ ids: string[]; total: number }> {
  const rows = await rowsOfPage(db, table, ranked);
  return { ids: ranked.entries.flatMap((row) => rows.get(row.entry)?.ref_id ?? []), total: ranked.total };
}
