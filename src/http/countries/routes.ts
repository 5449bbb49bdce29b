/**
 * `GET /api/countries/:code`: the profile of one state; `GET /api/countries/:code/brief`: its
 * briefing pack for a dialogue (JSON, or HTML / PDF in French or English).
 */
import type { FastifyInstance } from 'fastify';
import { actorById, isStateCode } from '../../domain/actors.ts';
import { notFound } from '../../domain/errors.ts';
import { countryProfile } from '../../storage/queries/country-profile.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { briefFor } from '../../services/brief.ts';
import { todayIso } from '../../services/analyses.ts';
import { briefDocument } from '../../web/brief.ts';
import { translator } from '../../web/i18n.ts';
import { sendFile } from '../analyses/routes.ts';
import { BriefQuery, BriefSchema, CountryParams, CountryProfileSchema } from './schema.ts';

export function countryRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  /** The state's names, from the stored actors or the registry; not_found for a code neither knows. */
  const countryName = async (code: string): Promise<{ en: string; fr: string }> => {
    const stored = await context.db
      .selectFrom('actors')
      .select(['name_en', 'name_fr'])
      .where('id', '=', code)
      .executeTakeFirst();
    const known = isStateCode(code) ? actorById(code) : undefined;
    const name = stored ? { en: stored.name_en, fr: stored.name_fr } : known?.name;
    if (name === undefined) throw notFound('country', code);
    return name;
  };

  addRoute(app, docs, {
    path: '/api/countries/:code/brief',
    tag: 'countries',
    summary:
      'Briefing pack for a dialogue with the country: JSON, or an HTML or PDF file in French or English',
    description:
      'Instruments by type with status and dates, money by source (the country totals), open commitments ' +
      'with deadlines and the last status recorded, the next dialogue, levers used, indicators, who else ' +
      'is active, and every source cited. The PDF is printed by Chromium on the server.',
    params: CountryParams,
    query: BriefQuery,
    response: BriefSchema,
    handler: async ({ params, query, reply }) => {
      await countryName(params.code);
      const brief = await briefFor(context, params.code, query.today ?? todayIso());
      if (query.format === 'json') return brief;
      const html = briefDocument(brief, translator(query.lang));
      const name = `brief-${params.code}-${query.lang}`;
      if (query.format === 'html') return sendFile(reply, 'text/html; charset=utf-8', `${name}.html`, html);
      const { htmlToPdf } = await import('../../web/pdf.ts');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await htmlToPdf(html));
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
      return { name, ...(await countryProfile(context.db, params.code)) };
    },
  });
}
