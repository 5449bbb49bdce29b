/**
 * URL-encoded form bodies as objects: a field sent once is a string, a field sent several times
 * (ticked checkboxes of one name) a list of strings. Registered in a plugin scope, so it applies to
 * that scope's routes only.
 */
import type { FastifyInstance } from 'fastify';

export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

export function acceptForms(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, parseForm(String(body)));
    },
  );
}
