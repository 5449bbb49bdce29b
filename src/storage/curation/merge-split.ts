/**
 * Merge and split of instruments by a reviewer, in one transaction each, audit-logged. Nothing is
 * deleted: every claim keeps its evidence and moves to the instrument it is about. A merged
 * instrument leaves the record tables (so no list, count, map or export shows it twice) and is
 * kept, as it was, in `instrument_merges` with who, when and why; its id then redirects to the
 * kept instrument.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AtlasError, invalidInput, notFound } from '../../domain/errors.ts';
import { SINGLE_VALUED } from '../../domain/review.ts';
import { instrumentDedupeKey, instrumentIdFor } from '../instrument-records.ts';
import { appendChange } from '../people/audit.ts';
import { resolveInstrument } from '../people/review-store.ts';
import type { ClaimsTable, Database, InstrumentsTable } from '../schema.ts';
import type { SearchIndex } from '../search/port.ts';

type Db = Kysely<Database> | Transaction<Database>;
type ClaimRow = Selectable<ClaimsTable>;

export interface MergeResult {
  readonly kept: string;
  readonly merged: string;
  readonly claimsMoved: number;
  /** Documents the kept instrument is now found in. */
  readonly documents: number;
}

export interface SplitResult {
  readonly source: string;
  readonly created: string;
  readonly claimsMoved: number;
}

const REVIEWED_IN = new Set(['confirmed', 'corrected']);
const REVIEWED_OUT = new Set(['rejected', 'superseded']);
const FIELD_TABLES = [
  'instrument_parties',
  'instrument_topics',
  'instrument_approaches',
  'instrument_dates',
  'instrument_amounts',
  'instrument_documents',
] as const;

/** The instrument row; conflict when it was merged away, not_found when it never existed. */
async function liveInstrument(trx: Db, id: string): Promise<Selectable<InstrumentsTable>> {
  const row = await trx.selectFrom('instruments').selectAll().where('id', '=', id).executeTakeFirst();
  if (row !== undefined) return row;
  const merged = await trx
    .selectFrom('instrument_merges')
    .select('kept_id')
    .where('merged_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (merged !== undefined) {
    throw new AtlasError('conflict', `instrument ${id} was merged into ${merged.kept_id}; use that id`, {
      field: 'id',
    });
  }
  throw notFound('instrument', id);
}

async function documentsOfClaims(trx: Db, instrumentId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('claims')
    .select('document_id')
    .distinct()
    .where('subject_kind', '=', 'instrument')
    .where('subject_id', '=', instrumentId)
    .orderBy('document_id')
    .execute();
  return rows.map((r) => r.document_id);
}

/**
 * Moves the rows of other tables that name `from` to `to`. Watch hits and IATI links are unique
 * per instrument: where `to` already has the same hit or link, the merged one's copy stays behind
 * and goes into the merge record (its twin on `to` stays live).
 */
async function repoint(trx: Db, from: string, to: string): Promise<void> {
  await trx
    .updateTable('links')
    .set({ from_id: to })
    .where('from_kind', '=', 'instrument')
    .where('from_id', '=', from)
    .execute();
  await trx
    .updateTable('links')
    .set({ to_id: to })
    .where('to_kind', '=', 'instrument')
    .where('to_id', '=', from)
    .execute();
  await trx
    .updateTable('claims')
    .set({ subject_id: to })
    .where('subject_kind', '=', 'link')
    .where('subject_id', '=', from)
    .execute();
  await trx
    .updateTable('cited_links')
    .set({ from_id: to })
    .where('from_kind', '=', 'instrument')
    .where('from_id', '=', from)
    .execute();
  await trx
    .updateTable('cited_links')
    .set({ to_id: to })
    .where('to_kind', '=', 'instrument')
    .where('to_id', '=', from)
    .execute();
  await trx
    .updateTable('indicator_values')
    .set({ instrument_id: to })
    .where('instrument_id', '=', from)
    .execute();
  await trx
    .updateTable('watch_hits')
    .set({ instrument_id: to })
    .where('instrument_id', '=', from)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('watch_hits as twin')
            .select('twin.id')
            .whereRef('twin.watch_id', '=', 'watch_hits.watch_id')
            .whereRef('twin.document_id', '=', 'watch_hits.document_id')
            .where('twin.instrument_id', '=', to),
        ),
      ),
    )
    .execute();
  await trx
    .updateTable('iati_links')
    .set({ instrument_id: to })
    .where('instrument_id', '=', from)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('iati_links as twin')
            .select('twin.id')
            .whereRef('twin.activity_id', '=', 'iati_links.activity_id')
            .where('twin.instrument_id', '=', to),
        ),
      ),
    )
    .execute();
}

