/** Commitments as stored: statement rows of kind `commitment`, their details and status history. */
import type { Kysely } from 'kysely';
import type { Commitment } from '../../domain/analysis-model.ts';
import { notFound } from '../../domain/errors.ts';
import type { CommitmentStatus, DatePrecision } from '../../domain/model.ts';
import type { TopicCode } from '../../domain/taxonomy.ts';
import type { Database } from '../schema.ts';
import { appendChange } from '../people/audit.ts';

type Db = Kysely<Database>;

/** A status change as recorded. */
export interface CommitmentStatusChange {
  readonly commitmentId: string;
  readonly status: CommitmentStatus;
  readonly previous: CommitmentStatus | null;
  readonly changedBy: string;
  readonly note: string | null;
  readonly changedAt: string;
}

/** Which commitments to list: by owner (actor id), by document, or one id. */
export interface CommitmentFilter {
  readonly owner?: string;
  readonly documentId?: string;
  readonly id?: string;
}

/** Loads commitments (id = the statement id, status = the user-set statement status). */
export async function loadCommitments(db: Db, filter: CommitmentFilter = {}): Promise<Commitment[]> {
  let query = db
    .selectFrom('statements')
    .innerJoin('claims', 'claims.id', 'statements.claim_id')
    .leftJoin('commitment_details', 'commitment_details.statement_id', 'statements.id')
    .select([
      'statements.id',
      'statements.document_id',
      'statements.text',
      'statements.deadline',
      'statements.status',
      'claims.span_start',
      'claims.span_end',
      'claims.quote',
      'commitment_details.deadline_value',
      'commitment_details.deadline_precision',
      'commitment_details.deadline_inclusive',
      'commitment_details.deadline_quote',
      'commitment_details.next_dialogue',
    ])
    .where('statements.kind', '=', 'commitment');
  if (filter.id !== undefined) query = query.where('statements.id', '=', filter.id);
  if (filter.documentId !== undefined) query = query.where('statements.document_id', '=', filter.documentId);
  if (filter.owner !== undefined) {
    query = query.where(
      'statements.id',
      'in',
      db.selectFrom('statement_owners').select('statement_id').where('actor_id', '=', filter.owner),
    );
  }
  const rows = await query.orderBy('statements.document_id').orderBy('claims.span_start').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [owners, topics] = await Promise.all([
    db
      .selectFrom('statement_owners')
      .select(['statement_id', 'actor_id'])
      .where('statement_id', 'in', ids)
      .execute(),
    db
      .selectFrom('statement_topics')
      .select(['statement_id', 'topic'])
      .where('statement_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    text: r.text,
    owners: owners.filter((o) => o.statement_id === r.id).map((o) => o.actor_id),
    deadline:
      r.deadline_value !== null && r.deadline_precision !== null
        ? {
            value: r.deadline_value,
            precision: r.deadline_precision as DatePrecision,
            inclusive: r.deadline_inclusive !== 0,
            quote: r.deadline_quote ?? r.deadline_value,
          }
        : r.deadline !== null
          ? { value: r.deadline, precision: precisionOf(r.deadline), inclusive: true, quote: r.deadline }
          : null,
    status: (r.status ?? 'open') as CommitmentStatus,
    nextDialogue: r.next_dialogue === 1,
    topics: topics.filter((t) => t.statement_id === r.id).map((t) => t.topic as TopicCode),
    source: { documentId: r.document_id, start: r.span_start, end: r.span_end, quote: r.quote },
  }));
}

function precisionOf(value: string): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/** Sets a commitment's status and records the change; throws not_found for an unknown id. */
export async function setCommitmentStatus(
  db: Db,
  id: string,
  status: CommitmentStatus,
  changedBy: string,
  note: string | null,
): Promise<Commitment> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('statements')
      .select(['status'])
      .where('id', '=', id)
      .where('kind', '=', 'commitment')
      .executeTakeFirst();
    if (row === undefined) throw notFound('commitment', id);
    await trx.updateTable('statements').set({ status }).where('id', '=', id).execute();
    const at = new Date().toISOString();
    await trx
      .insertInto('commitment_status_history')
      .values({
        statement_id: id,
        status,
        previous: row.status,
        changed_by: changedBy,
        note,
        changed_at: at,
      })
      .execute();
    await appendChange(
      trx,
      {
        actor: changedBy,
        action: 'commitment.status',
        subjectKind: 'commitment',
        subjectId: id,
        before: { status: row.status },
        after: { status },
        reason: note,
      },
      at,
    );
  });
  const [updated] = await loadCommitments(db, { id });
  if (updated === undefined) throw notFound('commitment', id);
  return updated;
}

/** The status changes of a commitment, oldest first. */
export async function statusHistory(db: Db, id: string): Promise<CommitmentStatusChange[]> {
  const rows = await db
    .selectFrom('commitment_status_history')
    .selectAll()
    .where('statement_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    commitmentId: r.statement_id,
    status: r.status as CommitmentStatus,
    previous: r.previous as CommitmentStatus | null,
    changedBy: r.changed_by,
    note: r.note,
    changedAt: r.changed_at,
  }));
}
