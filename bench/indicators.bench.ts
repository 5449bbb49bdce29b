/**
 * `npm run bench:indicators`: how long `GET /api/indicators` takes as the number of stored values
 * grows (it was quadratic: 20,000 values took 17 s). For each size, the values are written straight
 * into a fresh database file, the real server answers on 127.0.0.1, and the first page, a deep page
 * and the 10,000-value CSV download are timed (median of MDA_BENCH_RUNS, default 5).
 *
 * Environment: MDA_BENCH_SIZES (comma-separated value counts, default 20000,50000), MDA_BENCH_RUNS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { serveAtlas } from '../src/app/serve.ts';
import { databaseFile } from '../src/storage/paths.ts';

const SIZES = (process.env.MDA_BENCH_SIZES ?? '20000,50000').split(',').map(Number);
const RUNS = Number(process.env.MDA_BENCH_RUNS ?? 5);

/** `n` user-entered values in 50 series (indicator × country), written in one statement. */
function fill(file: string, n: number): void {
  const raw = new BetterSqlite3(file);
  try {
    raw
      .prepare(
        `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ?)
         INSERT INTO indicator_values (indicator, value, unit, date, country, approximate, entered_by,
           asserted_by, review_state, created_at)
         SELECT 'indicator ' || (i % 10), i, 'count', CAST(1900 + i % 200 AS TEXT),
           CASE i % 5 WHEN 0 THEN 'ML' WHEN 1 THEN 'SN' WHEN 2 THEN 'MA' WHEN 3 THEN 'TN' ELSE 'NE' END,
           0, 'bench', 'user:bench', 'unreviewed', '2026-01-01T00:00:00.000Z' FROM k`,
      )
      .run(n);
  } finally {
    raw.close();
  }
}

async function median(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}; median of ${RUNS} requests each, loopback, server in this process`,
);
console.log(
  `${'values'.padStart(8)}  ${'first page'.padStart(11)}  ${'deep page'.padStart(10)}  ${'csv 10,000'.padStart(11)}`,
);
for (const size of SIZES) {
  const dir = await mkdtemp(join(tmpdir(), 'mda-bench-ind-'));
  // Creates and migrates the database, then the values go in before the server starts.
  const created = await serveAtlas({ dataDir: dir, port: 0, ingestCorpus: false, log: { level: 'silent' } });
  await created.close();
  fill(databaseFile(dir), size);
  const served = await serveAtlas({ dataDir: dir, port: 0, ingestCorpus: false, log: { level: 'silent' } });
  try {
    const base = `${served.server.url}/api/indicators`;
    const first = await median(`${base}?limit=50`);
    const deep = await median(`${base}?limit=50&offset=${size - 100}`);
    const csv = await median(`${base}?format=csv&limit=10000`);
    const ms = (t: number) => `${t.toFixed(0)} ms`.padStart(10);
    console.log(
      `${String(size).padStart(8)}  ${ms(first).padStart(11)}  ${ms(deep)}  ${ms(csv).padStart(11)}`,
    );
  } finally {
    await served.close();
    await rm(dir, { recursive: true, force: true });
  }
}
