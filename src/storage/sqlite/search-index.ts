/**
 * The full-text search index (SQLite FTS5): one row per document passage (so a hit points at a
 * span of its document) and one row per instrument record (title, type, parties, topics and
 * approaches in both languages). Rows carry the raw text (accent-insensitive through
 * `unicode61 remove_diacritics 2`), plural-stripped Snowball stems and bilingual concept tokens;
 * queries are expanded the same way and ranked with bm25.
 *
 * Call `indexDocument` after a document is stored (it also reindexes the document's instruments),
 * or `reindexAll` after a bulk load.
 */
import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/model.ts';
import { labelOf } from '../../domain/taxonomy.ts';
import type { Database } from '../schema.ts';
import { conceptText, registerActorNames, stemText } from './search-analyzer.ts';
import { splitPassages } from './passages.ts';

/** The FTS5 table; its DDL lives in migration 0100. */
export const SEARCH_TABLE = 'search_index';

export type SearchRowKind = 'passage' | 'instrument';

/**
 * Instrument rows get rowids from 10^12 up, passages below: FTS5 applies rowid ranges inside the
 * index, so "instruments only" never reads the (large) passage rows to test their kind.
 */
export const INSTRUMENT_ROWID_BASE = 1_000_000_000_000;

/** The rowid range of a kind of row, as SQL conditions on `rowid`. */
export function rowidRange(kind: SearchRowKind): { min: number; max: number } {
  return kind === 'instrument'
    ? { min: INSTRUMENT_ROWID_BASE, max: Number.MAX_SAFE_INTEGER }
    : { min: 0, max: INSTRUMENT_ROWID_BASE - 1 };
}

/** The next free rowid in a kind's range. */
async function nextRowid(db: Kysely<Database>, kind: SearchRowKind): Promise<number> {
  const { min, max } = rowidRange(kind);
  const last = await sql<{
    id: number;
  }>`select rowid as id from search_index where rowid between ${min} and ${max}
    order by rowid desc limit 1`.execute(db);
  return Math.max(min, Number(last.rows[0]?.id ?? min)) + 1;
}

interface SearchRow {
  kind: SearchRowKind;
  refId: string;
  documentId: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  language: string;
  title: string;
  body: string;
}

const asLanguage = (value: string): Language => (value === 'fr' ? 'fr' : 'en');

async function insertRows(db: Kysely<Database>, rows: readonly SearchRow[]): Promise<void> {
  const rowids: Record<SearchRowKind, number | null> = { passage: null, instrument: null };
  for (const row of rows) {
    const language = asLanguage(row.language);
    const text = `${row.title}\n${row.body}`;
    const rowid = rowids[row.kind] ?? (await nextRowid(db, row.kind));
    rowids[row.kind] = rowid + 1;
    await sql`insert into search_index (rowid, kind, ref_id, document_id, span_start, span_end, language, title, body, stems, concepts)
      values (${rowid}, ${row.kind}, ${row.refId}, ${row.documentId}, ${row.spanStart}, ${row.spanEnd}, ${row.language},
              ${row.title}, ${row.body}, ${stemText(text, language)}, ${conceptText(text)})`.execute(db);
  }
}

/** Teaches the concept lexicon the actors' names stored in the database (both languages). */
async function loadActorNames(db: Kysely<Database>): Promise<void> {
  const actors = await db.selectFrom('actors').select(['id', 'kind', 'name_en', 'name_fr']).execute();
  for (const actor of actors) registerActorNames(actor.id, actor.kind, [actor.name_en, actor.name_fr]);
}

