/** `GET /api/actors`: states, organizations and groupings with their instrument counts. */
import type { FastifyInstance } from 'fastify';
import type { ActorListItem } from '../../storage/atlas-store.ts';
import { listFormat, pageLimit, sendList, type CsvColumn } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { ActorListQuery, ActorPage } from './schema.ts';

const ACTOR_CSV: readonly CsvColumn<ActorListItem>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'kind', value: (a) => a.kind },
  { header: 'name_en', value: (a) => a.name.en },
  { header: 'name_fr', value: (a) => a.name.fr },
  { header: 'instrument_count', value: (a) => a.instrumentCount },
];

export function actorRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/actors',
    tag: 'actors',
    summary: 'List actors (states, organizations, groupings), most instruments first',
    query: ActorListQuery,
    response: ActorPage,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const format = listFormat(request, query.format);
      const filter = { kind: query.kind, q: query.q, withInstruments: query.active === 'true' };
      const page = await context.store.queries.actors(filter, {
        limit: pageLimit(query.limit, format),
        offset: query.offset,
      });
      return sendList(reply, format, 'actors', page, ACTOR_CSV);
    },
  });
}
