/**
 * `GET /api/documents`, `GET /api/documents/:id` (text and the facts extracted from it),
 * `PATCH /api/documents/:id` (a person's correction of the source fields), its history, and
 * `GET /api/documents/:id/citation` (BibTeX, RIS or CSL-JSON).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cite } from '../../domain/citation.ts';
import { addMutation } from '../analyses/mutation.ts';
import { actorOf } from '../../presentation/auth/authenticate.ts';
import { sendFile } from '../analyses/routes.ts';
import type { DocumentSummary } from '../../storage/atlas-store.ts';
import { listFormat, pageLimit, sendList, type CsvColumn } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import {
  CitationQuery,
  DocumentDetailSchema,
  DocumentListQuery,
  DocumentPage,
  DocumentParams,
  DocumentSourceBody,
  DocumentSummarySchema,
  SourceHistorySchema,
} from './schema.ts';

const DOCUMENT_CSV: readonly CsvColumn<DocumentSummary>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'title', value: (d) => d.title },
  { header: 'title_source', value: (d) => d.titleSource },
  { header: 'file_name', value: (d) => d.fileName },
  { header: 'publisher', value: (d) => d.publisher },
  { header: 'published', value: (d) => d.published },
  { header: 'source_url', value: (d) => d.sourceUrl },
  { header: 'language', value: (d) => d.language },
  { header: 'format', value: (d) => d.format },
  { header: 'source_path', value: (d) => d.sourcePath },
  { header: 'char_count', value: (d) => d.charCount },
  { header: 'instrument_count', value: (d) => d.instrumentCount },
  { header: 'ingested_at', value: (d) => d.ingestedAt },
  { header: 'content_hash', value: (d) => d.contentHash },
];

export function documentRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/documents',
    tag: 'documents',
    summary: 'List ingested documents',
    query: DocumentListQuery,
    response: DocumentPage,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const format = listFormat(request, query.format);
      const page = await context.store.listDocuments({
        limit: pageLimit(query.limit, format),
        offset: query.offset,
      });
      return sendList(reply, format, 'documents', page, DOCUMENT_CSV);
    },
  });
  addRoute(app, docs, {
    path: '/api/documents/:id',
    tag: 'documents',
    summary: 'One document: its text and the facts extracted from it, with spans',
    params: DocumentParams,
    response: DocumentDetailSchema,
    handler: async ({ params }) => {
      const document = await context.store.getDocument(params.id);
      const [facts, statements] = await Promise.all([
        context.store.queries.documentFacts(params.id),
        context.store.queries.documentStatements(params.id),
      ]);
      return { ...document, facts, statements };
    },
  });

  addMutation(app, docs, {
    method: 'patch',
    path: '/api/documents/:id',
    tag: 'documents',
    summary: "Correct a document's title, publisher, date, URL or language (recorded with who and when)",
    role: 'contributor',
    action: "correcting a document's source fields",
    params: DocumentParams,
    body: DocumentSourceBody,
    response: DocumentSummarySchema,
    handler: async ({ params, body, identity }) =>
      presentSummary(await context.store.setDocumentSource(params.id, body, actorOf(identity))),
  });

  addRoute(app, docs, {
    path: '/api/documents/:id/source-history',
    tag: 'documents',
    summary: "Every recorded value of a document's source fields: read from the text or set by a person",
    params: DocumentParams,
    response: SourceHistorySchema,
    handler: async ({ params }) => {
      await context.store.getDocument(params.id);
      return { history: await context.store.documentSourceHistory(params.id) };
    },
  });

  addRoute(app, docs, {
    path: '/api/documents/:id/citation',
    tag: 'documents',
    summary: 'The document as a reference: BibTeX, RIS or CSL-JSON (a download)',
    description:
      'Fields the atlas does not know (publisher, date, URL) are left out of the reference, never guessed.',
    params: DocumentParams,
    query: CitationQuery,
    response: z
      .string()
      .meta({ description: 'application/x-bibtex, application/x-research-info-systems or CSL-JSON' }),
    handler: async ({ params, query, reply }) => {
      const document = await context.store.getDocument(params.id);
      const reference = cite(document, query.format, query.lang);
      const name = `${document.id.replace(/[^A-Za-z0-9_-]/g, '')}.${reference.extension}`;
      return sendFile(reply, `${reference.mediaType}; charset=utf-8`, name, reference.text);
    },
  });
}

/** The summary fields of a document, and only those (no text, no row internals). */
function presentSummary(document: DocumentSummary): DocumentSummary {
  return {
    id: document.id,
    contentHash: document.contentHash,
    title: document.title,
    titleSource: document.titleSource,
    fileName: document.fileName,
    fileTitle: document.fileTitle,
    publisher: document.publisher,
    published: document.published,
    sourceUrl: document.sourceUrl,
    sourcePath: document.sourcePath,
    format: document.format,
    language: document.language,
    byteSize: document.byteSize,
    charCount: document.charCount,
    extractor: document.extractor,
    ingestedAt: document.ingestedAt,
    instrumentCount: document.instrumentCount,
    restrictedTo: document.restrictedTo,
  };
}
