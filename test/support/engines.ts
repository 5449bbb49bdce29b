/**
 * Runs a test body on both engines: SQLite on a temporary file, PostgreSQL on a fresh database
 * (unique name, dropped afterwards) on the server at MDA_TEST_PG_URL, by default the one
 * scripts/install-system-deps.sh starts. A missing server fails the test with how to start it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { ensureBuiltInCorpus } from '../../src/services/corpus.ts';
import { openAtlas, type OpenAtlas, type OpenOptions } from '../../src/storage/database.ts';
import { openPostgres } from '../../src/storage/postgres/connection.ts';
import type { Database } from '../../src/storage/schema.ts';
import { openSqlite } from '../../src/storage/sqlite/connection.ts';
import { copySqliteTemplate, templateOf } from './templates.ts';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

const SERVER = process.env.MDA_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${SERVER} (${error instanceof Error ? error.message : String(error)}): ` +
        'start it with `npm run pg:start` (or `bash scripts/install-system-deps.sh`), or set MDA_TEST_PG_URL',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let fileCopy: Promise<boolean> | undefined;

/**
 * Whether template copies should copy the files (`STRATEGY FILE_COPY`, PostgreSQL 15+) rather than
 * write every page of the template to the write-ahead log (the default since 15): only on a server
 * without fsync, such as the run's own cluster (scripts/pg-test-cluster.sh), where the checkpoint
 * that a file copy forces costs no flush. There it spent about a third less of PostgreSQL's CPU
 * per copy of the run's templates; on a durable server the checkpoint would wait on the disk.
 */
function copiesFiles(client: pg.Client): Promise<boolean> {
  fileCopy ??= client
    .query<{ yes: boolean }>(
      "select current_setting('server_version_num')::int >= 150000 and current_setting('fsync') = 'off' as yes",
    )
    .then((result) => result.rows[0]?.yes === true);
  return fileCopy;
}

/**
 * A fresh PostgreSQL database: its URL and the way to drop it. Empty, or a copy of `template` (a
 * database the run prepared, see templates.ts).
 */
export async function createTestDatabase(template?: string): Promise<{
  readonly url: string;
  readonly drop: () => Promise<void>;
}> {
  const name = `mda_test_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    const copy =
      template === undefined
        ? ''
        : ` template ${pg.escapeIdentifier(template)}${(await copiesFiles(client)) ? ' strategy file_copy' : ''}`;
    await client.query(`create database ${name}${copy}`);
  });
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** The engines a suite runs on: both, or the one MDA_TEST_ENGINE names (a quick run on one). */
export function testEngines(env: NodeJS.ProcessEnv = process.env): readonly Engine[] {
  const only = env.MDA_TEST_ENGINE;
  return ENGINES.filter((engine) => only === undefined || only === '' || only === engine);
}

/**
 * One suite per engine, named `name(engine)` (by default `title (engine)`), the engines' suites
 * running side by side under a suite named `title`: for suites that spend much of their time
 * waiting (on Chromium, on PostgreSQL, on the server's answers) and whose engines share nothing
 * (each engine's suite makes its own atlas). Each engine's tests still run one after the other,
 * in order.
 */
export function describeOnEachEngine(
  title: string,
  body: (engine: Engine) => void,
  name: (engine: Engine) => string = (engine) => `${title} (${engine})`,
): void {
  void describe(title, { concurrency: true }, () => {
    // Subtests inherit their parent's concurrency: each engine's own tests are set back to one at a time.
    for (const engine of testEngines()) void describe(name(engine), { concurrency: 1 }, () => body(engine));
  });
}

/**
 * An open, migrated atlas on one engine and the way to dispose of it (close, then drop or delete).
 * It starts from the run's migrated template when there is one; with `corpus`, it holds the
 * built-in corpus too (the run's corpus template, else ingested here).
 */
export async function openTestAtlas(
  engine: Engine,
  options: { readonly corpus?: boolean } = {},
): Promise<{ readonly atlas: OpenAtlas; readonly dispose: () => Promise<void> }> {
  const content = options.corpus === true ? 'corpus' : 'migrated';
  const opened = await openEmptyOrTemplate(engine, content);
  if (content === 'corpus' && templateOf(engine, 'corpus') === undefined) {
    try {
      await ensureBuiltInCorpus(opened.atlas.store);
    } catch (error) {
      await opened.dispose();
      throw error;
    }
  }
  return opened;
}

async function openEmptyOrTemplate(
  engine: Engine,
  content: 'migrated' | 'corpus',
): Promise<{ readonly atlas: OpenAtlas; readonly dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'mda-engine-'));
    const file = join(dir, 'atlas.sqlite');
    await copySqliteTemplate(content, file);
    const atlas = await openAtlas({ file });
    return {
      atlas,
      async dispose() {
        await atlas.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase(templateOf('postgres', content));
  const atlas = await openAtlas({ database: database.url });
  return {
    atlas,
    async dispose() {
      await atlas.store.close();
      await database.drop();
    },
  };
}

/**
 * Where the CLI keeps a test's atlas on an engine: `--data DIR` (a fresh temp folder, SQLite) or
 * `--database URL` (a fresh PostgreSQL database); `open` is the same target for `openAtlas`, and
 * `dir` a temp folder for the test's own files on both.
 */
export async function cliTestAtlas(engine: Engine): Promise<{
  readonly args: readonly string[];
  readonly open: { readonly dataDir: string } | { readonly database: string };
  readonly dir: string;
  readonly dispose: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), `mda-cli-${engine}-`));
  if (engine === 'sqlite') {
    const data = join(dir, 'data');
    return {
      args: ['--data', data],
      open: { dataDir: data },
      dir,
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  return {
    args: ['--database', database.url],
    open: { database: database.url },
    dir,
    async dispose() {
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An atlas written by `write` on a bare connection (no migrations run: migration tests write an
 * older schema themselves), as a file in `dir` or a new test database. Returns what reopens it
 * through `openAtlas` (which then migrates it) and what drops the database afterwards.
 */
export async function writtenAtlas(
  engine: Engine,
  dir: string,
  write: (db: Kysely<Database>) => Promise<void>,
): Promise<{ target: OpenOptions; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const file = join(dir, 'atlas.sqlite');
    const old = openSqlite(file);
    try {
      await write(old.db);
    } finally {
      await old.db.destroy();
    }
    return { target: { file }, drop: async () => {} };
  }
  const database = await createTestDatabase();
  const old = await openPostgres(database.url);
  try {
    await write(old.db);
  } finally {
    await old.db.destroy();
  }
  return { target: { database: database.url }, drop: database.drop };
}
