/**
 * Manual records with sources: instruments, events and commitments. A contribution is kept in
 * `contributions` (migration 2200), outside the record tables, while it is pending or once
 * rejected: no list, count, search, map or export can show it. When a reviewer accepts it, one
 * transaction writes the record like an extracted one (an event `ev_<contribution id>`, a
 * commitment `st_<contribution id>`, an instrument under its dedupe key):
 * claims asserted by the contributor (`user:<id>`, review state `confirmed`) whose evidence is the
 * cited span of a stored document, or — for a web source — a citation document holding the URL and
 * the words quoted from it (a claim needs a stored document). Every step is in the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { actorById } from '../../domain/actors.ts';
import {
  precisionOf,
  type ContributedCommitment,
  type ContributedEvent,
  type ContributedInstrument,
  type ContributedRecord,
  type ContributionKind,
  type ContributionSource,
  type ContributionState,
} from '../../domain/contributions.ts';
import { AtlasError, invalidInput, notFound } from '../../domain/errors.ts';
import { appendChange } from '../people/audit.ts';
import {
  contentHash,
  documentIdFor,
  earliestDate,
  instrumentDedupeKey,
  instrumentIdFor,
} from '../records.ts';
import type { ContributionsTable, Database } from '../schema.ts';
import type { SearchIndex } from '../search/port.ts';
import { actorRow } from '../store/presenters.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A contribution as a reviewer (or its contributor) sees it. */
export interface ContributionView {
  readonly id: string;
  readonly kind: ContributionKind;
  readonly record: ContributedRecord;
  readonly assertedBy: string;
  readonly state: ContributionState;
  readonly reviewedBy: string | null;
  readonly reason: string | null;
  /** The published instrument, once accepted. */
  readonly instrumentId: string | null;
  /** The published record (instrument, event or commitment id), once accepted. */
  readonly recordId: string | null;
  readonly createdAt: string;
  readonly reviewedAt: string | null;
}

export interface ContributionStore {
  /** Stores a contributed instrument as pending; throws invalid_input for an unknown actor or span. */
  contributeInstrument(record: ContributedInstrument, actor: string): Promise<ContributionView>;
  /** Stores a contributed event as pending (same checks). */
  contributeEvent(record: ContributedEvent, actor: string): Promise<ContributionView>;
  /** Stores a contributed commitment as pending (same checks). */
  contributeCommitment(record: ContributedCommitment, actor: string): Promise<ContributionView>;
  list(
    state: ContributionState | undefined,
    page: { limit: number; offset: number },
  ): Promise<{
    items: ContributionView[];
    total: number;
  }>;
  get(id: string): Promise<ContributionView>;
  /** Publishes the contribution as a record; conflict if already decided or already in the atlas. */
  accept(id: string, actor: string): Promise<ContributionView>;
  /** Keeps it unpublished for good, with the reviewer's reason. */
  reject(id: string, actor: string, reason: string): Promise<ContributionView>;
}

/** The id an accepted event or commitment is published under (instruments: their dedupe key's). */
const publishedId = (kind: ContributionKind, contributionId: string): string =>
  `${kind === 'event' ? 'ev' : 'st'}_${contributionId}`;

const view = (row: Selectable<ContributionsTable>): ContributionView => ({
  id: row.id,
  kind: row.kind as ContributionKind,
  record: JSON.parse(row.record) as ContributedRecord,
  assertedBy: row.asserted_by,
  state: row.review_state as ContributionState,
  reviewedBy: row.reviewed_by,
  reason: row.reason,
  instrumentId: row.instrument_id,
  recordId:
    row.review_state !== 'accepted'
      ? null
      : row.kind === 'instrument'
        ? row.instrument_id
        : publishedId(row.kind as ContributionKind, row.id),
  createdAt: row.created_at,
  reviewedAt: row.reviewed_at,
});

const conflict = (message: string) => new AtlasError('conflict', message, {});

const dedupeKeyOf = (record: ContributedInstrument): string =>
  instrumentDedupeKey(
    record.type,
    record.title,
    record.parties.map((p) => p.actorId),
  );

