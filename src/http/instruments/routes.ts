/** `GET /api/instruments` (filtered, paginated, downloadable) and `GET /api/instruments/:id`. */
import type { FastifyInstance } from 'fastify';
import type { InstrumentSummary } from '../../storage/atlas-store.ts';
import { queryInstruments } from '../../storage/queries/instrument-list.ts';
import { listFormat, pageLimit, sendList, type CsvColumn } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { InstrumentDetailSchema, InstrumentListQuery, InstrumentPage, InstrumentParams } from './schema.ts';

const join = (values: readonly string[]) => values.join('; ');

/** CSV columns of an instrument list (lists inside a cell are `; `-separated). */
export const INSTRUMENT_CSV: readonly CsvColumn<InstrumentSummary>[] = [
  { header: 'id', value: (i) => i.id },
  { header: 'type', value: (i) => i.type },
  { header: 'title', value: (i) => i.title },
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
      const page = await queryInstruments(
        context.db,
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
    params: InstrumentParams,
    response: InstrumentDetailSchema,
    handler: async ({ params }) => context.store.getInstrument(params.id),
  });
}
