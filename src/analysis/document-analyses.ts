/**
 * Everything the analyses read from one document, in one pure call run at ingestion next to the
 * extraction pipeline: count claims and country positions, commitments (from the statement
 * stage), roadmap priority areas, indicator values, leverage steps and approach attributions.
 */
import type {
  ApproachAttribution,
  Commitment,
  CountClaim,
  CountryPosition,
  IndicatorValue,
  LeverageStep,
  RoadmapPriority,
} from '../domain/analysis-model.ts';
import { extractCountryPositions } from '../extraction/country-positions.ts';
import { foldText } from '../extraction/text.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import { commitmentsFromStatements, extractRoadmapPriorities } from './commitments.ts';
import { extractApproachAttributions, extractLeverageSteps } from './conditionality.ts';
import { extractIndicators } from './indicators.ts';

/** The analyses' records of one document. */
export interface DocumentAnalyses {
  readonly claims: readonly CountClaim[];
  readonly positions: readonly CountryPosition[];
  /** One per commitment statement, in the statement stage's order (`statementIndex`). */
  readonly commitments: readonly (Commitment & { readonly statementIndex: number })[];
  readonly priorities: readonly RoadmapPriority[];
  readonly indicators: readonly IndicatorValue[];
  readonly steps: readonly LeverageStep[];
  readonly attributions: readonly ApproachAttribution[];
}

/** Runs the analyses' extractors over a document the pipeline has already processed. */
export function analyseDocument(
  text: string,
  documentId: string,
  extracted: ExtractedDocument,
): DocumentAnalyses {
  const { sentences } = extracted.segmentation;
  const prepared = { folded: foldText(text), countries: extracted.countries };
  const { claims, positions } = extractCountryPositions(text, documentId, {
    segmentation: extracted.segmentation,
    countries: extracted.countries,
  });
  // The statement index ties a commitment to the stored statement row (same order).
  const commitments = extracted.statements.flatMap((statement, statementIndex) =>
    statement.kind === 'commitment'
      ? commitmentsFromStatements(text, documentId, [statement]).map((c) => ({ ...c, statementIndex }))
      : [],
  );
  return {
    claims,
    positions,
    commitments,
    priorities: extractRoadmapPriorities(text, documentId, sentences),
    indicators: extractIndicators(text, documentId, {
      language: extracted.language,
      amounts: extracted.amounts,
    }),
    steps: extractLeverageSteps(text, documentId, sentences, prepared),
    attributions: extractApproachAttributions(text, documentId, sentences, prepared),
  };
}