async function passageRows(db: Kysely<Database>, documentId: string): Promise<SearchRow[]> {
  const document = await db
    .selectFrom('documents')
    .select(['id', 'title', 'text', 'language'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!document) return [];
  return splitPassages(document.text).map((span) => ({
    kind: 'passage',
    refId: `${document.id}:${span.start}`,
    documentId: document.id,
    spanStart: span.start,
    spanEnd: span.end,
    language: document.language,
    title: document.title,
    body: document.text.slice(span.start, span.end),
  }));
}

async function instrumentRows(db: Kysely<Database>, instrumentIds: readonly string[]): Promise<SearchRow[]> {
  if (instrumentIds.length === 0) return [];
  const rows: SearchRow[] = [];
  // Chunks keep the `in (…)` lists under SQLite's parameter limit.
  for (let offset = 0; offset < instrumentIds.length; offset += 500) {
    const ids = instrumentIds.slice(offset, offset + 500);
    const [instruments, parties, topics, approaches, languages] = await Promise.all([
      db.selectFrom('instruments').select(['id', 'title', 'type']).where('id', 'in', ids).execute(),
      db
        .selectFrom('instrument_parties')
        .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
        .select(['instrument_id', 'actors.name_en', 'actors.name_fr'])
        .where('instrument_id', 'in', ids)
        .execute(),
      db
        .selectFrom('instrument_topics')
        .select(['instrument_id', 'topic'])
        .where('instrument_id', 'in', ids)
        .execute(),
      db
        .selectFrom('instrument_approaches')
        .select(['instrument_id', 'approach'])
        .where('instrument_id', 'in', ids)
        .execute(),
      db
        .selectFrom('instrument_documents')
        .innerJoin('documents', 'documents.id', 'instrument_documents.document_id')
        .select(['instrument_id', 'documents.language'])
        .where('instrument_id', 'in', ids)
        .execute(),
    ]);
    const words = new Map<string, string[]>();
    const add = (id: string, ...texts: string[]) => words.set(id, [...(words.get(id) ?? []), ...texts]);
    for (const party of parties) add(party.instrument_id, party.name_en, party.name_fr);
    for (const topic of topics) {
      add(topic.instrument_id, labelOf('topics', topic.topic, 'en'), labelOf('topics', topic.topic, 'fr'));
    }
    for (const approach of approaches) {
      const code = approach.approach;
      add(approach.instrument_id, labelOf('approaches', code, 'en'), labelOf('approaches', code, 'fr'));
    }
    const languageOf = new Map(languages.map((row) => [row.instrument_id, row.language]));
    for (const instrument of instruments) {
      const typeLabels = [
        labelOf('instrument_types', instrument.type, 'en'),
        labelOf('instrument_types', instrument.type, 'fr'),
      ];
      rows.push({
        kind: 'instrument',
        refId: instrument.id,
        documentId: null,
        spanStart: null,
        spanEnd: null,
        language: languageOf.get(instrument.id) ?? 'en',
        title: instrument.title,
        body: [...typeLabels, ...(words.get(instrument.id) ?? [])].join(' · '),
      });
    }
  }
  return rows;
}

/** Reindexes the given instruments (after their record rows changed). */
export async function indexInstruments(
  db: Kysely<Database>,
  instrumentIds: readonly string[],
): Promise<void> {
  await loadActorNames(db);
  for (let offset = 0; offset < instrumentIds.length; offset += 500) {
    const ids = instrumentIds.slice(offset, offset + 500);
    await sql`delete from search_index where rowid >= ${INSTRUMENT_ROWID_BASE} and ref_id in (${sql.join(ids)})`.execute(
      db,
    );
  }
  await insertRows(db, await instrumentRows(db, instrumentIds));
}

/**
 * (Re)indexes one stored document: its passages, and the instruments found in it. Call it inside
 * the ingest transaction, after the document's records are written.
 */
export async function indexDocument(db: Kysely<Database>, documentId: string): Promise<void> {
  await loadActorNames(db);
  await sql`delete from search_index where rowid < ${INSTRUMENT_ROWID_BASE} and document_id = ${documentId}`.execute(
    db,
  );
  await insertRows(db, await passageRows(db, documentId));
  const instruments = await db
    .selectFrom('instrument_documents')
    .select('instrument_id')
    .where('document_id', '=', documentId)
    .execute();
  await indexInstruments(
    db,
    instruments.map((row) => row.instrument_id),
  );
}

/** Rebuilds the whole index from the stored documents and instruments. */
export async function reindexAll(db: Kysely<Database>): Promise<void> {
  await loadActorNames(db);
  await sql`delete from search_index`.execute(db);
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
const lastSynced = new WeakMap<Kysely<Database>, string>();

/**
 * Brings the index up to date with the stored documents and instruments: indexes what is missing
 * (documents ingested by another process, or by an ingest that did not call `indexDocument`).
 * Cheap when nothing changed (two counts), so the server calls it before searching.
 */
export async function ensureSearchIndex(db: Kysely<Database>): Promise<void> {
  // One synchronisation at a time per database: concurrent requests wait for the running one.
  const running = syncing.get(db);
  if (running !== undefined) return running;
  const sync = synchronise(db).finally(() => syncing.delete(db));
  syncing.set(db, sync);
  return sync;
}

const syncing = new WeakMap<Kysely<Database>, Promise<void>>();

async function synchronise(db: Kysely<Database>): Promise<void> {
  const counts = await sql<{ documents: number; instruments: number }>`select
      (select count(*) from documents) as documents, (select count(*) from instruments) as instruments`.execute(
    db,
  );
  const key = JSON.stringify(counts.rows[0] ?? {});
  if (lastSynced.get(db) === key) return;
  const missingDocuments = await sql<{ id: string }>`select id from documents where id not in
      (select document_id from search_index where rowid < ${INSTRUMENT_ROWID_BASE})`.execute(db);
  for (const row of missingDocuments.rows) await indexDocument(db, row.id);
  const missingInstruments = await sql<{ id: string }>`select id from instruments where id not in
      (select ref_id from search_index where rowid >= ${INSTRUMENT_ROWID_BASE})`.execute(db);
  if (missingInstruments.rows.length > 0) {
    await indexInstruments(
      db,
      missingInstruments.rows.map((row) => row.id),
    );
  }
  lastSynced.set(db, key);
}
