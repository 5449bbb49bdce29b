/**
 * `npm run bench:startup`: how long the `mda` command takes to start, against Node itself.
 *
 * Times N runs (default 15, `--runs N`) of `node -e 0`, `node bin/mda.js --help` and
 * `node bin/mda.js extract FILE` on a 10 KB document (the first 10 KB of the EMN inform, cut at a
 * paragraph), then the same extraction without each of the launcher's two tricks (the esbuild
 * bundle of dist/bundle/ without `--no-regexp-tier-up`; the tsc modules of dist/), and prints for
 * each the median and the fastest wall-clock time, the CPU time (user + system, from bash's `times`
 * over the runs) and the ratio to `node -e 0`. Targets: `--help` within 3× `node -e 0`, `extract`
 * of 10 KB under 0.5 s. The compiled `dist/` is built first when stale.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(args.runs);

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });

const dir = await mkdtemp(join(tmpdir(), 'mda-startup-'));
const emn = await readFile(join(ROOT, 'corpus', 'emn-oecd-migration-diplomacy-2024.en.txt'), 'utf8');
const small = join(dir, 'ten-kb.en.txt');
await writeFile(small, emn.slice(0, emn.lastIndexOf('\n\n', 10_000)));

interface Timing {
  median: number;
  fastest: number;
  cpu: number;
}

const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** Wall-clock seconds of each run, then the CPU seconds of all of them (bash `times`, children). */
function time(command: readonly string[]): Timing {
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: 'ignore' });
    walls.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}`);
  }
  const line = command.map(quote).join(' ');
  const times = execFileSync('bash', ['-c', `for i in $(seq ${RUNS}); do ${line} >/dev/null; done; times`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // `times` prints the shell's user/sys, then its children's: "0m0.412s 0m0.102s".
  const children = times.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  walls.sort((a, b) => a - b);
  return {
    median: walls[Math.floor(walls.length / 2)]!,
    fastest: walls[0]!,
    cpu: seconds.reduce((a, b) => a + b, 0) / RUNS,
  };
}

const node = process.execPath;
const bin = join(ROOT, 'bin', 'mda.js');
const bundle = join(ROOT, 'dist', 'bundle', 'main.js');
const modules = join(ROOT, 'dist', 'cli', 'main.js');
const rows: [string, Timing][] = [
  ['node -e 0', time([node, '-e', '0'])],
  ['mda --help', time([node, bin, '--help'])],
  ['mda extract (10 KB)', time([node, bin, 'extract', small])],
  // What each part of the launcher's start-up is worth: the same extraction from the bundle
  // without the V8 flag bin/mda.js sets, and from the tsc modules without the bundle.
  ['  bundle, regexp tier-up', time([node, bundle, 'extract', small])],
  ['  tsc modules (dist/)', time([node, modules, 'extract', small])],
];
await rm(dir, { recursive: true, force: true });

const base = rows[0]![1];
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`.padStart(8);
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} (other processes share them)`,
);
console.log(`${RUNS} runs each; ratio = median / median of node -e 0 (CPU ratio in brackets)`);
console.log(
  `${'command'.padEnd(26)}  ${'median'.padStart(8)}  ${'fastest'.padStart(8)}  ${'cpu'.padStart(8)}  ratio`,
);
for (const [name, t] of rows) {
  const ratio = `${(t.median / base.median).toFixed(2)}× (${(t.cpu / base.cpu).toFixed(2)}×)`;
  console.log(`${name.padEnd(26)}  ${ms(t.median)}  ${ms(t.fastest)}  ${ms(t.cpu)}  ${ratio}`);
}
const help = rows[1]![1];
const extract = rows[2]![1];
console.log(
  `mda --help: ${(help.median / base.median).toFixed(2)}× node -e 0 (target ≤ 3×); ` +
    `mda extract 10 KB: ${extract.median.toFixed(3)} s (target < 0.5 s)`,
);