/** The cited words of a document source, checked against the stored text. */
async function documentQuote(db: Db, documentId: string, start: number, end: number): Promise<string> {
  const document = await db
    .selectFrom('documents')
    .select(['text'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (document === undefined) throw invalidInput('source.documentId', `document ${documentId} not found`);
  if (end > document.text.length) {
    throw invalidInput('source.end', `the document has ${document.text.length} characters`);
  }
  return document.text.slice(start, end);
}

/** Every actor named must be a known state or organisation. */
function checkActors(ids: readonly string[], field: (index: number) => string): void {
  for (const [index, id] of ids.entries()) {
    if (actorById(id) === undefined) {
      throw invalidInput(field(index), `${id} is not a known state or organisation`);
    }
  }
}

async function checkNew(db: Db, record: ContributedInstrument): Promise<void> {
  const id = instrumentIdFor(dedupeKeyOf(record));
  const known = await db.selectFrom('instruments').select('id').where('id', '=', id).executeTakeFirst();
  if (known !== undefined) throw conflict(`the atlas already holds this instrument (${id})`);
}

/**
 * The evidence of an accepted contribution: its document and the span the claims quote. A web
 * source becomes a citation document (title, URL, quoted words), shared by contributions citing
 * the same words of the same page.
 */
async function evidenceOf(
  trx: Db,
  search: SearchIndex,
  record: { readonly title: string; readonly language: string; readonly source: ContributionSource },
  now: string,
): Promise<{ documentId: string; start: number; end: number; quote: string }> {
  const source = record.source;
  if (source.kind === 'document') {
    const quote = await documentQuote(trx, source.documentId, source.start, source.end);
    return { documentId: source.documentId, start: source.start, end: source.end, quote };
  }
  const header = `${record.title}\n${source.url}\n\n`;
  const cited = source.quote ?? record.title;
  const text = `${header}${cited}`;
  const hash = contentHash(text);
  const documentId = documentIdFor(hash);
  const known = await trx
    .selectFrom('documents')
    .select('id')
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (known === undefined) {
    await trx
      .insertInto('documents')
      .values({
        id: documentId,
        content_hash: hash,
        title: record.title,
        source_path: source.url,
        format: 'text',
        language: record.language,
        text,
        byte_size: Buffer.byteLength(text, 'utf8'),
        char_count: text.length,
        extractor: 'contribution',
        ingested_at: now,
        file_title: source.url,
        // A contributor gave the title: it is a person's, never a file name.
        title_source: 'person',
        publisher: null,
        published: null,
        source_url: source.url,
      })
      .execute();
    await search.indexDocument(trx, documentId);
  }
  return { documentId, start: header.length, end: text.length, quote: cited };
}

/** Writes the accepted instrument: row, claims with evidence, field rows; returns its id. */
async function publishInstrument(
  trx: Db,
  search: SearchIndex,
  record: ContributedInstrument,
  contributor: string,
  now: string,
): Promise<string> {
  await checkNew(trx, record);
  const dedupeKey = dedupeKeyOf(record);
  const id = instrumentIdFor(dedupeKey);
  const evidence = await evidenceOf(trx, search, record, now);
  // A reviewer verified it against its source before it was published.
  const claim = claimWriter(trx, 'instrument', id, evidence, contributor, now);
  const firstDate = earliestDate(record.dates.map((d) => d.value));
  await trx
    .insertInto('instruments')
    .values({
      id,
      dedupe_key: dedupeKey,
      type: record.type,
      title: record.title,
      legal_form: record.legalForm,
      binding: record.binding === null ? null : record.binding ? 1 : 0,
      status: 'not_stated',
      first_date: firstDate,
      first_year: firstDate === null ? null : Number(firstDate.slice(0, 4)),
      created_at: now,
    })
    .execute();
  await claim('type', record.type);
  await claim('title', record.title);
  await claim('legal_form', record.legalForm);
  if (record.binding !== null) await claim('binding', record.binding);
  for (const party of record.parties) {
    const actor = actorById(party.actorId)!;
    await trx
      .insertInto('actors')
      .values(actorRow(actor))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const ref = await claim('party', { actorId: party.actorId, role: party.role });
    await trx
      .insertInto('instrument_parties')
      .values({ instrument_id: id, actor_id: party.actorId, role: party.role, claim_id: ref })
      .execute();
  }
  for (const date of record.dates) {
    const value = { value: date.value, precision: precisionOf(date.value), role: date.role };
    const ref = await claim('date', value);
    await trx
      .insertInto('instrument_dates')
      .values({ instrument_id: id, ...value, claim_id: ref })
      .execute();
  }
  for (const amount of record.amounts) {
    const value = { value: amount.value, currency: amount.currency, approximate: amount.approximate };
    const ref = await claim('amount', { ...value, role: null, partOf: null });
    await trx
      .insertInto('instrument_amounts')
      .values({ instrument_id: id, ...value, approximate: amount.approximate ? 1 : 0, claim_id: ref })
      .execute();
  }
  for (const topic of record.topics) {
    const ref = await claim('topic', topic);
    await trx.insertInto('instrument_topics').values({ instrument_id: id, topic, claim_id: ref }).execute();
  }
  for (const approach of record.approaches) {
    const ref = await claim('approach', approach);
    await trx
      .insertInto('instrument_approaches')
      .values({ instrument_id: id, approach, claim_id: ref })
      .execute();
  }
  await trx
    .insertInto('instrument_documents')
    .values({ instrument_id: id, document_id: evidence.documentId })
    .execute();
  await search.reindexInstruments(trx, [id]);
  return id;
}

type Evidence = Awaited<ReturnType<typeof evidenceOf>>;

/** Writes a claim asserted by the contributor, verified by a reviewer, on the cited evidence. */
function claimWriter(
  trx: Db,
  subjectKind: string,
  subjectId: string,
  evidence: Evidence,
  contributor: string,
  now: string,
) {
  return async (property: string, value: unknown): Promise<number> => {
    const row = await trx
      .insertInto('claims')
      .values({
        subject_kind: subjectKind,
        subject_id: subjectId,
        property,
        value: JSON.stringify(value),
        document_id: evidence.documentId,
        span_start: evidence.start,
        span_end: evidence.end,
        quote: evidence.quote,
        asserted_by: contributor,
        review_state: 'confirmed',
        created_at: now,
        confidence: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
}

async function ensureActors(trx: Db, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await trx
      .insertInto('actors')
      .values(actorRow(actorById(id)!))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** Writes an accepted event like an extracted one: its row, participants and claims. */
async function publishEvent(
  trx: Db,
  search: SearchIndex,
  id: string,
  record: ContributedEvent,
  contributor: string,
  now: string,
): Promise<void> {
  const evidence = await evidenceOf(trx, search, record, now);
  const claim = claimWriter(trx, 'event', id, evidence, contributor, now);
  const participants = [...new Set(record.participants)];
  await ensureActors(trx, participants);
  const main = await claim('type', record.kind);
  await claim('title', record.title);
  if (record.date !== null) await claim('date', { value: record.date, precision: precisionOf(record.date) });
  if (record.place !== null) await claim('place', record.place);
  for (const actorId of participants) await claim('party', { actorId, role: 'participant' });
  await trx
    .insertInto('events')
    .values({
      id,
      document_id: evidence.documentId,
      kind: record.kind,
      title: record.title,
      date: record.date,
      place: record.place,
      claim_id: main,
    })
    .execute();
  if (participants.length > 0) {
    await trx
      .insertInto('event_participants')
      .values(participants.map((actor_id) => ({ event_id: id, actor_id })))
      .execute();
  }
}

/** Writes an accepted commitment like an extracted one: open, with its owners and topics. */
async function publishCommitment(
  trx: Db,
  search: SearchIndex,
  id: string,
  record: ContributedCommitment,
  contributor: string,
  now: string,
): Promise<void> {
  const title = record.text.length > 120 ? `${record.text.slice(0, 119)}…` : record.text;
  const evidence = await evidenceOf(trx, search, { ...record, title }, now);
  const claim = claimWriter(trx, 'statement', id, evidence, contributor, now);
  const owners = [...new Set(record.owners)];
  const topics = [...new Set(record.topics)];
  await ensureActors(trx, owners);
  const main = await claim('type', 'commitment');
  for (const owner of owners) await claim('owner', owner);
  if (record.deadline !== null) {
    await claim('deadline', { value: record.deadline, precision: precisionOf(record.deadline) });
  }
  for (const topic of topics) await claim('topic', topic);
  await trx
    .insertInto('statements')
    .values({
      id,
      document_id: evidence.documentId,
      kind: 'commitment',
      text: record.text,
      deadline: record.deadline,
      status: 'open',
      claim_id: main,
    })
    .execute();
  await trx
    .insertInto('statement_owners')
    .values(owners.map((actor_id) => ({ statement_id: id, actor_id })))
    .execute();
  if (topics.length > 0) {
    await trx
      .insertInto('statement_topics')
      .values(topics.map((topic) => ({ statement_id: id, topic })))
      .execute();
  }
}

async function pendingRow(trx: Db, id: string): Promise<Selectable<ContributionsTable>> {
  const row = await trx.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('contribution', id);
  if (row.review_state !== 'pending') throw conflict(`contribution ${id} is already ${row.review_state}`);
  return row;
}

export function createContributionStore(db: Kysely<Database>, search: SearchIndex): ContributionStore {
  const get = async (id: string): Promise<ContributionView> => {
    const row = await db.selectFrom('contributions').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('contribution', id);
    return view(row);
  };

  /** Keeps a checked record as a pending contribution, with its audit entry. */
  const storePending = async (
    kind: ContributionKind,
    record: ContributedRecord,
    actor: string,
  ): Promise<ContributionView> => {
    const source = record.source;
    const quote =
      source.kind === 'document'
        ? await documentQuote(db, source.documentId, source.start, source.end)
        : (source.quote ?? null);
    const id = `con_${randomUUID()}`;
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('contributions')
        .values({
          id,
          kind,
          record: JSON.stringify(record),
          source_url: source.kind === 'url' ? source.url : null,
          document_id: source.kind === 'document' ? source.documentId : null,
          span_start: source.kind === 'document' ? source.start : null,
          span_end: source.kind === 'document' ? source.end : null,
          quote,
          asserted_by: actor,
          review_state: 'pending',
          reviewed_by: null,
          reason: null,
          instrument_id: null,
          created_at: now,
          reviewed_at: null,
        })
        .execute();
      await appendChange(trx, {
        actor,
        action: 'contribution.add',
        subjectKind: 'contribution',
        subjectId: id,
        // The audit log travels in exports: an unverified record's content stays out of it
        // until a reviewer accepts it (the accept entry carries it then).
        after: { kind, state: 'pending' },
      });
    });
    return get(id);
  };
  return {
    get,

    async contributeInstrument(record, actor) {
      checkActors(
        record.parties.map((p) => p.actorId),
        (index) => `parties.${index}.actorId`,
      );
      await checkNew(db, record);
      return storePending('instrument', record, actor);
    },

    async contributeEvent(record, actor) {
      checkActors(record.participants, (index) => `participants.${index}`);
      return storePending('event', record, actor);
    },

    async contributeCommitment(record, actor) {
      checkActors(record.owners, (index) => `owners.${index}`);
      return storePending('commitment', record, actor);
    },

    async list(state, page) {
      let query = db.selectFrom('contributions');
      if (state !== undefined) query = query.where('review_state', '=', state);
      const total = await query.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(view), total: Number(total.n) };
    },

    async accept(id, actor) {
      await db.transaction().execute(async (trx) => {
        const row = await pendingRow(trx, id);
        const now = new Date().toISOString();
        const kind = row.kind as ContributionKind;
        let recordId: string;
        if (kind === 'instrument') {
          const record = JSON.parse(row.record) as ContributedInstrument;
          recordId = await publishInstrument(trx, search, record, row.asserted_by, now);
        } else if (kind === 'event') {
          recordId = publishedId(kind, id);
          const record = JSON.parse(row.record) as ContributedEvent;
          await publishEvent(trx, search, recordId, record, row.asserted_by, now);
        } else {
          recordId = publishedId(kind, id);
          const record = JSON.parse(row.record) as ContributedCommitment;
          await publishCommitment(trx, search, recordId, record, row.asserted_by, now);
        }
        await trx
          .updateTable('contributions')
          .set({
            review_state: 'accepted',
            reviewed_by: actor,
            reviewed_at: now,
            instrument_id: kind === 'instrument' ? recordId : null,
          })
          .where('id', '=', id)
          .execute();
        await appendChange(trx, {
          actor,
          action: 'contribution.accept',
          subjectKind: 'contribution',
          subjectId: id,
          before: { state: 'pending' },
          after:
            kind === 'instrument'
              ? { state: 'accepted', instrumentId: recordId }
              : { state: 'accepted', recordId },
        });
        await appendChange(trx, {
          actor,
          action: `${kind}.contributed`,
          subjectKind: kind,
          subjectId: recordId,
          after: {
            contribution: id,
            contributor: row.asserted_by,
            record: JSON.parse(row.record) as unknown,
          },
        });
      });
      return get(id);
    },

    async reject(id, actor, reason) {
      await db.transaction().execute(async (trx) => {
        await pendingRow(trx, id);
        const now = new Date().toISOString();
        await trx
          .updateTable('contributions')
          .set({ review_state: 'rejected', reviewed_by: actor, reviewed_at: now, reason })
          .where('id', '=', id)
          .execute();
        await appendChange(trx, {
          actor,
          action: 'contribution.reject',
          subjectKind: 'contribution',
          subjectId: id,
          before: { state: 'pending' },
          after: { state: 'rejected' },
          reason,
        });
      });
      return get(id);
    },
  };
}
