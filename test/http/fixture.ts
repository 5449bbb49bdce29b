/**
 * A real atlas for HTTP and browser tests: a database file in a fresh temp folder, the built-in
 * corpus ingested through the ingest service, and the server listening on 127.0.0.1 (random port).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/http/server.ts';
import { ensureBuiltInCorpus } from '../../src/services/corpus.ts';
import { openAtlasDatabase, type SqliteAtlas } from '../../src/storage/database.ts';

export interface TestAtlas {
  readonly url: string;
  readonly atlas: SqliteAtlas;
  readonly server: RunningServer;
  close(): Promise<void>;
}

/** Ingests the corpus into a temp database and starts the server on a free loopback port. */
export async function startTestAtlas(): Promise<TestAtlas> {
  const dir = await mkdtemp(join(tmpdir(), 'mda-http-'));
  const atlas = await openAtlasDatabase({ dataDir: dir });
  const batch = await ensureBuiltInCorpus(atlas.store);
  const failed = batch?.results.filter((item) => item.status === 'failed') ?? [];
  if (failed.length > 0) throw new Error(`corpus ingestion failed: ${failed.map((f) => f.error?.message).join('; ')}`);
  const server = await startServer({ store: atlas.store, db: atlas.db, port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    atlas,
    server,
    async close() {
      await server.close();
      await atlas.store.close();
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
