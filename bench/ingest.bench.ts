/**
 * `npm run bench:ingest -- --engine sqlite|postgres --workers 1,2 [--docs 2000]`: ingestion
 * throughput with worker processes. Writes N synthetic documents (default 2,000: windows of a few
 * paragraphs (2-6 KB) of varied copies of the built-in corpus — states swapped, years shifted, sums changed,
 * paragraphs rotated — each with its own reference line, so every one is a new document), then runs
 * `mda ingest --workers W` on them, as users run it (bin/mda.js on the built dist/), into a fresh
 * atlas for each W: a SQLite file, or a new PostgreSQL database (MDA_BENCH_PG_URL, default the local
 * server) dropped afterwards. Prints one table: engine, workers, documents, seconds, docs/s, speed-up
 * over one worker, the CPU time of all the processes (from GNU time: on a shared machine it varies far
 * less with the load than the wall clock) and the peak resident memory of the whole process tree
 * (the `mda ingest` supervisor and its workers, sampled every 100 ms from /proc).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadBuiltInTexts, syntheticDocument } from './varied-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'mda.js');

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'sqlite' },
    workers: { type: 'string', default: '1,2' },
    docs: { type: 'string', default: '2000' },
    // Times each process's SQLite statements (bench/sqlite-lock-probe.mjs): lock waits, write
    // transactions, job-queue writes, CPU. A little overhead: report speed-ups from runs without it.
    profile: { type: 'boolean', default: false },
  },
});
const engine = args.engine;
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine: sqlite or postgres');
const workerCounts = args.workers.split(',').map(Number);
if (workerCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) {
  throw new Error('--workers: whole numbers from 1 to 16, comma-separated (1,2)');
}
const documents = Number(args.docs);
if (!Number.isInteger(documents) || documents < 1) throw new Error('--docs: a whole number');
const PG_SERVER = process.env.MDA_BENCH_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** Paragraph windows of varied corpus copies: `count` distinct documents of a few kilobytes. */
async function writeDocuments(folder: string, count: number): Promise<number> {
  const sources = await loadBuiltInTexts();
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const { name, text } = syntheticDocument(sources, i);
    await writeFile(join(folder, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)) {
      if (task !== '') total += treeRss(Number(task));
    }
  } catch {
    // The process ended between two reads.
  }
  return total;
}

