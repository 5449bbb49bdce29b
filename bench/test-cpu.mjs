/**
 * CPU seconds and wall time of test files, each run alone through scripts/run-tests.sh (the way
 * `npm test` runs it: compiled, templates, the shared Chromium when the file drives a browser).
 * CPU seconds, unlike wall time, mean something on a machine other work is loading. For each
 * file it prints: the wall time of the whole run, the CPU of the whole run (every process it
 * waited for: the runner, the test process, its children, the shared Chromium, the templates and
 * the compilation), and the test process's own CPU with its children's (from
 * test/support/cpu-usage.mjs). The load average is printed before and after.
 *
 *   node bench/test-cpu.mjs test/web/every-page-en.test.ts test/cli/bundle.test.ts
 *   node bench/test-cpu.mjs "test/web/every-page-en.test.ts test/web/browser.test.ts"
 *
 * An argument naming several files (separated by spaces) runs them in one run, together: with a
 * file that imports test/support/browser.ts, the run's shared Chromium is used, as in `npm test`.
 * Runs each file under `nice -n 10` (a shared machine); MDA_TEST_CONCURRENCY and the other
 * variables of run-tests.sh pass through.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';

const ROOT = resolve(import.meta.dirname, '..');
const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node bench/test-cpu.mjs TEST_FILE…\n');
  process.exit(64);
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const seconds = (n) => n.toFixed(1).padStart(7);

process.stdout.write(`load average before: ${load()}\n`);
process.stdout.write(`${'wall s'.padStart(7)} ${'run CPU'.padStart(7)} ${'file CPU'.padStart(8)}  file\n`);
let failed = 0;
for (const file of files) {
  const dir = mkdtempSync(join(tmpdir(), 'mda-test-cpu-'));
  const timeFile = join(dir, 'time');
  const cpuFile = join(dir, 'cpu');
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %U %S',
      '-o',
      timeFile,
      'nice',
      '-n',
      '10',
      'bash',
      'scripts/run-tests.sh',
      ...file.split(' '),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, MDA_TEST_CPU: cpuFile },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  // The test processes' lines (not the runner's): their own CPU and that of the children they waited for.
  // The shared Chromium's tree line (test/support/shared-browser.ts) is left out: it overlaps the
  // shared browser's own line.
  let fileCpu = 0;
  for (const line of readFileSync(cpuFile, 'utf8').trim().split('\n')) {
    const entry = JSON.parse(line);
    if (entry.file !== 'runner' && !entry.file.endsWith('(chromium tree)')) {
      fileCpu += entry.user + entry.sys + entry.childUser + entry.childSys;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const status = run.status === 0 ? '' : `  (exit ${run.status})`;
  if (run.status !== 0) {
    failed += 1;
    process.stderr.write(run.stdout.slice(-4000));
  }
  process.stdout.write(
    `${seconds(wall)} ${seconds(user + sys)} ${seconds(fileCpu).padStart(8)}  ${file}${status}\n`,
  );
}
process.stdout.write(`load average after: ${load()}\n`);
process.exitCode = failed === 0 ? 0 : 1;
