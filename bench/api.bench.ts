/**
 * `npm run bench:api [-- --engine sqlite|postgres]`: builds a synthetic atlas (10,000 instruments,
 * > 100,000 claims with evidence) in a temp database file, starts the real server in a child process
 * on 127.0.0.1 and load-tests the main endpoints with autocannon, printing p50/p99 latency and
 * requests/s each. With `--engine postgres`, the same atlas is moved into a fresh PostgreSQL
 * database (`mda export` / `mda import`: the store's exportTo and importFrom) and served from there.
 *
 * Environment: MDA_BENCH_SECONDS (per endpoint, default 5), MDA_BENCH_CONNECTIONS (comma-separated levels, default 4,8),
 * MDA_BENCH_INSTRUMENTS (default 10000), MDA_BENCH_PG_URL (the PostgreSQL server's maintenance
 * database, default postgres://postgres:postgres@127.0.0.1:5432/postgres; a database is created
 * there for the run and dropped after).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { openAtlas } from '../src/storage/database.ts';
import { databaseFile } from '../src/storage/paths.ts';
import { sqliteSearchIndex } from '../src/storage/sqlite/search-index.ts';
import { buildSyntheticAtlas } from './synthetic-atlas.ts';

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
}) => Promise<AutocannonResult>;
// autocannon ships no type declarations; its promise API is typed here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.MDA_BENCH_SECONDS ?? 5);
/** Concurrent connections, one table each: latency grows with the queue on a one-thread server. */
const CONNECTION_LEVELS = (process.env.MDA_BENCH_CONNECTIONS ?? '4,8').split(',').map(Number);
const INSTRUMENTS = Number(process.env.MDA_BENCH_INSTRUMENTS ?? 10_000);
const PG_SERVER = process.env.MDA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** `--engine sqlite|postgres` (default sqlite). */
function engineArgument(argv: readonly string[]): 'sqlite' | 'postgres' {
  const index = argv.indexOf('--engine');
  const value = index >= 0 ? argv[index + 1] : 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') throw new Error('--engine takes sqlite or postgres');
  return value;
}

/** Runs one statement on the PostgreSQL server's maintenance database (create or drop a database). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Moves the SQLite atlas into a new PostgreSQL database through an export package; returns its URL. */
async function moveToPostgres(dir: string, name: string): Promise<{ url: string; millis: number }> {
  const started = Date.now();
  await onServer(`create database ${name}`);
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  const source = await openAtlas({ file: databaseFile(dir) });
  const exported = join(dir, 'export');
  try {
    await source.store.exportTo(exported);
  } finally {
    await source.store.close();
  }
  const target = await openAtlas({ database: url.toString() });
  try {
    await target.store.importFrom(exported);
    // Fresh planner statistics, as a deployment's autovacuum would have gathered them.
    await sql`analyze`.execute(target.db);
  } finally {
    await target.store.close();
  }
  return { url: url.toString(), millis: Date.now() - started };
}

const ENDPOINTS: readonly [name: string, path: string][] = [
  ['list', '/api/instruments'],
  ['list, deep page', '/api/instruments?offset=5000&limit=50'],
  [
    'filter type+topic+years',
    '/api/instruments?type=readmission_agreement&topic=return_readmission&from=2005&to=2020',
  ],
  ['filter country', '/api/instruments?country=ML'],
  ['filter text', '/api/instruments?q=r%C3%A9admission'],
  ['country profile', '/api/countries/ML'],
  ['search (fr)', '/api/search?q=r%C3%A9admission'],
  ['search (en, 2 words)', '/api/search?q=mobility%20partnership'],
  ['instrument + evidence', '/api/instruments/ins_syn_4242'],
  ['stats', '/api/stats'],
];

/** In the child process: serve the data folder or database as `mda serve` does and print the URL. */
async function serve(where: string, logFile: string): Promise<void> {
  const { serveAtlas } = await import('../src/app/serve.ts');
  // The request log is off: the figures measure the API, and stdout carries the URL to the parent.
  const served = await serveAtlas({
    ...(where.startsWith('postgres://') ? { database: where } : { dataDir: where }),
    port: 0,
    host: '127.0.0.1',
    ingestCorpus: false,
    // Only failures are logged, to a file: the figures measure the API, not the logger.
    log: { level: 'error', file: logFile },
  });
  process.stdout.write(`${served.server.url}\n`);
}

function startChild(where: string, logFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', where, logFile],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (url) =>
      resolve({ child, url: url.trim() }),
    );
  });
}

/** The server's logged failures (errors in the table come with their cause), a few of each kind. */
async function reportServerErrors(logFile: string): Promise<void> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const messages = new Map<string, number>();
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    const message = entry.err?.message ?? entry.msg ?? line;
    messages.set(message, (messages.get(message) ?? 0) + 1);
  }
  if (messages.size === 0) return;
  console.log('\nserver errors:');
  for (const [message, count] of messages) console.log(`  ${count}× ${message.slice(0, 300)}`);
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

async function main(): Promise<void> {
  const engine = engineArgument(process.argv);
  const dir = await mkdtemp(join(tmpdir(), 'mda-bench-'));
  const file = databaseFile(dir);
  const pgName = `mda_bench_${process.pid}`;
  let child: ChildProcess | undefined;
  try {
    const built = await buildSyntheticAtlas(file, { instruments: INSTRUMENTS, documents: 400 });
    const indexStart = Date.now();
    await sqliteSearchIndex.reindexAll(built.atlas.db);
    const indexMillis = Date.now() - indexStart;
    await built.atlas.store.close();
    console.log(
      `synthetic atlas: ${built.instruments} instruments, ${built.claims} claims with evidence, ${built.documents} documents ` +
        `(built in ${built.millis} ms, search index in ${indexMillis} ms)`,
    );
    let where = dir;
    if (engine === 'postgres') {
      const moved = await moveToPostgres(dir, pgName);
      where = moved.url;
      console.log(`engine: PostgreSQL (moved there by export and import in ${moved.millis} ms)`);
    } else console.log('engine: SQLite (the embedded file)');
    console.log(
      `machine: ${cpus().length} cores, load average ${(loadavg()[0] ?? 0).toFixed(1)} (other processes share them); ` +
        `${SECONDS} s per endpoint, loopback 127.0.0.1, autocannon in this process and the server in another`,
    );
    const logFile = join(dir, 'server-errors.log');
    const started = await startChild(where, logFile);
    child = started.child;
    for (const connections of CONNECTION_LEVELS) {
      console.log(`\n${connections} concurrent connections`);
      console.log(
        `${'endpoint'.padEnd(26)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'req/s'.padStart(10)}  errors`,
      );
      for (const [name, path] of ENDPOINTS) {
        await autocannon({ url: started.url + path, connections: 2, duration: 1, pipelining: 1 }); // warm-up
        const result = await autocannon({
          url: started.url + path,
          connections,
          duration: SECONDS,
          pipelining: 1,
        });
        const failures = result.errors + result.timeouts + result.non2xx;
        const flag = result.latency.p99 < 50 ? '' : '  (p99 over 50 ms)';
        console.log(
          `${name.padEnd(26)}${ms(result.latency.p50)}${ms(result.latency.p99)}${result.requests.average.toFixed(0).padStart(10)}  ${failures}${flag}`,
        );
      }
    }
    await reportServerErrors(logFile);
  } finally {
    child?.kill();
    if (engine === 'postgres') await onServer(`drop database if exists ${pgName} with (force)`);
    await rm(dir, { recursive: true, force: true });
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) await serve(process.argv[serveIndex + 1] ?? '', process.argv[serveIndex + 2] ?? '');
else await main();
