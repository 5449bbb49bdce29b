/**
 * `npm run bench:brief`: how long the briefing pack for Mali takes, stage by stage, on the built-in
 * corpus in a fresh database file: gathering and assembling (services/brief.ts), rendering the HTML
 * (web/brief.ts), and printing the PDF with Debian's Chromium (web/pdf.ts, a browser started per
 * PDF as `mda brief` does). Median of MDA_BENCH_RUNS (default 5) per language; peak RSS at the end.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR } from '../src/services/corpus.ts';
import { briefFor } from '../src/services/brief.ts';
import { ingestFile } from '../src/services/ingest.ts';
import { openAtlas } from '../src/storage/database.ts';
import { briefDocument } from '../src/web/brief.ts';
import { translator } from '../src/web/i18n.ts';
import { htmlToPdf } from '../src/web/pdf.ts';

const RUNS = Number(process.env.MDA_BENCH_RUNS ?? 5);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const dir = await mkdtemp(join(tmpdir(), 'mda-bench-brief-'));
const atlas = await openAtlas({ file: join(dir, 'atlas.sqlite') });
try {
  for (const name of await readdir(CORPUS_DIR)) await ingestFile(join(CORPUS_DIR, name), atlas.store);
  console.log(`cpus ${cpus().length}, load ${loadavg()[0]?.toFixed(2)}, runs ${RUNS}`);
  for (const lang of ['fr', 'en'] as const) {
    const assemble: number[] = [];
    const render: number[] = [];
    const pdf: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const [brief, a] = await timed(() => briefFor(atlas, 'ML', '2026-12-01'));
      const [html, r] = await timed(() => Promise.resolve(briefDocument(brief, translator(lang))));
      const [file, p] = await timed(() => htmlToPdf(html));
      assemble.push(a);
      render.push(r);
      pdf.push(p);
      bytes = file.length;
    }
    console.log(
      `${lang}: gather+assemble ${median(assemble).toFixed(1)} ms, render HTML ${median(render).toFixed(1)} ms, ` +
        `PDF ${median(pdf).toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB)`,
    );
  }
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this process; Chromium not included)`,
  );
} finally {
  await atlas.store.close();
  await rm(dir, { recursive: true, force: true });
}
