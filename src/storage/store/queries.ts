/**
 * Read queries of the atlas, in portable SQL through Kysely (shared by the SQLite and PostgreSQL
 * stores). Field rows are loaded in one query per table for a whole page, never per instrument.
 */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Kysely } from 'kysely';
import { notFound } from '../../domain/errors.ts';
import type {
  AtlasStats,
  ClaimView,
  CountBy,
  DocumentDetail,
  DocumentSummary,
  InstrumentDetail,
  InstrumentFilter,
  InstrumentSummary,
  Page,
  PageRequest,
} from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import { engineOf } from '../engine.ts';
import { fileNameOf, shownTitle, shownTitleSql } from './document-title.ts';
import {
  instrumentTotals,
  sumTotals,
  type InstrumentAmount,
  type TotalsByCurrency,
} from '../../domain/money.ts';
import {
  amountFromRow,
  claimFromRow,
  documentFromRow,
  emptyFields,
  instrumentFromRow,
} from './presenters.ts';
import type { InstrumentFields } from './presenters.ts';

type Db = Kysely<Database>;

function filteredInstruments(db: Db, filter: InstrumentFilter) {
  let query = db.selectFrom('instruments');
  if (filter.type !== undefined) query = query.where('instruments.type', '=', filter.type);
  if (filter.year !== undefined) query = query.where('instruments.first_year', '=', filter.year);
  for (const actor of [filter.country, filter.party]) {
    if (actor === undefined) continue;
    query = query.where(
      'instruments.id',
      'in',
      db.selectFrom('instrument_parties').select('instrument_id').where('actor_id', '=', actor),
    );
  }
  if (filter.topic !== undefined) {
    query = query.where(
      'instruments.id',
      'in',
      db.selectFrom('instrument_topics').select('instrument_id').where('topic', '=', filter.topic),
    );
  }
  if (filter.approach !== undefined) {
    query = query.where(
      'instruments.id',
      'in',
      db.selectFrom('instrument_approaches').select('instrument_id').where('approach', '=', filter.approach),
    );
  }
  if (filter.documentId !== undefined) {
    query = query.where(
      'instruments.id',
      'in',
      db
        .selectFrom('instrument_documents')
        .select('instrument_id')
        .where('document_id', '=', filter.documentId),
    );
  }
  return query;
}

