/**
 * A real atlas for HTTP and browser tests, started the way `mda serve` starts it: a database file
 * in a fresh temp folder, the built-in corpus ingested on first run through the ingest service,
 * and the server listening on 127.0.0.1 (random port).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveAtlas, type ServeOptions, type ServedAtlas } from '../../src/http/serve.ts';

export interface TestAtlas {
  readonly url: string;
  readonly served: ServedAtlas;
  close(): Promise<void>;
}

/**
 * Ingests the corpus into a temp database and starts the server on a free loopback port. The
 * request log is off unless `options.log` asks for it (test output stays readable).
 */
export async function startTestAtlas(
  options: Partial<Omit<ServeOptions, 'dataDir' | 'port' | 'host'>> = {},
): Promise<TestAtlas & { readonly dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mda-http-'));
  const served = await serveAtlas({
    log: { level: 'silent' },
    ...options,
    dataDir: dir,
    port: 0,
    host: '127.0.0.1',
  });
  const failed = served.ingested?.results.filter((item) => item.status === 'failed') ?? [];
  if (failed.length > 0) {
    throw new Error(`corpus ingestion failed: ${failed.map((f) => f.error?.message).join('; ')}`);
  }
  return {
    url: served.server.url,
    dir,
    served,
    async close() {
      await served.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** GET a path and parse the JSON body. */
export async function getJson<T = unknown>(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  const body = (await response.json()) as T;
  return { status: response.status, headers: response.headers, body };
}
