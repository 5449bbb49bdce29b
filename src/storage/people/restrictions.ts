/**
 * Setting and lifting restrictions (migration 2300): which organisation a document, an instrument
 * or a claim is restricted to. Each change is one transaction with its audit-log entry (who, why,
 * before and after). Who may make it is the caller's check (`mayChangeRestriction`, domain/viewer.ts),
 * made on `current`, which answers only for a record the caller's viewer sees.
 */
import type { Kysely } from 'kysely';
import { notFound } from '../../domain/errors.ts';
import type { Database } from '../schema.ts';
import type { Viewer } from '../../domain/viewer.ts';
import { appendChange } from './audit.ts';

/** What can be restricted. */
export const RESTRICTABLE = ['document', 'instrument', 'claim'] as const;
export type RestrictableKind = (typeof RESTRICTABLE)[number];

const TABLE = { document: 'documents', instrument: 'instruments', claim: 'claims' } as const;

export interface RestrictionChange {
  readonly kind: RestrictableKind;
  readonly id: string;
  /** The organisation the record is now restricted to; null: public. */
  readonly restrictedTo: string | null;
  readonly before: string | null;
}

export interface RestrictionStore {
  /**
   * The record's restriction (null: public). Throws not_found for an unknown record, and for one
   * the store's current viewer does not see (it does not exist for them).
   */
  current(kind: RestrictableKind, id: string): Promise<string | null>;
  /**
   * Restricts the record to `organisation` (null lifts the restriction) and logs the change with
   * `actor` and `reason`. Throws not_found for an unknown record or organisation.
   */
  set(
    kind: RestrictableKind,
    id: string,
    organisation: string | null,
    actor: string,
    reason: string | null,
  ): Promise<RestrictionChange>;
  /**
   * Whether any document, instrument or claim is restricted at all (three index probes, one query). When none
   * is, every viewer sees the same atlas and reads can skip the visibility rule's subqueries.
   */
  anyRestricted(): Promise<boolean>;
  /**
   * Gets the reads that follow ready for `viewer` (a request's, once it is known to read through
   * the visibility rule): the store lists the viewer's hidden documents and instruments once per
   * data version, so its statements read them as bound lists. Reads are correct without it.
   */
  prepareViewer(viewer: Viewer): Promise<void>;
}

/** A claim id is a number: any other text names no claim. */
const claimId = (id: string): number | undefined => (/^\d{1,15}$/.test(id) ? Number(id) : undefined);

async function restrictionOf(
  db: Kysely<Database>,
  kind: RestrictableKind,
  id: string,
): Promise<string | null> {
  let row: { restricted_to: string | null } | undefined;
  if (kind === 'claim') {
    const key = claimId(id);
    row =
      key === undefined
        ? undefined
        : await db.selectFrom('claims').select('restricted_to').where('id', '=', key).executeTakeFirst();
  } else {
    row = await db.selectFrom(TABLE[kind]).select('restricted_to').where('id', '=', id).executeTakeFirst();
  }
  if (row === undefined) throw notFound(kind, id);
  return row.restricted_to;
}

/** A restriction given when a document is stored (`mda ingest --restricted-to`, an upload's field). */
export interface IngestRestriction {
  readonly organisation: string;
  /** Who stored it: `cli` or `user:<id>`. */
  readonly actor: string;
}

/**
 * Restricts a document being stored, inside its transaction (an unknown organisation stores
 * nothing), and logs it like any restriction.
 */
export async function restrictStoredDocument(
  trx: Kysely<Database>,
  documentId: string,
  restriction: IngestRestriction,
): Promise<void> {
  const org = await trx
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', restriction.organisation)
    .executeTakeFirst();
  if (org === undefined) throw notFound('organisation', restriction.organisation);
  await trx
    .updateTable('documents')
    .set({ restricted_to: restriction.organisation })
    .where('id', '=', documentId)
    .execute();
  await appendChange(trx, {
    actor: restriction.actor,
    action: 'document.restrict',
    subjectKind: 'document',
    subjectId: documentId,
    before: { restrictedTo: null },
    after: { restrictedTo: restriction.organisation },
    reason: 'restricted when stored',
  });
}

/**
 * `visible` is the viewer-filtered handle (who asks sees the record or gets not_found); `db` is the
 * plain handle the change is written with.
 */
export function createRestrictionStore(db: Kysely<Database>, visible: Kysely<Database>): RestrictionStore {
  return {
    current: (kind, id) => restrictionOf(visible, kind, id),
    // Without a data version nothing can be kept: the statements compute the hidden sets.
    prepareViewer: () => Promise.resolve(),
    async anyRestricted() {
      // One statement for the three probes (one round trip to a PostgreSQL server, not three):
      // each `exists` stops at the first restricted row of its table.
      const row = await db
        .selectNoFrom((eb) =>
          eb
            .or(
              (['documents', 'instruments', 'claims'] as const).map((table) =>
                eb.exists(
                  eb
                    .selectFrom(table)
                    .select('restricted_to')
                    .where('restricted_to', 'is not', null)
                    .limit(1),
                ),
              ),
            )
            .as('any'),
        )
        .executeTakeFirstOrThrow();
      // SQLite answers 0 or 1, PostgreSQL a boolean.
      return Boolean(row.any);
    },
    async set(kind, id, organisation, actor, reason) {
      return db.transaction().execute(async (trx) => {
        if (organisation !== null) {
          const org = await trx
            .selectFrom('organisations')
            .select('id')
            .where('id', '=', organisation)
            .executeTakeFirst();
          if (org === undefined) throw notFound('organisation', organisation);
        }
        const before = await restrictionOf(trx, kind, id);
        if (kind === 'claim') {
          await trx
            .updateTable('claims')
            .set({ restricted_to: organisation })
            .where('id', '=', claimId(id) ?? -1)
            .execute();
        } else {
          await trx
            .updateTable(TABLE[kind])
            .set({ restricted_to: organisation })
            .where('id', '=', id)
            .execute();
        }
        await appendChange(trx, {
          actor,
          action: organisation === null ? `${kind}.unrestrict` : `${kind}.restrict`,
          subjectKind: kind,
          subjectId: id,
          before: { restrictedTo: before },
          after: { restrictedTo: organisation },
          reason,
        });
        return { kind, id, restrictedTo: organisation, before };
      });
    },
  };
}
