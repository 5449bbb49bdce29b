#!/usr/bin/env node
// Launcher for `npx mda` / `npm start`: runs the CLI in this process, so signals reach the process
// doing the work and its exit code is the CLI's own. It runs the compiled `dist/` (built by
// `npm install`); in a development checkout whose sources are newer than `dist/`, it runs them
// through tsx's loader in this same process rather than stale code.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { distIsFresh, ROOT } from './dist-state.js';

if (distIsFresh()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'src', 'cli', 'main.ts')).href);
}
