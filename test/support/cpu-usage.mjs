/**
 * Loaded with `--import` into the test runner and every test process when MDA_TEST_CPU names a
 * file (scripts/run-tests.sh): at exit, each process appends one line to it, its file and the CPU
 * seconds it used (user, system) and those of the child processes it waited for (the `mda`
 * processes, workers and browsers a test starts). CPU seconds, unlike wall time, mean something on
 * a loaded machine. The run's shared Chromium is no one's child and is not counted.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import process from 'node:process';

const target = process.env.MDA_TEST_CPU;
const TICKS = 100; // USER_HZ on Linux

if (target !== undefined && target !== '') {
  process.on('exit', () => {
    // utime, stime, cutime, cstime: fields 14–17 of /proc/self/stat, after the parenthesised name.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const [user, sys, childUser, childSys] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map((ticks) => Number(ticks) / TICKS);
    const runner = process.execArgv.includes('--test') || /run-test-files\.mjs$/.test(process.argv[1] ?? '');
    const file = runner ? 'runner' : (process.argv[1] ?? 'runner');
    appendFileSync(target, `${JSON.stringify({ file, user, sys, childUser, childSys })}\n`);
  });
}
