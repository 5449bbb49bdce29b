/**
 * Filtered, paginated instrument lists and their facets: what the API's `GET /api/instruments` and
 * the search page need beyond `AtlasStore.listInstruments` (year range, free text, language).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { InstrumentSummary, Page, PageRequest } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import { emptyFields, instrumentFromRow } from '../store/presenters.ts';
import { instrumentsInOrder, loadInstrumentFields } from './instrument-fields.ts';
import { valuesOf } from '../engine.ts';
import { searchIndexOf } from '../search/engines.ts';
import { countKeeperOf } from '../store/kept-counts.ts';

type Db = Kysely<Database>;

/** Every filter the instrument list accepts (all optional, combined with AND). */
export interface InstrumentQuery {
  /** A state party (ISO alpha-2). */
  readonly country?: string;
  /** Any actor party (state or organization id). */
  readonly party?: string;
  readonly type?: string;
  readonly topic?: string;
  readonly approach?: string;
  /** First year, inclusive. */
  readonly from?: number;
  /** Last year, inclusive. */
  readonly to?: number;
  /** Free text, searched in the instrument records (French and English). */
  readonly q?: string;
  /** Language of a document the instrument was found in. */
  readonly language?: string;
  readonly document?: string;
}

/** From this offset on, a page's ids are found first and its rows read after (see queryInstruments). */
const DEEP_PAGE = 200;

/** Sort orders: best text match first (with `q`), most recent first (default), oldest first, by title. */
export type InstrumentSort = 'relevance' | 'recent' | 'oldest' | 'title';

/**
 * The instruments whose search record matches the text, resolved once per request and passed to
 * the database as one parameter, so the count, the page and the facets do not each run the match.
 */
async function textMatches(db: Db, q: string | undefined, ranked = false): Promise<string[] | null> {
  if (q === undefined) return null;
  return searchIndexOf(db).matchInstruments(db, q, ranked);
}

