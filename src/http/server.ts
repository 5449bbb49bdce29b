/**
 * The atlas's HTTP server: one fastify app serving the JSON API under /api and the server-rendered
 * web pages, with a strict Content-Security-Policy (nothing is fetched from outside the machine),
 * a request id on every response and one error envelope.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AtlasStore } from '../storage/atlas-store.ts';
import type { Database } from '../storage/schema.ts';
import { ensureSearchIndex } from '../storage/sqlite/search-index.ts';
import { registerWeb, renderErrorPage } from '../web/routes.ts';
import { actorRoutes } from './actors/routes.ts';
import { analysisRoutes } from './analyses/routes.ts';
import { trackerRoutes } from './analyses/tracker-routes.ts';
import { countryRoutes } from './countries/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { installErrorHandler } from './errors.ts';
import { crossSiteRequest, invalidInput } from '../domain/errors.ts';
import { instrumentRoutes } from './instruments/routes.ts';
import { openApiDocument } from './openapi.ts';
import type { ApiContext, RouteDoc } from './route.ts';
import { searchRoutes } from './search/routes.ts';
import { statsRoutes } from './stats/routes.ts';

export interface ServerOptions {
  /** The data-access seam (writes, instrument and document details). */
  readonly store: AtlasStore;
  /** The same database through Kysely, for the read-only query layer (lists, profiles, search). */
  readonly db: Kysely<Database>;
  /** Log requests as JSON lines (off by default: the CLI prints its own messages). */
  readonly logger?: boolean;
  /** Serve the web pages too (default true). */
  readonly web?: boolean;
  readonly version?: string;
}

/** `default-src 'self'`: scripts, styles, images and fonts come only from this server. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Whether a browser marked the request as coming from another site (Sec-Fetch-Site or Origin). */
function isCrossSite(headers: Record<string, string | string[] | undefined>): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return typeof origin === 'string';
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}

/** Builds the app (not listening yet): call `.listen({ port, host })` or use `startServer`. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const context: ApiContext = { store: options.store, db: options.db };
  await ensureSearchIndex(options.db);

  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  // The atlas listens on the loopback: a page of another site must not change its data through
  // the browser (forms post without a preflight). Browsers say where a request comes from.
  app.addHook('onRequest', (request, _reply, done) => {
    const changes = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    done(changes && isCrossSite(request.headers) ? crossSiteRequest() : undefined);
  });
  // Documents ingested by another process (the CLI) become searchable on the next search.
  app.addHook('preHandler', async (request) => {
    if (/^\/(api\/)?search\b|[?&]q=/.test(request.url)) await ensureSearchIndex(options.db);
  });
  const web = options.web ?? true;
  installErrorHandler(app, web ? renderErrorPage : undefined);

  const docs: RouteDoc[] = [];
  instrumentRoutes(app, docs, context);
  actorRoutes(app, docs, context);
  countryRoutes(app, docs, context);
  documentRoutes(app, docs, context);
  searchRoutes(app, docs, context);
  statsRoutes(app, docs, context);
  analysisRoutes(app, docs, context);
  trackerRoutes(app, docs, context);
  const document = openApiDocument(docs, options.version ?? '0.1.0');
  app.get('/api/openapi.json', (_request, reply) => reply.send(document));
  if (web) registerWeb(app, context);
  return app;
}

/** A listening server and how to stop it. */
export interface RunningServer {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the app and listens on `host:port` (port 0 picks a free one). */
export async function startServer(
  options: ServerOptions & { readonly port?: number; readonly host?: string },
): Promise<RunningServer> {
  const app = await buildServer(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    // A port taken by another program, or reserved, is the user's choice to change, not a crash.
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw invalidInput(
        'port',
        `${options.port} on ${host} is ${code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}; choose another with --port or PORT`,
      );
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { app, url: `http://${shownHost}:${port}`, close: () => app.close() };
}
