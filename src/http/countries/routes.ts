/** `GET /api/countries/:code`: the profile of one state. */
import type { FastifyInstance } from 'fastify';
import { actorById, isStateCode } from '../../domain/actors.ts';
import { notFound } from '../../domain/errors.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { CountryParams, CountryProfileSchema } from './schema.ts';

export function countryRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/countries/:code',
    tag: 'countries',
    summary: 'Country profile: instruments by type and partner, money by source, topics, timeline, documents',
    params: CountryParams,
    response: CountryProfileSchema,
    handler: async ({ params }) => {
      const stored = await context.store.queries.findActor(params.code);
      const known = isStateCode(params.code) ? actorById(params.code) : undefined;
      const name = stored ? { en: stored.en, fr: stored.fr } : known?.name;
      if (name === undefined) throw notFound('country', params.code);
      return { name, ...(await context.store.queries.countryProfile(params.code)) };
    },
  });
}
