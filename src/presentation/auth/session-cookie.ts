/**
 * The session cookie and the anti-forgery token derived from it.
 *
 * Cookie attributes, and why:
 * - `HttpOnly`: page scripts (an injected one included) cannot read the session id.
 * - `SameSite=Lax`: the browser never sends it with a cross-site POST, fetch, image or frame, so
 *   another site cannot make a signed-in browser change data; it does send it when the user follows
 *   a link to the atlas (an emailed review link opens signed in). `Strict` would also drop it on
 *   such links for no gain here: every write further needs the CSRF token and passes the
 *   Origin/Sec-Fetch-Site check, and reading needs no session.
 * - `Secure` unless the request came over plain http to a loopback name (127.0.0.1, localhost,
 *   [::1]): on the user's own machine there is no network to sniff and no TLS to set up; a
 *   deployment under any other name must be served over https (behind a proxy), and the cookie is
 *   then never sent in clear.
 * - `Path=/`, no `Domain` (host-only), and the session's own expiry as `Max-Age`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'mda_session';

/** 12 hours: a working day, after which the user signs in again. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** Whether the cookie must carry `Secure` for this request (see above). */
export function needsSecureCookie(request: FastifyRequest): boolean {
  return request.protocol === 'https' || !LOOPBACK.test(request.headers.host ?? '');
}

export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: needsSecureCookie(request),
    maxAge: maxAgeSeconds,
  };
}

/**
 * The session's anti-forgery token: a hash of the session id under a label. Only a page the server
 * rendered for this session (or GET /api/session, which a cross-site page cannot read) knows it;
 * it changes with every sign-in, and nothing more needs storing.
 */
export const csrfTokenFor = (sessionId: string): string =>
  createHash('sha256').update(`mda-csrf\0${sessionId}`, 'utf8').digest('base64url');

/** Constant-time comparison of the token sent with the expected one. */
export function csrfMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
