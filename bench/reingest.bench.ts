/**
 * `npm run bench:reingest`: re-ingesting unchanged files. Writes N varied copies of the built-in
 * corpus (default 200), ingests them into a fresh database file, then ingests the same folder again
 * and times that second pass: every file is read and hashed, and recognised as stored before any
 * extraction. Options: --files N.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPaths, summariseBatch } from '../src/services/ingest.ts';
import { openAtlasStore } from '../src/storage/database.ts';
import { loadBuiltInTexts, variedCopies } from './varied-corpus.ts';

const { values: args } = parseArgs({ options: { files: { type: 'string', default: '200' } } });
const count = Number(args.files);

const work = await mkdtemp(join(tmpdir(), 'mda-bench-reingest-'));
try {
  const folder = join(work, 'documents');
  await mkdir(folder);
  let written = 0;
  let bytes = 0;
  for (const copy of variedCopies(await loadBuiltInTexts(), Number.MAX_SAFE_INTEGER)) {
    if (written === count) break;
    await writeFile(join(folder, copy.name), copy.text);
    bytes += Buffer.byteLength(copy.text);
    written += 1;
  }
  const store = await openAtlasStore({ dataDir: join(work, 'data') });
  try {
    // CPU time too: on a shared machine it varies far less with the load than the wall clock.
    let cpuSeconds = 0;
    const seconds = async (work: () => Promise<unknown>): Promise<number> => {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await work();
      const used = process.cpuUsage(cpu);
      cpuSeconds = (used.user + used.system) / 1e6;
      return Number(process.hrtime.bigint() - started) / 1e9;
    };
    let first = summariseBatch({ results: [] });
    const firstSeconds = await seconds(async () => {
      first = summariseBatch(await ingestPaths([folder], store));
    });
    let again = first;
    const againSeconds = await seconds(async () => {
      again = summariseBatch(await ingestPaths([folder], store));
    });
    console.log(`machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}`);
    console.log(
      `corpus: ${written} files, ${(bytes / 1e6).toFixed(1)} MB (varied copies of the built-in documents)`,
    );
    console.log(
      `first ingestion: ${firstSeconds.toFixed(1)} s (${first.added} added, ${first.unchanged} unchanged, ${first.failed} failed)`,
    );
    console.log(
      `re-ingesting ${written} unchanged files: ${againSeconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s of CPU), ${((againSeconds * 1000) / written).toFixed(1)} ms per file (${again.added} added, ${again.unchanged} unchanged, ${again.failed} failed)`,
    );
  } finally {
    await store.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
