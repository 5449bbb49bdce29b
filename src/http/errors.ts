/**
 * The one place errors become HTTP responses: every failure is the JSON envelope
 * `{ error: { code, message, field?, requestId } }` with the status of its AtlasError code.
 * Unknown errors are logged and answered with a generic 500 that leaks no internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AtlasError, type AtlasErrorCode } from '../domain/errors.ts';
import { zodToAtlasError } from './validation.ts';

/** The body of every error response. */
export interface ErrorEnvelope {
  readonly error: {
    readonly code: AtlasErrorCode | 'method_not_allowed' | 'internal_error' | 'bad_request';
    readonly message: string;
    readonly field?: string;
    readonly requestId: string;
  };
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

/** Installs the error handler; `renderPage` answers browser routes (non-/api) with an HTML page. */
export function installErrorHandler(
  app: FastifyInstance,
  renderPage?: (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: string,
  ) => FastifyReply,
): void {
  app.setErrorHandler((raw: unknown, request, reply) => {
    const page = renderPage !== undefined && !request.url.startsWith('/api/') ? renderPage : undefined;
    let error: AtlasError | null = null;
    if (raw instanceof AtlasError) error = raw;
    else if (raw instanceof z.ZodError) error = zodToAtlasError(raw);
    if (error !== null) {
      if (error.httpStatus >= 500) request.log.error({ err: error }, error.message);
      if (page !== undefined) return page(request, reply, error.httpStatus, error.message);
      return reply.status(error.httpStatus).send(envelopeOf(error, request.id));
    }
    if (isFastifyError(raw) && raw.statusCode !== undefined && raw.statusCode < 500) {
      // Fastify's own client errors (malformed URL, unsupported media type): keep their status.
      if (page !== undefined) return page(request, reply, raw.statusCode, raw.message);
      const body: ErrorEnvelope = {
        error: { code: 'bad_request', message: raw.message, requestId: request.id },
      };
      return reply.status(raw.statusCode).send(body);
    }
    // A bug or an unexpected failure: log it in full, answer without internals.
    request.log.error({ err: raw }, 'unexpected error');
    const message = `internal error; the server log has the details under request id ${request.id}`;
    if (page !== undefined) return page(request, reply, 500, message);
    const body: ErrorEnvelope = { error: { code: 'internal_error', message, requestId: request.id } };
    return reply.status(500).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const message = `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`;
    if (renderPage !== undefined && !request.url.startsWith('/api/')) {
      return renderPage(request, reply, 404, message);
    }
    const body: ErrorEnvelope = { error: { code: 'not_found', message, requestId: request.id } };
    return reply.status(404).send(body);
  });
}
