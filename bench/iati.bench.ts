/**
 * `npm run bench:iati`: writes a generated IATI file of 10,000 activities with the streaming writer
 * (one activity at a time, never the whole file as one string), imports it into a fresh database
 * file with `mda iati import`'s service, and prints activities per second and peak memory (RSS and
 * heap). `--activities N` changes the count; `--mb M` writes a file of about M MB instead, and runs
 * a 10 MB file first for comparison, to show that memory stays flat as the file grows. Each run is
 * its own process, so each peak is that run's alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { IatiActivity } from '../src/domain/iati/model.ts';
import { activityXml, writeIatiFile } from '../src/readers/iati/activity-writer.ts';
import { importIatiFile } from '../src/services/iati/import.ts';
import { openAtlasStore } from '../src/storage/database.ts';
import { syntheticActivity } from './iati-activities.ts';

const { values: args } = parseArgs({
  options: {
    activities: { type: 'string' },
    mb: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
});

interface RunResult {
  readonly activities: number;
  readonly fileMb: number;
  readonly writeSeconds: number;
  readonly importSeconds: number;
  readonly perSecond: number;
  /** CPU seconds of the import: on a loaded shared machine they vary far less than the wall clock. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly maxRssMb: number;
  /** RSS and heap once the database is open, before the import: the import's share is the rest. */
  readonly baseRssMb: number;
  readonly baseHeapMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Activities until `count` of them, or until about `bytes` are written. */
function* activities(limit: { count?: number; bytes?: number }): Generator<IatiActivity> {
  let written = 0;
  for (let n = 0; ; n += 1) {
    if (limit.count !== undefined && n >= limit.count) return;
    if (limit.bytes !== undefined && written >= limit.bytes) return;
    const activity = syntheticActivity(n);
    if (limit.bytes !== undefined) written += Buffer.byteLength(activityXml(activity));
    yield activity;
  }
}

async function runOnce(limit: { count?: number; bytes?: number }): Promise<RunResult> {
  const work = await mkdtemp(join(tmpdir(), 'mda-bench-iati-'));
  try {
    const file = join(work, 'activities.xml');
    const writeStart = process.hrtime.bigint();
    const count = await writeIatiFile(file, activities(limit));
    const writeSeconds = Number(process.hrtime.bigint() - writeStart) / 1e9;
    const { size } = await stat(file);
    const store = await openAtlasStore({ dataDir: join(work, 'data') });
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const timer = setInterval(sample, 20);
    try {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const item = await importIatiFile(store, file);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const used = process.cpuUsage(cpu);
      sample();
      if (item.status !== 'imported' || item.activities !== count) {
        throw new Error(`import failed: ${item.error?.message ?? item.status}`);
      }
      return {
        activities: count,
        fileMb: mb(size),
        writeSeconds: Math.round(writeSeconds * 10) / 10,
        importSeconds: Math.round(seconds * 10) / 10,
        perSecond: Math.round(count / seconds),
        cpuSeconds: Math.round(((used.user + used.system) / 1e6) * 10) / 10,
        peakRssMb: mb(peakRss),
        peakHeapMb: mb(peakHeap),
        // The process's high-water mark (kilobytes), generation and import together.
        maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
        baseRssMb: mb(base.rss),
        baseHeapMb: mb(base.heapUsed),
      };
    } finally {
      clearInterval(timer);
      await store.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Runs one measurement in a fresh process and returns its result. */
function runChild(option: string[]): RunResult {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...option],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as RunResult;
}

const line = (label: string, r: RunResult): string =>
  `${label.padEnd(18)} ${String(r.activities).padStart(7)} activities  ${String(r.fileMb).padStart(6)} MB  ` +
  `import ${String(r.importSeconds).padStart(5)} s (CPU ${r.cpuSeconds} s)  ${String(r.perSecond).padStart(6)} activities/s  ` +
  `peak RSS ${r.peakRssMb} MB (process max ${r.maxRssMb} MB, ${r.baseRssMb} MB before the import)  ` +
  `peak heap ${r.peakHeapMb} MB (${r.baseHeapMb} MB before)`;

if (args.child) {
  const limit =
    args.mb !== undefined
      ? { bytes: Number(args.mb) * 1024 * 1024 }
      : { count: Number(args.activities ?? 10_000) };
  process.stdout.write(`${JSON.stringify(await runOnce(limit))}\n`);
} else {
  console.log(
    `machine: ${availableParallelism()} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; Node ${process.version}; SQLite file, one transaction, batches of 250`,
  );
  if (args.mb !== undefined) {
    const small = runChild(['--mb', '10']);
    console.log(line('10 MB file', small));
    const large = runChild(['--mb', args.mb]);
    console.log(line(`${args.mb} MB file`, large));
    console.log(
      `peak RSS ${small.peakRssMb} MB for ${small.fileMb} MB vs ${large.peakRssMb} MB for ${large.fileMb} MB ` +
        `(file ×${(large.fileMb / small.fileMb).toFixed(1)}, peak RSS ×${(large.peakRssMb / small.peakRssMb).toFixed(2)})`,
    );
  } else {
    console.log(line('generated file', runChild(['--activities', args.activities ?? '10000'])));
  }
}
