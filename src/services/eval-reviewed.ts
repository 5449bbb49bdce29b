/**
 * `mda eval --reviewed`: runs the current extractor again over the text of every stored document a
 * reviewer decided on, and scores what it finds against those decisions (analysis/reviewed-eval.ts).
 * Nothing is written.
 */
import {
  alignInstruments,
  scoreAgainstReviews,
  type ExtractedFact,
  type ReviewedScores,
  type Sighting,
} from '../analysis/reviewed-eval.ts';
import type { Language } from '../domain/model.ts';
import { isReviewable } from '../domain/review.ts';
import { extractDocument } from '../extraction/pipeline.ts';
import { EXTRACTOR_ID } from '../extraction/types.ts';
import { planDocument, type AtlasStore } from '../storage/atlas-store.ts';

export interface ReviewedEvaluation extends ReviewedScores {
  /** The extractor scored (the one running now). */
  readonly extractor: string;
  /** Documents re-extracted (those with reviewed facts). */
  readonly documents: number;
  /** Reviewed facts read from the atlas. */
  readonly reviewedFacts: number;
}

export interface ReviewedEvalOptions {
  /** `false`: general rules only, without the catalogue of well-known instruments. */
  readonly catalogue?: boolean;
}

export async function evaluateAgainstReviews(
  store: AtlasStore,
  options: ReviewedEvalOptions = {},
): Promise<ReviewedEvaluation> {
  const reviewed = await store.curation.reviewedFacts();
  const documentIds = [...new Set(reviewed.map((fact) => fact.documentId))].sort();
  const stored = await store.curation.sightings(documentIds);
  const facts: ExtractedFact[] = [];
  const sightings: Sighting[] = [];
  for (const id of documentIds) {
    const document = await store.getDocument(id);
    const language: Language = document.language === 'fr' ? 'fr' : 'en';
    const extracted = extractDocument(document.text, {
      language,
      ...(options.catalogue === false ? { catalogue: false } : {}),
    });
    // The same mapping ingestion uses, so ids and values are those a new ingestion would store.
    const plan = planDocument(
      {
        path: document.sourcePath,
        format: document.format,
        title: document.fileTitle,
        text: document.text,
        bytes: document.byteSize,
      },
      extracted,
    );
    for (const claim of plan.claims) {
      if (claim.subject_kind !== 'instrument' || !isReviewable(claim.property)) continue;
      facts.push({
        documentId: id,
        instrumentId: claim.subject_id,
        property: claim.property,
        value: JSON.parse(claim.value) as unknown,
      });
      if (claim.property === 'title') {
        sightings.push({
          documentId: id,
          instrumentId: claim.subject_id,
          start: claim.span_start,
          end: claim.span_end,
        });
      }
    }
  }
  const redirects = new Map<string, string | undefined>();
  for (const id of new Set(facts.map((fact) => fact.instrumentId))) {
    redirects.set(id, await store.curation.redirect(id));
  }
  const align = alignInstruments(sightings, stored, (id) => redirects.get(id));
  const aligned = facts.map((fact) => ({ ...fact, instrumentId: align(fact.documentId, fact.instrumentId) }));
  return {
    ...scoreAgainstReviews(reviewed, aligned),
    extractor: EXTRACTOR_ID,
    documents: documentIds.length,
    reviewedFacts: reviewed.length,
  };
}