/** Loads the field rows of several instruments at once. */
export async function loadInstrumentFields(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, InstrumentFields>> {
  const fields = new Map<string, InstrumentFields>(ids.map((id) => [id, emptyFields()]));
  if (ids.length === 0) return fields;
  const get = (id: string): InstrumentFields => fields.get(id) ?? emptyFields();
  const parties = db
    .selectFrom('instrument_parties')
    .select(['instrument_id', 'actor_id', 'role'])
    .where('instrument_id', 'in', ids)
    // Each order is the table's key after the instrument: a total order, the same whatever plan
    // reads the rows (an actor can be party in two roles; a value can carry two roles or currencies).
    .orderBy('actor_id')
    .orderBy('role');
  const dates = db
    .selectFrom('instrument_dates')
    .select(['instrument_id', 'value', 'precision', 'role'])
    .where('instrument_id', 'in', ids)
    .orderBy('value')
    .orderBy('role');
  const amounts = db
    .selectFrom('instrument_amounts')
    .select(['instrument_id', 'value', 'currency', 'approximate', 'role', 'part_of'])
    .where('instrument_id', 'in', ids)
    .orderBy('value')
    .orderBy('currency');
  const topics = db
    .selectFrom('instrument_topics')
    .select(['instrument_id', 'topic'])
    .where('instrument_id', 'in', ids)
    .orderBy('topic');
  const approaches = db
    .selectFrom('instrument_approaches')
    .select(['instrument_id', 'approach'])
    .where('instrument_id', 'in', ids)
    .orderBy('approach');
  const documents = db
    .selectFrom('instrument_documents')
    .select(['instrument_id', db.fn.countAll<number>().as('n')])
    .where('instrument_id', 'in', ids)
    .groupBy('instrument_id');
  // PostgreSQL: the six reads of a page as ONE statement of JSON arrays (one round trip and one
  // pooled connection per page, not six). SQLite runs in-process, where six statements cost little.
  const rows =
    engineOf(db) === 'postgres'
      ? await db
          .selectNoFrom([
            jsonArrayFrom(parties).as('parties'),
            jsonArrayFrom(dates).as('dates'),
            jsonArrayFrom(amounts).as('amounts'),
            jsonArrayFrom(topics).as('topics'),
            jsonArrayFrom(approaches).as('approaches'),
            jsonArrayFrom(documents).as('documents'),
          ])
          .executeTakeFirstOrThrow()
      : await Promise.all([
          parties.execute(),
          dates.execute(),
          amounts.execute(),
          topics.execute(),
          approaches.execute(),
          documents.execute(),
        ]).then(([parties, dates, amounts, topics, approaches, documents]) => ({
          parties,
          dates,
          amounts,
          topics,
          approaches,
          documents,
        }));
  for (const row of rows.parties) get(row.instrument_id).parties.push(row);
  for (const row of rows.dates) get(row.instrument_id).dates.push(row);
  for (const row of rows.amounts) get(row.instrument_id).amounts.push(row);
  for (const row of rows.topics) get(row.instrument_id).topics.push(row.topic);
  for (const row of rows.approaches) get(row.instrument_id).approaches.push(row.approach);
  for (const row of rows.documents) get(row.instrument_id).documentCount = Number(row.n);
  return fields;
}

export async function listInstruments(
  db: Db,
  filter: InstrumentFilter,
  page: PageRequest,
): Promise<Page<InstrumentSummary>> {
  const total = await filteredInstruments(db, filter)
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filteredInstruments(db, filter)
    .selectAll('instruments')
    // Dated instruments first, oldest first; NULL ordering differs between engines, so say it.
    .orderBy(sql`case when instruments.first_date is null then 1 else 0 end`)
    .orderBy('instruments.first_date')
    .orderBy('instruments.title')
    .orderBy('instruments.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const fields = await loadInstrumentFields(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => instrumentFromRow(row, fields.get(row.id) ?? emptyFields())),
    total: Number(total.n),
    limit: page.limit,
    offset: page.offset,
  };
}

export async function listClaims(db: Db, subjectKind: string, subjectId: string): Promise<ClaimView[]> {
  const rows = await db
    .selectFrom('claims')
    .innerJoin('documents', 'documents.id', 'claims.document_id')
    .selectAll('claims')
    .select([shownTitleSql().as('document_title'), 'documents.source_path as document_path'])
    .where('claims.subject_kind', '=', subjectKind)
    .where('claims.subject_id', '=', subjectId)
    .orderBy('claims.id')
    .execute();
  return rows.map(claimFromRow);
}

export async function getInstrument(db: Db, id: string): Promise<InstrumentDetail> {
  const row = await db.selectFrom('instruments').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('instrument', id);
  const fields = await loadInstrumentFields(db, [id]);
  const documents = await db
    .selectFrom('instrument_documents')
    .innerJoin('documents', 'documents.id', 'instrument_documents.document_id')
    .select(['documents.id', 'documents.title', 'documents.title_source', 'documents.source_path'])
    .where('instrument_documents.instrument_id', '=', id)
    .orderBy('documents.title')
    .execute()
    .then((rows) =>
      rows.map((row) => ({ id: row.id, title: shownTitle(row), fileName: fileNameOf(row.source_path) })),
    );
  const claims = await listClaims(db, 'instrument', id);
  return { ...instrumentFromRow(row, fields.get(id) ?? emptyFields()), documents, claims };
}

const documentColumns = [
  'id',
  'content_hash',
  'title',
  'source_path',
  'format',
  'language',
  'byte_size',
  'char_count',
  'extractor',
  'ingested_at',
  'file_title',
  'publisher',
  'published',
  'source_url',
  'restricted_to',
  'title_source',
] as const;

async function instrumentCounts(db: Db, documentIds: readonly string[]): Promise<Map<string, number>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('instrument_documents')
    .select(['document_id', db.fn.countAll<number>().as('n')])
    .where('document_id', 'in', documentIds)
    .groupBy('document_id')
    .execute();
  return new Map(rows.map((row) => [row.document_id, Number(row.n)]));
}

