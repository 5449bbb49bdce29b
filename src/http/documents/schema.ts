/** Request and response schemas of the document resource. */
import { z } from 'zod';
import { CITATION_FORMATS } from '../../domain/citation.ts';
import { changesSomething, documentSourceFields, NO_SOURCE_CHANGE } from '../../domain/input-schemas.ts';
import { RestrictedToSchema, SpanSchema, pageOf } from '../common-schema.ts';
import { pagination } from '../validation.ts';

export const DocumentListQuery = z.strictObject({ ...pagination });

export const DocumentParams = z.strictObject({ id: z.string().min(1).max(200) });

export const DocumentSummarySchema = z.object({
  id: z.string(),
  contentHash: z.string(),
  title: z.string().nullable().meta({
    description:
      'The title the text states, the file metadata gives or a person set; null when only the file name stood in',
  }),
  titleSource: z
    .enum(['text', 'metadata', 'person', 'file_name'])
    .meta({ description: 'Where the title came from; file_name: the document has no title (title is null)' }),
  fileName: z.string().meta({ description: 'The name of the file the document was read from' }),
  fileTitle: z.string().meta({ description: 'The title the reader found (file name or metadata)' }),
  publisher: z
    .string()
    .nullable()
    .meta({ description: 'Publisher or author; null where neither the text nor a person stated it' }),
  published: z
    .string()
    .nullable()
    .meta({ description: 'Publication date YYYY[-MM[-DD]]; null if not stated' }),
  sourceUrl: z
    .string()
    .nullable()
    .meta({ description: 'Where the document is published; null if not stated' }),
  sourcePath: z.string(),
  format: z.string(),
  language: z.string().meta({ description: 'fr or en' }),
  byteSize: z.number().int(),
  charCount: z.number().int(),
  extractor: z.string(),
  ingestedAt: z.string(),
  instrumentCount: z.number().int(),
  restrictedTo: RestrictedToSchema,
});

/** `PATCH /api/documents/:id`: the fields of `mda document set`, with who makes the change. */
export const DocumentSourceBody = z
  .strictObject({ ...documentSourceFields })
  .refine(changesSomething, { message: NO_SOURCE_CHANGE })
  .meta({ description: 'Fields left out are unchanged; null clears one (a cleared title: the file title)' });

export const CitationQuery = z.strictObject({
  format: z
    .enum(CITATION_FORMATS, { error: `must be one of ${CITATION_FORMATS.join(', ')}` })
    .default('bibtex'),
  lang: z.enum(['fr', 'en'], { error: 'must be fr or en' }).optional().meta({
    description: "Language of the supplied title of an untitled document (default: the document's)",
  }),
});

export const SourceHistorySchema = z.object({
  history: z.array(
    z.object({
      field: z.enum(['title', 'publisher', 'published', 'url', 'language']),
      value: z.string().nullable(),
      assertedBy: z.string(),
      at: z.string(),
      span: SpanSchema.nullable(),
      quote: z.string().nullable(),
    }),
  ),
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
