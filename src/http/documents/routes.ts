/** `GET /api/documents` and `GET /api/documents/:id` (text and the facts extracted from it). */
import type { FastifyInstance } from 'fastify';
import type { DocumentSummary } from '../../storage/atlas-store.ts';
import { listFormat, pageLimit, sendList, type CsvColumn } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { DocumentDetailSchema, DocumentListQuery, DocumentPage, DocumentParams } from './schema.ts';

const DOCUMENT_CSV: readonly CsvColumn<DocumentSummary>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'title', value: (d) => d.title },
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
}
