/**
 * `npm run bench:api [-- --engine sqlite|postgres|sqlite,postgres] [--instruments N] [--cache on|off|both]
 * [--queries fixed|varied|both]`:
 * builds a synthetic atlas (N instruments, default 10,000, about 11 claims with evidence each) on
 * each engine — a SQLite file, or a fresh PostgreSQL database filled by multi-row INSERTs — starts
 * the real server (`mda serve`'s serveAtlas) in a child process on 127.0.0.1 and load-tests the main
 * endpoints with autocannon, printing p50/p99 latency and requests/s per engine and cache setting
 * side by side, with the load average and the server's memory. `npm run bench:api:large` is the
 * issue's PostgreSQL scale: 100,000 instruments and about 1,100,000 claims.
 *
 * Environment: MDA_BENCH_SECONDS (per endpoint, default 5), MDA_BENCH_CONNECTIONS (comma-separated
 * levels, default 4,8), MDA_BENCH_INSTRUMENTS (default of --instruments), MDA_BENCH_PG_URL (the
 * PostgreSQL server's maintenance database, default postgres://postgres:postgres@127.0.0.1:5432/postgres;
 * a database is created there for the run and dropped after), MDA_BENCH_PG_KEEP (a database name:
 * built there once and kept, then reused by later runs, which migrate it when they open it: before
 * and after figures of a change on the same 100,000-instrument atlas without rebuilding it),
 * MDA_BENCH_ONLY (endpoint names separated by semicolons, e.g. `list;filter text;search (fr)`),
 * MDA_BENCH_VARIED (distinct addresses per endpoint in the varied mode, default 400).
 *
 * The `public viewer: …` endpoints are measured last, while a fixed share of the atlas is restricted
 * (`restrictForBench`: one document of 400, one instrument in 500, one claim in 1,000, written
 * directly for the run and lifted after it, also on a kept database), so anonymous requests go
 * through the visibility rule instead of the fast path taken while nothing is restricted.
 *
 * `--queries varied`: each request of an endpoint asks one of many distinct addresses drawn from the
 * synthetic atlas's own vocabulary (types, topics, countries, years, words of its titles and texts in
 * both languages, pages), at random, so the response cache mostly misses as it would for a team
 * asking different things; the fixed mode repeats one address, which the cache answers after the
 * first request. The table then adds the share of answers that came from the cache.
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
import { buildSyntheticAtlas, buildSyntheticPostgres, random } from './synthetic-atlas.ts';
import { INSTRUMENT_TYPES, TOPICS, labelOf } from '../src/domain/taxonomy.ts';
import { STATES } from '../src/domain/actors.ts';
import { searchIndexOf } from '../src/storage/search/engines.ts';

interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonRequest {
  /** Called before each request: picks its address (varied mode). */
  setupRequest?: (request: { path: string }) => { path: string };
  onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string>) => void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;
// autocannon ships no type declarations; its promise API is typed here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECONDS = Number(process.env.MDA_BENCH_SECONDS ?? 5);
/** Concurrent connections, one table each: latency grows with the queue on a one-thread server. */
const CONNECTION_LEVELS = (process.env.MDA_BENCH_CONNECTIONS ?? '4,8').split(',').map(Number);
const PG_SERVER = process.env.MDA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const KEEP_PG = process.env.MDA_BENCH_PG_KEEP?.match(/^[a-z_][a-z0-9_]{0,62}$/)?.[0];
if (process.env.MDA_BENCH_PG_KEEP !== undefined && KEEP_PG === undefined) {
  throw new Error('MDA_BENCH_PG_KEEP takes a lower-case database name (letters, digits, _)');
}
const ONLY = process.env.MDA_BENCH_ONLY?.split(';').map((name) => name.trim());

type Engine = 'sqlite' | 'postgres';
type Queries = 'fixed' | 'varied';
const VARIED = Number(process.env.MDA_BENCH_VARIED ?? 400);

/** The value after `--name`, or the fallback. */
function option(argv: readonly string[], name: string, fallback: string): string {
  const index = argv.indexOf(name);
  return index >= 0 ? (argv[index + 1] ?? '') : fallback;
}

/** `--engine sqlite|postgres|sqlite,postgres` (default sqlite): several engines print side by side. */
function enginesArgument(argv: readonly string[]): Engine[] {
  const values = option(argv, '--engine', 'sqlite').split(',');
  for (const value of values) {
    if (value !== 'sqlite' && value !== 'postgres') {
      throw new Error('--engine takes sqlite, postgres or both');
    }
  }
  return values as Engine[];
}

