/**
 * The web pages, served by the API's fastify app: each route reads through the store (its read
 * model) and renders HTML on the server. The language comes from `?lang=` (remembered in a cookie).
 */
import { documentTitleText } from './components.ts';
import { titleIn } from '../extraction/instruments/titles.ts';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorById, isStateCode } from '../domain/actors.ts';
import { notFound } from '../domain/errors.ts';
import type { ApiContext } from '../presentation/context.ts';
import { parseRequest, countryCode, year, language, actorId } from '../presentation/request-validation.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../domain/taxonomy.ts';
import { briefFor } from '../services/brief.ts';
import { todayIso } from '../services/analyses.ts';
import { briefBody, briefDocument } from './brief.ts';
import type { Brief } from '../analysis/brief.ts';
import type { Language } from '../domain/model.ts';
import { href, html } from './html.ts';
import { segmentedDocuments } from './document-sentences.ts';
import { pickLanguage, translator, type Translator } from './i18n.ts';
import { page, type PageInput } from './layout.ts';
import { viewerOf } from './viewer.ts';
import { registerAccountWeb } from './account-routes.ts';
import { registerUploadWeb } from './upload-routes.ts';
import { curationSections, registerCurationWeb } from './curation-routes.ts';
import { registerInvitationWeb } from './invitation-routes.ts';
import { registerContributeWeb } from './contribute-routes.ts';
import type { SignInDeps } from '../presentation/auth/sign-in.ts';
import { accountNames, recordHistory } from '../services/history.ts';
import { historySection } from './pages/history.ts';
import { countryPage } from './pages/country.ts';
import { fundingChainSection } from './pages/funding-chain.ts';
import { countryFundingChain } from '../services/iati/chain.ts';
import { countriesPage } from './pages/countries.ts';
import { dashboardPage } from './pages/dashboard.ts';
import { documentPage, type Highlight } from './pages/document.ts';
import { documentsPage } from './pages/documents.ts';
import { instrumentPage } from './pages/instrument.ts';
import { networkPage, timelinePage } from './pages/overview.ts';
import { searchPage } from './pages/search.ts';
import { registerAnalysesWeb } from './pages/analyses/routes.ts';
import { indicatorsPanel } from './pages/analyses/indicators.ts';

const asset = (name: string, type: string) => ({
  type,
  body: readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8'),
});

/**
 * The stylesheet, the script and the icon, read once at start (served from memory). A Map, not an
 * object: a name such as `constructor` or `__proto__` must find nothing, not Object's prototype.
 */
const ASSETS: ReadonlyMap<string, { type: string; body: string }> = new Map([
  ['app.css', asset('app.css', 'text/css; charset=utf-8')],
  ['app.js', asset('app.js', 'text/javascript; charset=utf-8')],
  ['favicon.svg', asset('favicon.svg', 'image/svg+xml')],
]);

const LANG_COOKIE_AGE = 60 * 60 * 24 * 365;

/** The reader's language; remembers an explicit `?lang=` in a cookie. */
function languageOf(request: FastifyRequest, reply: FastifyReply): 'fr' | 'en' {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = pickLanguage(query?.lang, request.headers.cookie, request.headers['accept-language']);
  if (query?.lang === 'fr' || query?.lang === 'en') {
    void reply.header('set-cookie', `lang=${lang}; Path=/; Max-Age=${LANG_COOKIE_AGE}; SameSite=Lax`);
  }
  return lang;
}

/** Sends a page, with the signed-in person (if any) in its header. */
export function sendPage(reply: FastifyReply, input: PageInput, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(page({ viewer: viewerOf(reply.request), ...input }));
}

