/**
 * The append-only audit log: every change with who made it, when, the record before and after
 * (JSON) and why. Rows are only ever inserted; nothing here updates or deletes one.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A change to record. `before`/`after` are plain values (stored as JSON); null when absent. */
export interface ChangeInput {
  /** `user:<id>`, `cli` or `extractor:…`. */
  readonly actor: string;
  /** What was done: `commitment.status`, `claim.accept`, `user.role`… */
  readonly action: string;
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
}

/** A recorded change, as the API and the record pages show it. */
export interface Change {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** Appends one change (inside the caller's transaction when it passes one). */
export async function appendChange(
  db: Db,
  change: ChangeInput,
  at = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor: change.actor,
      action: change.action,
      subject_kind: change.subjectKind,
      subject_id: change.subjectId,
      before: json(change.before),
      after: json(change.after),
      reason: change.reason ?? null,
    })
    .execute();
}

const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

/** Changes to one record, oldest first; or, without a subject, the latest changes (newest first). */
export async function listChanges(
  db: Db,
  filter: { readonly subjectKind?: string; readonly subjectId?: string; readonly actor?: string },
  page: { readonly limit: number; readonly offset: number },
): Promise<{ items: Change[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (filter.subjectKind !== undefined) query = query.where('subject_kind', '=', filter.subjectKind);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  const total = await query.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const oneRecord = filter.subjectId !== undefined;
  const rows = await query
    .selectAll()
    .orderBy('id', oneRecord ? 'asc' : 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      subjectKind: row.subject_kind,
      subjectId: row.subject_id,
      before: parse(row.before),
      after: parse(row.after),
      reason: row.reason,
    })),
  };
}
