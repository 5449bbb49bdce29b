/**
 * In-process requests to a built server (fastify's inject) as the tests' browser or script would
 * send them: the served Host, and a JSON or form body with its content type.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const HOST = { host: '127.0.0.1' };

export interface CallOptions {
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  /** A form body, already encoded or as fields. */
  readonly form?: string | Record<string, string>;
}

/** `call(method, url, options)` on the server `app()` returns (read at each call: built in `before`). */
export function injector(app: () => FastifyInstance) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options: CallOptions = {},
  ): Promise<LightMyRequestResponse> =>
    app().inject({
      method,
      url,
      headers: {
        ...HOST,
        ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        ...options.headers,
      },
      ...(options.json === undefined ? {} : { payload: JSON.stringify(options.json) }),
      ...(options.form === undefined
        ? {}
        : {
            payload:
              typeof options.form === 'string' ? options.form : new URLSearchParams(options.form).toString(),
          }),
    });
}