/** Merges `otherId` into `keepId`; see the module comment. */
export async function mergeInstruments(
  db: Kysely<Database>,
  search: SearchIndex,
  keepId: string,
  otherId: string,
  actor: string,
  reason: string,
): Promise<MergeResult> {
  if (keepId === otherId) throw invalidInput('other', 'an instrument cannot be merged into itself');
  return db.transaction().execute(async (trx) => {
    const keep = await liveInstrument(trx, keepId);
    const other = await liveInstrument(trx, otherId);
    const moved = await trx
      .selectFrom('claims')
      .select('id')
      .where('subject_kind', '=', 'instrument')
      .where('subject_id', '=', otherId)
      .orderBy('id')
      .execute();
    const otherDocuments = await trx
      .selectFrom('instrument_documents')
      .select('document_id')
      .where('instrument_id', '=', otherId)
      .orderBy('document_id')
      .execute();
    const now = new Date().toISOString();
    await trx
      .updateTable('claims')
      .set({ subject_id: keepId })
      .where('subject_kind', '=', 'instrument')
      .where('subject_id', '=', otherId)
      .execute();
    if (otherDocuments.length > 0) {
      await trx
        .insertInto('instrument_documents')
        .values(otherDocuments.map((d) => ({ instrument_id: keepId, document_id: d.document_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await repoint(trx, otherId, keepId);
    // The merged record's field rows are derived from the claims that just moved.
    for (const table of FIELD_TABLES) {
      await trx.deleteFrom(table).where('instrument_id', '=', otherId).execute();
    }
    // Hits and IATI links the kept instrument already has twins of: kept in the merge record.
    const twinHits = await trx
      .selectFrom('watch_hits')
      .selectAll()
      .where('instrument_id', '=', otherId)
      .execute();
    const twinIatiLinks = await trx
      .selectFrom('iati_links')
      .selectAll()
      .where('instrument_id', '=', otherId)
      .execute();
    await trx.deleteFrom('watch_hits').where('instrument_id', '=', otherId).execute();
    await trx.deleteFrom('iati_links').where('instrument_id', '=', otherId).execute();
    await trx.deleteFrom('instruments').where('id', '=', otherId).execute();
    const record = {
      instrument: other,
      documents: otherDocuments.map((d) => d.document_id),
      ...(twinHits.length > 0 ? { watchHits: twinHits } : {}),
      ...(twinIatiLinks.length > 0 ? { iatiLinks: twinIatiLinks } : {}),
    };
    const claimIds = moved.map((c) => c.id);
    await trx
      .insertInto('instrument_merges')
      .values({
        merged_id: otherId,
        kept_id: keepId,
        dedupe_key: other.dedupe_key,
        record: JSON.stringify(record),
        claim_ids: JSON.stringify(claimIds),
        merged_by: actor,
        merged_at: now,
        reason,
      })
      .execute();
    await resolveInstrument(trx, keepId);
    await search.reindexInstruments(trx, [keepId, otherId]);
    const after = { mergedInto: keepId, claims: claimIds.length };
    await appendChange(
      trx,
      {
        actor,
        action: 'instrument.merge',
        subjectKind: 'instrument',
        subjectId: otherId,
        before: record,
        after,
        reason,
      },
      now,
    );
    await appendChange(
      trx,
      {
        actor,
        action: 'instrument.merge',
        subjectKind: 'instrument',
        subjectId: keepId,
        before: { title: keep.title },
        after: { merged: otherId, claims: claimIds.length },
        reason,
      },
      now,
    );
    const documents = await trx
      .selectFrom('instrument_documents')
      .select(trx.fn.countAll<number>().as('n'))
      .where('instrument_id', '=', keepId)
      .executeTakeFirstOrThrow();
    return { kept: keepId, merged: otherId, claimsMoved: claimIds.length, documents: Number(documents.n) };
  });
}

/** A correction travels with the claim it corrects, and the other way round. */
function withCorrections(chosen: Set<number>, claims: readonly ClaimRow[]): Set<number> {
  const out = new Set(chosen);
  for (let grew = true; grew;) {
    grew = false;
    for (const claim of claims) {
      const linked =
        (claim.supersedes !== null && out.has(claim.supersedes)) ||
        claims.some((c) => out.has(c.id) && c.supersedes === claim.id);
      if (linked && !out.has(claim.id)) {
        out.add(claim.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The value a set of claims gives a single-valued property: the latest reviewed, else the first kept. */
function valueOf(claims: readonly ClaimRow[], property: string): unknown {
  const about = claims.filter((c) => c.property === property);
  const chosen =
    about.filter((c) => REVIEWED_IN.has(c.review_state)).at(-1) ??
    about.find((c) => !REVIEWED_OUT.has(c.review_state));
  return chosen === undefined ? undefined : (JSON.parse(chosen.value) as unknown);
}

const columnValue = (property: string, value: unknown): unknown =>
  property === 'binding' ? (value === true ? 1 : value === false ? 0 : null) : value;

/**
 * After claims left an instrument, a single-valued field whose value no remaining claim supports
 * takes the value its remaining claims give (reviewed values were already set by resolveInstrument).
 */
async function supportSingleValues(trx: Db, id: string): Promise<void> {
  const row = await trx.selectFrom('instruments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const claims = await trx
    .selectFrom('claims')
    .selectAll()
    .where('subject_kind', '=', 'instrument')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();
  const update: Record<string, unknown> = {};
  for (const property of SINGLE_VALUED) {
    const kept = claims.filter((c) => c.property === property && !REVIEWED_OUT.has(c.review_state));
    const current = row[property];
    const supported = kept.some((c) => columnValue(property, JSON.parse(c.value)) === current);
    const value = valueOf(claims, property);
    if (!supported && value !== undefined) update[property] = columnValue(property, value);
  }
  if (Object.keys(update).length > 0) {
    await trx.updateTable('instruments').set(update).where('id', '=', id).execute();
  }
}

/** Moves the chosen claims (and their corrections) of `sourceId` to a new instrument. */
export async function splitInstrument(
  db: Kysely<Database>,
  search: SearchIndex,
  sourceId: string,
  claimIds: readonly number[],
  actor: string,
  reason: string,
): Promise<SplitResult> {
  if (claimIds.length === 0) throw invalidInput('claims', 'choose the claims that go to the new instrument');
  return db.transaction().execute(async (trx) => {
    const source = await liveInstrument(trx, sourceId);
    const claims = await trx
      .selectFrom('claims')
      .selectAll()
      .where('subject_kind', '=', 'instrument')
      .where('subject_id', '=', sourceId)
      .orderBy('id')
      .execute();
    const known = new Set(claims.map((c) => c.id));
    const stranger = claimIds.find((id) => !known.has(id));
    if (stranger !== undefined) {
      throw invalidInput('claims', `claim ${stranger} is not a claim about ${sourceId}`);
    }
    const chosen = withCorrections(new Set(claimIds), claims);
    if (chosen.size === claims.length) {
      throw invalidInput(
        'claims',
        `these are all the claims of ${sourceId}: nothing would be left; choose the claims of the other instrument`,
      );
    }
    const moving = claims.filter((c) => chosen.has(c.id));
    const type = valueOf(moving, 'type');
    const title = valueOf(moving, 'title');
    if (typeof type !== 'string' || typeof title !== 'string') {
      throw invalidInput(
        'claims',
        'the new instrument needs a type claim and a title claim among the chosen claims (see `mda show`)',
      );
    }
    const legalForm = valueOf(moving, 'legal_form');
    const binding = valueOf(moving, 'binding');
    const parties = moving
      .filter((c) => c.property === 'party' && !REVIEWED_OUT.has(c.review_state))
      .map((c) => (JSON.parse(c.value) as { actorId: string }).actorId);
    // The extractor's key when no live record holds it, so the new instrument found again joins it.
    // An instrument merged by mistake and split back out so gets its old id and key again.
    const natural = instrumentDedupeKey(type, title, parties);
    const holder = await trx
      .selectFrom('instruments')
      .select('id')
      .where('dedupe_key', '=', natural)
      .executeTakeFirst();
    const key = holder === undefined ? natural : `split|${sourceId}|${moving[0]!.id}`;
    const createdId = instrumentIdFor(key);
    const clash = await trx
      .selectFrom('instruments')
      .select('id')
      .where('id', '=', createdId)
      .executeTakeFirst();
    if (clash !== undefined) throw new AtlasError('conflict', `instrument ${createdId} exists already`);
    const now = new Date().toISOString();
    await trx
      .insertInto('instruments')
      .values({
        id: createdId,
        dedupe_key: key,
        type,
        title,
        legal_form: typeof legalForm === 'string' ? legalForm : 'other',
        binding: columnValue('binding', binding) as number | null,
        status: source.status,
        first_date: null,
        first_year: null,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('claims')
      .set({ subject_id: createdId })
      .where('subject_kind', '=', 'instrument')
      .where('id', 'in', [...chosen])
      .execute();
    const createdDocuments = await documentsOfClaims(trx, createdId);
    await trx
      .insertInto('instrument_documents')
      .values(createdDocuments.map((document_id) => ({ instrument_id: createdId, document_id })))
      .execute();
    const sourceDocuments = await documentsOfClaims(trx, sourceId);
    let leaving = trx.deleteFrom('instrument_documents').where('instrument_id', '=', sourceId);
    if (sourceDocuments.length > 0) leaving = leaving.where('document_id', 'not in', sourceDocuments);
    await leaving.execute();
    await resolveInstrument(trx, sourceId);
    await supportSingleValues(trx, sourceId);
    await resolveInstrument(trx, createdId);
    await search.reindexInstruments(trx, [sourceId, createdId]);
    const moved = [...chosen].sort((a, b) => a - b);
    await appendChange(
      trx,
      {
        actor,
        action: 'instrument.split',
        subjectKind: 'instrument',
        subjectId: sourceId,
        before: { title: source.title, claims: claims.length },
        after: { splitInto: createdId, claims: moved },
        reason,
      },
      now,
    );
    await appendChange(
      trx,
      {
        actor,
        action: 'instrument.split',
        subjectKind: 'instrument',
        subjectId: createdId,
        before: null,
        after: { splitFrom: sourceId, type, title, claims: moved },
        reason,
      },
      now,
    );
    return { source: sourceId, created: createdId, claimsMoved: moved.length };
  });
}
