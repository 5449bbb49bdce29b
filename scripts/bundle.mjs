// Bundles the CLI (src/cli/main.ts) with esbuild into dist/bundle/, which bin/mda.js runs: one
// file to parse instead of several hundred modules to resolve, so `mda extract` starts in about half
// the time. ESM with code splitting, so the commands that program.ts loads on use stay in their own
// chunks and `mda --help` parses none of them. Run by scripts/build.mjs after tsc.
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from '../bin/dist-state.js';

export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');

/**
 * Packages left to Node's resolver: native addons (better-sqlite3, pg's optional pg-native), and
 * large libraries loaded only by one command that ship their own workers or data files beside
 * their code (playwright-core drives Chromium; unpdf carries pdf.js and its worker).
 */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'playwright-core', 'unpdf'];

/**
 * The bundle's chunks all live in dist/bundle/, not where tsc puts each module. A module that finds
 * a file from its own location (`new URL('./assets/…', import.meta.url)`, the project root from
 * storage/paths.ts) gets the URL its compiled twin has under dist/, so every such path resolves as
 * it does from dist/. The extraction thread's entry is the exception: the bundle has its own.
 */
const importMetaUrl = {
  name: 'import-meta-url',
  setup(bundle) {
    const src = join(ROOT, 'src');
    bundle.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes('import.meta.url') || path.endsWith(`${sep}extract-sandbox.ts`)) return undefined;
      const twin = relative(src, path).split(sep).join('/').replace(/\.ts$/, '.js');
      // dist/bundle/<chunk>.js (every chunk sits in dist/bundle/ itself) → ../<twin> is dist/<twin>.
      const url = `new URL(${JSON.stringify(`../${twin}`)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * Two packages whose entry loads far more than the atlas uses: zod's `locales` namespace (every
 * language's error messages, 360 KB; zod configures English itself through `locales/en.js`) and
 * i18n-iso-countries' Node entry, which registers its 80 languages (the analyser registers the two
 * it reads, French and English). Each is pointed at the part that is used.
 */
const trimmedPackages = {
  name: 'trimmed-packages',
  setup(bundle) {
    const require = createRequire(join(ROOT, 'package.json'));
    bundle.onResolve({ filter: /^i18n-iso-countries$/ }, () => ({
      path: require.resolve('i18n-iso-countries/index.js'),
    }));
    bundle.onResolve({ filter: /[/\\]locales[/\\]index\.js$/ }, ({ importer, resolveDir }) =>
      /[/\\]zod[/\\]/.test(importer)
        ? { path: join(resolveDir, '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'zod-locales' }, ({ path }) => ({
      contents: `export { default as en } from ${JSON.stringify(join(path, '..', 'en.js'))};`,
      resolveDir: join(path, '..'),
    }));
  },
};

/**
 * commander loads `node:child_process` at start for the executable subcommands `mda` does not use;
 * with it come `net`, `dgram` and a dozen internal modules that Node compiles on first load. The
 * bundled commander gets it on first use instead (the one use: `childProcess.spawn`).
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(bundle) {
    const eager = "const childProcess = require('node:child_process');";
    bundle.onLoad({ filter: /[/\\]commander[/\\]lib[/\\]command\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes(eager)) throw new Error(`${path}: commander no longer has "${eager}"`);
      const lazy =
        "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

/** Builds dist/bundle/ (main.js, extract-thread.js and their shared chunks). */
export async function bundle() {
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  return build({
    absWorkingDir: ROOT,
    entryPoints: {
      main: 'src/cli/main.ts',
      // Started by extract-sandbox.ts as `new URL('./extract-thread.js', import.meta.url)`.
      'extract-thread': 'src/services/extract-thread.ts',
    },
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    chunkNames: '[name]-[hash]',
    // CommonJS packages inside an ES module bundle call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __mdaCreateRequire } from 'node:module'; const require = __mdaCreateRequire(import.meta.url);",
    },
    plugins: [importMetaUrl, trimmedPackages, lazyChildProcess],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// `node scripts/bundle.mjs` rebuilds the bundle alone (the tsc output must exist: see above).
if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
