/** `GET /api/stats`, `GET /api/timeline` and `GET /api/network`: the overview figures. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { NetworkSchema, StatsSchema, TimelineQuery, TimelineSchema } from './schema.ts';

export function statsRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/stats',
    tag: 'statistics',
    summary: 'Totals and instruments by type, country and topic',
    query: z.strictObject({}),
    response: StatsSchema,
    handler: async () =>
      context.store.queries.cached('stats', async () => ({
        ...(await context.store.stats()),
        ...(await context.store.queries.extraCounts()),
      })),
  });
  addRoute(app, docs, {
    path: '/api/timeline',
    tag: 'statistics',
    summary: 'Instruments per year and type (optionally for one actor)',
    query: TimelineQuery,
    response: TimelineSchema,
    handler: async ({ query }) => context.store.queries.instrumentTimeline(query.actor),
  });
  addRoute(app, docs, {
    path: '/api/network',
    tag: 'statistics',
    summary: 'Actors linked by the instruments they share',
    query: z.strictObject({}),
    response: NetworkSchema,
    handler: async () => context.store.queries.cached('network', () => context.store.queries.actorNetwork()),
  });
}
