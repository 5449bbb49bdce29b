// Whether the compiled `dist/` matches the sources: shared by the `mda` launcher and the build.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Written last by the build: its time is the build's. */
export const BUILD_STAMP = join(ROOT, 'dist', '.build-stamp');
/** What the build reads: every file under src/ and the compiler settings. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json'];

function newestChange(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted or renamed file changes its folder
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** True when dist/ was built after the last change to its inputs (a few ms: one stat per file). */
export function distIsFresh() {
  let built;
  try {
    built = statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return false;
  }
  return INPUTS.every((input) => newestChange(join(ROOT, input)) <= built);
}
