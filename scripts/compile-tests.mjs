// Compiles the test files of a run, with the sources they import, to plain JavaScript once
// (esbuild, one build with code splitting), so that the test processes run without tsx: under
// Node 20 tsx's loader compiles every module of every process again on a separate thread, 2–3 s
// of CPU per process before its first test, and as much again for each extraction thread it
// starts. The compiled code is the same code: every module that finds a file from its own place
// (`import.meta.url`, `import.meta.dirname`) gets its source file's address, so fixtures, assets,
// `bin/mda.js` and the project root resolve as they do under tsx. Used by scripts/run-tests.sh:
//
//   node scripts/compile-tests.mjs OUTDIR test/a.test.ts /tmp/run/core-tests-1.test.mjs …
//
// prints, one a line, the compiled file of each given file, in the given order: a file under the
// project keeps its path under OUTDIR (test/a.test.ts → OUTDIR/test/a.test.js, so the durations
// reporter can name it), a generated file outside it its name. OUTDIR must be inside the project's
// node_modules/ (or anywhere else the packages, left outside the bundles, resolve from).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const [outdir, ...inputs] = process.argv.slice(2);
if (outdir === undefined || inputs.length === 0) {
  process.stderr.write('usage: node scripts/compile-tests.mjs OUTDIR FILE…\n');
  process.exit(2);
}

/**
 * Packages stay outside the bundles, loaded by Node as under tsx (native addons, packages that read
 * data files from beside their own code: pdfkit's fonts, playwright-core's drivers). The exception
 * is a JSON file imported from a package without an import attribute, which tsx accepts and Node
 * does not: it is bundled.
 */
const externalPackages = {
  name: 'external-packages',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.endsWith('.json') ? undefined : { path, external: true },
    );
  },
};

/**
 * Each TypeScript module keeps the address of its source file. The extraction sandbox is the one
 * exception: it starts its thread on `./extract-thread.js` beside itself, so it is given an address
 * in OUTDIR, where the thread's compiled entry is (under tsx it would start the thread through tsx).
 */
const sourceAddresses = {
  name: 'source-addresses',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(path, 'utf8');
      if (!text.includes('import.meta.')) return undefined;
      const url = path.endsWith(`${sep}src${sep}services${sep}extract-sandbox.ts`)
        ? pathToFileURL(join(resolve(outdir), 'extract-sandbox.js')).href
        : pathToFileURL(path).href;
      const contents = text
        .replaceAll('import.meta.url', JSON.stringify(url))
        .replaceAll('import.meta.dirname', JSON.stringify(resolve(path, '..')))
        .replaceAll('import.meta.filename', JSON.stringify(path));
      return { contents, loader: 'ts' };
    });
  },
};

/** The output name of each input, without extension (esbuild adds `.js`). */
const outName = (file) => {
  const path = resolve(file);
  const inside = relative(ROOT, path);
  const name = !inside.startsWith('..') && !isAbsolute(inside) ? inside : basename(path);
  return name.replace(/\.(?:m?ts|mjs)$/, '');
};
const entryPoints = Object.fromEntries(inputs.map((file) => [outName(file), resolve(file)]));
entryPoints['extract-thread'] = join(ROOT, 'src', 'services', 'extract-thread.ts');

await build({
  absWorkingDir: ROOT,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [externalPackages, sourceAddresses],
  legalComments: 'none',
  logLevel: 'warning',
});
// The compiled files are ES modules whatever package.json is found above OUTDIR.
await writeFile(join(outdir, 'package.json'), '{ "type": "module" }\n');
process.stdout.write(inputs.map((file) => `${join(outdir, outName(file))}.js\n`).join(''));