function filtered(db: Db, filter: InstrumentQuery, matchList: readonly string[] | null) {
  let query = db.selectFrom('instruments');
  if (filter.type !== undefined) query = query.where('instruments.type', '=', filter.type);
  if (filter.from !== undefined) query = query.where('instruments.first_year', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('instruments.first_year', '<=', filter.to);
  for (const actor of [filter.country, filter.party]) {
    if (actor === undefined) continue;
    query = query.where('instruments.id', 'in', (eb) =>
      eb.selectFrom('instrument_parties').select('instrument_id').where('actor_id', '=', actor),
    );
  }
  if (filter.topic !== undefined) {
    const topic = filter.topic;
    query = query.where('instruments.id', 'in', (eb) =>
      eb.selectFrom('instrument_topics').select('instrument_id').where('topic', '=', topic),
    );
  }
  if (filter.approach !== undefined) {
    const approach = filter.approach;
    query = query.where('instruments.id', 'in', (eb) =>
      eb.selectFrom('instrument_approaches').select('instrument_id').where('approach', '=', approach),
    );
  }
  if (filter.document !== undefined) {
    const document = filter.document;
    query = query.where('instruments.id', 'in', (eb) =>
      eb.selectFrom('instrument_documents').select('instrument_id').where('document_id', '=', document),
    );
  }
  if (filter.language !== undefined) {
    const language = filter.language;
    query = query.where('instruments.id', 'in', (eb) =>
      eb
        .selectFrom('instrument_documents')
        .innerJoin('documents', 'documents.id', 'instrument_documents.document_id')
        .select('instrument_documents.instrument_id')
        .where('documents.language', '=', language),
    );
  }
  if (matchList !== null) {
    query = query.where('instruments.id', 'in', valuesOf(db, matchList));
  }
  return query;
}

/** A filter as a key: its set fields in a fixed order (the same filter, the same key). */
function filterKey(filter: InstrumentQuery): string {
  const set = Object.entries(filter).filter(([, value]) => value !== undefined);
  return JSON.stringify(set.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One page of instruments matching the filter, with the total number of matches. */
export async function queryInstruments(
  db: Db,
  filter: InstrumentQuery,
  page: PageRequest,
  sort: InstrumentSort = 'recent',
): Promise<Page<InstrumentSummary>> {
  const onlyText = Object.entries(filter).every(([key, value]) => key === 'q' || value === undefined);
  if (filter.q !== undefined && sort === 'relevance' && onlyText) return textOnlyPage(db, filter.q, page);
  const matches = await textMatches(db, filter.q, sort === 'relevance');
  if (matches !== null && sort === 'relevance') return relevancePage(db, filter, matches, page);
  // The total is counted once per data version and filter (store/kept-counts.ts): counting read
  // every match on each page (100,000 for the plain list), the page reads 50 rows.
  const total = await countKeeperOf(db)(`instruments:${filterKey(filter)}`, () =>
    filtered(db, filter, matches)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  // (first_date, id) and (title, id) are indexed: the engines walk the index instead of sorting
  // every match. NULL dates sort lowest, so they come last in the default most-recent-first order.
  const inOrder = <Q extends SelectQueryBuilder<Database, 'instruments', object>>(rows: Q): Q => {
    if (sort === 'title') return rows.orderBy('instruments.title').orderBy('instruments.id') as Q;
    const direction = sort === 'recent' || sort === 'relevance' ? 'desc' : 'asc';
    return rows.orderBy('instruments.first_date', direction).orderBy('instruments.id', direction) as Q;
  };
  const pageIds = inOrder(filtered(db, filter, matches).select('instruments.id'))
    .limit(page.limit)
    .offset(page.offset);
  // A deep page skips its offset on the sort index alone and reads only its own rows: reading whole
  // rows to skip them cost a row read per skipped row (5,000 for the benchmark's deep page).
  const found = await (
    page.offset >= DEEP_PAGE
      ? inOrder(db.selectFrom('instruments').selectAll('instruments').where('instruments.id', 'in', pageIds))
      : inOrder(filtered(db, filter, matches).selectAll('instruments'))
          .limit(page.limit)
          .offset(page.offset)
  ).execute();
  const fields = await loadInstrumentFields(
    db,
    found.map((row) => row.id),
  );
  return {
    items: found.map((row) => instrumentFromRow(row, fields.get(row.id) ?? emptyFields())),
    total: Number(total.n),
    limit: page.limit,
    offset: page.offset,
  };
}

/** Text alone, best first: the index ranks and pages by itself (the common search-box case). */
async function textOnlyPage(db: Db, q: string, page: PageRequest): Promise<Page<InstrumentSummary>> {
  const { ids, total } = await searchIndexOf(db).rankInstruments(db, q, page);
  const items = await instrumentsInOrder(db, ids);
  return { items, total, limit: page.limit, offset: page.offset };
}

/**
 * A page in text-relevance order: the filters select the matching ids, which are ordered by their
 * bm25 rank in JavaScript (at most the number of text matches), then the page's rows are read.
 */
async function relevancePage(
  db: Db,
  filter: InstrumentQuery,
  ranked: readonly string[],
  page: PageRequest,
): Promise<Page<InstrumentSummary>> {
  const rank = new Map(ranked.map((id, index) => [id, index]));
  const matching = await filtered(db, filter, ranked).select('instruments.id').execute();
  const ordered = matching.map((row) => row.id).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const pageIds = ordered.slice(page.offset, page.offset + page.limit);
  return {
    items: await instrumentsInOrder(db, pageIds),
    total: ordered.length,
    limit: page.limit,
    offset: page.offset,
  };
}

/** A facet value with the number of matching instruments. */
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** Facets of the instruments matching a filter: the search page's side panel. */
export interface InstrumentFacets {
  readonly type: readonly FacetCount[];
  readonly topic: readonly FacetCount[];
  readonly country: readonly FacetCount[];
  readonly language: readonly FacetCount[];
  readonly year: readonly FacetCount[];
}

const toFacets = (
  rows: readonly { value: string | number | null; n: number | string | bigint }[],
): FacetCount[] =>
  rows.filter((row) => row.value !== null).map((row) => ({ value: String(row.value), count: Number(row.n) }));

/** Counts of matching instruments by type, topic, state party, source language and year. */
export async function instrumentFacets(db: Db, filter: InstrumentQuery): Promise<InstrumentFacets> {
  const matches = await textMatches(db, filter.q);
  const ids = filtered(db, filter, matches).select('instruments.id');
  const [type, topic, country, language, year] = await Promise.all([
    filtered(db, filter, matches)
      .select(['instruments.type as value', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('instruments.type')
      .orderBy('n', 'desc')
      .execute(),
    db
      .selectFrom('instrument_topics')
      .select(['topic as value', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
      .where('instrument_id', 'in', ids)
      .groupBy('topic')
      .orderBy('n', 'desc')
      .execute(),
    db
      .selectFrom('instrument_parties')
      .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
      .select(['actor_id as value', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
      .where('actors.kind', '=', 'state')
      .where('instrument_id', 'in', ids)
      .groupBy('actor_id')
      .orderBy('n', 'desc')
      .limit(30)
      .execute(),
    db
      .selectFrom('instrument_documents')
      .innerJoin('documents', 'documents.id', 'instrument_documents.document_id')
      .select([
        'documents.language as value',
        (eb) => eb.fn.count<number>('instrument_id').distinct().as('n'),
      ])
      .where('instrument_id', 'in', ids)
      .groupBy('documents.language')
      .orderBy('n', 'desc')
      .execute(),
    filtered(db, filter, matches)
      .select(['instruments.first_year as value', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('instruments.first_year')
      .orderBy('instruments.first_year', 'desc')
      .execute(),
  ]);
  return {
    type: toFacets(type),
    topic: toFacets(topic),
    country: toFacets(country),
    language: toFacets(language),
    year: toFacets(year),
  };
}
