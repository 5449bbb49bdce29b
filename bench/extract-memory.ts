/**
 * Extracts one file and reports the process's resident memory: after reading the file (baseline)
 * and the peak during extraction (getrusage maxRSS, which also sees the inside of the synchronous
 * extraction that a timer could not sample). Run by bench/extract.bench.ts in its own process.
 */
import { readFile, stat } from 'node:fs/promises';
import { extractDocument } from '../src/extraction/pipeline.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: extract-memory.ts FILE');
const MiB = 1024 * 1024;
const bytes = (await stat(file)).size;
const text = await readFile(file, 'utf8');
extractDocument('Warm up. Le Mali et l’Union européenne ont signé un accord.');
const baseline = process.memoryUsage().rss;
const started = process.hrtime.bigint();
const result = extractDocument(text);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peak = process.resourceUsage().maxRSS * 1024;
// What the results themselves hold, once the stages' working copies are collected (--expose-gc).
globalThis.gc?.();
const retained = process.memoryUsage().rss - baseline;
console.log(
  `memory on one ${(bytes / 1e6).toFixed(1)} MB file: ${(baseline / MiB).toFixed(0)} MiB after reading it, ` +
    `peak ${(peak / MiB).toFixed(0)} MiB during extraction (+${((peak - baseline) / MiB).toFixed(0)} MiB, ` +
    `${((peak - baseline) / bytes).toFixed(2)} bytes per input byte), of which the results hold ` +
    `${(retained / MiB).toFixed(0)} MiB after collection; ${(bytes / 1e6 / seconds).toFixed(2)} MB/s, ` +
    `${result.instruments.length} instruments`,
);