async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh atlas for one run: the global option that names it and how to drop it. */
async function freshAtlas(
  work: string,
  label: string,
): Promise<{ option: string[]; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const data = join(work, `data-${label}`);
    return { option: ['--data', data], drop: () => rm(data, { recursive: true, force: true }) };
  }
  const name = `mda_bench_${randomBytes(5).toString('hex')}`;
  await withPostgres((client) => client.query(`create database ${name}`));
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return {
    option: ['--database', url.toString()],
    drop: () =>
      withPostgres((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

interface Row {
  readonly workers: number;
  readonly seconds: number;
  /** CPU time of all the processes (user + system). */
  readonly cpuSeconds: number;
  readonly summary: string;
  readonly peakRss: number;
  readonly probes: readonly Probe[];
}

/** One process's summary from bench/sqlite-lock-probe.mjs. */
interface Probe {
  readonly argv: string;
  readonly transactions: number;
  readonly lockWaitMs: number;
  readonly lockWaits: readonly number[];
  readonly holdMs: number;
  readonly autocommitWrites: number;
  readonly autocommitWriteMs: number;
  readonly autocommitWriteTimes: readonly number[];
  readonly busyErrors: number;
  readonly statementsMs: Readonly<Record<string, number>>;
  readonly statementsInHoldMs: number;
  readonly preparesInHold: number;
  readonly prepareInHoldMs: number;
  readonly commitMs: number;
  readonly commits: readonly number[];
  readonly holdCpuMs?: number;
  readonly commitCpuMs?: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly threadsCpuMs?: Readonly<Record<string, number>>;
}

const PROBE = join(ROOT, 'bench', 'sqlite-lock-probe.mjs');

async function run(folder: string, option: string[], workers: number): Promise<Row> {
  const started = process.hrtime.bigint();
  // GNU time adds the CPU of every process it waited for: the supervisor and its workers.
  const timing = join(folder, '..', `time-${workers}.txt`);
  const probeDir = join(folder, '..', `probe-${workers}`);
  if (args.profile) await mkdir(probeDir);
  const env = args.profile
    ? {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(PROBE).href}`.trim(),
        MDA_PROBE_DIR: probeDir,
      }
    : process.env;
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      '%U %S',
      '-o',
      timing,
      process.execPath,
      BIN,
      ...option,
      'ingest',
      '--workers',
      String(workers),
      folder,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peakRss = Math.max(peakRss, treeRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`mda ingest --workers ${workers} exited with ${code}:\n${stderr}`);
  const [user = 0, system = 0] = readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
  return {
    workers,
    seconds,
    cpuSeconds: user + system,
    summary: stdout.trim().split('\n')[0] ?? '',
    peakRss,
    probes: args.profile
      ? readdirSync(probeDir).map((name) => JSON.parse(readFileSync(join(probeDir, name), 'utf8')) as Probe)
      : [],
  };
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

function topStatements(workers: readonly Probe[]): [string, number][] {
  const totals = new Map<string, number>();
  for (const probe of workers) {
    for (const [key, ms] of Object.entries(probe.statementsMs)) totals.set(key, (totals.get(key) ?? 0) + ms);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 8);
}

/** The workers' CPU summed by thread name (a thread that ended before the process is not counted). */
function threadLine(workers: readonly Probe[], count: number): string {
  const totals = new Map<string, number>();
  let ended = 0;
  for (const probe of workers) {
    let seen = 0;
    for (const [name, ms] of Object.entries(probe.threadsCpuMs ?? {})) {
      totals.set(name, (totals.get(name) ?? 0) + ms);
      seen += ms;
    }
    ended += probe.cpuMs - seen;
  }
  // The extraction thread ends before the process: its CPU is what the threads still there miss.
  totals.set('threads ended before the exit', ended);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${(ms / count).toFixed(1)}`)
    .join(', ');
}

/** Per document, over the run's worker processes: where the time went (--profile). */
function profileLines(row: Row): string[] {
  const workers = row.probes.filter((probe) => / worker /.test(` ${probe.argv} `));
  const sum = (pick: (probe: Probe) => number): number => workers.reduce((t, p) => t + pick(p), 0);
  const per = (ms: number): string => (ms / documents).toFixed(1);
  const waits = workers.flatMap((p) => p.lockWaits);
  const autos = workers.flatMap((p) => p.autocommitWriteTimes);
  const waited = waits.filter((ms) => ms >= 1);
  const commits = workers.flatMap((p) => p.commits);
  return [
    `${row.workers} worker(s), per document (ms): CPU of the workers ${per(sum((p) => p.cpuMs))}` +
      ` (all processes ${((row.cpuSeconds * 1000) / documents).toFixed(1)}),` +
      ` write transaction held ${per(sum((p) => p.holdMs))},` +
      ` waiting to begin it ${per(sum((p) => p.lockWaitMs))},` +
      ` (CPU ${per(sum((p) => p.holdCpuMs ?? 0))}, of which the commit ${per(sum((p) => p.commitCpuMs ?? 0))};` +
      ` f = CPU under the lock ÷ the workers' CPU = ${(
        sum((p) => p.holdCpuMs ?? 0) /
        Math.max(
          1,
          sum((p) => p.cpuMs),
        )
      ).toFixed(2)}),` +
      ` job-queue writes outside it ${per(sum((p) => p.autocommitWriteMs))}` +
      ` (${(sum((p) => p.autocommitWrites) / documents).toFixed(1)} per document);` +
      ` wall per worker ${per(sum((p) => p.wallMs) / workers.length)}`,
    `  transactions ${waits.length}, of which waited ≥ 1 ms: ${waited.length}` +
      ` (median ${quantile(waited, 0.5).toFixed(1)} ms, p90 ${quantile(waited, 0.9).toFixed(1)}, max ${quantile(waited, 1).toFixed(1)});` +
      ` job-queue writes ≥ 1 ms: ${autos.filter((ms) => ms >= 1).length} of ${autos.length}` +
      ` (p90 ${quantile(autos, 0.9).toFixed(1)} ms, max ${quantile(autos, 1).toFixed(1)}); busy errors ${sum((p) => p.busyErrors)}`,
    `  inside the transaction: statements ${per(sum((p) => p.statementsInHoldMs))} ms, the commit ${per(sum((p) => p.commitMs))} ms` +
      ` (each: median ${quantile(commits, 0.5).toFixed(1)} ms, p90 ${quantile(commits, 0.9).toFixed(1)}: the slow ones checkpoint the WAL),` +
      ` preparing statements ${per(sum((p) => p.prepareInHoldMs))} ms (${(sum((p) => p.preparesInHold) / documents).toFixed(1)} prepares),` +
      ` the rest (JavaScript under the lock) ${per(sum((p) => p.holdMs - p.statementsInHoldMs - p.commitMs - p.prepareInHoldMs))} ms; slowest statements:`,
    ...topStatements(workers).map(([key, ms]) => `    ${per(ms)} ms  ${key}`),
    `  the workers' CPU by thread (ms per document): ${threadLine(workers, documents)}`,
  ];
}

const pad = (text: string, width: number, right = false): string =>
  right ? text.padStart(width) : text.padEnd(width);

// Workers run the compiled dist/, as after `npm install`; rebuilt only when a source changed.
spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });

