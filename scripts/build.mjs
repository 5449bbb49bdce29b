// Compiles src/ to dist/ (tsc with tsconfig.build.json), copies the files the code reads at run
// time (web assets), then bundles the CLI into dist/bundle/ (scripts/bundle.mjs), which the `mda`
// launcher runs; the modules under dist/ stay its fallback and give the bundle its file paths. Run
// by `npm install` (prepare) and `npm start` (prestart); `--if-stale` skips the work when dist/ is
// newer than every source file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { BUILD_STAMP, ROOT, distIsFresh } from '../bin/dist-state.js';

if (process.argv.includes('--if-stale') && distIsFresh()) process.exit(0);

const dist = join(ROOT, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) {
  process.stderr.write('build: tsc failed\n');
  process.exit(result.status ?? 1);
}
// Read with readFileSync(new URL('./assets/…', import.meta.url)) by src/web/routes.ts.
cpSync(join(ROOT, 'src', 'web', 'assets'), join(dist, 'web', 'assets'), { recursive: true });
// Loaded here, after the freshness check: `--if-stale` on a fresh dist/ does not load esbuild.
const { bundle } = await import('./bundle.mjs');
await bundle();
mkdirSync(dist, { recursive: true });
writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