/** Renders an error as an HTML page in the reader's language (used by the error handler). */
export function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
): FastifyReply {
  const tr = translator(languageOf(request, reply));
  const title = status === 404 ? tr.t('notFound') : tr.t('error');
  // The catalogue's messages are English; the reader gets a sentence in their language, and the
  // detail (which value was refused) only where it names the reader's own input.
  const explanation =
    status === 404
      ? html`<p>${tr.t('status404')}</p>
          <p><code translate="no" lang="en">${message}</code></p>`
      : status < 500
        ? html`<p>${tr.t('status400')}</p>
            <p><code translate="no" lang="en">${message}</code></p>`
        : html`<p>${tr.t('status500')}</p>`;
  const body = html`<div class="error-page">
    <h1>${title}</h1>
    ${explanation}
    <p class="muted">${tr.t('requestNumber')}${tr.colon}<code translate="no">${request.id}</code></p>
    <p><a href="/">${tr.t('backHome')}</a></p>
  </div>`;
  return sendPage(reply, { tr, title, url: request.url, body }, status);
}

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
const oneOf = (values: readonly string[]) =>
  z.string().refine((v) => values.includes(v), 'is not a known code');

/** The search page's query (lenient: empty form fields count as absent, `lang` is allowed). */
const SearchPageQuery = z.object({
  q: optional(z.string().trim().max(200, 'must be at most 200 characters')),
  type: optional(oneOf(INSTRUMENT_TYPES)),
  topic: optional(oneOf(TOPICS)),
  approach: optional(oneOf(APPROACHES)),
  country: optional(countryCode),
  party: optional(actorId),
  language: optional(language),
  from: optional(year),
  to: optional(year),
  offset: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(0)),
  poffset: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(0)),
  sort: optional(z.enum(['relevance', 'recent', 'oldest', 'title'])),
  lang: z.string().optional(),
});

const PASSAGE_PAGE = 10;

const PAGE_SIZE = 20;

/** The dashboard map's choices: what it counts and which part of the world it shows. */
const MapQuery = z
  .object({
    type: optional(oneOf(INSTRUMENT_TYPES)),
    topic: optional(oneOf(TOPICS)),
    view: z.preprocess(emptyToUndefined, z.enum(['europe-africa', 'world']).default('europe-africa')),
  })
  .loose();

