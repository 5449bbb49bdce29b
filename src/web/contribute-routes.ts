/**
 * GET /contribute: the forms for contributors to add an event or a commitment with its source;
 * POST /contribute/event and /contribute/commitment store it as pending (the same contribution
 * flow and checks as the API) and come back to the page with a notice (303).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleRequired } from '../domain/errors.ts';
import { ContributedCommitmentSchema, ContributedEventSchema } from '../domain/contributions.ts';
import { actorOf, requireRole } from '../presentation/auth/authenticate.ts';
import type { ApiContext } from '../presentation/context.ts';
import { parseRequest } from '../presentation/request-validation.ts';
import { retryWhileBusy, SERVER_BUSY_RETRY } from '../storage/busy.ts';
import { acceptForms } from './form-body.ts';
import { pickLanguage, translator } from './i18n.ts';
import { contributePage } from './pages/contribute.ts';
import { sendPage } from './routes.ts';
import { viewerOf } from './viewer.ts';

type Form = Record<string, unknown>;
const text = (form: Form, key: string): string | undefined => {
  const value = form[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
/** "SN, ES" → ["SN", "ES"] (codes as typed; the schema checks them). */
const list = (form: Form, key: string): string[] =>
  (text(form, key) ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => (/^[a-z]{2}$/.test(part) ? part.toUpperCase() : part));
const source = (form: Form) => ({ kind: 'url', url: text(form, 'url'), quote: text(form, 'quote') });

const EventForm = z.preprocess((raw) => {
  const form = (raw ?? {}) as Form;
  return {
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    date: text(form, 'date') ?? null,
    place: text(form, 'place') ?? null,
    participants: list(form, 'participants'),
    language: text(form, 'lang') === 'fr' ? 'fr' : 'en',
    source: source(form),
  };
}, ContributedEventSchema);

const CommitmentForm = z.preprocess((raw) => {
  const form = (raw ?? {}) as Form;
  const topic = text(form, 'topics');
  return {
    text: text(form, 'text'),
    owners: list(form, 'owners'),
    deadline: text(form, 'deadline') ?? null,
    topics: topic === undefined ? [] : [topic],
    language: text(form, 'lang') === 'fr' ? 'fr' : 'en',
    source: source(form),
  };
}, ContributedCommitmentSchema);

export function registerContributeWeb(app: FastifyInstance, context: ApiContext): void {
  const { store } = context;
  void app.register((scope, _options, done) => {
    acceptForms(scope);

    scope.get('/contribute', async (request, reply) => {
      if (request.identity === null) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent('/contribute')}`, 303);
      }
      requireRole(request, 'contributor', 'contributing records');
      const viewer = viewerOf(request);
      if (viewer === null) throw roleRequired('contributor', 'contributing records');
      const query = request.query as Record<string, unknown> | undefined;
      const lang = pickLanguage(query?.lang, request.headers.cookie, request.headers['accept-language']);
      const tr = translator(lang);
      const body = contributePage({ viewer, sent: query?.sent === '1' }, tr);
      return sendPage(reply, { tr, title: tr.t('contributeTitle'), url: request.url, body });
    });

    scope.post('/contribute/event', async (request, reply) => {
      const identity = requireRole(request, 'contributor', 'contributing an event');
      const record = parseRequest(EventForm, request.body ?? {});
      await retryWhileBusy('the contribution', SERVER_BUSY_RETRY, () =>
        store.contributions.contributeEvent(record, actorOf(identity)),
      );
      return reply.redirect('/contribute?sent=1', 303);
    });

    scope.post('/contribute/commitment', async (request, reply) => {
      const identity = requireRole(request, 'contributor', 'contributing a commitment');
      const record = parseRequest(CommitmentForm, request.body ?? {});
      await retryWhileBusy('the contribution', SERVER_BUSY_RETRY, () =>
        store.contributions.contributeCommitment(record, actorOf(identity)),
      );
      return reply.redirect('/contribute?sent=1', 303);
    });
    done();
  });
}
