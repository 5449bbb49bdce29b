/**
 * Writes one document's analysis records inside the transaction that stores the document, so a
 * document and everything read from it are committed (or rolled back) together. Portable SQL.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DocumentAnalyses } from '../../analysis/document-analyses.ts';
import type { SourceRef } from '../../domain/analysis-model.ts';
import { EXTRACTOR_ID } from '../../extraction/types.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 200;

async function insertAll<T extends keyof Database>(
  trx: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** The evidence columns for a source span, asserted by the rule extractor. */
function evidence(source: SourceRef, now: string) {
  return {
    document_id: source.documentId,
    span_start: source.start,
    span_end: source.end,
    quote: source.quote,
    asserted_by: EXTRACTOR_ID,
    review_state: 'unreviewed',
    created_at: now,
  };
}

/** Stores a document's analyses; `statementIds` are the stored statements' ids in extraction order. */
export async function writeAnalyses(
  trx: Db,
  documentId: string,
  analyses: DocumentAnalyses,
  statementIds: readonly string[],
  now: string,
): Promise<void> {
  const sentence = (q: { start: number; end: number; quote: string }): SourceRef => ({ documentId, ...q });
  await insertAll(
    trx,
    'count_claims',
    analyses.claims.map((c) => ({
      id: c.id,
      question: c.question,
      stance: c.stance,
      stated: c.stated,
      count_start: c.count.start,
      count_end: c.count.end,
      count_quote: c.count.quote,
      footnote: c.list?.footnote ?? null,
      list: c.list === null ? null : JSON.stringify(c.list),
      ...evidence(sentence(c.sentence), now),
    })),
  );
  await insertAll(
    trx,
    'country_positions',
    analyses.positions.map((p) => ({
      country: p.country,
      question: p.question,
      stance: p.stance,
      count_claim_id: p.claimId,
      list_start: p.listItem?.start ?? null,
      list_end: p.listItem?.end ?? null,
      list_quote: p.listItem?.quote ?? null,
      ...evidence(p.evidence, now),
    })),
  );
  await insertAll(
    trx,
    'commitment_details',
    analyses.commitments.flatMap((c) => {
      const statementId = statementIds[c.statementIndex];
      if (statementId === undefined) return [];
      return [
        {
          statement_id: statementId,
          deadline_value: c.deadline?.value ?? null,
          deadline_precision: c.deadline?.precision ?? null,
          deadline_inclusive: c.deadline === null ? null : c.deadline.inclusive ? 1 : 0,
          deadline_quote: c.deadline?.quote ?? null,
          next_dialogue: c.nextDialogue ? 1 : 0,
          ...evidence(c.source, now),
        },
      ];
    }),
  );
  await insertAll(
    trx,
    'roadmap_priorities',
    analyses.priorities.map((p) => ({
      label: p.label,
      topics: JSON.stringify(p.topics),
      ...evidence(p.source, now),
    })),
  );
  await insertAll(
    trx,
    'indicator_values',
    analyses.indicators.flatMap((v) =>
      'quote' in v.source
        ? [
            {
              indicator: v.indicator,
              value: v.value,
              unit: v.unit,
              date: v.date,
              country: v.country,
              instrument_id: v.instrumentId,
              approximate: v.approximate ? 1 : 0,
              entered_by: null,
              source_note: null,
              ...evidence(v.source, now),
            },
          ]
        : [],
    ),
  );
  await insertAll(
    trx,
    'leverage_steps',
    analyses.steps.map((s) => ({
      country: s.country,
      kind: s.kind,
      legal_basis: s.legalBasis,
      date_value: s.date?.value ?? null,
      date_precision: s.date?.precision ?? null,
      ...evidence(s.source, now),
    })),
  );
  await trx
    .insertInto('analysed_documents')
    .values({ document_id: documentId, analyser: EXTRACTOR_ID, analysed_at: now })
    .onConflict((oc) => oc.column('document_id').doUpdateSet({ analyser: EXTRACTOR_ID, analysed_at: now }))
    .execute();
  await insertAll(
    trx,
    'approach_attributions',
    analyses.attributions.map((a) => ({
      actor_id: a.actorId,
      approach: a.approach,
      stance: a.stance,
      ...evidence(a.source, now),
    })),
  );
}

/** Tables holding a document's extracted analysis rows (user-entered indicator values are kept). */
const DOCUMENT_TABLES = [
  'country_positions',
  'count_claims',
  'commitment_details',
  'roadmap_priorities',
  'leverage_steps',
  'approach_attributions',
] as const;

/** Deletes a document's extracted analysis rows, before they are written again. */
export async function deleteAnalyses(trx: Db, documentId: string): Promise<void> {
  for (const table of DOCUMENT_TABLES) {
    await trx.deleteFrom(table).where('document_id', '=', documentId).execute();
  }
  await trx
    .deleteFrom('indicator_values')
    .where('document_id', '=', documentId)
    .where('entered_by', 'is', null)
    .where('asserted_by', 'like', 'extractor:%')
    .execute();
}