export function registerWeb(app: FastifyInstance, context: ApiContext, signInDeps: SignInDeps): void {
  const { store } = context;
  const { queries } = store;
  /** A translator with the stored actor names (loaded per request: actors change with ingestion). */
  const translate = async (request: FastifyRequest, reply: FastifyReply): Promise<Translator> =>
    translator(languageOf(request, reply), await queries.actorNames());

  app.get('/assets/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const file = ASSETS.get(name);
    if (file === undefined) throw notFound('asset', name);
    return reply.type(file.type).header('cache-control', 'public, max-age=3600').send(file.body);
  });

  app.get('/', async (request, reply) => {
    const tr = await translate(request, reply);
    const map = parseRequest(MapQuery, request.query);
    const [stats, extra, byState, byOrganization, latest] = await Promise.all([
      queries.cached('store-stats', () => store.stats()),
      queries.cached('extra-counts', () => queries.extraCounts()),
      map.type === undefined && map.topic === undefined
        ? queries.cached('by-state', () => queries.instrumentsByState())
        : queries.mapCounts(map),
      queries.cached(`by-organization:${map.type ?? ''}:${map.topic ?? ''}`, () =>
        queries.organizationCounts(map),
      ),
      // "Latest" means dated up to this year: plans dated 2030 are not news.
      queries.instruments({ to: new Date().getUTCFullYear() }, { limit: 8, offset: 0 }, 'recent'),
    ]);
    const counts = { ...stats, ...extra };
    const body = dashboardPage({ counts, byState, byOrganization, latest: latest.items, map }, tr);
    return sendPage(reply, { tr, title: tr.t('dashboard'), url: request.url, nav: 'dashboard', body });
  });

  app.get('/search', async (request, reply) => {
    const tr = await translate(request, reply);
    const { offset, poffset, sort, ...parsed } = parseRequest(SearchPageQuery, request.query);
    const filter = { ...parsed, lang: undefined };
    const order = sort ?? (filter.q === undefined ? 'recent' : 'relevance');
    const [instruments, facets, passages] = await Promise.all([
      queries.instruments(filter, { limit: PAGE_SIZE, offset }, order),
      queries.instrumentFacets(filter),
      filter.q === undefined || filter.q === ''
        ? Promise.resolve(null)
        : // Passages honour every filter that a passage can carry: its language, the states and
          // taxonomy words it names, the years it mentions (a party is a record's, not a passage's).
          queries.search(
            {
              q: filter.q,
              kind: 'passage',
              language: filter.language,
              country:
                filter.country ??
                (filter.party !== undefined && isStateCode(filter.party) ? filter.party : undefined),
              type: filter.type,
              topic: filter.topic,
              approach: filter.approach,
              from: filter.from,
              to: filter.to,
            },
            { limit: PASSAGE_PAGE, offset: poffset },
          ),
    ]);
    const body = searchPage(
      { params: { ...filter, offset, poffset, sort: order }, instruments, facets, passages },
      tr,
    );
    const title = filter.q === undefined ? tr.t('search') : `${tr.t('search')}: ${filter.q}`;
    return sendPage(reply, { tr, title, url: request.url, nav: 'search', body });
  });

  app.get('/instruments/:id', async (request, reply) => {
    const tr = await translate(request, reply);
    const { id } = request.params as { id: string };
    const instrument = await store.getInstrument(id);
    if (instrument.redirectedFrom !== undefined) {
      // A reviewer merged this instrument into another: its address moves there for good.
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/instruments/${encodeURIComponent(instrument.id)}${query}`, 301);
    }
    const documents = await segmentedDocuments(
      store,
      instrument.claims.map((claim) => claim.evidence.documentId),
    );
    return sendPage(reply, {
      tr,
      title: titleIn(instrument.title, tr.lang),
      url: request.url,
      body: html`${instrumentPage(instrument, documents, tr)}${await indicatorsPanel(store, { instrumentId: id }, tr)}${await curationSections(store, instrument, request, tr)}${historySection(
        (await recordHistory(store, { id, kind: 'instrument' }, { limit: 500, offset: 0 }, false)).items,
        tr,
      )}`,
    });
  });

  app.get('/countries', async (request, reply) => {
    const tr = await translate(request, reply);
    const [counts, organizations] = await Promise.all([
      queries.cached('by-state', () => queries.instrumentsByState()),
      queries.cached('by-organization::', () => queries.organizationCounts()),
    ]);
    return sendPage(reply, {
      tr,
      title: tr.t('allCountries'),
      url: request.url,
      nav: 'countries',
      body: countriesPage(counts, organizations, tr),
    });
  });

  /** The country of the path, if the registry or the stored actors know it (else a 404). */
  const knownCountry = async (request: FastifyRequest): Promise<string> => {
    const { code } = parseRequest(z.object({ code: countryCode }), request.params);
    const known = isStateCode(code) ? actorById(code) : undefined;
    const stored = await queries.findActor(code);
    if (known === undefined && stored === undefined) throw notFound('country', code);
    return code;
  };

  app.get('/countries/:code', async (request, reply) => {
    const tr = await translate(request, reply);
    const code = await knownCountry(request);
    const profile = await queries.countryProfile(code);
    const name = tr.actor(code);
    const chain = await countryFundingChain(
      store,
      code,
      context.rates === undefined ? {} : { rates: context.rates },
    );
    const body = html`${countryPage(profile, name, tr)}${fundingChainSection(
      chain,
      tr,
      href(`/api/countries/${code}/funding-chain`, { format: 'csv' }),
    )}${await indicatorsPanel(store, { country: code }, tr)}`;
    return sendPage(reply, { tr, title: name, url: request.url, body });
  });

  app.get('/countries/:code/brief', async (request, reply) => {
    const tr = await translate(request, reply);
    const code = await knownCountry(request);
    const brief = await briefFor(context, code, todayIso());
    const controls = html`<p class="brief-controls no-print">
      <button type="button" data-print hidden>${tr.t('printBrief')}</button>
      <a href="${href(`/api/countries/${code}/brief`, { format: 'pdf', lang: tr.lang })}" download
        >${tr.t('downloadPdf')}</a
      >
    </p>`;
    const title = `${tr.t('briefTitle')}${tr.colon}${tr.actor(code)}`;
    return sendPage(reply, { tr, title, url: request.url, body: briefBody(brief, tr, controls) });
  });

  app.get('/documents', async (request, reply) => {
    const tr = await translate(request, reply);
    const { offset } = parseRequest(
      z.object({ offset: z.coerce.number().int().min(0).default(0) }).loose(),
      request.query,
    );
    const documents = await store.listDocuments({ limit: 50, offset });
    return sendPage(reply, {
      tr,
      title: tr.t('documents'),
      url: request.url,
      nav: 'documents',
      body: documentsPage(documents, tr),
    });
  });

  app.get('/documents/:id', async (request, reply) => {
    const tr = await translate(request, reply);
    const { id } = request.params as { id: string };
    const query = parseRequest(
      z.object({ record: optional(z.string().max(200)), facts: optional(z.enum(['all'])) }).loose(),
      request.query,
    );
    const document = await store.getDocument(id);
    const [facts, recorded] = await Promise.all([queries.documentFacts(id), store.documentSourceHistory(id)]);
    // Who set a field is shown by account name, never by internal id.
    const names = await accountNames(
      store,
      recorded.map((r) => r.assertedBy),
    );
    const sourceHistory = recorded.map((r) => {
      const name = names.get(r.assertedBy);
      return name === undefined || name === r.assertedBy ? r : { ...r, assertedBy: `user:${name}` };
    });
    const highlight: Highlight =
      query.record !== undefined
        ? { kind: 'record', id: query.record }
        : query.facts === 'all'
          ? { kind: 'all' }
          : { kind: 'none' };
    return sendPage(reply, {
      tr,
      title: documentTitleText(document, tr),
      url: request.url,
      body: documentPage(document, facts, highlight, tr, sourceHistory),
    });
  });

  // The instrument list is the search page without words.
  app.get('/instruments', (request, reply) => {
    const query = new URL(request.url, 'http://localhost').search;
    return reply.redirect(`/search${query}`);
  });

  app.get('/network', async (request, reply) => {
    const tr = await translate(request, reply);
    const body = networkPage(await queries.cached('network', () => queries.actorNetwork()), tr);
    return sendPage(reply, { tr, title: tr.t('network'), url: request.url, nav: 'network', body });
  });

  app.get('/timeline', async (request, reply) => {
    const tr = await translate(request, reply);
    const [points, stats] = await Promise.all([
      queries.instrumentTimeline(),
      queries.cached('store-stats', () => store.stats()),
    ]);
    const dated = points.reduce((sum, point) => sum + point.count, 0);
    const body = timelinePage(points, Math.max(0, stats.instruments - dated), tr);
    return sendPage(reply, { tr, title: tr.t('timeline'), url: request.url, nav: 'timeline', body });
  });
  registerAnalysesWeb(app, context);
  registerAccountWeb(app, context, signInDeps);
  registerUploadWeb(app, context);
  registerCurationWeb(app, context);
  registerInvitationWeb(app, context);
  registerContributeWeb(app, context);
}

/** The pages as the server takes them (the composition in src/app/serve.ts passes them in). */
export const webPages = {
  register: registerWeb,
  renderErrorPage,
  brief: {
    document: (brief: Brief, lang: Language) => briefDocument(brief, translator(lang)),
    // Chromium is loaded only when a PDF is asked for.
    pdf: async (file: string) => (await import('./pdf.ts')).htmlToPdf(file),
  },
} as const;