/** `--cache on|off|both` (default on): the response cache of anonymous reads (http/response-cache.ts). */
function cacheArgument(argv: readonly string[]): boolean[] {
  const value = option(argv, '--cache', 'on');
  if (value === 'both') return [true, false];
  if (value === 'on' || value === 'off') return [value === 'on'];
  throw new Error('--cache takes on, off or both');
}

/** `--queries fixed|varied|both` (default fixed): one repeated address per endpoint, or many. */
function queriesArgument(argv: readonly string[]): Queries[] {
  const value = option(argv, '--queries', 'fixed');
  if (value === 'both') return ['fixed', 'varied'];
  if (value === 'fixed' || value === 'varied') return [value];
  throw new Error('--queries takes fixed, varied or both');
}

/** `--instruments N` (default MDA_BENCH_INSTRUMENTS or 10,000); about 11 claims each. */
function sizeArgument(argv: readonly string[]): number {
  const value = Number(option(argv, '--instruments', process.env.MDA_BENCH_INSTRUMENTS ?? '10000'));
  if (!Number.isInteger(value) || value < 100) throw new Error('--instruments takes a whole number ≥ 100');
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

/** Whether the PostgreSQL server has this database. */
async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Builds the synthetic atlas on the engine; returns where it lives and what it took. */
async function buildAtlas(engine: Engine, dir: string, pgName: string, instruments: number): Promise<string> {
  const size = { instruments, documents: 400 };
  if (engine === 'sqlite') {
    const built = await buildSyntheticAtlas(databaseFile(dir), size);
    const indexStart = Date.now();
    await sqliteSearchIndex.reindexAll(built.atlas.db);
    await built.atlas.store.close();
    console.log(
      `SQLite: ${built.instruments} instruments, ${built.claims} claims with evidence, ${built.documents} documents ` +
        `(written in ${built.millis} ms, search index in ${Date.now() - indexStart} ms)`,
    );
    return dir;
  }
  const url = new URL(PG_SERVER);
  url.pathname = `/${pgName}`;
  if (KEEP_PG !== undefined && (await databaseExists(pgName))) {
    console.log(`PostgreSQL: reusing the kept database ${pgName} (MDA_BENCH_PG_KEEP)`);
    // Opening it migrates it; the catch-up then fills what a migration left to it (the search
    // postings of 2900), timed here rather than inside the first measured request.
    const kept = await openAtlas({ database: url.toString() });
    const started = Date.now();
    await searchIndexOf(kept.db).ensure(kept.db);
    // As autovacuum would in time: index-only scans of the postings need their visibility map.
    await sql`vacuum (analyze) search_postings`.execute(kept.db);
    await kept.store.close();
    console.log(`PostgreSQL: search index caught up in ${Date.now() - started} ms`);
    return url.toString();
  }
  await onServer(`create database ${pgName}`);
  const built = await buildSyntheticPostgres(url.toString(), size, (done) =>
    process.stderr.write(`  … ${done} instruments written\n`),
  );
  const indexStart = Date.now();
  await searchIndexOf(built.atlas.db).reindexAll(built.atlas.db);
  await sql`vacuum (analyze) search_entries, search_postings`.execute(built.atlas.db);
  await sql`analyze`.execute(built.atlas.db);
  await built.atlas.store.close();
  console.log(
    `PostgreSQL: ${built.instruments} instruments, ${built.claims} claims with evidence, ${built.documents} documents ` +
      `(written by multi-row INSERTs in ${built.millis} ms, search index in ${Date.now() - indexStart} ms)`,
  );
  return url.toString();
}

const ALL_ENDPOINTS: readonly [name: string, path: string][] = [
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
/**
 * The same reads by the public while some records are restricted (README, "Restricted records"):
 * anonymous requests then go through the visibility rule (store/visibility.ts) instead of the fast
 * path taken while nothing is restricted. Measured after the endpoints above, with the records of
 * `restrictForBench` restricted, and lifted again after.
 */
const PUBLIC_ENDPOINTS: readonly [name: string, path: string][] = [
  ['public viewer: list', '/api/instruments'],
  ['public viewer: deep page', '/api/instruments?offset=5000&limit=50'],
  ['public viewer: country', '/api/instruments?country=ML'],
  ['public viewer: profile', '/api/countries/ML'],
  ['public viewer: instrument', '/api/instruments/ins_syn_4242'],
  ['public viewer: stats', '/api/stats'],
];
const ENDPOINTS = ALL_ENDPOINTS.filter(([name]) => ONLY === undefined || ONLY.includes(name));
const PUBLIC_SELECTED = PUBLIC_ENDPOINTS.filter(([name]) => ONLY === undefined || ONLY.includes(name));

/** The organisation the benchmark restricts records to; nothing else uses the name. */
const BENCH_ORGANISATION = 'mda-bench-restricted';

/**
 * Restricts (or, with `lift`, makes public again) a fixed share of the synthetic atlas: one document
 * of 400 (with the instruments known only from it, about 1 in 400, and their claims), one
 * instrument in 500 and one claim in 1,000. Written directly (no audit entries: a benchmark's
 * restriction is not a decision); lifting finds them by the benchmark's organisation, so a kept
 * database is left as it was, also after an interrupted run.
 */
async function restrictForBench(where: string, instruments: number, lift: boolean): Promise<void> {
  const atlas = await openAtlas(where.startsWith('postgres://') ? { database: where } : { dataDir: where });
  const { db } = atlas;
  try {
    if (lift) {
      for (const table of ['documents', 'instruments', 'claims'] as const) {
        await db
          .updateTable(table)
          .set({ restricted_to: null })
          .where('restricted_to', '=', BENCH_ORGANISATION)
          .execute();
      }
      return;
    }
    const every500 = Array.from({ length: Math.ceil(instruments / 500) }, (_, i) => `ins_syn_${7 + 500 * i}`);
    await db.transaction().execute(async (trx) => {
      const restrict = { restricted_to: BENCH_ORGANISATION };
      await trx.updateTable('documents').set(restrict).where('id', '=', 'doc_syn_1').execute();
      await trx.updateTable('instruments').set(restrict).where('id', 'in', every500).execute();
      await trx
        .updateTable('claims')
        .set(restrict)
        .where(sql<boolean>`id % 1000 = 3`)
        .execute();
    });
  } finally {
    await atlas.store.close();
  }
}

/**
 * The words a user of the synthetic atlas would type: those of its type and topic labels in French
 * and English (its titles and texts are made of them), alone and in pairs.
 */
function vocabulary(language: 'fr' | 'en'): { words: string[]; pairs: string[] } {
  const labels = [
    ...INSTRUMENT_TYPES.map((type) => labelOf('instrument_types', type, language)),
    ...TOPICS.map((topic) => labelOf('topics', topic, language)),
  ];
  const words = [...new Set(labels.flatMap((label) => label.toLowerCase().match(/\p{L}{4,}/gu) ?? []))];
  const pairs = labels.flatMap((label) => {
    const parts = label.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
    return parts.slice(1).map((word, index) => `${parts[index]} ${word}`);
  });
  return { words, pairs: [...new Set(pairs)] };
}

/**
 * Many distinct addresses for one endpoint (the varied mode), drawn with a seeded generator so every
 * run asks the same ones: other pages and orders of the list, other filters, other words.
 */
function variedPaths(name: string, fixed: string, instruments: number): string[] {
  const next = random(20261203);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const year = () => 1995 + Math.floor(next() * 31);
  const states = STATES.map((state) => state.id);
  const sorts = ['recent', 'oldest', 'title'];
  const fr = vocabulary('fr');
  const en = vocabulary('en');
  const q = (terms: readonly string[]) => encodeURIComponent(pick(terms));
  const any = [...fr.words, ...fr.pairs, ...en.words, ...en.pairs];
  const make: Record<string, () => string> = {
    list: () => `/api/instruments?offset=${50 * Math.floor(next() * 20)}&limit=50&sort=${pick(sorts)}`,
    'list, deep page': () => `/api/instruments?offset=${Math.floor(next() * (instruments - 50))}&limit=50`,
    'filter type+topic+years': () => {
      const from = year();
      return `/api/instruments?type=${pick(INSTRUMENT_TYPES)}&topic=${pick(TOPICS)}&from=${from}&to=${from + Math.floor(next() * 15)}`;
    },
    'filter country': () => `/api/instruments?country=${pick(states)}&sort=${pick(sorts)}`,
    'filter text': () => `/api/instruments?q=${q(any)}`,
    'country profile': () => `/api/countries/${pick(states)}`,
    'search (fr)': () => `/api/search?q=${q([...fr.words, ...fr.pairs])}`,
    'search (en, 2 words)': () => `/api/search?q=${q(en.pairs)}`,
    'instrument + evidence': () => `/api/instruments/ins_syn_${Math.floor(next() * instruments)}`,
  };
  const draw = make[name];
  if (draw === undefined) return [fixed];
  const paths = new Set<string>();
  // Bounded tries: an endpoint with few possible addresses (country profiles) keeps what it found.
  for (let tries = 0; paths.size < VARIED && tries < VARIED * 20; tries++) paths.add(draw());
  return [...paths];
}

/** In the child process: serve the data folder or database as `mda serve` does and print the URL. */
async function serve(where: string, logFile: string, cache: boolean): Promise<void> {
  const { serveAtlas } = await import('../src/app/serve.ts');
  // The request log is off: the figures measure the API, and stdout carries the URL to the parent.
  const served = await serveAtlas({
    ...(where.startsWith('postgres://') ? { database: where } : { dataDir: where }),
    port: 0,
    host: '127.0.0.1',
    ingestCorpus: false,
    // Only failures are logged, to a file: the figures measure the API, not the logger.
    log: { level: 'error', file: logFile },
    ...(cache ? {} : { responseCache: false as const }),
  });
  process.stdout.write(`${served.server.url}\n`);
}

function startChild(
  where: string,
  logFile: string,
  cache: boolean,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', where, logFile, cache ? 'on' : 'off'],
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

/** The server process's resident memory (Linux /proc), in MiB. */
async function residentMiB(pid: number | undefined): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kib === undefined ? null : Number(kib) / 1024;
}

interface Measure {
  p50: number;
  p99: number;
  rps: number;
  failures: number;
  /** CPU milliseconds per request of the server process, and of its PostgreSQL backends (null on SQLite). */
  serverCpu: number;
  pgCpu: number | null;
  /** Share of the answers served from the response cache (null with the cache off). */
  cacheShare: number | null;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** A process's CPU time (user + system, itself only), in milliseconds, from /proc; 0 once it is gone. */
async function cpuMillis(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The fields after the command name (in parentheses, which may contain spaces): utime is the 14th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / TICKS_PER_SECOND;
}

/**
 * The CPU used by the PostgreSQL backends serving one database, per backend pid: CPU per request
 * means something on a loaded shared machine, where latency does not. Read from /proc, so only for
 * a server on this machine (none: null).
 */
async function backendCpu(pgName: string | null): Promise<Map<number, number> | null> {
  if (pgName === null) return null;
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    const rows = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
      pgName,
    ]);
    const times = new Map<number, number>();
    for (const { pid } of rows.rows) times.set(pid, await cpuMillis(pid));
    return times;
  } finally {
    await client.end();
  }
}

