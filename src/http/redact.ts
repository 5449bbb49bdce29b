/**
 * The request log's view of a request. Fastify logs the URL with its query string, and the feed
 * route takes an API token there (`?token=`): the log must never hold a credential, so the value
 * of every `token` parameter is replaced before the line is written.
 */
import type { FastifyRequest } from 'fastify';

/** Query parameters whose value is a secret (lower case). */
const SECRET_PARAMETERS = new Set(['token']);

/** The URL with the value of every secret query parameter replaced by `[redacted]`. */
export function redactedUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: compare the raw name.
      }
      return SECRET_PARAMETERS.has(name.toLowerCase()) ? `${rawName}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
}

/** Fastify's default request serializer, with the URL redacted. */
export function requestForLog(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}
