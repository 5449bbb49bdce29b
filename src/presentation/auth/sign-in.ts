/**
 * Signing in and out, shared by the API (POST/DELETE /api/session) and the web form. A sign-in
 * always creates a new session (its id is random and made here, never taken from the client) and
 * ends the one the browser held before, so a session id planted before sign-in (session fixation)
 * is worth nothing after it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badCredentials, tooManyLogins } from '../../domain/errors.ts';
import type { Identity } from '../../domain/people.ts';
import type { PeopleStore } from '../../storage/people/people-store.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, csrfTokenFor, sessionCookieOptions } from './session-cookie.ts';
import type { Throttle } from './throttle.ts';

export interface SignInDeps {
  readonly people: PeopleStore;
  readonly throttle: Throttle;
}

/** Checks the password (throttled), opens a new session and sets its cookie. */
export async function signIn(
  deps: SignInDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
): Promise<Identity> {
  const account = email.trim().toLowerCase();
  const wait = await deps.throttle.retryAfter(account, request.ip);
  if (wait > 0) throw tooManyLogins(wait);
  const user = await deps.people.authenticate(account, password);
  if (user === undefined) {
    await deps.throttle.failed(account, request.ip);
    throw badCredentials();
  }
  await deps.throttle.succeeded(account);
  // Whatever session the browser held (another user's, or a planted id) ends here.
  const previous = request.cookies[SESSION_COOKIE];
  if (previous !== undefined && previous !== '') await deps.people.endSession(previous);
  const session = await deps.people.createSession(user.id, SESSION_TTL_MS);
  void reply.setCookie(
    SESSION_COOKIE,
    session.id,
    sessionCookieOptions(request, Math.floor(SESSION_TTL_MS / 1000)),
  );
  const identity: Identity = { user, role: user.role, via: 'session', csrf: csrfTokenFor(session.id) };
  request.identity = identity;
  request.sessionId = session.id;
  await deps.people.recordChange({
    actor: `user:${user.id}`,
    action: 'session.start',
    subjectKind: 'user',
    subjectId: user.id,
  });
  return identity;
}

/** Ends the request's session (if any) and clears the cookie. */
export async function signOut(
  people: PeopleStore,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const id = request.sessionId ?? request.cookies[SESSION_COOKIE];
  if (id !== undefined && id !== null && id !== '') await people.endSession(id);
  void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, 0));
  request.identity = null;
  request.sessionId = null;
}
