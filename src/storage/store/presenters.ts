/**
 * Maps database rows to domain objects (and actors to rows). Kept apart from the queries so the
 * PostgreSQL adapter reuses the same mapping.
 */
import type { Selectable } from 'kysely';
import type {
  Actor,
  ActorKind,
  DatePrecision,
  DateRole,
  InstrumentStatus,
  Language,
  LegalForm,
  PartyRole,
  ReviewState,
} from '../../domain/model.ts';
import { instrumentTotals, type AmountRole, type InstrumentAmount } from '../../domain/money.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from '../../domain/taxonomy.ts';
import type { ClaimView, DocumentSummary, InstrumentSummary } from '../atlas-store.ts';
import type { ActorsTable, ClaimsTable, DocumentsTable, InstrumentsTable } from '../schema.ts';
import { fileNameOf, shownTitle, titleSourceOf } from './document-title.ts';

export function actorRow(actor: Actor): Selectable<ActorsTable> {
  return {
    id: actor.id,
    kind: actor.kind,
    name_en: actor.name.en,
    name_fr: actor.name.fr,
    adjective_en: actor.adjective?.en ?? null,
    adjective_fr: actor.adjective?.fr ?? null,
  };
}

export function actorFromRow(row: Selectable<ActorsTable>): Actor {
  const base = { id: row.id, kind: row.kind as ActorKind, name: { en: row.name_en, fr: row.name_fr } };
  return row.adjective_en !== null && row.adjective_fr !== null
    ? { ...base, adjective: { en: row.adjective_en, fr: row.adjective_fr } }
    : base;
}

/** An `instrument_amounts` row as the queries read it. */
export interface AmountFieldRow {
  value: number;
  currency: string;
  approximate: number;
  role: string | null;
  part_of: number | null;
}

/** An amount row as the domain's amount with its role. */
export function amountFromRow(a: AmountFieldRow): InstrumentAmount {
  return {
    value: a.value,
    currency: a.currency,
    approximate: a.approximate === 1,
    role: (a.role as AmountRole | null) ?? null,
    partOf: a.part_of === null ? null : Number(a.part_of),
  };
}

/** The field rows of one instrument, gathered by the query layer. */
export interface InstrumentFields {
  parties: { actor_id: string; role: string }[];
  dates: { value: string; precision: string; role: string }[];
  amounts: AmountFieldRow[];
  topics: string[];
  approaches: string[];
  documentCount: number;
}

export const emptyFields = (): InstrumentFields => ({
  parties: [],
  dates: [],
  amounts: [],
  topics: [],
  approaches: [],
  documentCount: 0,
});

export function instrumentFromRow(
  row: Selectable<InstrumentsTable>,
  fields: InstrumentFields,
): InstrumentSummary {
  return {
    id: row.id,
    type: row.type as InstrumentTypeCode,
    title: row.title,
    legalForm: row.legal_form as LegalForm,
    binding: row.binding === null ? null : row.binding === 1,
    status: row.status as InstrumentStatus,
    parties: fields.parties.map((p) => ({ actorId: p.actor_id, role: p.role as PartyRole })),
    dates: fields.dates.map((d) => ({
      value: d.value,
      precision: d.precision as DatePrecision,
      role: d.role as DateRole,
    })),
    amounts: fields.amounts.map(amountFromRow),
    moneyTotals: instrumentTotals(fields.amounts.map(amountFromRow)),
    topics: fields.topics as TopicCode[],
    approaches: fields.approaches as ApproachCode[],
    firstDate: row.first_date,
    documentCount: fields.documentCount,
    restrictedTo: row.restricted_to,
  };
}

export function claimFromRow(
  row: Selectable<ClaimsTable> & { document_title: string | null; document_path?: string },
): ClaimView {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    property: row.property,
    value: JSON.parse(row.value) as unknown,
    evidence: {
      documentId: row.document_id,
      documentTitle: row.document_title,
      ...(row.document_path === undefined ? {} : { documentFileName: fileNameOf(row.document_path) }),
      span: { start: row.span_start, end: row.span_end },
      quote: row.quote,
      assertedBy: row.asserted_by,
      reviewState: row.review_state as ReviewState,
    },
    confidence: row.confidence ?? null,
    restrictedTo: row.restricted_to,
  };
}

export function documentFromRow(
  row: Omit<Selectable<DocumentsTable>, 'text'>,
  instrumentCount: number,
): DocumentSummary {
  return {
    id: row.id,
    contentHash: row.content_hash,
    title: shownTitle(row),
    titleSource: titleSourceOf(row),
    fileName: fileNameOf(row.source_path),
    sourcePath: row.source_path,
    format: row.format,
    language: row.language as Language,
    byteSize: row.byte_size,
    charCount: row.char_count,
    extractor: row.extractor,
    ingestedAt: row.ingested_at,
    instrumentCount,
    fileTitle: row.file_title ?? row.title,
    publisher: row.publisher,
    published: row.published,
    sourceUrl: row.source_url,
    restrictedTo: row.restricted_to,
  };
}
