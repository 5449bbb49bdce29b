/** Request and response schemas of the document resource. */
import { z } from 'zod';
import { SpanSchema, pageOf } from '../common-schema.ts';
import { pagination } from '../validation.ts';

export const DocumentListQuery = z.strictObject({ ...pagination });

export const DocumentParams = z.strictObject({ id: z.string().min(1).max(200) });

export const DocumentSummarySchema = z.object({
  id: z.string(),
  contentHash: z.string(),
  title: z.string(),
  sourcePath: z.string(),
  format: z.string(),
  language: z.string(),
  byteSize: z.number().int(),
  charCount: z.number().int(),
  extractor: z.string(),
  ingestedAt: z.string(),
  instrumentCount: z.number().int(),
});

export const DocumentPage = pageOf(DocumentSummarySchema);

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  text: z.string(),
  mentions: z.array(z.object({ kind: z.string(), code: z.string(), count: z.number().int() })),
  instruments: z.array(z.object({ id: z.string(), title: z.string() })),
  amounts: z.array(z.object({ value: z.number(), currency: z.string() })),
  dates: z.array(z.string()),
  facts: z
    .array(
      z.object({
        id: z.number().int(),
        subjectKind: z.string(),
        subjectId: z.string(),
        property: z.string(),
        value: z.unknown(),
        span: SpanSchema,
        quote: z.string(),
        assertedBy: z.string(),
        reviewState: z.string(),
      }),
    )
    .meta({ description: 'Every claim read from this document, in text order, with its span' }),
  statements: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      text: z.string(),
      status: z.string().nullable(),
      span: SpanSchema,
    }),
  ),
});