/** CPU of the backends between two readings (a backend that appeared in between counts from 0). */
function backendDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (before === null || after === null) return null;
  let total = 0;
  for (const [pid, millis] of after) total += millis - (before.get(pid) ?? 0);
  return total;
}

/** Serves one atlas and measures every endpoint at every connection level. */
async function measure(
  where: string,
  dir: string,
  setting: { cache: boolean; queries: Queries; instruments: number },
  pgName: string | null,
): Promise<{ results: Map<string, Measure>; memory: number | null }> {
  const { cache, queries } = setting;
  const logFile = join(dir, `server-errors-${cache ? 'cache' : 'nocache'}-${queries}.log`);
  const { child, url } = await startChild(where, logFile, cache);
  const results = new Map<string, Measure>();
  // The public viewer's endpoints run last, while the benchmark's records are restricted.
  const phases: { endpoints: readonly [string, string][]; restricted: boolean }[] = [
    { endpoints: ENDPOINTS, restricted: false },
    { endpoints: PUBLIC_SELECTED, restricted: true },
  ];
  try {
    for (const { endpoints, restricted } of phases) {
      if (endpoints.length === 0) continue;
      if (restricted) await restrictForBench(where, setting.instruments, false);
      try {
        await measureEndpoints(endpoints);
      } finally {
        if (restricted) await restrictForBench(where, setting.instruments, true);
      }
    }
    return { results, memory: await residentMiB(child.pid) };
  } finally {
    child.kill();
    await reportServerErrors(logFile);
  }

  async function measureEndpoints(endpoints: readonly [string, string][]): Promise<void> {
    for (const connections of CONNECTION_LEVELS) {
      for (const [name, path] of endpoints) {
        await autocannon({ url: url + path, connections: 2, duration: 1, pipelining: 1 }); // warm-up
        const serverBefore = await cpuMillis(child.pid ?? 0);
        const pgBefore = await backendCpu(pgName);
        const addresses = queries === 'varied' ? variedPaths(name, path, setting.instruments) : [path];
        const next = random(connections);
        let answered = 0;
        let fromCache = 0;
        const result = await autocannon({
          url: url + path,
          connections,
          duration: SECONDS,
          pipelining: 1,
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                path: addresses[Math.floor(next() * addresses.length)] ?? path,
              }),
              onResponse: (_status, _body, _context, headers) => {
                answered += 1;
                if (headers['x-cache'] === 'hit') fromCache += 1;
              },
            },
          ],
        });
        const serverAfter = await cpuMillis(child.pid ?? 0);
        const pgUsed = backendDelta(pgBefore, await backendCpu(pgName));
        const requests = Math.max(1, result.requests.total);
        results.set(`${connections}\t${name}`, {
          p50: result.latency.p50,
          p99: result.latency.p99,
          rps: result.requests.average,
          failures: result.errors + result.timeouts + result.non2xx,
          serverCpu: (serverAfter - serverBefore) / requests,
          pgCpu: pgUsed === null ? null : pgUsed / requests,
          cacheShare: cache ? fromCache / Math.max(1, answered) : null,
        });
      }
    }
  }
}

