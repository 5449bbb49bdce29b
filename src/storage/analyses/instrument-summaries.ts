/**
 * The adapter from stored rows to the analyses' `InstrumentSummary` (plain values with evidence),
 * as compareInstruments, coordinationView, indicatorsFromInstruments and matchWatch read them.
 * One query per table for the whole set of instruments, never one per instrument.
 */
import type { Kysely, Transaction } from 'kysely';
import type { InstrumentSummary, PartySummary, SourceRef } from '../../domain/analysis-model.ts';
import type { ActorKind, DatePrecision, PartyRole } from '../../domain/model.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from '../../domain/taxonomy.ts';
import type { Database } from '../schema.ts';
import { amountFromRow } from '../store/presenters.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Which instruments to load: all, those of a document, or those with a party. */
export interface SummaryScope {
  readonly documentId?: string;
  readonly party?: string;
  readonly ids?: readonly string[];
}

/** Evidence quotes kept per instrument (titles as the documents word them). */
const MAX_EVIDENCE = 5;

async function scopedIds(db: Db, scope: SummaryScope): Promise<string[]> {
  if (scope.ids !== undefined) return [...scope.ids];
  let query = db.selectFrom('instruments').select('instruments.id');
  if (scope.documentId !== undefined) {
    query = query.where(
      'instruments.id',
      'in',
      db
        .selectFrom('instrument_documents')
        .select('instrument_id')
        .where('document_id', '=', scope.documentId),
    );
  }
  if (scope.party !== undefined) {
    query = query.where(
      'instruments.id',
      'in',
      db.selectFrom('instrument_parties').select('instrument_id').where('actor_id', '=', scope.party),
    );
  }
  return (await query.orderBy('instruments.id').execute()).map((r) => r.id);
}

/** Loads instruments as the analyses read them. */
export async function loadInstrumentSummaries(
  db: Db,
  scope: SummaryScope = {},
): Promise<InstrumentSummary[]> {
  const ids = await scopedIds(db, scope);
  if (ids.length === 0) return [];
  const out: InstrumentSummary[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await loadChunk(db, ids.slice(i, i + 500))));
  return out;
}

async function loadChunk(db: Db, ids: readonly string[]): Promise<InstrumentSummary[]> {
  const [rows, parties, topics, approaches, amounts, dates, claims] = await Promise.all([
    db.selectFrom('instruments').select(['id', 'title', 'type']).where('id', 'in', ids).execute(),
    db
      .selectFrom('instrument_parties')
      .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
      .select(['instrument_id', 'actor_id', 'role', 'actors.kind'])
      .where('instrument_id', 'in', ids)
      .orderBy('actor_id')
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
      .selectFrom('instrument_amounts')
      .select(['instrument_id', 'value', 'currency', 'approximate', 'role', 'part_of'])
      .where('instrument_id', 'in', ids)
      .orderBy('value', 'desc')
      .execute(),
    db
      .selectFrom('instrument_dates')
      .select(['instrument_id', 'value', 'precision'])
      .where('instrument_id', 'in', ids)
      .orderBy('value')
      .execute(),
    db
      .selectFrom('claims')
      .select(['subject_id', 'document_id', 'span_start', 'span_end', 'quote'])
      .where('subject_kind', '=', 'instrument')
      .where('property', '=', 'title')
      .where('subject_id', 'in', ids)
      .where('review_state', '!=', 'rejected')
      .orderBy('id')
      .execute(),
  ]);
  const group = <T extends { instrument_id: string }>(list: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) map.set(row.instrument_id, [...(map.get(row.instrument_id) ?? []), row]);
    return map;
  };
  const byParty = group(parties);
  const byTopic = group(topics);
  const byApproach = group(approaches);
  const byAmount = group(amounts);
  const byDate = group(dates);
  const evidence = new Map<string, SourceRef[]>();
  for (const c of claims) {
    const list = evidence.get(c.subject_id) ?? [];
    if (list.length < MAX_EVIDENCE) {
      list.push({ documentId: c.document_id, start: c.span_start, end: c.span_end, quote: c.quote });
    }
    evidence.set(c.subject_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    type: row.type as InstrumentTypeCode,
    parties: (byParty.get(row.id) ?? []).map((p): PartySummary => ({
      actorId: p.actor_id,
      kind: p.kind as ActorKind,
      role: p.role as PartyRole,
    })),
    topics: (byTopic.get(row.id) ?? []).map((t) => t.topic as TopicCode),
    approaches: (byApproach.get(row.id) ?? []).map((a) => a.approach as ApproachCode),
    amounts: (byAmount.get(row.id) ?? []).map(amountFromRow),
    dates: (byDate.get(row.id) ?? []).map((d) => ({
      value: d.value,
      precision: d.precision as DatePrecision,
    })),
    evidence: evidence.get(row.id) ?? [],
  }));
}

/**
 * The country a document is about, when one dominates its country mentions (at least 3 mentions
 * and twice the next): a bilateral communiqué's instruments concern that partner even when the
 * extraction named only the donor ("the EU Trust Fund … six projects targeting Mali").
 */
export async function documentPartners(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('document_mentions')
    .select(['document_id', 'code', 'count'])
    .where('kind', '=', 'country')
    .orderBy('document_id')
    .orderBy('count', 'desc')
    .execute();
  const top = new Map<string, { code: string; count: number; second: number }>();
  for (const row of rows) {
    const seen = top.get(row.document_id);
    if (seen === undefined) top.set(row.document_id, { code: row.code, count: row.count, second: 0 });
    else if (seen.second === 0) seen.second = row.count;
  }
  const out = new Map<string, string>();
  for (const [documentId, t] of top) if (t.count >= 3 && t.count >= 2 * t.second) out.set(documentId, t.code);
  return out;
}

/**
 * The instruments toward a partner country: those it is a party to, and those found in documents
 * about it (see `documentPartners`), where it is added as the `partner` party.
 */
export async function instrumentsTowards(db: Db, partner: string): Promise<InstrumentSummary[]> {
  const partners = await documentPartners(db);
  const documents = [...partners.entries()].filter(([, code]) => code === partner).map(([id]) => id);
  const contextual =
    documents.length === 0
      ? []
      : (
          await db
            .selectFrom('instrument_documents')
            .select('instrument_id')
            .where('document_id', 'in', documents)
            .execute()
        ).map((r) => r.instrument_id);
  const direct = await scopedIds(db, { party: partner });
  const all = await loadInstrumentSummaries(db, { ids: [...new Set([...direct, ...contextual])].sort() });
  return all.map((i) =>
    i.parties.some((p) => p.actorId === partner)
      ? i
      : { ...i, parties: [...i.parties, { actorId: partner, kind: 'state', role: 'partner' }] },
  );
}
