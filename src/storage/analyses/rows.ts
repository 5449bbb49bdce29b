/** Mapping of the analyses' rows to the analysis-model types (reads only; writes are in write-analyses.ts). */
import type { Selectable } from 'kysely';
import type {
  ApproachAttribution,
  CountClaim,
  CountryList,
  CountryPosition,
  IndicatorValue,
  LeverageStep,
  LeverageStepKind,
  RoadmapPriority,
  SourceRef,
  Stance,
} from '../../domain/analysis-model.ts';
import type { DatePrecision } from '../../domain/model.ts';
import type { ApproachCode, TopicCode } from '../../domain/taxonomy.ts';
import type {
  ApproachAttributionsTable,
  CountClaimsTable,
  CountryPositionsTable,
  IndicatorValuesTable,
  LeverageStepsTable,
  RoadmapPrioritiesTable,
} from '../schema.ts';

/** The evidence of a fact row. */
export const sourceOf = (row: {
  document_id: string;
  span_start: number;
  span_end: number;
  quote: string;
}): SourceRef => ({
  documentId: row.document_id,
  start: row.span_start,
  end: row.span_end,
  quote: row.quote,
});

export function countClaimFromRow(row: Selectable<CountClaimsTable>): CountClaim {
  return {
    id: row.id,
    documentId: row.document_id,
    question: row.question,
    stance: row.stance as Stance,
    stated: row.stated,
    count: { start: row.count_start, end: row.count_end, quote: row.count_quote },
    sentence: { start: row.span_start, end: row.span_end, quote: row.quote },
    list: row.list === null ? null : (JSON.parse(row.list) as CountryList),
  };
}

export function positionFromRow(row: Selectable<CountryPositionsTable>): CountryPosition {
  return {
    country: row.country,
    question: row.question,
    stance: row.stance as Stance,
    documentId: row.document_id,
    claimId: row.count_claim_id,
    evidence: sourceOf(row),
    listItem:
      row.list_start === null || row.list_end === null || row.list_quote === null
        ? null
        : { documentId: row.document_id, start: row.list_start, end: row.list_end, quote: row.list_quote },
  };
}

export function priorityFromRow(row: Selectable<RoadmapPrioritiesTable>): RoadmapPriority {
  return { label: row.label, topics: JSON.parse(row.topics) as TopicCode[], source: sourceOf(row) };
}

/** An indicator value with its row id and who asserted it. */
export type StoredIndicatorValue = IndicatorValue & { readonly id: number; readonly assertedBy: string };

export function indicatorFromRow(row: Selectable<IndicatorValuesTable>): StoredIndicatorValue {
  const source =
    row.document_id !== null && row.span_start !== null && row.span_end !== null && row.quote !== null
      ? { documentId: row.document_id, start: row.span_start, end: row.span_end, quote: row.quote }
      : { enteredBy: row.entered_by ?? row.asserted_by, note: row.source_note };
  return {
    id: row.id,
    assertedBy: row.asserted_by,
    indicator: row.indicator,
    value: row.value,
    unit: row.unit,
    date: row.date,
    country: row.country,
    instrumentId: row.instrument_id,
    approximate: row.approximate === 1,
    source,
  };
}

export function stepFromRow(row: Selectable<LeverageStepsTable>): LeverageStep {
  return {
    country: row.country,
    kind: row.kind as LeverageStepKind,
    legalBasis: row.legal_basis,
    date:
      row.date_value === null || row.date_precision === null
        ? null
        : { value: row.date_value, precision: row.date_precision as DatePrecision },
    source: sourceOf(row),
  };
}

export function attributionFromRow(row: Selectable<ApproachAttributionsTable>): ApproachAttribution {
  return {
    actorId: row.actor_id,
    approach: row.approach as ApproachCode,
    stance: row.stance as ApproachAttribution['stance'],
    source: sourceOf(row),
  };
}
