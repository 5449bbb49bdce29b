/** Request and response schemas of the instrument resource. */
import { z } from 'zod';
import { ClaimSchema, InstrumentSummarySchema, pageOf } from '../common-schema.ts';
import {
  actorId,
  approach,
  countryFilter,
  instrumentType,
  language,
  pagination,
  searchWords,
  topic,
  year,
  yearRangeRefinement,
} from '../validation.ts';

export const InstrumentListQuery = z
  .strictObject({
    country: countryFilter.optional(),
    party: actorId.optional(),
    type: instrumentType.optional(),
    topic: topic.optional(),
    approach: approach.optional(),
    from: year.optional().meta({ description: 'First year (inclusive)' }),
    to: year.optional().meta({ description: 'Last year (inclusive)' }),
    q: searchWords.optional(),
    language: language.optional().meta({ description: 'Language of a source document' }),
    document: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Only instruments found in this document' }),
    sort: z
      .enum(['relevance', 'recent', 'oldest', 'title'], {
        error: 'must be relevance, recent, oldest or title',
      })
      .optional()
      .meta({ description: 'Default: relevance when q is given, else recent (most recent first)' }),
    ...pagination,
  })
  .refine(...yearRangeRefinement);

export const InstrumentParams = z.strictObject({ id: z.string().min(1).max(200) });

export const InstrumentPage = pageOf(InstrumentSummarySchema);

export const InstrumentDetailSchema = InstrumentSummarySchema.extend({
  documents: z.array(
    z.object({
      id: z.string(),
      title: z
        .string()
        .nullable()
        .meta({ description: 'Null: the document has no title (fileName names it)' }),
      fileName: z.string(),
    }),
  ),
  claims: z.array(ClaimSchema).meta({ description: 'Every claim about the instrument with its evidence' }),
});

const LinkEnd = z.object({ id: z.string(), title: z.string().nullable() });

/** A link of an instrument, with the evidence for it (a document span, or a cited source). */
export const InstrumentLinkSchema = z.object({
  id: z.string().meta({ description: '`link:N` (evidence in a document) or `cited:N` (a cited source)' }),
  from: LinkEnd,
  to: LinkEnd,
  relation: z.string(),
  approach: z.string().nullable(),
  evidence: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('document'),
      documentId: z.string(),
      documentTitle: z.string().nullable(),
      documentFileName: z.string().optional(),
      span: z.object({ start: z.number(), end: z.number() }),
      quote: z.string(),
      assertedBy: z.string(),
      reviewState: z.string(),
    }),
    z.object({ kind: z.literal('source'), url: z.string(), assertedBy: z.string(), reviewState: z.string() }),
  ]),
});

export const InstrumentLinksSchema = z.object({ items: z.array(InstrumentLinkSchema) });
