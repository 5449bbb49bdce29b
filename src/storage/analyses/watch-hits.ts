/**
 * Watches: the saved queries, and their hits. At ingestion, after a document's rows are written
 * (same transaction), its instruments are tested against every watch; each match is a hit.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Watch } from '../../domain/analysis-model.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import type { InstrumentTypeCode, TopicCode } from '../../domain/taxonomy.ts';
import { matchWatches } from '../../analysis/watches.ts';
import type { Database, WatchesTable } from '../schema.ts';
import { loadInstrumentSummaries } from './instrument-summaries.ts';
import { appendChange } from '../people/audit.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A recorded match of a watch, as the CLI and the UI list it. */
export interface WatchHit {
  readonly id: number;
  readonly watchId: string;
  readonly watchName: string;
  readonly instrumentId: string;
  readonly instrumentTitle: string;
  readonly documentId: string;
  readonly reasons: readonly string[];
  readonly seen: boolean;
  readonly createdAt: string;
  /** The instrument's first evidence quote (what the feed summarises); null when it has none. */
  readonly quote: string | null;
}

/** Which hits to list: one watch's, one document's, only unseen, or only one user's watches'. */
export interface WatchHitFilter {
  readonly watchId?: string;
  readonly documentId?: string;
  readonly unseen?: boolean;
  /** Only the hits of watches this user saved (their feed). */
  readonly ownerId?: string;
  /** At most this many, newest first. */
  readonly limit?: number;
}

/** A stored watch row as the domain's Watch. */
export function watchFromRow(row: Selectable<WatchesTable>): Watch {
  return {
    id: row.id,
    name: row.name,
    ...(row.country === null ? {} : { country: row.country }),
    ...(row.type === null ? {} : { type: row.type as InstrumentTypeCode }),
    ...(row.topic === null ? {} : { topic: row.topic as TopicCode }),
    ...(row.text === null ? {} : { text: row.text }),
  };
}

