/** `GET /api/stats`, `GET /api/timeline` and `GET /api/network`: the overview figures. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { memoByVersion } from '../../storage/queries/memo.ts';
import { actorNetwork, extraCounts, instrumentTimeline } from '../../storage/queries/overview.ts';
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
      memoByVersion(context.db, 'stats', async () => ({
        ...(await context.store.stats()),
        ...(await extraCounts(context.db)),
      })),
  });
  addRoute(app, docs, {
    path: '/api/timeline',
    tag: 'statistics',
    summary: 'Instruments per year and type (optionally for one actor)',
    query: TimelineQuery,
    response: TimelineSchema,
    handler: async ({ query }) => instrumentTimeline(context.db, query.actor),
  });
  addRoute(app, docs, {
    path: '/api/network',
    tag: 'statistics',
    summary: 'Actors linked by the instruments they share',
    query: z.strictObject({}),
    response: NetworkSchema,
    handler: async () => memoByVersion(context.db, 'network', () => actorNetwork(context.db)),
  });
}
