/** `GET /api/search?q=…`: ranked bilingual search over document passages and instruments. */
import type { FastifyInstance } from 'fastify';
import { titleIn } from '../../extraction/instruments/titles.ts';
import type { SearchHit } from '../../storage/atlas-store.ts';
import { listFormat, pageLimit, sendList, type CsvColumn } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { SearchPage, SearchQuery } from './schema.ts';

/** Default number of hits per search page. */
export const SEARCH_PAGE = 20;

const SEARCH_CSV: readonly CsvColumn<SearchHit>[] = [
  { header: 'kind', value: (h) => h.kind },
  { header: 'id', value: (h) => h.id },
  {
    header: 'title',
    // An instrument's built title in the download's language; a document's own title as written.
    value: (h, lang) => (h.kind === 'instrument' && h.title !== null ? titleIn(h.title, lang) : h.title),
  },
  { header: 'file_name', value: (h) => h.fileName },
  { header: 'document_id', value: (h) => h.documentId },
  { header: 'span_start', value: (h) => h.span?.start },
  { header: 'span_end', value: (h) => h.span?.end },
  { header: 'language', value: (h) => h.language },
  { header: 'snippet', value: (h) => h.snippet },
  { header: 'relevance', value: (h) => h.relevance },
];

export function searchRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/search',
    tag: 'search',
    summary:
      'Search documents and instruments in French and English (ranked, with snippets and match offsets)',
    description:
      'Best match first (bm25, also given as a relevance out of 100); plain-text snippets with the offsets of the matching words; 20 hits per page unless `limit` says otherwise.',
    query: SearchQuery,
    response: SearchPage,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const format = listFormat(request, query.format);
      const page = await context.store.queries.search(
        {
          q: query.q,
          kind: query.kind,
          language: query.language,
          country: query.country,
          type: query.type,
          topic: query.topic,
          approach: query.approach,
          from: query.from,
          to: query.to,
        },
        // Search pages hold 20 hits by default: each hit carries a snippet built for it.
        { limit: pageLimit(query.limit, format, SEARCH_PAGE), offset: query.offset },
      );
      return sendList(reply, format, 'search', page, SEARCH_CSV);
    },
  });
}
