/**
 * `GET /api/countries/:code`: the profile of one state; `GET /api/countries/:code/brief`: its
 * briefing pack for a dialogue (JSON, or HTML / PDF in French or English).
 */
import type { FastifyInstance } from 'fastify';
import { actorById, isStateCode } from '../../domain/actors.ts';
import { notFound, programUnavailable } from '../../domain/errors.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { briefFor } from '../../services/brief.ts';
import { todayIso } from '../../services/analyses.ts';
import { sendFile } from '../analyses/routes.ts';
import { BriefQuery, BriefSchema, CountryParams, CountryProfileSchema } from './schema.ts';

export function countryRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  /** The state's names, from the stored actors or the registry; not_found for a code neither knows. */
  const countryName = async (code: string): Promise<{ en: string; fr: string }> => {
    const stored = await context.store.queries.findActor(code);
    const known = isStateCode(code) ? actorById(code) : undefined;
    const name = stored ? { en: stored.en, fr: stored.fr } : known?.name;
    if (name === undefined) throw notFound('country', code);
    return name;
  };

  addRoute(app, docs, {
    path: '/api/countries/:code/brief',
    tag: 'countries',
    summary:
      'Briefing pack for a dialogue with the country: JSON, or an HTML or PDF file in French or English',
    description:
      'Instruments by type with status and dates, money by source (the country totals), the money followed ' +
      'through IATI (committed, disbursed, spent by year in the original currencies), open commitments ' +
      'with deadlines and the last status recorded, the next dialogue, levers used, indicators, who else ' +
      'is active, and every source cited. The PDF is printed by Chromium on the server.',
    params: CountryParams,
    query: BriefQuery,
    response: BriefSchema,
    handler: async ({ params, query, reply }) => {
      await countryName(params.code);
      const brief = await briefFor(context, params.code, query.today ?? todayIso());
      if (query.format === 'json') return brief;
      const presenter = context.brief;
      if (presenter === undefined) {
        throw programUnavailable(
          'The briefing pack file',
          'this server runs the JSON API without the pages',
          'ask for format=json',
        );
      }
      const html = presenter.document(brief, query.lang);
      const name = `brief-${params.code}-${query.lang}`;
      if (query.format === 'html') return sendFile(reply, 'text/html; charset=utf-8', `${name}.html`, html);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await presenter.pdf(html));
    },
  });

  addRoute(app, docs, {
    path: '/api/countries/:code',
    tag: 'countries',
    summary: 'Country profile: instruments by type and partner, money by source, topics, timeline, documents',
    params: CountryParams,
    response: CountryProfileSchema,
    handler: async ({ params }) => {
      const name = await countryName(params.code);
      return { name, ...(await context.store.queries.countryProfile(params.code)) };
    },
  });
}
