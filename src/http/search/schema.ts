/** Request and response schemas of search. */
import { z } from 'zod';
import { SpanSchema, pageOf } from '../common-schema.ts';
import {
  approach,
  countryCode,
  instrumentType,
  language,
  pagination,
  searchWords,
  topic,
  year,
  yearRangeRefinement,
} from '../validation.ts';

export const SearchQuery = z
  .strictObject({
    q: searchWords.meta({
      description: 'Words in French or English (accents, case and plural do not matter)',
      example: 'réadmission',
    }),
    kind: z
      .enum(['passage', 'instrument'], { error: 'must be passage or instrument' })
      .optional()
      .meta({ description: 'Only document passages or only instrument records' }),
    language: language.optional().meta({ description: 'Language of the passage or source document' }),
    country: countryCode.optional().meta({ description: 'Only passages and records that name this state' }),
    // The filters of the search page, so that the API's passages are the page's passages.
    type: instrumentType
      .optional()
      .meta({ description: 'Only passages and records that use the words of this instrument type' }),
    topic: topic
      .optional()
      .meta({ description: 'Only passages and records that use the words of this topic' }),
    approach: approach
      .optional()
      .meta({ description: 'Only passages and records that use the words of this approach' }),
    from: year
      .optional()
      .meta({ description: 'Only passages and records that mention a year from this one' }),
    to: year.optional().meta({ description: 'Only passages and records that mention a year up to this one' }),
    ...pagination,
  })
  .refine(...yearRangeRefinement);

export const SearchHitSchema = z.object({
  kind: z.enum(['passage', 'instrument']),
  id: z.string(),
  title: z.string().nullable().meta({
    description: "The instrument's title or the passage's document title; null: the document has none",
  }),
  fileName: z.string().optional().meta({ description: "A passage's file name (names an untitled document)" }),
  documentId: z.string().nullable(),
  span: SpanSchema.nullable(),
  language: z.string(),
  snippet: z.string().meta({ description: 'Plain text around the match (not HTML)' }),
  highlights: z
    .array(z.object({ start: z.number().int(), end: z.number().int() }))
    .meta({ description: 'The matching words: UTF-16 offsets into snippet, end exclusive' }),
  relevance: z
    .number()
    .int()
    .min(0)
    .max(100)
    .meta({ description: 'Relevance out of 100 (the best hit of the query is 100)' }),
  score: z.number().meta({ description: 'Raw bm25 score (lower is better)' }),
});

export const SearchPage = pageOf(SearchHitSchema);