/** Tests the document's instruments against every watch, records the hits and returns them. */
export async function recordWatchHits(trx: Db, documentId: string, now: string): Promise<WatchHit[]> {
  const watches = (await trx.selectFrom('watches').selectAll().orderBy('id').execute()).map(watchFromRow);
  if (watches.length === 0) return [];
  const instruments = await loadInstrumentSummaries(trx, { documentId });
  const matches = matchWatches(watches, instruments);
  if (matches.length === 0) return [];
  await trx
    .insertInto('watch_hits')
    .values(
      matches.map((m) => ({
        watch_id: m.watchId,
        instrument_id: m.instrumentId,
        document_id: documentId,
        reasons: JSON.stringify(m.reasons),
        seen: 0,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  return listWatchHits(trx, { documentId });
}

/** Stored hits, newest first; filtered by watch, document, owner or unseen. */
export async function listWatchHits(db: Db, filter: WatchHitFilter = {}): Promise<WatchHit[]> {
  let query = db
    .selectFrom('watch_hits')
    .innerJoin('watches', 'watches.id', 'watch_hits.watch_id')
    .innerJoin('instruments', 'instruments.id', 'watch_hits.instrument_id')
    .select([
      'watch_hits.id',
      'watch_hits.watch_id',
      'watches.name',
      'watch_hits.instrument_id',
      'instruments.title',
      'watch_hits.document_id',
      'watch_hits.reasons',
      'watch_hits.seen',
      'watch_hits.created_at',
    ]);
  if (filter.watchId !== undefined) query = query.where('watch_hits.watch_id', '=', filter.watchId);
  if (filter.documentId !== undefined) query = query.where('watch_hits.document_id', '=', filter.documentId);
  if (filter.unseen === true) query = query.where('watch_hits.seen', '=', 0);
  if (filter.ownerId !== undefined) query = query.where('watches.owner_id', '=', filter.ownerId);
  query = query.orderBy('watch_hits.id', 'desc');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  const quotes = await firstQuotes(db, [...new Set(rows.map((r) => r.instrument_id))]);
  return rows.map((r) => ({
    id: r.id,
    watchId: r.watch_id,
    watchName: r.name,
    instrumentId: r.instrument_id,
    instrumentTitle: r.title,
    documentId: r.document_id,
    reasons: JSON.parse(r.reasons) as string[],
    seen: r.seen === 1,
    createdAt: r.created_at,
    quote: quotes.get(r.instrument_id) ?? null,
  }));
}

/**
 * Each instrument's first evidence quote (its claims in id order), the words that named it; a
 * claim a reviewer rejected or replaced is not evidence any more.
 */
async function firstQuotes(db: Db, instrumentIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (instrumentIds.length === 0) return out;
  const rows = await db
    .selectFrom('claims')
    .select(['subject_id', 'quote'])
    .where('subject_kind', '=', 'instrument')
    .where('subject_id', 'in', instrumentIds)
    .where('review_state', 'not in', ['rejected', 'superseded'])
    .orderBy('id')
    .execute();
  for (const r of rows) if (!out.has(r.subject_id)) out.set(r.subject_id, r.quote);
  return out;
}

/** A watch with when it was saved and how many hits it has. */
export interface WatchRecord extends Watch {
  readonly createdAt: string;
  readonly hits: number;
  /** The user who saved it; null: a shared watch (CLI, or saved before watches had owners). */
  readonly ownerId: string | null;
}

/** The saved watches, oldest first, with their hit counts. */
export async function listWatches(db: Db): Promise<WatchRecord[]> {
  const rows = await db.selectFrom('watches').selectAll().orderBy('created_at').orderBy('id').execute();
  const counts = await db
    .selectFrom('watch_hits')
    .select(['watch_id', db.fn.countAll<number>().as('n')])
    .groupBy('watch_id')
    .execute();
  return rows.map((r) => ({
    ...watchFromRow(r),
    createdAt: r.created_at,
    hits: Number(counts.find((c) => c.watch_id === r.id)?.n ?? 0),
    ownerId: r.owner_id,
  }));
}

/** Saves a watch, `ownerId`'s when a signed-in user saves it; throws invalid_input when the id is taken. */
export async function addWatch(
  db: Db,
  watch: Watch,
  actor = 'cli',
  ownerId: string | null = null,
): Promise<WatchRecord> {
  const taken = await db.selectFrom('watches').select('id').where('id', '=', watch.id).executeTakeFirst();
  if (taken !== undefined) throw invalidInput('id', `a watch with id "${watch.id}" already exists`);
  const createdAt = new Date().toISOString();
  await db
    .insertInto('watches')
    .values({
      id: watch.id,
      name: watch.name,
      country: watch.country ?? null,
      type: watch.type ?? null,
      topic: watch.topic ?? null,
      text: watch.text ?? null,
      created_at: createdAt,
      owner_id: ownerId,
    })
    .execute();
  await appendChange(
    db,
    { actor, action: 'watch.add', subjectKind: 'watch', subjectId: watch.id, after: { ...watch, ownerId } },
    createdAt,
  );
  return { ...watch, createdAt, hits: 0, ownerId };
}

/** Removes a watch and its hits; throws not_found for an unknown id. */
export async function removeWatch(db: Db, id: string, actor = 'cli'): Promise<void> {
  const before = await db.selectFrom('watches').selectAll().where('id', '=', id).executeTakeFirst();
  if (before === undefined) throw notFound('watch', id);
  // Hits go first: the schema cascades, but not every engine enforces foreign keys by default.
  await db.deleteFrom('watch_hits').where('watch_id', '=', id).execute();
  await db.deleteFrom('watches').where('id', '=', id).execute();
  await appendChange(db, { actor, action: 'watch.remove', subjectKind: 'watch', subjectId: id, before });
}

/** Marks hits seen (all, or one watch's); returns how many changed. */
export async function markHitsSeen(db: Db, watchId?: string): Promise<number> {
  let q = db.updateTable('watch_hits').set({ seen: 1 }).where('seen', '=', 0);
  if (watchId !== undefined) q = q.where('watch_id', '=', watchId);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}