const work = await mkdtemp(join(tmpdir(), 'mda-bench-ingest-'));
try {
  const folder = join(work, 'documents');
  await mkdir(folder);
  const bytes = await writeDocuments(folder, documents);
  process.stdout.write(
    `machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at the start\n` +
      `documents: ${documents} synthetic, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / documents)} bytes each on average)\n`,
  );
  const rows: Row[] = [];
  for (const workers of workerCounts) {
    const atlas = await freshAtlas(work, String(workers));
    try {
      const row = await run(folder, atlas.option, workers);
      if (!row.summary.startsWith(`${documents} added, 0 unchanged, 0 failed`)) {
        throw new Error(`unexpected summary with ${workers} workers: ${row.summary}`);
      }
      rows.push(row);
    } finally {
      await atlas.drop();
    }
  }
  const base = rows.find((row) => row.workers === 1);
  const header = [
    'engine',
    'workers',
    'documents',
    'seconds',
    'docs/s',
    'speed-up',
    'CPU s (all processes)',
    'CPU ms/document',
    'peak RSS (all processes)',
  ];
  const lines = rows.map((row) => [
    engine,
    String(row.workers),
    String(documents),
    row.seconds.toFixed(1),
    (documents / row.seconds).toFixed(1),
    base === undefined ? '—' : `${(base.seconds / row.seconds).toFixed(2)}×`,
    row.cpuSeconds.toFixed(1),
    // Varies far less with the machine's load than the wall clock: compare runs by it too.
    ((row.cpuSeconds * 1000) / documents).toFixed(1),
    `${Math.round(row.peakRss / 1024 / 1024)} MiB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]?.length ?? 0)));
  process.stdout.write(`${header.map((h, i) => pad(h, widths[i] ?? 0, i > 0)).join('  ')}\n`);
  for (const line of lines) {
    process.stdout.write(`${line.map((c, i) => pad(c, widths[i] ?? 0, i > 0)).join('  ')}\n`);
  }
  for (const row of args.profile ? rows : []) {
    for (const line of profileLines(row)) process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`load average ${loadavg()[0]?.toFixed(1)} at the end\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
