/**
 * The review of extracted facts. A reviewer accepts a claim (`confirmed`), corrects it (a new claim
 * asserted by `reviewer:<user id>`, state `corrected`, naming the claim it `supersedes`; the
 * extractor's claim is kept as `superseded`) or rejects it with a reason. After each decision the
 * instrument's record rows (the values every list, count, page and export reads) are resolved again
 * from its claims, so the reviewed value wins everywhere at once; ingestion resolves again any
 * instrument that has reviewed claims, so a later extraction never overwrites a reviewed value.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { AtlasError, invalidInput, notFound } from '../../domain/errors.ts';
import { correctedValue, isReviewable, MULTI_VALUED, SINGLE_VALUED, valueKey } from '../../domain/review.ts';
import type { ClaimView, Page, PageRequest } from '../atlas-store.ts';
import type { ClaimsTable, Database } from '../schema.ts';
import { shownTitleSql } from '../store/document-title.ts';
import { claimFromRow } from '../store/presenters.ts';
import { requireVisible } from '../store/visibility.ts';
import { appendChange } from './audit.ts';

type Db = Kysely<Database> | Transaction<Database>;
type ClaimRow = Selectable<ClaimsTable>;

/** A claim in the review queue, with the instrument it is about. */
export interface ReviewItem extends ClaimView {
  readonly instrument: { readonly id: string; readonly title: string; readonly type: string } | null;
  readonly supersedes: number | null;
  readonly reviewReason: string | null;
}

export interface ReviewFilter {
  readonly country?: string;
  readonly type?: string;
  readonly documentId?: string;
  readonly property?: string;
  /** Default `unreviewed`. */
  readonly state?: string;
}

/** A newer extracted value that disagrees with a reviewed one: shown on the record, never applied. */
export interface ReviewConflict {
  readonly property: string;
  readonly reviewed: ClaimView;
  readonly extracted: ClaimView;
}

export interface ReviewStore {
  queue(filter: ReviewFilter, page: PageRequest): Promise<Page<ReviewItem>>;
  /** Throws not_found. */
  claim(id: number): Promise<ReviewItem>;
  accept(id: number, actor: string, reason?: string | null): Promise<ReviewItem>;
  /** Returns the reviewer's new claim. */
  correct(id: number, value: unknown, actor: string, reason?: string | null): Promise<ReviewItem>;
  reject(id: number, actor: string, reason: string): Promise<ReviewItem>;
  conflicts(instrumentId: string): Promise<ReviewConflict[]>;
}

const REVIEWED_IN = new Set(['confirmed', 'corrected']);
const REVIEWED_OUT = new Set(['rejected', 'superseded']);

function itemQuery(db: Db) {
  return db
    .selectFrom('claims')
    .innerJoin('documents', 'documents.id', 'claims.document_id')
    .leftJoin('instruments', (join) =>
      join.onRef('instruments.id', '=', 'claims.subject_id').on('claims.subject_kind', '=', 'instrument'),
    )
    .selectAll('claims')
    .select([
      shownTitleSql().as('document_title'),
      'documents.source_path as document_path',
      'instruments.id as instrument_id',
      'instruments.title as instrument_title',
      'instruments.type as instrument_type',
    ]);
}

type ItemRow = ClaimRow & {
  document_title: string | null;
  document_path: string;
  instrument_id: string | null;
  instrument_title: string | null;
  instrument_type: string | null;
};

const itemFromRow = (row: ItemRow): ReviewItem => ({
  ...claimFromRow(row),
  instrument:
    row.instrument_id === null
      ? null
      : { id: row.instrument_id, title: row.instrument_title ?? '', type: row.instrument_type ?? '' },
  supersedes: row.supersedes,
  reviewReason: row.review_reason,
});

const yearOf = (date: string | null): number | null => (date === null ? null : Number(date.slice(0, 4)));

/**
 * Sets an instrument's record rows from its claims: for a single-valued property the latest
 * reviewed claim wins (else the current value stays, unless reviewers rejected it); a value of a
 * multi-valued property stays unless reviewers rejected or replaced it and none confirmed it.
 */
