/**
 * A real atlas for HTTP and browser tests, started the way `mda serve` starts it: on SQLite, a
 * database file in a fresh temp folder; on PostgreSQL, a fresh database (dropped afterwards). The
 * built-in corpus is ingested on first run through the ingest service, and the server listens on
 * 127.0.0.1 (random port). When the test run prepared a database with the corpus already ingested
 * (see test/support/templates.ts), the atlas starts from a copy of it instead: the same first-run
 * ingestion, done once per run rather than once per suite.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveAtlas, type ServeOptions, type ServedAtlas } from '../../src/app/serve.ts';
import { databaseFile } from '../../src/storage/paths.ts';
import { createTestDatabase, type Engine } from '../support/engines.ts';
import { copySqliteTemplate, templateOf } from '../support/templates.ts';

export interface TestAtlas {
  readonly url: string;
  readonly served: ServedAtlas;
  readonly engine: Engine;
  /** The PostgreSQL database's URL with its password (for a test's own bulk writes); none on SQLite. */
  readonly databaseUrl?: string;
  close(): Promise<void>;
}

/**
 * Ingests the corpus into a fresh database on `engine` (default SQLite) and starts the server on a
 * free loopback port. The request log is off unless `options.log` asks for it. `dir` is a temp
 * folder on both engines (the SQLite file lives there).
 */
export async function startTestAtlas(
  options: Partial<Omit<ServeOptions, 'dataDir' | 'database' | 'port' | 'host'>> = {},
  engine: Engine = 'sqlite',
): Promise<TestAtlas & { readonly dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mda-http-'));
  const content = options.ingestCorpus === false ? 'migrated' : 'corpus';
  const database =
    engine === 'postgres' ? await createTestDatabase(templateOf('postgres', content)) : undefined;
  if (engine === 'sqlite') await copySqliteTemplate(content, databaseFile(dir));
  const dispose = async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  };
  let served: ServedAtlas;
  try {
    served = await serveAtlas({
      log: { level: 'silent' },
      ...options,
      ...(database === undefined ? { dataDir: dir } : { database: database.url }),
      port: 0,
      host: '127.0.0.1',
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  const failed = served.ingested?.results.filter((item) => item.status === 'failed') ?? [];
  if (failed.length > 0) {
    await served.close();
    await dispose();
    throw new Error(`corpus ingestion failed: ${failed.map((f) => f.error?.message).join('; ')}`);
  }
  return {
    url: served.server.url,
    dir,
    engine,
    ...(database === undefined ? {} : { databaseUrl: database.url }),
    served,
    async close() {
      await served.close();
      await dispose();
    },
  };
}

/** GET a page's HTML, which must answer 200. */
export async function getPage(base: string, path: string): Promise<string> {
  const response = await fetch(base + path);
  assert.equal(response.status, 200, path);
  return response.text();
}

/** GET a path and parse the JSON body. */
export async function getJson<T = unknown>(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers });
  const body = (await response.json()) as T;
  return { status: response.status, headers: response.headers, body };
}

/**
 * The id of the built-in corpus document whose file name contains `name` (ingested by this atlas's
 * first run, or by the run's prepared database it was copied from).
 */
export async function corpusDocumentId(atlas: TestAtlas, name: string): Promise<string> {
  const page = await atlas.served.store.listDocuments({ limit: 100, offset: 0 });
  const document = page.items.find((d) => d.sourcePath.includes(name));
  if (document === undefined) throw new Error(`no corpus document named like ${name}`);
  return document.id;
}
