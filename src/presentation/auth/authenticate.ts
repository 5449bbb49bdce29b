/**
 * Who a request acts as. A hook reads `Authorization: Bearer <token>` (scripts) or the session
 * cookie (browsers) and sets `request.identity` (null: an anonymous reader; reading stays open).
 * Every write route (any method but GET/HEAD/OPTIONS) then needs an identity, and, when it came
 * from the cookie, the session's anti-forgery token in `X-CSRF-Token` or a `_csrf` form field;
 * routes marked `config: { auth: 'public' }` (signing in, accepting an invitation) are the only
 * exceptions. Each route checks the role it needs with `requireRole`.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csrfRefused, roleRequired, signInRequired } from '../../domain/errors.ts';
import { actorLabel, effectiveRole, roleAtLeast, type Identity, type Role } from '../../domain/people.ts';
import type { PeopleStore } from '../../storage/people/people-store.ts';
import { csrfMatches, csrfTokenFor, SESSION_COOKIE } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (session or token), or null for an anonymous reader. */
    identity: Identity | null;
    /** The session id from the cookie when it named a live session (to end or rotate it). */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** `public`: a write that needs no identity (signing in, accepting an invitation). */
    auth?: 'public';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

/** The identity of a request that must have one; throws unauthorized (401). */
export function signedIn(request: FastifyRequest): Identity {
  if (request.identity === null) throw signInRequired();
  return request.identity;
}

/** The identity when its role (after a token's scope) reaches `role`; else 401 or 403. */
export function requireRole(request: FastifyRequest, role: Role, action: string): Identity {
  const identity = signedIn(request);
  if (!roleAtLeast(identity.role, role)) throw roleRequired(role, action);
  return identity;
}

/** The audit log's name for the request's user (`user:<id>`). */
export const actorOf = (identity: Identity): string => actorLabel(identity.user);

/** Registers the cookie parser, the identity hook and the write guard on the app. */
export async function installAuthentication(app: FastifyInstance, people: PeopleStore): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('identity', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && authorization !== '') {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      // A token that is wrong, revoked or malformed is refused, never taken as anonymous: a
      // script must learn that its token no longer works.
      const found = match === null ? undefined : await people.tokenUser(match[1] as string);
      if (found === undefined) throw signInRequired();
      request.identity = {
        user: found.user,
        role: effectiveRole(found.user.role, found.scope),
        via: 'token',
        csrf: null,
      };
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId === undefined || sessionId === '') return;
    const user = await people.sessionUser(sessionId);
    if (user === undefined) return;
    request.sessionId = sessionId;
    request.identity = { user, role: user.role, via: 'session', csrf: csrfTokenFor(sessionId) };
  });

  // After the body is parsed (a form's `_csrf` field), before any handler.
  app.addHook('preHandler', (request, _reply, done) => {
    try {
      checkWrite(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}

/** The write guard: someone is signed in, and a cookie-borne session sent its CSRF token. */
function checkWrite(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || request.is404) return;
  if (request.routeOptions.config.auth === 'public') return;
  const identity = signedIn(request);
  if (identity.via !== 'session' || identity.csrf === null) return;
  const body = request.body as Record<string, unknown> | null | undefined;
  const sent =
    request.headers[CSRF_HEADER] ??
    (typeof body === 'object' && body !== null && !Array.isArray(body) ? body[CSRF_FIELD] : undefined);
  if (!csrfMatches(sent, identity.csrf)) throw csrfRefused();
}
