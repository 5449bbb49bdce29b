/**
 * Links between instruments asserted by reviewers, beside those the extractor reads. A link whose
 * evidence is a span of a stored document is a `links` row backed by a claim (document, span,
 * quote, asserted_by), exactly like an extracted link; one whose evidence is a source outside the
 * atlas (a URL) is a `cited_links` row, since a claim needs a stored document.
 */
import type { Kysely, Transaction } from 'kysely';
import { invalidInput, notFound } from '../../domain/errors.ts';
import { MAX_LINK_QUOTE, type LinkInput } from '../../domain/curation.ts';
import type { ReviewState, Span } from '../../domain/model.ts';
import { appendChange } from '../people/audit.ts';
import type { Database } from '../schema.ts';
import { fileNameOf, shownTitleSql } from '../store/document-title.ts';
import { followMerges } from './redirects.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The evidence of a link: a span of a stored document, or a cited source. */
export type LinkEvidenceView =
  | {
      readonly kind: 'document';
      readonly documentId: string;
      readonly documentTitle: string | null;
      readonly documentFileName: string;
      readonly span: Span;
      readonly quote: string;
      readonly assertedBy: string;
      readonly reviewState: ReviewState;
    }
  | {
      readonly kind: 'source';
      readonly url: string;
      readonly assertedBy: string;
      readonly reviewState: ReviewState;
    };

/** One link of an instrument, in either direction. */
export interface InstrumentLinkView {
  /** `link:N` (a `links` row) or `cited:N` (a `cited_links` row). */
  readonly id: string;
  readonly from: { readonly id: string; readonly title: string | null };
  readonly to: { readonly id: string; readonly title: string | null };
  readonly relation: string;
  readonly approach: string | null;
  readonly evidence: LinkEvidenceView;
}

/** How a reviewer is named on the claims they assert (as review-store's corrections do). */
const reviewerLabel = (actor: string): string => actor.replace(/^user:/, 'reviewer:');

async function titles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('instruments')
    .select(['id', 'title'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Every link from or to the instrument: extracted and asserted, documented and cited. */
export async function instrumentLinks(db: Db, instrumentId: string): Promise<InstrumentLinkView[]> {
  const documented = await db
    .selectFrom('links')
    .innerJoin('claims', 'claims.id', 'links.claim_id')
    .innerJoin('documents', 'documents.id', 'claims.document_id')
    .select([
      'links.id',
      'links.from_id',
      'links.to_id',
      'links.relation',
      'links.approach',
      'claims.document_id',
      'claims.span_start',
      'claims.span_end',
      'claims.quote',
      'claims.asserted_by',
      'claims.review_state',
      shownTitleSql().as('document_title'),
      'documents.source_path as document_path',
    ])
    .where('links.from_kind', '=', 'instrument')
    .where('links.to_kind', '=', 'instrument')
    .where((eb) => eb.or([eb('links.from_id', '=', instrumentId), eb('links.to_id', '=', instrumentId)]))
    .orderBy('links.id')
    .execute();
  const cited = await db
    .selectFrom('cited_links')
    .selectAll()
    .where('from_kind', '=', 'instrument')
    .where('to_kind', '=', 'instrument')
    .where((eb) => eb.or([eb('from_id', '=', instrumentId), eb('to_id', '=', instrumentId)]))
    .orderBy('id')
    .execute();
  const named = await titles(
    db,
    [...documented, ...cited].flatMap((l) => [l.from_id, l.to_id]),
  );
  const end = (id: string) => ({ id, title: named.get(id) ?? null });
  return [
    ...documented.map((l): InstrumentLinkView => ({
      id: `link:${l.id}`,
      from: end(l.from_id),
      to: end(l.to_id),
      relation: l.relation,
      approach: l.approach,
      evidence: {
        kind: 'document',
        documentId: l.document_id,
        documentTitle: l.document_title,
        documentFileName: fileNameOf(l.document_path),
        span: { start: l.span_start, end: l.span_end },
        quote: l.quote,
        assertedBy: l.asserted_by,
        reviewState: l.review_state as ReviewState,
      },
    })),
    ...cited.map((l): InstrumentLinkView => ({
      id: `cited:${l.id}`,
      from: end(l.from_id),
      to: end(l.to_id),
      relation: l.relation,
      approach: l.approach,
      evidence: {
        kind: 'source',
        url: l.source_url,
        assertedBy: l.asserted_by,
        reviewState: l.review_state as ReviewState,
      },
    })),
  ];
}

/** Records a reviewer's link with its evidence and returns it. Ids of merged instruments are followed. */
export async function addLink(
  db: Kysely<Database>,
  input: LinkInput,
  actor: string,
): Promise<InstrumentLinkView> {
  return db.transaction().execute(async (trx) => {
    const from = await followMerges(trx, input.from);
    if (from === undefined) throw notFound('instrument', input.from);
    const to = await followMerges(trx, input.to);
    if (to === undefined) throw notFound('instrument', input.to);
    if (from === to) throw invalidInput('to', `${input.from} and ${input.to} are the same instrument`);
    const now = new Date().toISOString();
    const assertedBy = reviewerLabel(actor);
    let id: string;
    let evidence: unknown;
    if (input.evidence.kind === 'document') {
      const { documentId, start, end } = input.evidence;
      const document = await trx
        .selectFrom('documents')
        .select(['id', 'text'])
        .where('id', '=', documentId)
        .executeTakeFirst();
      if (document === undefined) throw notFound('document', documentId);
      if (end > document.text.length) {
        throw invalidInput(
          'span',
          `the document has ${document.text.length} characters; ${start}-${end} is past its end`,
        );
      }
      if (end - start > MAX_LINK_QUOTE) {
        throw invalidInput('span', `quote at most ${MAX_LINK_QUOTE} characters (the sentence that says it)`);
      }
      const quote = document.text.slice(start, end);
      const claim = await trx
        .insertInto('claims')
        .values({
          subject_kind: 'link',
          subject_id: from,
          property: 'link',
          value: JSON.stringify({ from, to, relation: input.relation, approach: input.approach }),
          document_id: documentId,
          span_start: start,
          span_end: end,
          quote,
          asserted_by: assertedBy,
          // A reviewer asserted it: it needs no second look to count.
          review_state: 'confirmed',
          created_at: now,
          confidence: null,
          supersedes: null,
          review_reason: input.reason,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const link = await trx
        .insertInto('links')
        .values({
          from_kind: 'instrument',
          from_id: from,
          to_kind: 'instrument',
          to_id: to,
          relation: input.relation,
          approach: input.approach,
          claim_id: claim.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = `link:${link.id}`;
      evidence = { documentId, span: { start, end }, quote, claim: claim.id };
    } else {
      const link = await trx
        .insertInto('cited_links')
        .values({
          from_kind: 'instrument',
          from_id: from,
          to_kind: 'instrument',
          to_id: to,
          relation: input.relation,
          approach: input.approach,
          source_url: input.evidence.url,
          asserted_by: assertedBy,
          review_state: 'confirmed',
          reason: input.reason,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = `cited:${link.id}`;
      evidence = { url: input.evidence.url };
    }
    await appendChange(
      trx,
      {
        actor,
        action: 'instrument.link',
        subjectKind: 'instrument',
        subjectId: from,
        before: null,
        after: { link: id, to, relation: input.relation, approach: input.approach, evidence },
        reason: input.reason,
      },
      now,
    );
    const found = (await instrumentLinks(trx, from)).find((l) => l.id === id);
    if (found === undefined) throw new Error(`link ${id} was not stored`);
    return found;
  });
}
