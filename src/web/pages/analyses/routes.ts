/**
 * The analyses' web pages (server-rendered, French/English): comparisons, consistency,
 * coordination, commitments, indicators, conditionality and watches. Forms post URL-encoded
 * bodies (parsed in this plugin's scope only) and redirect back (303), so no script is needed.
 */
import { quoteSentences } from '../../evidence-quote.ts';
import { segmentedDocuments } from '../../document-sentences.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkConsistency } from '../../../analysis/consistency.ts';
import { parseIndicatorInput } from '../../../analysis/indicators.ts';
import { parseWatch } from '../../../analysis/watches.ts';
import { INSTRUMENT_TYPES } from '../../../domain/taxonomy.ts';
import type { ApiContext } from '../../../presentation/context.ts';
import type { DocumentSummary } from '../../../storage/atlas-store.ts';
import { isoDay } from '../../../domain/input-schemas.ts';
import { retryWhileBusy, SERVER_BUSY_RETRY } from '../../../storage/busy.ts';
import { countryCode, parseRequest } from '../../../presentation/request-validation.ts';
import {
  commitmentTracker,
  comparison,
  comparisonQuestions,
  conditionality,
  consistency,
  coordination,
  indicators,
  watchIdFor,
} from '../../../services/analyses.ts';
import { html, type SafeHtml } from '../../html.ts';
import { pickLanguage, translator, type Translator } from '../../i18n.ts';
import { page } from '../../layout.ts';
import { viewerOf, type Viewer } from '../../viewer.ts';
import { actorOf, requireRole } from '../../../presentation/auth/authenticate.ts';
import { ANALYSIS_PAGES, analysisLayout } from './common.ts';
import { commitmentsPage } from './commitments.ts';
import { comparePage } from './compare.ts';
import { conditionalityPage } from './conditionality.ts';
import { consistencyPage } from './consistency.ts';
import { coordinationPage } from './coordination.ts';
import { indicatorsPage } from './indicators.ts';
import { watchesPage } from './watches.ts';
import { myWatchHitsPage } from './my-watch-hits.ts';
import { FEED_LIMIT, FEED_PATH, MY_WATCH_HITS_PATH } from '../../../presentation/feeds/atom.ts';

/** A form's fields: text only (a JSON body with other values is a 400, not a crash). */
const TextFields = z.record(z.string(), z.string());

/**
 * A number typed in a form, French or English: "1 234,5", "1,234.5", "74". Spaces group digits;
 * with both separators the last one is the decimal mark; a lone comma is a decimal comma.
 */