const ms = (value: number) => `${value.toFixed(1)}`.padStart(8);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const engines = enginesArgument(process.argv);
  const caches = cacheArgument(process.argv);
  const queryModes = queriesArgument(process.argv);
  const instruments = sizeArgument(process.argv);
  const dir = await mkdtemp(join(tmpdir(), 'mda-bench-'));
  const pgName = KEEP_PG ?? `mda_bench_${process.pid}`;
  const columns: { label: string; run: { results: Map<string, Measure>; memory: number | null } }[] = [];
  try {
    console.log(`load average at start: ${load()} (${cpus().length} cores, shared with other processes)`);
    for (const engine of engines) {
      const where = await buildAtlas(engine, dir, pgName, instruments);
      // A kept database left restricted by an interrupted run is made public again first.
      if (PUBLIC_SELECTED.length > 0) await restrictForBench(where, instruments, true);
      for (const cache of caches) {
        for (const queries of queryModes) {
          columns.push({
            label: `${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, cache ${cache ? 'on' : 'off'}, ${queries}`,
            run: await measure(
              where,
              dir,
              { cache, queries, instruments },
              engine === 'postgres' ? pgName : null,
            ),
          });
        }
      }
    }
    console.log(
      `\n${instruments} instruments; ${SECONDS} s per endpoint and level, loopback 127.0.0.1, autocannon in this ` +
        'process, the server (one Node.js process) in another; load average at the end: ' +
        load(),
    );
    console.log(
      'Response cache: anonymous GETs of the read API kept per data version (see README, "How fast the API answers").',
    );
    console.log(
      'columns: p50 ms, p99 ms, requests/s, then CPU ms per request of the server process (+ its PostgreSQL ' +
        'backends), then (cache on) the share of answers from the cache; "!" marks p99 ≥ 50 ms, "E" failed ' +
        'requests. On a loaded machine compare the CPU, not the latency.',
    );
    for (const connections of CONNECTION_LEVELS) {
      console.log(`\n${connections} concurrent connections`);
      console.log(`${'endpoint'.padEnd(26)}${columns.map((c) => `  ${c.label.padEnd(50)}`).join('')}`);
      for (const [name] of [...ENDPOINTS, ...PUBLIC_SELECTED]) {
        const cells = columns.map(({ run }) => {
          const m = run.results.get(`${connections}\t${name}`);
          if (m === undefined) return ''.padEnd(52);
          const flags = `${m.p99 >= 50 ? '!' : ' '}${m.failures > 0 ? 'E' : ' '}`;
          const cpu = `${m.serverCpu.toFixed(2)}${m.pgCpu === null ? '' : ` + ${m.pgCpu.toFixed(2)}`}`;
          const hits = m.cacheShare === null ? '' : `${(m.cacheShare * 100).toFixed(0)}%`;
          return `  ${ms(m.p50)}${ms(m.p99)}${m.rps.toFixed(0).padStart(8)}${flags}${cpu.padStart(14)}${hits.padStart(6)}  `;
        });
        console.log(`${name.padEnd(26)}${cells.join('')}`);
      }
    }
    console.log(
      `\nserver memory (resident, after the run): ${columns
        .map(({ label, run }) => `${label} ${run.memory === null ? '?' : `${run.memory.toFixed(0)} MiB`}`)
        .join('; ')}`,
    );
  } finally {
    if (engines.includes('postgres') && KEEP_PG === undefined) {
      await onServer(`drop database if exists ${pgName} with (force)`);
    }
    await rm(dir, { recursive: true, force: true });
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) {
  await serve(
    process.argv[serveIndex + 1] ?? '',
    process.argv[serveIndex + 2] ?? '',
    process.argv[serveIndex + 3] !== 'off',
  );
} else await main();
