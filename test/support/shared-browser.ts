/**
 * The run's shared Chromium (see browser.ts): scripts/run-tests.sh starts this in the background,
 * reads the WebSocket address from its first line of output, and stops it (SIGTERM) at the end.
 *
 * With MDA_TEST_CPU, the CPU of Chromium's whole process tree is appended there just before it
 * closes, as `test/support/shared-browser (chromium tree)`. The line test/support/cpu-usage.mjs
 * writes for this process counts only what this process reaped: the browser process, without its
 * renderers, which the zygote reaps and the browser does not wait for (measured in session 12:
 * 111 s reaped against about 380 s for the tree, renderers 210 s of it).
 */
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { LAUNCH_OPTIONS } from './browser.ts';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user, system) of every process under `root`, each with the children it reaped. */
function treeCpu(root: number): { user: number; sys: number; processes: number } {
  const children = new Map<number, number[]>();
  const times = new Map<number, [number, number]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      // utime, stime, cutime, cstime
      const [user, sys, childUser, childSys] = fields.slice(11, 15).map(Number) as [
        number,
        number,
        number,
        number,
      ];
      times.set(pid, [(user + childUser) / TICKS, (sys + childSys) / TICKS]);
    } catch {
      // The process ended while it was read.
    }
  }
  let user = 0;
  let sys = 0;
  let processes = 0;
  const pending = [...(children.get(root) ?? [])];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const [u, s] = times.get(pid) ?? [0, 0];
    user += u;
    sys += s;
    processes += 1;
    pending.push(...(children.get(pid) ?? []));
  }
  return { user, sys, processes };
}

const server = await chromium.launchServer({ ...LAUNCH_OPTIONS, host: '127.0.0.1', port: 0 });
process.stdout.write(`${server.wsEndpoint()}\n`);
const stop = () => {
  const target = process.env.MDA_TEST_CPU;
  if (target !== undefined && target !== '') {
    const { user, sys, processes } = treeCpu(process.pid);
    const file = 'test/support/shared-browser (chromium tree)';
    appendFileSync(target, `${JSON.stringify({ file, user, sys, childUser: 0, childSys: 0, processes })}\n`);
  }
  void server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