function parseFormNumber(raw: string): number {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  const decimal =
    compact.includes('.') && compact.includes(',')
      ? compact.lastIndexOf(',') > compact.lastIndexOf('.')
        ? ','
        : '.'
      : compact.includes(',')
        ? ','
        : '.';
  const grouping = decimal === ',' ? '.' : ',';
  const normalised = compact.split(grouping).join('').replace(decimal, '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const blank = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const CompareQuery = z
  .object({
    question: optional(z.string().max(300)),
    type: optional(z.enum(INSTRUMENT_TYPES, { error: 'must be an instrument type code' })),
  })
  .loose();
const CountryQuery = z.object({ country: optional(countryCode), today: optional(isoDay) }).loose();
const StatusForm = z.object({
  status: z.enum(['open', 'in_progress', 'done', 'dropped'], {
    error: 'must be open, in_progress, done or dropped',
  }),
  back: optional(z.string().regex(/^\/analyses\/commitments(\?[^\s]*)?$/, 'must be the commitments page')),
});

async function translate(
  context: ApiContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Translator> {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = pickLanguage(query?.lang, request.headers.cookie, request.headers['accept-language']);
  if (query?.lang === 'fr' || query?.lang === 'en') {
    void reply.header('set-cookie', `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  return translator(lang, await context.store.queries.actorNames());
}

/** A form's write, retried while another process holds the database's lock (then a 503 page). */
const whenFree = <T>(write: () => Promise<T>): Promise<T> =>
  retryWhileBusy('the change', SERVER_BUSY_RETRY, write);

/** Registers the analyses' pages on the app (called once from registerWeb). */
export function registerAnalysesWeb(app: FastifyInstance, context: ApiContext): void {
  const { store } = context;
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, parsed) => {
        parsed(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    /** Renders one analyses page. */
    const show = (
      path: string,
      render: (
        tr: Translator,
        request: FastifyRequest,
        viewer: Viewer | null,
      ) => SafeHtml | Promise<SafeHtml>,
    ) =>
      scope.get(path, async (request, reply) => {
        const tr = await translate(context, request, reply);
        const body = await render(tr, request, viewerOf(request));
        const entry = ANALYSIS_PAGES.find((p) => path.startsWith(p.path));
        const title = entry === undefined ? tr.t('analyses') : tr.t(entry.label);
        return reply
          .type('text/html; charset=utf-8')
          .send(page({ tr, title, url: request.url, nav: 'analyses', body, viewer: viewerOf(request) }));
      });

    show('/analyses', (tr) =>
      analysisLayout(
        '/analyses',
        tr,
        html`<dl>
          ${ANALYSIS_PAGES.map(
            (p) =>
              html`<dt><a href="${p.path}">${tr.t(p.label)}</a></dt>
                <dd>${tr.t(p.help)}</dd>`,
          )}
        </dl>`,
      ),
    );

    show('/analyses/compare', async (tr, request) => {
      const q = parseRequest(CompareQuery, request.query);
      const questions = await comparisonQuestions(store);
      const known = questions.find((x) => x.question === q.question);
      const selected =
        q.type !== undefined
          ? await comparison(store, { types: [q.type], lang: tr.lang })
          : q.question !== undefined
            ? await comparison(store, { question: q.question, ...(known ? { stance: known.stance } : {}) })
            : null;
      return comparePage(
        {
          questions,
          selected,
          question: q.question,
          type: q.type,
          sentences: await quoteSentences(store, selected),
        },
        tr,
      );
    });

    show('/analyses/consistency', async (tr) =>
      consistencyPage({ documents: await documentFindings(), selected: null }, tr),
    );
    show('/analyses/consistency/:id', async (tr, request) => {
      const { id } = parseRequest(
        z.object({ id: z.string().regex(/^doc_[0-9a-f]+$/, 'must be a document id') }),
        request.params,
      );
      const selected = await consistency(store, id);
      return consistencyPage(
        {
          documents: await documentFindings(),
          selected,
          // The findings quote their document without naming it on each quote: that one document.
          sentences: await segmentedDocuments(store, [selected.documentId]),
        },
        tr,
      );
    });

    show('/analyses/coordination', async (tr, request) => {
      const { country } = parseRequest(CountryQuery, request.query);
      const partners = await store.queries.partyStates();
      const view = country === undefined ? null : await coordination(store, country);
      return coordinationPage({ view, partners }, tr);
    });

    show('/analyses/commitments', async (tr, request, viewer) => {
      const { country, today } = parseRequest(CountryQuery, request.query);
      const tracker = await commitmentTracker(store, {
        ...(country === undefined ? {} : { country }),
        today: today ?? new Date().toISOString().slice(0, 10),
      });
      return commitmentsPage(
        { tracker, country, today, viewer, sentences: await quoteSentences(store, tracker.commitments) },
        tr,
      );
    });

    show('/analyses/indicators', async (tr, request, viewer) => {
      const { country } = parseRequest(CountryQuery, request.query);
      const series = await indicators(store, country === undefined ? {} : { country });
      return indicatorsPage({ series, country, viewer, sentences: await quoteSentences(store, series) }, tr);
    });

    show('/analyses/conditionality', async (tr, request) => {
      const { country } = parseRequest(CountryQuery, request.query);
      const timelines = await conditionality(store, country === undefined ? {} : { country });
      return conditionalityPage({ timelines, sentences: await quoteSentences(store, timelines) }, tr);
    });

    show('/analyses/watches', async (tr, _request, viewer) =>
      watchesPage(
        { watches: await store.analyses.listWatches(), hits: await store.analyses.watchHits(), viewer },
        tr,
      ),
    );

    show(MY_WATCH_HITS_PATH, async (tr, request) => {
      const identity = request.identity;
      return myWatchHitsPage(
        {
          hits:
            identity === null
              ? null
              : await store.analyses.watchHits({ ownerId: identity.user.id, limit: FEED_LIMIT }),
          feedUrl: `${request.protocol}://${request.host}${FEED_PATH}?token=TOKEN&lang=${tr.lang}`,
        },
        tr,
      );
    });

    // Every form below changes data: a signed-in contributor (the global guard has checked the
    // session and its CSRF token), recorded as the actor.
    scope.post('/analyses/commitments/:id/status', async (request, reply) => {
      const identity = requireRole(request, 'contributor', "setting a commitment's status");
      const { id } = request.params as { id: string };
      const form = parseRequest(StatusForm, request.body);
      await whenFree(() => store.analyses.setCommitmentStatus(id, form.status, actorOf(identity), null));
      return reply.redirect(form.back ?? '/analyses/commitments', 303);
    });

    scope.post('/analyses/indicators', async (request, reply) => {
      const identity = requireRole(request, 'contributor', 'adding an indicator value');
      const form = parseRequest(TextFields, request.body ?? {});
      const country = form.country?.trim().toUpperCase() || null;
      const value = parseIndicatorInput({
        indicator: form.indicator,
        value:
          form.value === undefined || form.value.trim() === '' ? Number.NaN : parseFormNumber(form.value),
        unit: form.unit,
        date: form.date?.trim() || null,
        country,
        enteredBy: identity.user.name,
        note: form.note?.trim() || null,
      });
      await whenFree(() => store.analyses.addIndicator(value, actorOf(identity)));
      return reply.redirect(
        country === null
          ? '/analyses/indicators'
          : `/analyses/indicators?country=${encodeURIComponent(country)}`,
        303,
      );
    });

    scope.post('/analyses/watches', async (request, reply) => {
      const identity = requireRole(request, 'contributor', 'saving a watch');
      const form = parseRequest(TextFields, request.body ?? {});
      const criteria = Object.fromEntries(
        (['country', 'type', 'topic', 'text'] as const)
          .map((k) => [k, form[k]?.trim()] as const)
          .filter(([, v]) => v !== undefined && v !== ''),
      );
      const name = form.name?.trim() ?? '';
      const watch = parseWatch({ id: watchIdFor(name, criteria), name, ...criteria });
      await whenFree(() => store.analyses.addWatch(watch, actorOf(identity), identity.user.id));
      return reply.redirect('/analyses/watches', 303);
    });

    scope.post('/analyses/watches/:id/remove', async (request, reply) => {
      const identity = requireRole(request, 'contributor', 'removing a watch');
      const { id } = request.params as { id: string };
      await whenFree(() => store.analyses.removeWatch(id, actorOf(identity)));
      return reply.redirect('/analyses/watches', 303);
    });
    done();
  });

  /** Every stored document with its number of consistency findings. */
  async function documentFindings() {
    // Every document, page by page (a single page would silently stop at its limit).
    const documents: DocumentSummary[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await store.listDocuments({ limit: 500, offset });
      documents.push(...page.items);
      if (page.items.length === 0 || documents.length >= page.total) break;
    }
    return Promise.all(
      documents.map(async (d) => ({
        id: d.id,
        title: d.title,
        fileName: d.fileName,
        findings: checkConsistency(await store.analyses.countClaims({ documentId: d.id })).length,
      })),
    );
  }
}
