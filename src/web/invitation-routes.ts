/**
 * GET /invite: the invitation form for admins and organisations' focal points; POST /invite makes
 * the invitation and shows its one-time link on the page (never in an address: it would stay in
 * the history). Accepting it is the invitation page of account-routes.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleRequired } from '../domain/errors.ts';
import { InviteRequestSchema, mayInvite } from '../domain/invitations.ts';
import { signedIn } from '../presentation/auth/authenticate.ts';
import type { ApiContext } from '../presentation/context.ts';
import { parseRequest } from '../presentation/request-validation.ts';
import { invitationLink, inviteUser } from '../services/invitations.ts';
import { retryWhileBusy, SERVER_BUSY_RETRY } from '../storage/busy.ts';
import { acceptForms } from './form-body.ts';
import { pickLanguage, translator } from './i18n.ts';
import { invitePage, type InvitePageInput } from './pages/invite.ts';
import { sendPage } from './routes.ts';
import { viewerOf } from './viewer.ts';

/** The form: an empty organisation is none (admins) or the focal point's own. */
const InviteForm = z.preprocess((raw) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  const organisationId = form.organisationId === '' ? undefined : form.organisationId;
  return {
    email: form.email,
    role: form.role,
    ...(organisationId === undefined ? {} : { organisationId }),
  };
}, InviteRequestSchema);

export function registerInvitationWeb(app: FastifyInstance, context: ApiContext): void {
  const { store } = context;

  const show = async (request: FastifyRequest, reply: FastifyReply, made: InvitePageInput['made']) => {
    const identity = signedIn(request);
    if (!mayInvite(identity)) throw roleRequired('admin', 'inviting users');
    const viewer = viewerOf(request);
    if (viewer === null) throw roleRequired('admin', 'inviting users');
    const query = request.query as Record<string, unknown> | undefined;
    const lang = pickLanguage(query?.lang, request.headers.cookie, request.headers['accept-language']);
    const tr = translator(lang);
    const admin = identity.role === 'admin';
    const all = await store.people.listOrganisations();
    const organisations = admin ? all : all.filter((o) => o.id === identity.user.organisationId);
    const body = invitePage({ viewer, organisations, admin, made }, tr);
    void reply.header('cache-control', 'no-store');
    return sendPage(reply, { tr, title: tr.t('inviteTitle'), url: request.url, nav: 'invite', body });
  };

  void app.register((scope, _options, done) => {
    acceptForms(scope);

    scope.get('/invite', async (request, reply) => {
      if (request.identity === null) {
        return reply.redirect(`/sign-in?next=${encodeURIComponent('/invite')}`, 303);
      }
      return show(request, reply, null);
    });

    scope.post('/invite', async (request, reply) => {
      const identity = signedIn(request);
      const form = parseRequest(InviteForm, request.body ?? {});
      const { token, invitation } = await retryWhileBusy('the invitation', SERVER_BUSY_RETRY, () =>
        inviteUser(store, identity, form),
      );
      const origin = `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;
      return show(request, reply, {
        link: invitationLink(origin, token),
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      });
    });
    done();
  });
}
