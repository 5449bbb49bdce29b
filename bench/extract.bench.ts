/**
 * `npm run bench:extract`: extraction and ingestion throughput on ≥ 50 MB of varied copies of the
 * built-in corpus, and memory on one large file.
 *
 * - Extraction: `extractDocument` over every copy, in this one process (one core), MB/s.
 * - Ingestion: the same files through the ingest service into a fresh database file: documents/s
 *   and facts (claims with evidence)/s.
 * - Bare tokenizer: a regex word split and Intl.Segmenter over the same text, and the ratio of the
 *   extraction time to each (the cost of the rules over the cheapest pass that reads every word).
 * - Memory: a child process extracts one large file and reports its peak RSS (bench/extract-memory.ts).
 *
 * Options: --mb N (corpus size, default 50), --ingest-mb N (how much of it is ingested, default 10:
 * ingestion also runs the analyses and writes every claim, so the whole corpus would take minutes),
 * --skip-ingest, --memory-mb N (default 50).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../src/extraction/pipeline.ts';
import { ingestPaths, summariseBatch } from '../src/services/ingest.ts';
import { openAtlasStore } from '../src/storage/database.ts';
import { loadBuiltInTexts, variedCopies } from './varied-corpus.ts';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    'memory-mb': { type: 'string', default: '50' },
    'ingest-mb': { type: 'string', default: '10' },
    'skip-ingest': { type: 'boolean', default: false },
  },
});
const MB = 1e6;
const corpusBytes = Number(args.mb) * MB;
const memoryBytes = Number(args['memory-mb']) * MB;
const ingestBytes = Number(args['ingest-mb']) * MB;

const work = await mkdtemp(join(tmpdir(), 'mda-bench-extract-'));
try {
  const sources = await loadBuiltInTexts();
  const files: { path: string; text: string; bytes: number }[] = [];
  for (const copy of variedCopies(sources, corpusBytes)) {
    const path = join(work, copy.name);
    await writeFile(path, copy.text);
    files.push({ path, text: copy.text, bytes: Buffer.byteLength(copy.text) });
  }
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(
    `corpus: ${files.length} documents, ${(totalBytes / MB).toFixed(1)} MB (varied copies of ${sources.length} documents)`,
  );

  // Warm up the lexicons and regexes once, so start-up cost is not counted as throughput.
  extractDocument(sources[0]?.text ?? '');
  let instruments = 0;
  const started = process.hrtime.bigint();
  for (const file of files) instruments += extractDocument(file.text).instruments.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `extraction (1 core): ${(totalBytes / MB / seconds).toFixed(2)} MB/s — ${seconds.toFixed(1)} s, ${instruments} instrument mentions`,
  );

  // The floor any text pass pays: a bare tokenizer over the same text. Extraction is compared with
  // a regex word split (one linear scan) and with Intl.Segmenter's word segmentation (ICU).
  const WORD = /[\p{L}\p{N}]+/gu;
  const regexStart = process.hrtime.bigint();
  let words = 0;
  for (const file of files) words += file.text.match(WORD)?.length ?? 0;
  const regexSeconds = Number(process.hrtime.bigint() - regexStart) / 1e9;
  const segmenter = new Intl.Segmenter('fr', { granularity: 'word' });
  const icuStart = process.hrtime.bigint();
  let segments = 0;
  // Line by line: V8's segmenter slows down more than linearly on a multi-megabyte string.
  for (const file of files) {
    for (const line of file.text.split('\n')) {
      for (const part of segmenter.segment(line)) if (part.isWordLike) segments++;
    }
  }
  const icuSeconds = Number(process.hrtime.bigint() - icuStart) / 1e9;
  console.log(
    `bare tokenizer (1 core): regex word split ${(totalBytes / MB / regexSeconds).toFixed(2)} MB/s (${words} words), ` +
      `Intl.Segmenter ${(totalBytes / MB / icuSeconds).toFixed(2)} MB/s (${segments} words)`,
  );
  console.log(
    `extraction time / tokenizer time: ${(seconds / regexSeconds).toFixed(1)}× the regex word split, ` +
      `${(seconds / icuSeconds).toFixed(1)}× Intl.Segmenter (target: within 10× of a tokenizer pass)`,
  );

  if (!args['skip-ingest']) {
    const store = await openAtlasStore({ dataDir: join(work, 'db') });
    try {
      let taken = 0;
      const toIngest = files.filter((file) => (taken += file.bytes) - file.bytes < ingestBytes);
      const ingestedBytes = toIngest.reduce((sum, file) => sum + file.bytes, 0);
      const ingestStart = process.hrtime.bigint();
      const batch = await ingestPaths(
        toIngest.map((file) => file.path),
        store,
      );
      const ingestSeconds = Number(process.hrtime.bigint() - ingestStart) / 1e9;
      const summary = summariseBatch(batch);
      for (const failed of batch.results.filter((item) => item.status === 'failed').slice(0, 3)) {
        console.error(`failed: ${failed.error?.message ?? failed.file}`);
      }
      console.log(
        `ingestion into SQLite: ${(summary.added / ingestSeconds).toFixed(1)} documents/s, ` +
          `${Math.round(summary.claims / ingestSeconds)} facts/s, ${(ingestedBytes / MB / ingestSeconds).toFixed(2)} MB/s on ${(ingestedBytes / MB).toFixed(1)} MB ` +
          `(${summary.added} added, ${summary.unchanged} unchanged, ${summary.failed} failed, ${summary.claims} facts, ${ingestSeconds.toFixed(1)} s)`,
      );
    } finally {
      await store.close();
    }
  }

  // One large file, extracted in a fresh process so its memory is measured alone.
  const large = join(work, 'large.txt');
  let text = '';
  for (const copy of variedCopies(sources, memoryBytes)) {
    text += copy.text + '\n\n';
    if (Buffer.byteLength(text) >= memoryBytes) break;
  }
  await writeFile(large, text);
  text = '';
  const report = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'extract-memory.ts'), large],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  process.stdout.write(report);
} finally {
  await rm(work, { recursive: true, force: true });
}