export async function listDocuments(db: Db, page: PageRequest): Promise<Page<DocumentSummary>> {
  const total = await db
    .selectFrom('documents')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('documents')
    .select(documentColumns)
    .orderBy('title')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counts = await instrumentCounts(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => documentFromRow(row, counts.get(row.id) ?? 0)),
    total: Number(total.n),
    limit: page.limit,
    offset: page.offset,
  };
}

export async function findDocumentByHash(db: Db, hash: string): Promise<DocumentSummary | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(documentColumns)
    .where('content_hash', '=', hash)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const counts = await instrumentCounts(db, [row.id]);
  return documentFromRow(row, counts.get(row.id) ?? 0);
}

export async function getDocument(db: Db, id: string): Promise<DocumentDetail> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('document', id);
  const [mentions, instruments, amounts, dates] = await Promise.all([
    db
      .selectFrom('document_mentions')
      .select(['kind', 'code', 'count'])
      .where('document_id', '=', id)
      .orderBy('kind')
      .orderBy('count', 'desc')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('instrument_documents')
      .innerJoin('instruments', 'instruments.id', 'instrument_documents.instrument_id')
      .select(['instruments.id', 'instruments.title'])
      .where('instrument_documents.document_id', '=', id)
      .orderBy('instruments.title')
      .execute(),
    db
      .selectFrom('document_amounts')
      .select(['value', 'currency'])
      .where('document_id', '=', id)
      .orderBy('value')
      .execute(),
    db.selectFrom('document_dates').select('value').where('document_id', '=', id).orderBy('value').execute(),
  ]);
  return {
    ...documentFromRow(row, instruments.length),
    text: row.text,
    mentions: mentions.map((m) => ({
      kind: m.kind as 'country' | 'organization' | 'topic',
      code: m.code,
      count: m.count,
    })),
    instruments,
    amounts,
    dates: dates.map((d) => d.value),
  };
}

async function countRows(
  db: Db,
  table: 'documents' | 'instruments' | 'claims' | 'statements' | 'events',
): Promise<number> {
  const row = await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** All the money the atlas holds, per currency: each instrument's total (`instrumentTotals`), summed. */
async function moneyInAll(db: Db): Promise<TotalsByCurrency> {
  const rows = await db
    .selectFrom('instrument_amounts')
    .select(['instrument_id', 'value', 'currency', 'approximate', 'role', 'part_of'])
    .execute();
  const byInstrument = new Map<string, InstrumentAmount[]>();
  for (const row of rows) {
    byInstrument.set(row.instrument_id, [...(byInstrument.get(row.instrument_id) ?? []), amountFromRow(row)]);
  }
  return sumTotals([...byInstrument.values()].map((amounts) => instrumentTotals(amounts)));
}

export async function stats(db: Db): Promise<AtlasStats> {
  const toCounts = (rows: { code: string; n: number | string | bigint }[]): CountBy[] =>
    rows.map((row) => ({ code: row.code, count: Number(row.n) }));
  const [documents, instruments, claims, statements, events] = await Promise.all([
    countRows(db, 'documents'),
    countRows(db, 'instruments'),
    countRows(db, 'claims'),
    countRows(db, 'statements'),
    countRows(db, 'events'),
  ]);
  const byType = await db
    .selectFrom('instruments')
    .select(['type as code', db.fn.countAll<number>().as('n')])
    .groupBy('type')
    .orderBy('n', 'desc')
    .orderBy('type')
    .execute();
  const byCountry = await db
    .selectFrom('instrument_parties')
    .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
    .select([
      'instrument_parties.actor_id as code',
      db.fn.count<number>('instrument_parties.instrument_id').distinct().as('n'),
    ])
    .where('actors.kind', '=', 'state')
    .groupBy('instrument_parties.actor_id')
    .orderBy('n', 'desc')
    .orderBy('instrument_parties.actor_id')
    .execute();
  const byTopic = await db
    .selectFrom('instrument_topics')
    .select(['topic as code', db.fn.countAll<number>().as('n')])
    .groupBy('topic')
    .orderBy('n', 'desc')
    .orderBy('topic')
    .execute();
  return {
    documents,
    instruments,
    claims,
    statements,
    events,
    money: await moneyInAll(db),
    byType: toCounts(byType),
    byCountry: toCounts(byCountry),
    byTopic: toCounts(byTopic),
  };
}
