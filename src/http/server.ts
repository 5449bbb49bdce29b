/**
 * The atlas's HTTP server: one fastify app serving the JSON API under /api and the server-rendered
 * web pages, with a strict Content-Security-Policy (nothing is fetched from outside the machine),
 * a request id on every response, one error envelope, an allow-list of Host names (DNS
 * rebinding), a rate limit on writes, accounts (a session cookie or an API token; every write needs
 * a user with the right role) and a structured request log (pino, with request ids).
 */
import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { ExchangeRates } from '../domain/iati/chain.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { actorRoutes } from './actors/routes.ts';
import { analysisRoutes } from './analyses/routes.ts';
import { trackerRoutes } from './analyses/tracker-routes.ts';
import { feedRoutes } from './feeds/routes.ts';
import { requestForLog } from './redact.ts';
import { installResponseCache, type ResponseCacheOptions } from './response-cache.ts';
import { countryRoutes } from './countries/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { frameworkErrors, installErrorHandler, sendEnvelope, setSecurityHeaders } from './errors.ts';
import { crossSiteRequest, hostNotAllowed, invalidInput, tooManyRequests } from '../domain/errors.ts';
import { SERVER_BUSY_RETRY, type BusyRetry } from '../storage/busy.ts';
import { useBusyRetry } from './analyses/mutation.ts';
import { installAuthentication } from '../presentation/auth/authenticate.ts';
import { installViewer } from '../presentation/viewer.ts';
import { restrictionRoutes } from './restrictions/routes.ts';
import { sessionRoutes } from './auth/routes.ts';
import { DatabaseLoginThrottle, type ThrottleLimits } from '../presentation/auth/throttle.ts';
import type { SignInDeps } from '../presentation/auth/sign-in.ts';
import { iatiRoutes } from './iati/routes.ts';
import { instrumentRoutes } from './instruments/routes.ts';
import { jobRoutes, type UploadLimits } from './jobs/routes.ts';
import { reviewRoutes } from './review/routes.ts';
import { contributionRoutes } from './contributions/routes.ts';
import { curationRoutes } from './curation/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { openApiDocument } from './openapi.ts';
import type { ApiContext, RouteDoc } from './route.ts';
import type { BriefPresenter } from '../presentation/context.ts';
import { searchRoutes } from './search/routes.ts';
import { statsRoutes } from './stats/routes.ts';

/** Where the request log goes: a level (`silent` turns it off) and a file (default: standard output). */
export interface LogOptions {
  readonly level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly file?: string;
}

/** Writes (POST, PATCH, PUT, DELETE) accepted per client in a time window. */
export interface WriteLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** 120 writes a minute: far above a person using the forms, far below a flood. */
export const DEFAULT_WRITE_LIMIT: WriteLimit = { max: 120, windowMs: 60_000 };

/**
 * Server-rendered pages served beside the API (src/web provides them; the composition in src/app
 * passes them in, so the API does not depend on the pages).
 */
export interface WebPages {
  readonly register: (app: FastifyInstance, context: ApiContext, signIn: SignInDeps) => void;
  /** The briefing pack as an HTML or PDF file (GET /api/countries/:code/brief). */
  readonly brief: BriefPresenter;
  /** An error as an HTML page, for requests outside /api. */
  readonly renderErrorPage: (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: string,
  ) => FastifyReply;
}

export interface ServerOptions {
  /** The data-access seam: writes, details, the read model and search, on either engine. */
  readonly store: AtlasStore;
  /** The request log (JSON lines with request ids): on at `info` to standard output unless told. */
  readonly log?: LogOptions;
  /** Host names served besides the loopback names (127.0.0.1, localhost, [::1]): a deployment's name. */
  readonly allowedHosts?: readonly string[];
  readonly writeLimit?: WriteLimit;
  /** Retries of a write that finds the database locked by another process, before a 503. */
  readonly busyRetry?: BusyRetry;
  /** Failed sign-ins allowed per account and per client address (see presentation/auth/throttle.ts). */
  readonly loginLimits?: ThrottleLimits;
  /** The web pages to serve too (none: the JSON API alone). */
  readonly pages?: WebPages;
  /** Limits of POST /api/uploads (file size, files per request). */
  readonly uploadLimits?: UploadLimits;
  readonly version?: string;
  /** A user-supplied exchange-rate table for the money chain (labelled wherever it is applied). */
  readonly rates?: ExchangeRates;
  /** The read API's response cache (see http/response-cache.ts); false turns it off. */
  readonly responseCache?: ResponseCacheOptions | false;
}

export { CONTENT_SECURITY_POLICY } from './errors.ts';

/** The names the atlas answers to on its own machine. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The Host check: the name must be a loopback name or one the deployment allowed. A page of another
 * site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name and is refused, for
 * reads as for writes. A loopback name must come with the port the server listens on (or none); an
 * allowed name without a port accepts any port (a reverse proxy), with one only that port.
 */
