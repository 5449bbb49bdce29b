/**
 * Writes a DocumentPlan inside a transaction the caller opened. Portable SQL only (Kysely builder,
 * multi-row `insert … on conflict do nothing`, `returning`), shared by the SQLite and PostgreSQL
 * stores. Rows go in multi-row statements: one statement per table and chunk, not one per row.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { actorById, actorKindOf } from '../../domain/actors.ts';
import type { InstrumentStatus } from '../../domain/model.ts';
import { EXTRACTOR_ID } from '../../extraction/types.ts';
import { laterStatus } from '../instrument-records.ts';
import type { SaveCounts } from '../atlas-store.ts';
import type { DocumentPlan } from '../records.ts';
import type { Database } from '../schema.ts';
import { actorRow } from './presenters.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT: 12 columns × 400 rows stays far below every engine's bound-parameter limit. */
const CHUNK = 400;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Inserts rows of one table in chunks; `ignoreConflicts` keeps existing rows (merged instruments). */
async function insertRows<T extends keyof Database>(
  trx: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  ignoreConflicts = false,
): Promise<void> {
  for (const chunk of chunks(rows)) {
    const query = trx.insertInto(table).values(chunk);
    await (ignoreConflicts ? query.onConflict((oc) => oc.doNothing()) : query).execute();
  }
}

/** Inserts the claims and returns their database ids in plan order. */
async function insertClaims(trx: Db, plan: DocumentPlan, now: string): Promise<number[]> {
  const ids: number[] = [];
  const rows = plan.claims.map((draft) => ({
    ...draft,
    document_id: plan.document.id,
    asserted_by: EXTRACTOR_ID,
    review_state: 'unreviewed',
    created_at: now,
  }));
  for (const chunk of chunks(rows)) {
    const returned = await trx.insertInto('claims').values(chunk).returning('id').execute();
    // Ids are allocated in row order within one statement; sorting guards against any return order.
    ids.push(...returned.map((row) => row.id).sort((a, b) => a - b));
  }
  if (ids.length !== plan.claims.length) {
    throw new Error(`expected ${plan.claims.length} claim ids, got ${ids.length}`);
  }
  return ids;
}

/** What writing a plan did: the counts, and the instruments it created (not merged into known ones). */
export interface PlanWritten {
  readonly counts: SaveCounts;
  readonly freshInstruments: ReadonlySet<string>;
}

/** Inserts every row of the plan; returns what was added. Throws (and the caller rolls back) on any failure. */
export async function writePlan(trx: Db, plan: DocumentPlan, now: string): Promise<PlanWritten> {
  const documentId = plan.document.id;
  await trx
    .insertInto('documents')
    .values({ ...plan.document, ingested_at: now })
    .execute();
  await ensureActors(trx, plan.actorIds);
  const claimIds = await insertClaims(trx, plan, now);
  const claimId = (ref: number): number => {
    const id = claimIds[ref];
    if (id === undefined) throw new Error(`claim reference ${ref} out of range`);
    return id;
  };

  const { freshInstruments, ...counts } = await writeInstruments(trx, plan, claimId, now);

  await insertRows(
    trx,
    'events',
    plan.events.map(({ participants: _p, claim, ...row }) => ({
      ...row,
      document_id: documentId,
      claim_id: claimId(claim),
    })),
  );
  await insertRows(
    trx,
    'event_participants',
    plan.events.flatMap((e) => e.participants.map((actor_id) => ({ event_id: e.id, actor_id }))),
  );
  await insertRows(
    trx,
    'statements',
    plan.statements.map(({ owners: _o, topics: _t, claim, ...row }) => ({
      ...row,
      document_id: documentId,
      claim_id: claimId(claim),
    })),
  );
  await insertRows(
    trx,
    'statement_owners',
    plan.statements.flatMap((s) => s.owners.map((actor_id) => ({ statement_id: s.id, actor_id }))),
  );
  await insertRows(
    trx,
    'statement_topics',
    plan.statements.flatMap((s) => s.topics.map((topic) => ({ statement_id: s.id, topic }))),
  );
  await insertRows(
    trx,
    'links',
    plan.links.map((l) => ({
      from_kind: 'instrument',
      from_id: l.fromId,
      to_kind: 'instrument',
      to_id: l.toId,
      relation: l.relation,
      approach: l.approach,
      claim_id: claimId(l.claim),
    })),
  );
  await insertRows(
    trx,
    'document_mentions',
    plan.mentions.map((m) => ({
      document_id: documentId,
      kind: m.kind,
      code: m.code,
      count: m.count,
      first_claim_id: claimId(m.claim),
    })),
  );
  await insertRows(
    trx,
    'document_amounts',
    plan.documentAmounts.map((a) => ({
      document_id: documentId,
      value: a.value,
      currency: a.currency,
      claim_id: claimId(a.claim),
    })),
  );
  await insertRows(
    trx,
    'document_dates',
    plan.documentDates.map((d) => ({
      document_id: documentId,
      value: d.value,
      precision: d.precision,
      claim_id: claimId(d.claim),
    })),
  );
  return {
    counts: {
      ...counts,
      claims: plan.claims.length,
      statements: plan.statements.length,
      events: plan.events.length,
    },
    freshInstruments,
  };
}

