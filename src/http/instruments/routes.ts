/** `GET /api/instruments` (filtered, paginated, downloadable) and `GET /api/instruments/:id`. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../domain/errors.ts';
import { titleIn } from '../../extraction/instruments/titles.ts';
import type { InstrumentSummary } from '../../storage/atlas-store.ts';
import { listFormat, pageLimit, sendList, type CsvColumn } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import {
  InstrumentDetailSchema,
  InstrumentLinksSchema,
  InstrumentListQuery,
  InstrumentPage,
  InstrumentParams,
} from './schema.ts';

/** The same address with the instrument id replaced (a merged id answers with the kept one's). */
function redirectTo(url: string, from: string, to: string): string {
  const [path = '', query] = url.split('?', 2);
  const moved = path.replace(`/${encodeURIComponent(from)}`, `/${encodeURIComponent(to)}`);
  return query === undefined ? moved : `${moved}?${query}`;
}

const join = (values: readonly string[]) => values.join('; ');

/** CSV columns of an instrument list (lists inside a cell are `; `-separated). */
export const INSTRUMENT_CSV: readonly CsvColumn<InstrumentSummary>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'type', value: (i) => i.type },
  // A title the atlas built ("Joint declaration Morocco–Slovenia") in the download's language.
  { header: 'title', value: (i, lang) => titleIn(i.title, lang) },
  { header: 'legal_form', value: (i) => i.legalForm },
  { header: 'binding', value: (i) => i.binding },
  { header: 'status', value: (i) => i.status },
  { header: 'first_date', value: (i) => i.firstDate },
  { header: 'parties', value: (i) => join(i.parties.map((p) => `${p.actorId}:${p.role}`)) },
  { header: 'topics', value: (i) => join(i.topics) },
  { header: 'approaches', value: (i) => join(i.approaches) },
  {
    header: 'amounts',
    value: (i) =>
      join(
        i.amounts.map((a) =>
          [`${a.value} ${a.currency}`, a.role, a.partOf === null ? null : `of ${a.partOf}`]
            .filter((part) => part !== null)
            .join(' '),
        ),
      ),
  },
  {
    header: 'money_total',
    value: (i) => join(Object.entries(i.moneyTotals).map(([currency, value]) => `${value} ${currency}`)),
  },
  { header: 'document_count', value: (i) => i.documentCount },
];

export function instrumentRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/instruments',
    tag: 'instruments',
    summary: 'List instruments',
    description: 'Filter by country, party, type, topic, approach, year range, source language and text.',
    query: InstrumentListQuery,
    response: InstrumentPage,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const format = listFormat(request, query.format);
      const { limit, offset, sort, ...rest } = query;
      const filter = { ...rest, format: undefined };
      // Text searches come best match first unless another order is asked for.
      const order = sort ?? (filter.q === undefined ? 'recent' : 'relevance');
      const page = await context.store.queries.instruments(
        filter,
        { limit: pageLimit(limit, format), offset },
        order,
      );
      return sendList(reply, format, 'instruments', page, INSTRUMENT_CSV);
    },
  });
  addRoute(app, docs, {
    path: '/api/instruments/:id',
    tag: 'instruments',
    summary: 'One instrument with the evidence for each of its fields',
    description:
      'The id of an instrument a reviewer merged into another answers 308 Permanent Redirect to the kept one.',
    params: InstrumentParams,
    response: InstrumentDetailSchema,
    handler: async ({ params, request, reply }) => {
      const instrument = await context.store.getInstrument(params.id);
      if (instrument.redirectedFrom !== undefined) {
        return reply.redirect(redirectTo(request.url, params.id, instrument.id), 308);
      }
      return instrument;
    },
  });
  addRoute(app, docs, {
    path: '/api/instruments/:id/links',
    tag: 'instruments',
    summary: "An instrument's links to other instruments, with their evidence",
    description:
      'Framework or process, annex, implementation, supersession, funding and visa linkages, extracted or asserted by reviewers; a merged id redirects (308).',
    params: InstrumentParams,
    response: InstrumentLinksSchema,
    handler: async ({ params, request, reply }) => {
      const kept = await context.store.curation.redirect(params.id);
      if (kept === undefined) throw notFound('instrument', params.id);
      if (kept !== params.id) return reply.redirect(redirectTo(request.url, params.id, kept), 308);
      return { items: await context.store.curation.links(kept) };
    },
  });
}
