/**
 * The one place errors become HTTP responses: every failure — the atlas's own, a validation error,
 * a busy database, fastify's refusals (bad JSON, body too large, path parameter too long, media
 * type), an unknown route or method — is the JSON envelope `{ error: { code, message, field?,
 * requestId } }` with the status of its catalogue code, the security headers and no caching.
 * Unknown errors are logged and answered with a generic 500 that leaks no internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { AtlasError, databaseBusy, type AtlasErrorCode } from '../domain/errors.ts';
import { isDatabaseBusy, SERVER_BUSY_RETRY } from '../storage/busy.ts';
import { zodToAtlasError } from './validation.ts';

/** The body of every error response. */
export interface ErrorEnvelope {
  readonly error: {
    readonly code: AtlasErrorCode;
    readonly message: string;
    readonly field?: string;
    readonly requestId: string;
  };
}

/** `default-src 'self'`: scripts, styles, images and fonts come only from this server. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The headers every response carries, errors included (also those fastify answers before routing). */
export function setSecurityHeaders(reply: FastifyReply, requestId: string): void {
  void reply.header('x-request-id', requestId);
  void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('referrer-policy', 'no-referrer');
}

/** The envelope for a domain error. */
export function envelopeOf(error: AtlasError, requestId: string): ErrorEnvelope {
  const field = error.detail.field;
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(typeof field === 'string' ? { field } : {}),
      requestId,
    },
  };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number';
}

/** Fastify's client errors in the catalogue's words (its own message, or a clearer one). */
function fromFastify(error: FastifyError): AtlasError {
  switch (error.statusCode ?? 400) {
    case 404:
      return new AtlasError('not_found', error.message);
    case 405:
      return new AtlasError('method_not_allowed', error.message);
    case 413:
      return new AtlasError('request_too_large', 'the request body is over the size limit');
    case 414:
      return new AtlasError('uri_too_long', 'a path parameter is over 100 characters');
    case 415:
      return new AtlasError('unsupported_media_type', `${error.message}; send application/json`);
    default:
      return new AtlasError('bad_request', error.message, { status: error.statusCode });
  }
}

/** Which responses are pages for a browser (an HTML error page) rather than API or asset answers. */
function wantsPage(request: FastifyRequest): boolean {
  return !/^\/(?:api|assets)(?:\/|$)/.test(request.url);
}

export type RenderPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
) => FastifyReply;

export interface ErrorOptions {
  /** Answers browser routes (not /api, not /assets) with an HTML page. */
  readonly renderPage?: RenderPage;
  /** Where the server log goes ("standard output", a file name): named in the 500 message. */
  readonly logLocation?: string;
}

/** Sends an AtlasError: the page or the envelope, with Retry-After when the error has one. */
function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AtlasError,
  renderPage: RenderPage | undefined,
): FastifyReply {
  const status =
    error.code === 'bad_request' && typeof error.detail.status === 'number'
      ? error.detail.status
      : error.httpStatus;
  const retryAfter = error.detail.retryAfter;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  // An error is never cached: the next try may succeed.
  void reply.header('cache-control', 'no-store');
  setSecurityHeaders(reply, request.id);
  if (renderPage !== undefined && wantsPage(request)) {
    return renderPage(request, reply, status, error.message);
  }
  return reply.status(status).type('application/json; charset=utf-8').send(envelopeOf(error, request.id));
}

/** The catalogue error for anything thrown, or null for a bug (answered as a generic 500). */
function classify(raw: unknown): AtlasError | null {
  if (isDatabaseBusy(raw)) {
    return raw instanceof AtlasError && raw.code === 'busy'
      ? raw
      : databaseBusy('the request', SERVER_BUSY_RETRY.retryAfterSeconds, raw);
  }
  if (raw instanceof AtlasError) return raw;
  if (raw instanceof z.ZodError) return zodToAtlasError(raw);
  if (isFastifyError(raw) && raw.statusCode !== undefined && raw.statusCode < 500) return fromFastify(raw);
  return null;
}

const METHODS: readonly HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Installs the error and not-found handlers; returns fastify's `frameworkErrors` callback. */
export function installErrorHandler(app: FastifyInstance, options: ErrorOptions = {}): void {
  const { renderPage } = options;
  const logLocation = options.logLocation ?? 'standard output';
  app.setErrorHandler((raw: unknown, request, reply) => {
    const error = classify(raw);
    if (error !== null) {
      if (error.httpStatus >= 500) request.log.warn({ err: raw }, error.message);
      return sendError(request, reply, error, renderPage);
    }
    // A bug or an unexpected failure: log it in full, answer without internals.
    request.log.error({ err: raw }, 'unexpected error');
    return sendError(
      request,
      reply,
      new AtlasError(
        'internal_error',
        `internal error; the server log (${logLocation}) has the details under request id ${request.id}`,
      ),
      renderPage,
    );
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The path exists with other methods: 405 with the ones it has.
    const allowed = METHODS.filter(
      (method) => method !== request.method && app.findRoute({ method, url: path }) !== null,
    );
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '));
      const error = new AtlasError(
        'method_not_allowed',
        `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}`,
      );
      return sendError(request, reply, error, renderPage);
    }
    return sendError(
      request,
      reply,
      new AtlasError('not_found', `no route for ${request.method} ${path}`),
      renderPage,
    );
  });
}

/**
 * Answers an AtlasError in the envelope, whatever the path (a request this server refuses to serve,
 * such as one for another host name, gets no page of the atlas).
 */
export function sendEnvelope(request: FastifyRequest, reply: FastifyReply, error: AtlasError): FastifyReply {
  return sendError(request, reply, error, undefined);
}

/**
 * Fastify's `frameworkErrors`: errors it meets before routing (a path parameter over the length
 * limit, a malformed URL) go through the same envelope and headers instead of fastify's own body.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendEnvelope(request, reply, classify(error) ?? new AtlasError('bad_request', error.message));
}
