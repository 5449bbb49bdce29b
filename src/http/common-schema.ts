/** Response shapes shared by several resources (documentation for the OpenAPI document). */
import { z } from 'zod';
import { AMOUNT_ROLES } from '../domain/money.ts';

/** A paginated list: the items of one page and the total number of matches. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().meta({ description: 'Number of matches over all pages' }),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const SpanSchema = z
  .object({ start: z.number().int(), end: z.number().int() })
  .meta({ description: 'Half-open UTF-16 offsets into the document text' });

export const EvidenceSchema = z.object({
  documentId: z.string(),
  documentTitle: z
    .string()
    .nullable()
    .optional()
    .meta({ description: 'Null for a document with no title of its own (documentFileName names it)' }),
  documentFileName: z.string().optional(),
  span: SpanSchema,
  quote: z.string(),
  assertedBy: z.string().meta({ example: 'extractor:mda-rules@0.1.0' }),
  reviewState: z.enum(['unreviewed', 'confirmed', 'rejected', 'corrected', 'superseded']),
});

export const RestrictedToSchema = z.string().nullable().meta({
  description: 'The organisation this record is restricted to (only its members see it); null: public',
});

export const ClaimSchema = z.object({
  id: z.number().int(),
  subjectKind: z.string(),
  subjectId: z.string(),
  property: z.string(),
  value: z.unknown(),
  evidence: EvidenceSchema,
  confidence: z
    .number()
    .nullable()
    .meta({ description: "The extractor's confidence in the claim, 0–1 (null: entered by a person)" }),
  restrictedTo: RestrictedToSchema,
});

export const InstrumentSummarySchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  legalForm: z.string(),
  binding: z.boolean().nullable(),
  status: z.string().meta({
    description:
      'announced, negotiating, signed, in_force, suspended or ended where the text says so (the status claim quotes the words); not_stated otherwise',
  }),
  parties: z.array(z.object({ actorId: z.string(), role: z.string() })),
  dates: z.array(z.object({ value: z.string(), precision: z.string(), role: z.string() })),
  amounts: z.array(
    z.object({
      value: z.number(),
      currency: z.string(),
      approximate: z.boolean(),
      role: z
        .enum(AMOUNT_ROLES)
        .nullable()
        .meta({ description: 'What the text says the amount is; null: not stated' }),
      partOf: z.number().nullable().meta({
        description: 'The value of the amount of this instrument (same currency) this one is a share of',
      }),
    }),
  ),
  moneyTotals: z.record(z.string(), z.number()).meta({
    description:
      'The money of the instrument per currency, each sum counted once (shares of a total are not added to it)',
  }),
  topics: z.array(z.string()),
  approaches: z.array(z.string()),
  firstDate: z.string().nullable(),
  documentCount: z.number().int(),
  restrictedTo: RestrictedToSchema,
});

export const CodeCountSchema = z.object({ code: z.string(), count: z.number().int() });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ example: 'invalid_input' }),
    message: z.string().meta({ example: 'country: must be an ISO 3166-1 alpha-2 code' }),
    field: z.string().optional(),
    requestId: z.string(),
  }),
});
