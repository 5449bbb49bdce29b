/**
 * The web side of accounts and review: the sign-in form (throttled like the API), sign-out, the
 * invitation page, the review page for reviewers, and a commitment's page with its history. Forms
 * post URL-encoded bodies and redirect (303), so no script is needed; every form that changes data
 * carries the session's CSRF token (checked by the global write guard, see http/auth).
 */
import { quoteSentences } from './evidence-quote.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AtlasError, notFound, roleRequired } from '../domain/errors.ts';
import { INSTRUMENT_TYPES } from '../domain/taxonomy.ts';
import { actorOf, requireRole } from '../presentation/auth/authenticate.ts';
import { signIn, signOut, type SignInDeps } from '../presentation/auth/sign-in.ts';
import type { ApiContext } from '../presentation/context.ts';
import { countryCode, parseRequest } from '../presentation/request-validation.ts';
import { recordHistory } from '../services/history.ts';
import { retryWhileBusy, SERVER_BUSY_RETRY } from '../storage/busy.ts';
import { segmentedDocuments } from './document-sentences.ts';
import { html } from './html.ts';
import { pickLanguage, translator, type Translator } from './i18n.ts';
import { invitationPage, signInPage } from './pages/account.ts';
import { historySection } from './pages/history.ts';
import { formValue, reviewPage } from './pages/review.ts';
import { quoteLink } from './pages/analyses/common.ts';
import { sendPage } from './routes.ts';
import { viewerOf } from './viewer.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** A path on this site to go back to (never `//host` or a full URL: no open redirect). */
const LocalPath = z.string().regex(/^\/(?![/\\])[^\s]*$/, 'must be a path of the atlas');

const SignInForm = z.object({
  email: z.string().max(200),
  password: z.string().max(200),
  next: optional(LocalPath),
});
const InvitationForm = z.object({
  token: z.string().min(10).max(200),
  name: z.string().max(100),
  password: z.string().max(200),
});
const ReviewQuery = z
  .object({
    country: optional(countryCode),
    type: optional(z.enum(INSTRUMENT_TYPES, { error: 'must be an instrument type code' })),
    document: optional(z.string().max(200)),
    offset: optional(z.coerce.number().int().min(0)),
  })
  .loose();
const DecisionForm = z.object({
  decision: z.enum(['accept', 'correct', 'reject'], { error: 'must be accept, correct or reject' }),
  value: z.string().max(2000).optional(),
  reason: z.string().trim().max(2000).optional(),
  back: optional(z.string().regex(/^\/review(\?[^\s]*)?$/, 'must be the review page')),
});
const ClaimId = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be a claim number')
    .transform(Number),
});
const CommitmentId = z.object({ id: z.string().min(1).max(200) });

async function translate(context: ApiContext, request: FastifyRequest): Promise<Translator> {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = pickLanguage(query?.lang, request.headers.cookie, request.headers['accept-language']);
  return translator(lang, await context.store.queries.actorNames());
}

