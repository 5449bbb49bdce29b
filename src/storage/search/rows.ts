/**
 * The rows of the search index, built from the stored records the same way for every engine: one
 * row per document passage (so a hit points at a span of its document) and one per instrument
 * record (title, type, parties, topics and approaches in both languages), each with the analyser's
 * tokens: folded words of the title and body, stems in the row's language, concept tokens.
 */
import type { Kysely } from 'kysely';
import type { Language } from '../../domain/model.ts';
import { labelOf } from '../../domain/taxonomy.ts';
import type { Database } from '../schema.ts';
import { conceptText, foldWord, registerActorNames, stemText, tokenize } from './analyzer.ts';
import { splitPassages } from './passages.ts';

export type SearchRowKind = 'passage' | 'instrument';

export interface SearchRow {
  kind: SearchRowKind;
  refId: string;
  documentId: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  language: string;
  title: string;
  body: string;
}

/** A search row as both engines' index tables store it (snake_case columns), with its index id. */
export interface StoredSearchRow {
  kind: string;
  ref_id: string;
  document_id: string | null;
  span_start: number | null;
  span_end: number | null;
  language: string;
  title: string;
  body: string;
}

/** A stored row back as the SearchRow its tokens are computed from. */
export function searchRowOf(row: StoredSearchRow): SearchRow {
  return {
    kind: row.kind === 'instrument' ? 'instrument' : 'passage',
    refId: row.ref_id,
    documentId: row.document_id,
    spanStart: row.span_start,
    spanEnd: row.span_end,
    language: row.language,
    title: row.title,
    body: row.body,
  };
}

/** What an index stores for a row besides its columns: the analyser's tokens. */
export interface RowTokens {
  /** Folded words of the title and of the body, space-separated. */
  readonly titleWords: string;
  readonly bodyWords: string;
  readonly stems: string;
  readonly concepts: string;
}

const asLanguage = (value: string): Language => (value === 'fr' ? 'fr' : 'en');

const foldedWords = (text: string): string =>
  tokenize(text)
    .map((token) => foldWord(token.word))
    .join(' ');

function computeTokens(row: SearchRow): RowTokens {
  const text = `${row.title}\n${row.body}`;
  return {
    titleWords: foldedWords(row.title),
    bodyWords: foldedWords(row.body),
    stems: stemText(text, asLanguage(row.language)),
    concepts: conceptText(text),
  };
}

/**
 * Tokens computed ahead of a write transaction (see prepareDocumentTokens), by row content: taken
 * (and forgotten) by the first rowTokens call for the same content. Bounded, since a prepared
 * document whose save fails never takes its rows.
 */
const prepared = new Map<string, RowTokens>();
const PREPARED_LIMIT = 2000;
const contentKey = (row: SearchRow) => `${row.language}\u0000${row.title}\u0000${row.body}`;

/** The analyser's tokens of a row. */
export function rowTokens(row: SearchRow): RowTokens {
  const key = contentKey(row);
  const ready = prepared.get(key);
  if (ready === undefined) return computeTokens(row);
  prepared.delete(key);
  return ready;
}

/** The passages of a document as index rows, from its text (no database read). */
export function documentPassageRows(document: {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly language: string;
}): SearchRow[] {
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

/**
 * Tokenises a document's passages before its write transaction opens: the analyser's CPU work
 * (stems, concepts) then no longer holds the write lock — on SQLite, one writer at a time — so
 * ingestion workers overlap it with each other's storage.
 */
export function prepareDocumentTokens(document: Parameters<typeof documentPassageRows>[0]): void {
  prepareRowTokens(documentPassageRows(document));
}

/**
 * Tokenises rows ahead of a write transaction, by content: a row indexed inside it with the same
 * language, title and body takes these tokens instead of computing them under the lock.
 */
export function prepareRowTokens(rows: readonly SearchRow[]): void {
  for (const row of rows) {
    if (prepared.size >= PREPARED_LIMIT) {
      const oldest = prepared.keys().next().value;
      if (oldest !== undefined) prepared.delete(oldest);
    }
    prepared.set(contentKey(row), computeTokens(row));
  }
}

/** The names each actor was last taught with (the lexicon only grows: the same names teach nothing). */
const taught = new Map<string, string>();

/**
 * Teaches the concept lexicon the actors' names stored in the database (both languages). Called
 * for every stored document, inside its write transaction: names taught already are skipped, which
 * took most of its time (3 ms a document, with the write lock held).
 */
export async function loadActorNames(db: Kysely<Database>): Promise<void> {
  const actors = await db.selectFrom('actors').select(['id', 'kind', 'name_en', 'name_fr']).execute();
  for (const actor of actors) {
    const names = `${actor.kind}\u0000${actor.name_en}\u0000${actor.name_fr}`;
    if (taught.get(actor.id) === names) continue;
    registerActorNames(actor.id, actor.kind, [actor.name_en, actor.name_fr]);
    taught.set(actor.id, names);
  }
}

/** The passages of one stored document. */
export async function passageRows(db: Kysely<Database>, documentId: string): Promise<SearchRow[]> {
  const document = await db
    .selectFrom('documents')
    .select(['id', 'title', 'text', 'language'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  return document === undefined ? [] : documentPassageRows(document);
}

/** The records of the given instruments. */
export async function instrumentRows(
  db: Kysely<Database>,
  instrumentIds: readonly string[],
): Promise<SearchRow[]> {
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
        .orderBy('instrument_id')
        .orderBy('actor_id')
        .execute(),
      db
        .selectFrom('instrument_topics')
        .select(['instrument_id', 'topic'])
        .where('instrument_id', 'in', ids)
        .orderBy('instrument_id')
        .orderBy('topic')
        .execute(),
      db
        .selectFrom('instrument_approaches')
        .select(['instrument_id', 'approach'])
        .where('instrument_id', 'in', ids)
        .orderBy('instrument_id')
        .orderBy('approach')
        .execute(),
      db
        .selectFrom('instrument_documents')
        .innerJoin('documents', 'documents.id', 'instrument_documents.document_id')
        .select(['instrument_id', 'documents.language'])
        .where('instrument_id', 'in', ids)
        .orderBy('instrument_id')
        .orderBy('documents.id')
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
    const languageOf = new Map<string, string>();
    for (const row of languages) {
      if (!languageOf.has(row.instrument_id)) languageOf.set(row.instrument_id, row.language);
    }
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

/** The ids of the instruments found in a document. */
export async function instrumentsOfDocument(db: Kysely<Database>, documentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('instrument_documents')
    .select('instrument_id')
    .where('document_id', '=', documentId)
    .execute();
  return rows.map((row) => row.instrument_id);
}

/**
 * Serialises the catch-up of an index per database handle: concurrent requests wait for the
 * running one instead of indexing the same documents twice.
 */
export function oncePerHandle(
  work: (db: Kysely<Database>) => Promise<void>,
): (db: Kysely<Database>) => Promise<void> {
  const running = new WeakMap<Kysely<Database>, Promise<void>>();
  return (db) => {
    const current = running.get(db);
    if (current !== undefined) return current;
    const next = work(db).finally(() => running.delete(db));
    running.set(db, next);
    return next;
  };
}