export function hostAllowed(
  host: string | undefined,
  allowed: readonly string[],
  listeningPort: number | undefined,
): boolean {
  if (host === undefined || host === '') return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (match === null) return false;
  const name = match[1] as string;
  const port = match[2];
  if (LOOPBACK_HOSTS.includes(name)) return port === undefined || Number(port) === listeningPort;
  return allowed.some((entry) => {
    const e = entry.trim().toLowerCase();
    return e === name || (port !== undefined && e === `${name}:${port}`);
  });
}

/** Host names from `--allowed-hosts a,b` or MDA_ALLOWED_HOSTS: comma-separated, empty parts dropped. */
export function parseAllowedHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

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
  const log = options.log ?? {};
  const logger: FastifyServerOptions['logger'] = {
    level: log.level ?? 'info',
    // The URL without the feed's `?token=` value: no credential in the log.
    serializers: { req: requestForLog },
    ...(log.file === undefined ? {} : { file: log.file }),
  };
  const app = Fastify({
    logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
  });
  const context: ApiContext = {
    store: options.store,
    ...(options.pages === undefined ? {} : { brief: options.pages.brief }),
    ...(options.rates === undefined ? {} : { rates: options.rates }),
  };
  await options.store.refreshSearchIndex();
  useBusyRetry(app, options.busyRetry ?? SERVER_BUSY_RETRY);

  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(reply, request.id);
    return payload;
  });
  // Every request, read or write, must name this server (see hostAllowed).
  const allowedHosts = options.allowedHosts ?? [];
  const shownHosts = [...LOOPBACK_HOSTS, ...allowedHosts];
  app.addHook('onRequest', async (request, reply) => {
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : undefined;
    const host = request.headers.host;
    if (!hostAllowed(host, allowedHosts, port)) {
      return sendEnvelope(request, reply, hostNotAllowed(host ?? '', shownHosts));
    }
  });
  // The atlas listens on the loopback: a page of another site must not change its data through
  // the browser (forms post without a preflight). Browsers say where a request comes from.
  app.addHook('onRequest', (request, _reply, done) => {
    const changes = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    done(changes && isCrossSite(request.headers) ? crossSiteRequest() : undefined);
  });
  // Writes are rate-limited per client address (reads are cheap and cached by the statement cache).
  const limit = options.writeLimit ?? DEFAULT_WRITE_LIMIT;
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.windowMs,
    allowList: (request) => !WRITES.has(request.method),
    errorResponseBuilder: (_request, context) =>
      tooManyRequests(limit.max, `${Math.round(limit.windowMs / 1000)} s`, Math.ceil(context.ttl / 1000)),
  });
  // Who the request acts as (session cookie or API token); writes need someone, with a CSRF token
  // when the cookie is what identifies them.
  await installAuthentication(app, options.store.people);
  // Restricted records: the handler reads as the request's viewer (others' restricted records: 404).
  installViewer(app, options.store);
  // Failed sign-ins are counted in the database: every server process on the atlas shares them.
  const signInDeps = {
    people: options.store.people,
    throttle: new DatabaseLoginThrottle(options.store.loginAttempts, options.loginLimits),
  };
  // Anonymous reads answered from the cache skip the search index refresh below (nothing changed).
  if (options.responseCache !== false) installResponseCache(app, options.store, options.responseCache);
  // Documents ingested by another process (the CLI) become searchable on the next search.
  app.addHook('preHandler', async (request) => {
    if (/^\/(api\/)?search\b|[?&]q=/.test(request.url)) await options.store.refreshSearchIndex();
  });
  const pages = options.pages;
  installErrorHandler(app, {
    ...(pages === undefined ? {} : { renderPage: pages.renderErrorPage }),
    logLocation: log.file ?? 'standard output',
  });

  const docs: RouteDoc[] = [];
  instrumentRoutes(app, docs, context);
  actorRoutes(app, docs, context);
  countryRoutes(app, docs, context);
  documentRoutes(app, docs, context);
  searchRoutes(app, docs, context);
  statsRoutes(app, docs, context);
  analysisRoutes(app, docs, context);
  trackerRoutes(app, docs, context);
  feedRoutes(app, docs, context);
  sessionRoutes(app, docs, context, signInDeps);
  reviewRoutes(app, docs, context);
  contributionRoutes(app, docs, context);
  restrictionRoutes(app, docs, context);
  curationRoutes(app, docs, context);
  invitationRoutes(app, docs, context);
  jobRoutes(app, docs, context, options.uploadLimits);
  await iatiRoutes(app, docs, context);
  const document = openApiDocument(docs, options.version ?? '0.1.0');
  app.get('/api/openapi.json', (_request, reply) => reply.send(document));
  pages?.register(app, context, signInDeps);
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
