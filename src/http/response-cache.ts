/**
 * The read API's response cache. The atlas is read far more than it is written, and the same
 * lists and searches are asked again and again (the front page, a team's usual filters), so the
 * answer to an anonymous GET of the read routes is kept, keyed on the store's data version
 * (AtlasStore.dataVersion: SQLite's data_version and own changes, PostgreSQL's commit notices)
 * and on everything else the answer depends on (the URL with its query, Accept, Accept-Language).
 * A committed write of any process changes the version, so nothing stale is served; a write
 * through this server also starts a new generation at once, without waiting for its notice.
 *
 * Only anonymous requests are cached: a signed-in user may see records an anonymous one does not
 * (unpublished contributions, an organisation's restricted records), and their answers are never
 * stored or served from here. Why a cache rather than only faster queries or more processes: see
 * the README ("How fast the API answers"), with the figures of `npm run bench:api`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AtlasStore } from '../storage/atlas-store.ts';

export interface ResponseCacheOptions {
  /** Answers kept at most (default 2,000). */
  readonly maxEntries?: number;
  /** Bytes of answers kept at most (default 32 MiB). */
  readonly maxBytes?: number;
}

/** The read routes whose anonymous answers depend only on the data and the request. */
const CACHED_ROUTES: ReadonlySet<string> = new Set([
  '/api/instruments',
  '/api/instruments/:id',
  '/api/instruments/:id/links',
  '/api/search',
  '/api/countries/:code',
  '/api/actors',
  '/api/stats',
  '/api/timeline',
  '/api/network',
]);

/** Headers of an answer that are part of it (the security headers are set on every reply anyway). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'x-total-count'] as const;

interface CachedAnswer {
  readonly body: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** A least-recently-used map bounded by entries and bytes. */
class AnswerStore {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): CachedAnswer | undefined {
    const answer = this.entries.get(key);
    if (answer !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: CachedAnswer): void {
    if (answer.body.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, answer);
    this.bytes += answer.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

const SAFE = new Set(['GET', 'HEAD']);

const WAIT_LIMIT_MS = 5000;
const waitLimit = () =>
  new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), WAIT_LIMIT_MS).unref());

declare module 'fastify' {
  interface FastifyRequest {
    /** The key under which this request's answer is to be kept (set on a cache miss). */
    responseCacheKey: string | null;
  }
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * Installs the cache: a preHandler answers from it (register it after authentication, so the
 * identity is known, and before hooks that only prepare a computation, such as the search index
 * refresh); an onSend hook keeps what a miss computed.
 */
export function installResponseCache(
  app: FastifyInstance,
  store: AtlasStore,
  options: ResponseCacheOptions = {},
): void {
  const answers = new AnswerStore(options.maxEntries ?? 2000, options.maxBytes ?? 32 * 1024 * 1024);
  const inFlight = new Map<
    string,
    {
      readonly answer: Promise<CachedAnswer | undefined>;
      readonly settle: (answer: CachedAnswer | undefined) => void;
      readonly request: FastifyRequest;
    }
  >();
  let generation = 0;
  let lastVersion: string | null = null;
  app.decorateRequest('responseCacheKey', null);
  // The first ask starts the engine's watch (PostgreSQL's LISTEN connection): start it now.
  void store.dataVersion();

  const cacheable = (request: FastifyRequest): boolean =>
    request.method === 'GET' &&
    request.identity === null &&
    CACHED_ROUTES.has(request.routeOptions.url ?? '');

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const version = await store.dataVersion();
    if (version === null) return;
    // A new version makes every kept answer unreachable: free them at once.
    if (version !== lastVersion) {
      answers.clear();
      lastVersion = version;
    }
    const key = [
      version,
      generation,
      headerText(request.headers.accept),
      headerText(request.headers['accept-language']),
      request.url,
    ].join('\n');
    let hit = answers.get(key);
    // The same question already being computed (a burst of identical requests after a change):
    // wait for that answer instead of computing it once per request.
    const computing = hit === undefined ? inFlight.get(key) : undefined;
    // (Not longer than WAIT_LIMIT_MS: an owner whose client went away may never answer.)
    if (computing !== undefined) hit = await Promise.race([computing.answer, waitLimit()]);
    if (hit === undefined) {
      if (computing === undefined) {
        let settle: (answer: CachedAnswer | undefined) => void = () => undefined;
        const answer = new Promise<CachedAnswer | undefined>((resolve) => (settle = resolve));
        inFlight.set(key, { answer, settle, request });
        request.responseCacheKey = key;
      }
      return;
    }
    for (const [name, value] of hit.headers) void reply.header(name, value);
    void reply.header('x-cache', 'hit');
    return reply.send(hit.body);
  });

  /** Ends the computation this request owned, with its answer or without (an error, a redirect). */
  const settle = (request: FastifyRequest, answer: CachedAnswer | undefined) => {
    const key = request.responseCacheKey;
    const computing = key === null ? undefined : inFlight.get(key);
    if (key === null || computing?.request !== request) return;
    inFlight.delete(key);
    computing.settle(answer);
  };
  app.addHook('onResponse', (request, _reply, done) => {
    settle(request, undefined);
    done();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // A write through this server starts a new generation before its answer leaves, so its
    // author's next read never waits for the engine's notice of the change.
    if (!SAFE.has(request.method)) {
      generation++;
      answers.clear();
      return payload;
    }
    const key = request.responseCacheKey;
    if (key !== null && reply.statusCode === 200 && typeof payload === 'string') {
      const headers: [string, string][] = [];
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers.push([name, String(value)]);
      }
      const answer = { body: payload, headers };
      answers.set(key, answer);
      settle(request, answer);
    }
    return payload;
  });
}