export function registerAccountWeb(app: FastifyInstance, context: ApiContext, deps: SignInDeps): void {
  const { store } = context;
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, parsed) => {
        parsed(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    const showSignIn = async (
      request: FastifyRequest,
      reply: FastifyReply,
      input: { next: string; error: string | null; email?: string },
      status = 200,
    ) => {
      const tr = await translate(context, request);
      return sendPage(
        reply,
        { tr, title: tr.t('signIn'), url: request.url, body: signInPage(input, tr) },
        status,
      );
    };

    scope.get('/sign-in', async (request, reply) => {
      const { next } = parseRequest(z.object({ next: optional(LocalPath) }).loose(), request.query);
      return showSignIn(request, reply, { next: next ?? '/', error: null });
    });

    scope.post('/sign-in', { config: { auth: 'public' } }, async (request, reply) => {
      const form = parseRequest(SignInForm, request.body ?? {});
      const next = form.next ?? '/';
      try {
        await signIn(deps, request, reply, form.email, form.password);
      } catch (error) {
        if (!(error instanceof AtlasError)) throw error;
        const tr = await translate(context, request);
        if (error.code === 'too_many_requests') {
          void reply.header('retry-after', String(error.detail.retryAfter));
          return showSignIn(request, reply, { next, error: tr.t('tooManySignIns'), email: form.email }, 429);
        }
        if (error.code === 'unauthorized') {
          return showSignIn(request, reply, { next, error: tr.t('badCredentials'), email: form.email }, 401);
        }
        throw error;
      }
      return reply.redirect(next, 303);
    });

    scope.post('/sign-out', async (request, reply) => {
      await signOut(store.people, request, reply);
      return reply.redirect('/', 303);
    });

    scope.get('/sign-in/invitation', async (request, reply) => {
      const { token } = parseRequest(z.object({ token: z.string().min(1).max(200) }).loose(), request.query);
      const invitation = await store.people.invitation(token);
      const tr = await translate(context, request);
      const body = invitationPage({ token, email: invitation?.email ?? null, error: null }, tr);
      return sendPage(
        reply,
        { tr, title: tr.t('invitationTitle'), url: request.url, body },
        invitation ? 200 : 404,
      );
    });

    scope.post('/sign-in/invitation', { config: { auth: 'public' } }, async (request, reply) => {
      const form = parseRequest(InvitationForm, request.body ?? {});
      const user = await retryWhileBusy('the invitation', SERVER_BUSY_RETRY, () =>
        store.people.acceptInvitation(form.token, form.name.trim(), form.password),
      );
      await signIn(deps, request, reply, user.email, form.password);
      return reply.redirect('/', 303);
    });

    scope.get('/review', async (request, reply) => {
      // An anonymous visitor is shown the way in; a signed-in one without the role gets a 403.
      if (request.identity === null) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      }
      requireRole(request, 'reviewer', 'the review page');
      const viewer = viewerOf(request);
      if (viewer === null) throw roleRequired('reviewer', 'the review page');
      const q = parseRequest(ReviewQuery, request.query);
      const tr = await translate(context, request);
      const limit = 20;
      const offset = q.offset ?? 0;
      const queue = await store.review.queue(
        {
          ...(q.country === undefined ? {} : { country: q.country }),
          ...(q.type === undefined ? {} : { type: q.type }),
          ...(q.document === undefined ? {} : { documentId: q.document }),
        },
        { limit, offset },
      );
      const countries = await store.queries.partyStates();
      const documents = (await store.listDocuments({ limit: 500, offset: 0 })).items;
      const filters = { country: q.country, type: q.type, document: q.document };
      const sentences = await segmentedDocuments(
        store,
        queue.items.map((item) => item.evidence.documentId),
      );
      const body = reviewPage({ queue, filters, countries, documents, viewer, sentences }, tr);
      return sendPage(reply, { tr, title: tr.t('reviewTitle'), url: request.url, nav: 'review', body });
    });

    scope.post('/review/claims/:id', async (request, reply) => {
      const identity = requireRole(request, 'reviewer', 'reviewing a fact');
      const { id } = parseRequest(ClaimId, request.params);
      const form = parseRequest(DecisionForm, request.body ?? {});
      const actor = actorOf(identity);
      const reason = form.reason === undefined || form.reason === '' ? null : form.reason;
      await retryWhileBusy('the review', SERVER_BUSY_RETRY, async () => {
        if (form.decision === 'accept') return store.review.accept(id, actor, reason);
        if (form.decision === 'reject') return store.review.reject(id, actor, reason ?? '');
        const item = await store.review.claim(id);
        return store.review.correct(id, formValue(item, form.value ?? ''), actor, reason);
      });
      return reply.redirect(form.back ?? '/review', 303);
    });

    scope.get('/analyses/commitments/:id/history', async (request, reply) => {
      const { id } = parseRequest(CommitmentId, request.params);
      const [commitment] = await store.analyses.commitments({ id });
      if (commitment === undefined) throw notFound('commitment', id);
      const tr = await translate(context, request);
      const history = await recordHistory(
        store,
        { id, kind: 'commitment' },
        { limit: 500, offset: 0 },
        false,
      );
      const body = html`<p><a href="/analyses/commitments">${tr.t('commitmentsTracker')}</a></p>
        <h1>${tr.term('commitment')}</h1>
        <p><span translate="no">${commitment.text}</span></p>
        ${quoteLink(commitment.source, tr, await quoteSentences(store, commitment))}
        <p><strong>${tr.t('status')}</strong>${tr.colon}${tr.term(commitment.status)}</p>
        ${historySection(history.items, tr)}`;
      return sendPage(reply, { tr, title: tr.term('commitment'), url: request.url, nav: 'analyses', body });
    });
    done();
  });
}