/** Creates new instruments and merges known ones (same dedupe key); field rows keep their first claim. */
async function writeInstruments(
  trx: Db,
  plan: DocumentPlan,
  claimId: (ref: number) => number,
  now: string,
): Promise<{ instrumentsAdded: number; instrumentsMerged: number; freshInstruments: Set<string> }> {
  const keys = plan.instruments.map((i) => i.dedupeKey);
  const existing = new Map<string, string | null>();
  const statuses = new Map<string, InstrumentStatus>();
  for (const chunk of chunks(keys)) {
    if (chunk.length === 0) continue;
    const rows = await trx
      .selectFrom('instruments')
      .select(['dedupe_key', 'first_date', 'status'])
      .where('dedupe_key', 'in', chunk)
      .execute();
    for (const row of rows) {
      existing.set(row.dedupe_key, row.first_date);
      statuses.set(row.dedupe_key, row.status as InstrumentStatus);
    }
  }
  const fresh = plan.instruments.filter((i) => !existing.has(i.dedupeKey));
  await insertRows(
    trx,
    'instruments',
    fresh.map((i) => ({
      id: i.id,
      dedupe_key: i.dedupeKey,
      type: i.type,
      title: i.title,
      legal_form: i.legalForm,
      binding: i.binding === null ? null : i.binding ? 1 : 0,
      status: i.status,
      first_date: i.firstDate,
      first_year: yearOf(i.firstDate),
      created_at: now,
    })),
  );
  for (const instrument of plan.instruments) {
    // A later document may say the instrument went further (signed, then in force).
    const stored = statuses.get(instrument.dedupeKey);
    if (stored !== undefined && laterStatus(stored, instrument.status) !== stored) {
      await trx
        .updateTable('instruments')
        .set({ status: instrument.status })
        .where('id', '=', instrument.id)
        .execute();
    }
    const known = existing.get(instrument.dedupeKey);
    // A later document may date the instrument earlier than the one that created it.
    if (
      instrument.firstDate !== null &&
      known !== undefined &&
      (known === null || instrument.firstDate < known)
    ) {
      await trx
        .updateTable('instruments')
        .set({ first_date: instrument.firstDate, first_year: yearOf(instrument.firstDate) })
        .where('id', '=', instrument.id)
        .execute();
    }
  }
  const all = plan.instruments;
  await insertRows(
    trx,
    'instrument_documents',
    all.map((i) => ({ instrument_id: i.id, document_id: plan.document.id })),
    true,
  );
  await insertRows(
    trx,
    'instrument_parties',
    all.flatMap((i) =>
      i.parties.map((p) => ({
        instrument_id: i.id,
        actor_id: p.actorId,
        role: p.role,
        claim_id: claimId(p.claim),
      })),
    ),
    true,
  );
  await insertRows(
    trx,
    'instrument_topics',
    all.flatMap((i) =>
      i.topics.map((t) => ({ instrument_id: i.id, topic: t.topic, claim_id: claimId(t.claim) })),
    ),
    true,
  );
  await insertRows(
    trx,
    'instrument_approaches',
    all.flatMap((i) =>
      i.approaches.map((a) => ({ instrument_id: i.id, approach: a.approach, claim_id: claimId(a.claim) })),
    ),
    true,
  );
  await insertRows(
    trx,
    'instrument_dates',
    all.flatMap((i) =>
      i.dates.map((d) => ({
        instrument_id: i.id,
        value: d.value,
        precision: d.precision,
        role: d.role,
        claim_id: claimId(d.claim),
      })),
    ),
    true,
  );
  await insertRows(
    trx,
    'instrument_amounts',
    all.flatMap((i) =>
      i.amounts.map((a) => ({
        instrument_id: i.id,
        value: a.value,
        currency: a.currency,
        approximate: a.approximate ? 1 : 0,
        claim_id: claimId(a.claim),
        role: a.role,
        part_of: a.partOf,
        role_claim_id: a.roleClaim === null ? null : claimId(a.roleClaim),
      })),
    ),
    true,
  );
  return {
    instrumentsAdded: fresh.length,
    instrumentsMerged: plan.instruments.length - fresh.length,
    freshInstruments: new Set(fresh.map((i) => i.id)),
  };
}

/** Makes sure every referenced actor has a row (registry names when known, the id otherwise). */
async function ensureActors(trx: Db, ids: ReadonlySet<string>): Promise<void> {
  const rows = [...ids].map((id) =>
    actorRow(actorById(id) ?? { id, kind: actorKindOf(id) ?? 'grouping', name: { en: id, fr: id } }),
  );
  await insertRows(trx, 'actors', rows, true);
}

function yearOf(date: string | null): number | null {
  return date === null ? null : Number(date.slice(0, 4));
}
