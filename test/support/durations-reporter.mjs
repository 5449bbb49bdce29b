/**
 * A Node test-runner reporter, used beside `spec` by scripts/run-tests.sh when MDA_TEST_DURATIONS
 * names a JSON file: it records how long each test file took (wall-clock milliseconds of its
 * process), keyed by its path from the project root, and merges them into that file at the end
 * (files not run this time keep their last figure). The runner reads the file to start the slowest
 * files first. Plain JavaScript: the runner loads reporters as they are, uncompiled.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, relative, sep } from 'node:path';
import process from 'node:process';

/**
 * The name a file is known by: its path from the project root; a file generated outside the
 * project (the groups of small files) by its name. A file compiled by scripts/compile-tests.mjs
 * into MDA_TEST_BUILD_DIR is known by its source's name (test/a.test.js → test/a.test.ts, a
 * group's group.test.js → group.test.mjs).
 */
function keyOf(file) {
  const build = process.env.MDA_TEST_BUILD_DIR;
  if (build !== undefined && build !== '') {
    const compiled = relative(build, file);
    if (!compiled.startsWith('..') && !isAbsolute(compiled)) {
      return compiled.includes(sep) ? compiled.replace(/\.js$/, '.ts') : compiled.replace(/\.js$/, '.mjs');
    }
  }
  const path = relative(process.cwd(), file);
  return path.startsWith('..') ? basename(file) : path;
}

export default async function* durations(source) {
  const target = process.env.MDA_TEST_DURATIONS;
  const measured = {};
  for await (const event of source) {
    // A file's own completion event is the top-level one named after the file.
    if (event.type !== 'test:complete' || event.data.nesting !== 0) continue;
    const { file, name, details } = event.data;
    if (file === undefined || name !== file) continue;
    measured[keyOf(file)] = Math.round(details.duration_ms);
  }
  if (target === undefined || target === '' || Object.keys(measured).length === 0) return;
  let known = {};
  try {
    known = JSON.parse(await readFile(target, 'utf8'));
  } catch {
    // No file yet, or an unreadable one: start again from this run's figures.
  }
  const merged = { ...known, ...measured };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(target, `${JSON.stringify(sorted, null, 2)}\n`);
  yield `durations of ${Object.keys(measured).length} test files written to ${target}\n`;
}
