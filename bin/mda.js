#!/usr/bin/env node
// Launcher for `npx mda` / `npm start`: runs the CLI in this process, so signals reach the process
// doing the work and its exit code is the CLI's own. It runs the esbuild bundle of the CLI
// (dist/bundle/, built by `npm install`; the tsc output under dist/ when the bundle is absent); in
// a development checkout whose sources are newer than `dist/`, it runs them through tsx's loader
// in this same process rather than stale code.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { BUNDLE_MAIN, distIsFresh, ROOT } from './dist-state.js';

// The extraction rules compile their large regular expressions once and run each on every
// paragraph: V8's default first interprets a new expression, then compiles it again to machine
// code once it is hot; compiling once, straight to machine code, saves that second compilation.
// Set before any module of the CLI is loaded; it does not change what an expression matches.
setFlagsFromString('--no-regexp-tier-up');

if (!distIsFresh()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'src', 'cli', 'main.ts')).href);
} else if (existsSync(BUNDLE_MAIN)) {
  await import(pathToFileURL(BUNDLE_MAIN).href);
} else {
  await import('../dist/cli/main.js');
}
