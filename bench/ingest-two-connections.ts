/**
 * `node --import tsx bench/ingest-two-connections.ts [--warm 300] [--docs 400] [--block 25]`:
 * what a second writer costs SQLite's storing, in one process and one thread, so that the
 * machine's other work weighs on both sides alike. Pre-extracts synthetic documents (the windows
 * bench:ingest writes), stores `--warm` of them through connection A, then the rest in blocks,
 * alternating: a block stored all through A ("one writer"), a block stored alternately through A
 * and B ("two writers": each transaction follows the other connection's commit, as with two
 * worker processes). Prints the CPU of `saveExtraction` per document for each mode (the
 * analyses, the reads before the lock and the transaction; extraction is outside it), and the
 * CPU of the transaction alone (`begin immediate` to `commit`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { analyseDocument } from '../src/analysis/document-analyses.ts';
import type { ExtractedDocument } from '../src/extraction/types.ts';
import type { ReadDocument } from '../src/readers/index.ts';
import { extractReadDocument, readFileDocument } from '../src/services/extract-file.ts';
import { openAtlasDatabase } from '../src/storage/database.ts';
import { loadBuiltInTexts, syntheticDocument } from './varied-corpus.ts';

const { values: args } = parseArgs({
  options: {
    warm: { type: 'string', default: '300' },
    docs: { type: 'string', default: '400' },
    block: { type: 'string', default: '25' },
  },
});
const warm = Number(args.warm);
const measured = Number(args.docs);
const block = Number(args.block);

const cpuMs = (): number => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};

// The transaction's own CPU: from `begin immediate` to `commit`, timed on the statements.
let begun: number | undefined;
let transactionCpu = 0;
const Statement = Object.getPrototypeOf(new BetterSqlite3(':memory:').prepare('select 1')) as {
  run: (...args: unknown[]) => unknown;
};
const run = Statement.run;
Statement.run = function probed(this: { source: string }, ...rest: unknown[]) {
  const result = run.apply(this, rest);
  if (/^\s*begin immediate/i.test(this.source)) begun = cpuMs();
  else if (/^\s*(commit|rollback)/i.test(this.source) && begun !== undefined) {
    transactionCpu += cpuMs() - begun;
    begun = undefined;
  }
  return result;
};

const work = await mkdtemp(join(tmpdir(), 'mda-bench-two-'));
try {
  const sources = await loadBuiltInTexts();
  const total = warm + measured;
  const prepared: { document: ReadDocument; extracted: ExtractedDocument }[] = [];
  for (let i = 0; i < total; i += 1) {
    const { name, text } = syntheticDocument(sources, i);
    const path = join(work, name);
    await writeFile(path, text);
    const document = await readFileDocument(path);
    prepared.push({ document, extracted: extractReadDocument(document) });
  }
  const file = join(work, 'atlas.sqlite');
  const a = await openAtlasDatabase({ file });
  const b = await openAtlasDatabase({ file });
  const save = async (store: typeof a.store, i: number): Promise<void> => {
    const item = prepared[i];
    if (item === undefined) throw new Error('no document');
    const result = await store.saveExtraction(item.document, item.extracted, (id) =>
      analyseDocument(item.document.text, id, item.extracted),
    );
    if (result.status !== 'added') throw new Error(`document ${i}: ${result.status}`);
  };
  for (let i = 0; i < warm; i += 1) await save(a.store, i);
  const totals = {
    one: { docs: 0, cpu: 0, transaction: 0 },
    two: { docs: 0, cpu: 0, transaction: 0 },
  };
  const loadBefore = loadavg()[0] ?? 0;
  for (let start = warm, round = 0; start < total; start += block, round += 1) {
    const mode = round % 2 === 0 ? 'one' : 'two';
    for (let i = start; i < Math.min(total, start + block); i += 1) {
      const store = mode === 'two' && i % 2 === 1 ? b.store : a.store;
      const before = cpuMs();
      const transactionBefore = transactionCpu;
      await save(store, i);
      totals[mode].docs += 1;
      totals[mode].cpu += cpuMs() - before;
      totals[mode].transaction += transactionCpu - transactionBefore;
    }
  }
  await a.store.close();
  await b.store.close();
  process.stdout.write(
    `load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}; ${warm} documents first, then ${measured} in blocks of ${block}\n`,
  );
  for (const [mode, t] of Object.entries(totals)) {
    process.stdout.write(
      `${mode === 'one' ? 'one writer ' : 'two writers'}: ${t.docs} documents, saveExtraction CPU ${(t.cpu / t.docs).toFixed(1)} ms/document, of which the transaction ${(t.transaction / t.docs).toFixed(1)} ms\n`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