export async function resolveInstrument(trx: Db, instrumentId: string): Promise<void> {
  const claims = await trx
    .selectFrom('claims')
    .selectAll()
    .where('subject_kind', '=', 'instrument')
    .where('subject_id', '=', instrumentId)
    .orderBy('id')
    .execute();
  const current = await trx
    .selectFrom('instruments')
    .selectAll()
    .where('id', '=', instrumentId)
    .executeTakeFirst();
  if (current === undefined) return;
  const valueOf = (c: ClaimRow): unknown => JSON.parse(c.value) as unknown;
  const columns = { type: 'type', title: 'title', legal_form: 'legal_form', binding: 'binding' } as const;
  const update: Record<string, unknown> = {};
  for (const property of SINGLE_VALUED) {
    const about = claims.filter((c) => c.property === property);
    const reviewed = about.filter((c) => REVIEWED_IN.has(c.review_state)).at(-1);
    const column = columns[property];
    const now = current[column];
    const stored = (v: unknown) => (property === 'binding' ? (v === true ? 1 : v === false ? 0 : null) : v);
    if (reviewed !== undefined) {
      update[column] = stored(valueOf(reviewed));
      continue;
    }
    const withCurrent = about.filter((c) => stored(valueOf(c)) === now);
    if (withCurrent.length > 0 && withCurrent.every((c) => REVIEWED_OUT.has(c.review_state))) {
      const other = about.find((c) => !REVIEWED_OUT.has(c.review_state));
      if (other !== undefined) update[column] = stored(valueOf(other));
      else if (property === 'binding') update[column] = null;
    }
  }
  const kept = new Map<string, Map<string, { claim: ClaimRow; value: Record<string, unknown> | string }>>();
  for (const property of MULTI_VALUED) {
    const groups = new Map<string, ClaimRow[]>();
    for (const c of claims.filter((x) => x.property === property)) {
      const key = valueKey(property, valueOf(c));
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const values = new Map<string, { claim: ClaimRow; value: Record<string, unknown> | string }>();
    for (const [key, group] of groups) {
      const confirmed = group.find((c) => REVIEWED_IN.has(c.review_state));
      const out = group.some((c) => REVIEWED_OUT.has(c.review_state));
      if (confirmed === undefined && out) continue;
      const claim = confirmed ?? group.find((c) => c.review_state === 'unreviewed');
      if (claim !== undefined) {
        values.set(key, { claim, value: valueOf(claim) as Record<string, unknown> | string });
      }
    }
    kept.set(property, values);
  }
  const rows = (property: string) => [...(kept.get(property)?.values() ?? [])];
  await trx.deleteFrom('instrument_parties').where('instrument_id', '=', instrumentId).execute();
  await trx.deleteFrom('instrument_topics').where('instrument_id', '=', instrumentId).execute();
  await trx.deleteFrom('instrument_approaches').where('instrument_id', '=', instrumentId).execute();
  await trx.deleteFrom('instrument_dates').where('instrument_id', '=', instrumentId).execute();
  await trx.deleteFrom('instrument_amounts').where('instrument_id', '=', instrumentId).execute();
  for (const { claim, value } of rows('party')) {
    const v = value as { actorId: string; role: string };
    await trx
      .insertInto('instrument_parties')
      .values({ instrument_id: instrumentId, actor_id: v.actorId, role: v.role, claim_id: claim.id })
      .execute();
  }
  for (const { claim, value } of rows('topic')) {
    await trx
      .insertInto('instrument_topics')
      .values({ instrument_id: instrumentId, topic: value as string, claim_id: claim.id })
      .execute();
  }
  for (const { claim, value } of rows('approach')) {
    await trx
      .insertInto('instrument_approaches')
      .values({ instrument_id: instrumentId, approach: value as string, claim_id: claim.id })
      .execute();
  }
  const dates = rows('date').map(({ claim, value }) => ({
    claim,
    v: value as { value: string; precision: string; role: string },
  }));
  for (const { claim, v } of dates) {
    await trx
      .insertInto('instrument_dates')
      .values({
        instrument_id: instrumentId,
        value: v.value,
        precision: v.precision,
        role: v.role,
        claim_id: claim.id,
      })
      .execute();
  }
  // The words that say each amount's role are their own claims (`amount_role`), kept unless rejected.
  const roleClaims = claims.filter((c) => c.property === 'amount_role' && !REVIEWED_OUT.has(c.review_state));
  for (const { claim, value } of rows('amount')) {
    const v = value as {
      value: number;
      currency: string;
      approximate: boolean;
      role?: string | null;
      partOf?: number | null;
    };
    const role = v.role ?? null;
    const roleClaim = roleClaims.find((c) => {
      const r = valueOf(c) as { value: number; currency: string; role: string };
      return r.value === v.value && r.currency === v.currency && r.role === role;
    });
    await trx
      .insertInto('instrument_amounts')
      .values({
        instrument_id: instrumentId,
        value: v.value,
        currency: v.currency,
        approximate: v.approximate ? 1 : 0,
        claim_id: claim.id,
        role,
        part_of: v.partOf ?? null,
        role_claim_id: role === null ? null : (roleClaim?.id ?? null),
      })
      .execute();
  }
  const firstDate = dates.length === 0 ? null : dates.map((d) => d.v.value).sort()[0]!;
  await trx
    .updateTable('instruments')
    .set({ ...update, first_date: firstDate, first_year: yearOf(firstDate) })
    .where('id', '=', instrumentId)
    .execute();
}

/** Resolves again the given instruments that have reviewed claims (called by ingestion). */
export async function resolveReviewedInstruments(trx: Db, instrumentIds: readonly string[]): Promise<void> {
  if (instrumentIds.length === 0) return;
  const reviewed = await trx
    .selectFrom('claims')
    .select('subject_id')
    .distinct()
    .where('subject_kind', '=', 'instrument')
    .where('subject_id', 'in', [...instrumentIds])
    .where('review_state', '!=', 'unreviewed')
    .execute();
  for (const row of reviewed) await resolveInstrument(trx, row.subject_id);
}

/**
 * `visible` is the viewer's filtered handle: the queue, a claim and the conflicts are read through
 * it, and a decision on a claim the viewer cannot see is "not found" (restricted records).
 */
export function createReviewStore(db: Kysely<Database>, visible: Kysely<Database> = db): ReviewStore {
  async function load(trx: Db, id: number): Promise<ReviewItem> {
    const row = await itemQuery(trx).where('claims.id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('claim', String(id));
    return itemFromRow(row);
  }

  /** Loads an instrument claim a reviewer may decide on. */
  async function reviewable(trx: Db, id: number): Promise<ClaimRow> {
    const row = await trx.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('claim', String(id));
    if (row.subject_kind !== 'instrument' || !isReviewable(row.property)) {
      throw invalidInput('claim', `claim ${id} (${row.subject_kind} ${row.property}) is not reviewed here`);
    }
    if (row.review_state === 'superseded') {
      throw new AtlasError(
        'conflict',
        `claim ${id} was superseded by a correction; review the correction instead`,
      );
    }
    return row;
  }

  const snapshot = (c: ClaimRow) => ({ value: JSON.parse(c.value) as unknown, reviewState: c.review_state });

  return {
    async queue(filter, page) {
      let query = visible
        .selectFrom('claims')
        .where('claims.subject_kind', '=', 'instrument')
        .where('claims.property', 'in', [...SINGLE_VALUED, ...MULTI_VALUED])
        .where('claims.review_state', '=', filter.state ?? 'unreviewed');
      if (filter.documentId !== undefined) query = query.where('claims.document_id', '=', filter.documentId);
      if (filter.property !== undefined) query = query.where('claims.property', '=', filter.property);
      if (filter.type !== undefined) {
        query = query.where(
          'claims.subject_id',
          'in',
          visible.selectFrom('instruments').select('id').where('type', '=', filter.type),
        );
      }
      if (filter.country !== undefined) {
        query = query.where(
          'claims.subject_id',
          'in',
          visible
            .selectFrom('instrument_parties')
            .select('instrument_id')
            .where('actor_id', '=', filter.country),
        );
      }
      const total = await query.select(visible.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const ids = await query
        .select('claims.id')
        // Least confident first; claims without a confidence (older, or people's) after them.
        .orderBy(sql`case when claims.confidence is null then 1 else 0 end`)
        .orderBy('claims.confidence')
        .orderBy('claims.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const order = ids.map((r) => r.id);
      const rows =
        order.length === 0 ? [] : await itemQuery(visible).where('claims.id', 'in', order).execute();
      const byId = new Map(rows.map((r) => [r.id, itemFromRow(r)]));
      return {
        items: order.map((id) => byId.get(id)).filter((x): x is ReviewItem => x !== undefined),
        total: Number(total.n),
        limit: page.limit,
        offset: page.offset,
      };
    },

    claim: (id) => load(visible, id),

    async accept(id, actor, reason = null) {
      await requireVisible(visible, 'claim', id);
      return db.transaction().execute(async (trx) => {
        const row = await reviewable(trx, id);
        await trx
          .updateTable('claims')
          .set({ review_state: 'confirmed', review_reason: null })
          .where('id', '=', id)
          .execute();
        await appendChange(trx, {
          actor,
          action: 'claim.accept',
          subjectKind: 'claim',
          subjectId: String(id),
          before: snapshot(row),
          after: { ...snapshot(row), reviewState: 'confirmed' },
          reason,
        });
        await appendChange(trx, {
          actor,
          action: 'claim.accept',
          subjectKind: row.subject_kind,
          subjectId: row.subject_id,
          before: { [row.property]: snapshot(row).value },
          after: { [row.property]: snapshot(row).value },
          reason: reason ?? `claim ${id} accepted`,
        });
        await resolveInstrument(trx, row.subject_id);
        return load(trx, id);
      });
    },

    async correct(id, raw, actor, reason = null) {
      await requireVisible(visible, 'claim', id);
      return db.transaction().execute(async (trx) => {
        const row = await reviewable(trx, id);
        const value = correctedValue(row.property, raw);
        if (row.property === 'party') {
          const actorId = (value as { actorId: string }).actorId;
          const known = await trx
            .selectFrom('actors')
            .select('id')
            .where('id', '=', actorId)
            .executeTakeFirst();
          if (known === undefined) throw invalidInput('value', `actor ${actorId} is not known to the atlas`);
        }
        const now = new Date().toISOString();
        await trx.updateTable('claims').set({ review_state: 'superseded' }).where('id', '=', id).execute();
        const inserted = await trx
          .insertInto('claims')
          .values({
            subject_kind: row.subject_kind,
            subject_id: row.subject_id,
            property: row.property,
            value: JSON.stringify(value),
            document_id: row.document_id,
            span_start: row.span_start,
            span_end: row.span_end,
            quote: row.quote,
            asserted_by: actor.replace(/^user:/, 'reviewer:'),
            review_state: 'corrected',
            created_at: now,
            confidence: null,
            supersedes: id,
            review_reason: reason,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendChange(
          trx,
          {
            actor,
            action: 'claim.correct',
            subjectKind: 'claim',
            subjectId: String(id),
            before: snapshot(row),
            after: { value, reviewState: 'corrected', claim: inserted.id },
            reason,
          },
          now,
        );
        await appendChange(
          trx,
          {
            actor,
            action: 'claim.correct',
            subjectKind: row.subject_kind,
            subjectId: row.subject_id,
            before: { [row.property]: snapshot(row).value },
            after: { [row.property]: value },
            reason,
          },
          now,
        );
        await resolveInstrument(trx, row.subject_id);
        return load(trx, inserted.id);
      });
    },

    async reject(id, actor, reason) {
      if (reason.trim() === '') throw invalidInput('reason', 'is required to reject a fact');
      await requireVisible(visible, 'claim', id);
      return db.transaction().execute(async (trx) => {
        const row = await reviewable(trx, id);
        await trx
          .updateTable('claims')
          .set({ review_state: 'rejected', review_reason: reason })
          .where('id', '=', id)
          .execute();
        await appendChange(trx, {
          actor,
          action: 'claim.reject',
          subjectKind: 'claim',
          subjectId: String(id),
          before: snapshot(row),
          after: { ...snapshot(row), reviewState: 'rejected' },
          reason,
        });
        await appendChange(trx, {
          actor,
          action: 'claim.reject',
          subjectKind: row.subject_kind,
          subjectId: row.subject_id,
          before: { [row.property]: snapshot(row).value },
          after: null,
          reason,
        });
        await resolveInstrument(trx, row.subject_id);
        return load(trx, id);
      });
    },

    async conflicts(instrumentId) {
      const rows = await itemQuery(visible)
        .where('claims.subject_kind', '=', 'instrument')
        .where('claims.subject_id', '=', instrumentId)
        .orderBy('claims.id')
        .execute();
      const claims = rows.map(itemFromRow);
      const found: ReviewConflict[] = [];
      for (const property of [...SINGLE_VALUED, ...MULTI_VALUED] as string[]) {
        const about = claims.filter((c) => c.property === property);
        const reviewed = about.filter((c) => REVIEWED_IN.has(c.evidence.reviewState));
        const out = about.filter((c) => REVIEWED_OUT.has(c.evidence.reviewState));
        const single = (SINGLE_VALUED as readonly string[]).includes(property);
        for (const c of about.filter((x) => x.evidence.reviewState === 'unreviewed')) {
          const key = valueKey(property, c.value);
          if (single) {
            const winner = reviewed.at(-1);
            if (winner !== undefined && valueKey(property, winner.value) !== key) {
              found.push({ property, reviewed: winner, extracted: c });
            }
          } else {
            const rejected = out.find((o) => valueKey(property, o.value) === key);
            const confirmed = reviewed.some((r) => valueKey(property, r.value) === key);
            if (rejected !== undefined && !confirmed) {
              found.push({ property, reviewed: rejected, extracted: c });
            }
          }
        }
      }
      return found;
    },
  };
}
