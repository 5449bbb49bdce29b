/**
 * Prints the given test files one per line, the slowest first according to a durations file
 * ({ "test/…": milliseconds }, written by test/support/durations-reporter.mjs); files it does not
 * list come first (they may be slow), in the order given. A missing file keeps the order given.
 *
 *   node scripts/slowest-first.mjs test/durations.json test/a.test.ts test/b.test.ts
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, normalize } from 'node:path';
import process from 'node:process';

const [durationsPath, ...files] = process.argv.slice(2);
let durations = {};
try {
  durations = JSON.parse(readFileSync(durationsPath, 'utf8'));
} catch {
  // No durations yet: the given order.
}
// A generated file (outside test/, see run-tests.sh) is known by its name.
const keyOf = (file) => (isAbsolute(file) ? basename(file) : normalize(file));
const timeOf = (file) => durations[keyOf(file)] ?? Number.POSITIVE_INFINITY;
// Array.prototype.sort is stable: equal times (and unknown files) keep the given order.
const ordered = [...files].sort((a, b) => timeOf(b) - timeOf(a));
process.stdout.write(ordered.length > 0 ? `${ordered.join('\n')}\n` : '');
