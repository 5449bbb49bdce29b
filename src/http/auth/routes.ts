/**
 * Accounts over HTTP: who am I (GET /api/session), sign in (POST, throttled), sign out (DELETE),
 * accept an invitation, and the audit log (GET /api/audit).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleRequired } from '../../domain/errors.ts';
import { roleAtLeast, type Identity } from '../../domain/people.ts';
import { ACCOUNT_KINDS, recordHistory, withActorNames } from '../../services/history.ts';
import { pageOf } from '../common-schema.ts';
import { addMutation } from '../analyses/mutation.ts';
import { pageLimit } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { signIn, signOut, type SignInDeps } from '../../presentation/auth/sign-in.ts';
import { AuditQuery, ChangeSchema, InvitationBody, SessionSchema, SignInBody } from './schema.ts';

/** What GET /api/session answers. */
export const sessionView = (identity: Identity | null) => ({
  user: identity?.user ?? null,
  role: identity?.role ?? null,
  via: identity?.via ?? null,
  csrfToken: identity?.csrf ?? null,
});

export function sessionRoutes(
  app: FastifyInstance,
  docs: RouteDoc[],
  context: ApiContext,
  deps: SignInDeps,
): void {
  const people = context.store.people;

  addRoute(app, docs, {
    path: '/api/session',
    tag: 'accounts',
    summary: 'Who the request acts as (null user: an anonymous reader), and the CSRF token of the session',
    response: SessionSchema,
    handler: ({ request, reply }) => {
      // The CSRF token is in the body: never cached, and a cross-site page cannot read it (no CORS).
      void reply.header('cache-control', 'no-store');
      return Promise.resolve(sessionView(request.identity));
    },
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign in with email and password: sets the session cookie (a new session id every time)',
    description: 'Failed sign-ins are throttled per account and per client address (429 with Retry-After).',
    role: 'public',
    body: SignInBody,
    response: SessionSchema,
    handler: async ({ body, request, reply }) => {
      void reply.header('cache-control', 'no-store');
      return sessionView(await signIn(deps, request, reply, body.email, body.password));
    },
  });

  addMutation(app, docs, {
    method: 'delete',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign out: ends the session and clears the cookie',
    role: 'reader',
    action: 'signing out',
    response: z.null(),
    status: 204,
    handler: async ({ request, reply }) => {
      await signOut(people, request, reply);
      return null;
    },
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/invitations',
    tag: 'accounts',
    summary: 'Accept an invitation: choose a name and a password; signs the new user in',
    role: 'public',
    body: InvitationBody,
    response: SessionSchema,
    status: 201,
    handler: async ({ body, request, reply }) => {
      const user = await people.acceptInvitation(body.token, body.name, body.password);
      return sessionView(await signIn(deps, request, reply, user.email, body.password));
    },
  });

  addRoute(app, docs, {
    path: '/api/audit',
    tag: 'accounts',
    summary: "A record's history (who, when, before, after, why), oldest first",
    description:
      'With `record`, the changes to that record (public records for anyone; accounts for admins). Without it, the latest changes, newest first: admins only.',
    query: AuditQuery,
    response: pageOf(ChangeSchema),
    handler: async ({ query, request }) => {
      const admin = request.identity !== null && roleAtLeast(request.identity.role, 'admin');
      const page = { limit: pageLimit(query.limit, 'page'), offset: query.offset };
      if (query.record === undefined) {
        if (!admin) throw roleRequired('admin', 'reading the whole audit log');
        const found = await people.history(query.kind === undefined ? {} : { subjectKind: query.kind }, page);
        return { ...found, items: await withActorNames(context.store, found.items), ...page };
      }
      if (query.kind !== undefined && ACCOUNT_KINDS.has(query.kind) && !admin) {
        throw roleRequired('admin', "reading an account's history");
      }
      const found = await recordHistory(
        context.store,
        { id: query.record, ...(query.kind === undefined ? {} : { kind: query.kind }) },
        page,
        admin,
      );
      return { ...found, ...page };
    },
  });
}
