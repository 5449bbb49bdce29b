// Runs test files with Node's test runner in the order given, each in its own process, at most
// CONCURRENCY at once, reporting with `spec` on stdout (and, when MDA_TEST_DURATIONS names a file,
// test/support/durations-reporter.mjs beside it); exits 1 when a test failed. Used by
// scripts/run-tests.sh instead of `node --test FILE…`, which under Node 20 sorts the files by name:
// the slowest-first order (scripts/slowest-first.mjs) was lost, and the longest files, named
// test/web/…, started last and left the run ending on one or two of them. `run()` keeps the order.
//
//   node [--import …] scripts/run-test-files.mjs CONCURRENCY FILE…
//
// The `--import` flags given to this process reach every test process, as with `node --test`.
import { resolve } from 'node:path';
import process from 'node:process';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const [concurrency, ...files] = process.argv.slice(2);
if (concurrency === undefined || !/^[1-9]\d*$/.test(concurrency) || files.length === 0) {
  process.stderr.write('usage: node scripts/run-test-files.mjs CONCURRENCY FILE…\n');
  process.exit(64);
}

const stream = run({ files: files.map((file) => resolve(file)), concurrency: Number(concurrency) });
// As `node --test` does: a failed test (a file that does not load counts as one) fails the run.
stream.on('test:fail', (data) => {
  if (data.todo === undefined || data.todo === false) process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
if (process.env.MDA_TEST_DURATIONS !== undefined && process.env.MDA_TEST_DURATIONS !== '') {
  const { default: durations } = await import('../test/support/durations-reporter.mjs');
  stream.compose(durations).pipe(process.stdout);
}
