/**
 * The esbuild bundle (dist/bundle/, what bin/mda.js runs after `npm install`) as a shell user runs
 * it. Code splitting leaves each command and each page group in a chunk loaded on use, so a chunk
 * that cannot load (a JSON import that lost its `type: 'json'` attribute, a path to a data file
 * resolved from the wrong folder) shows only when that command or page runs: every chunk is
 * loaded, `mda serve` serves every page group, the map and the PDF brief, and the commands that
 * load their implementation on use run from the bundle.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { databaseFile } from '../../src/storage/paths.ts';
import { writeDocx, writePdf } from '../fixtures/documents.ts';
import { ROOT } from '../support/cli.ts';
import { copySqliteTemplate } from '../support/templates.ts';

const BUNDLE = join(ROOT, 'dist', 'bundle');
const MAIN = join(BUNDLE, 'main.js');
/** The entry points: main.js runs the CLI on load, extract-thread.js expects a parent thread. */
const ENTRIES = new Set(['main.js', 'extract-thread.js']);

let dir: string;

before(
  async () => {
    // Built as `npm install` builds it; nothing to do when dist/ is newer than the sources.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    dir = await mkdtemp(join(tmpdir(), 'mda-bundle-'));
  },
  { timeout: 600_000 },
);
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/bundle/main.js …args` on the test's data folder. */
function bundled(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, '--data', join(dir, 'data'), ...args],
      { cwd: ROOT, env: { ...process.env, MDA_DATA_DIR: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

void test('every chunk of the bundle loads in a fresh Node process', async () => {
  const chunks = (await readdir(BUNDLE)).filter((name) => name.endsWith('.js') && !ENTRIES.has(name));
  assert.ok(chunks.length > 20, `code splitting made ${chunks.length} chunks`);
  const urls = chunks.map((name) => pathToFileURL(join(BUNDLE, name)).href);
  const script = `for (const url of ${JSON.stringify(urls)}) await import(url); console.log('loaded');`;
  const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(loaded.trim(), 'loaded');
});

void test(
  'the commands that load their implementation on use run from the bundle',
  { timeout: 300_000 },
  async () => {
    const docs = join(dir, 'docs');
    await mkdir(docs);
    // One document per reader, each reader in its own chunk; each text its own (no "unchanged").
    const paragraph = (format: string): string =>
      `Le 11 décembre 2016, le Mali et l’Union européenne ont adopté une déclaration conjointe sur le retour et la réadmission (note ${format}).`;
    await writeFile(join(docs, 'note.fr.txt'), `${paragraph('txt')}\n`);
    await writeFile(join(docs, 'note.fr.md'), `# Dialogue\n\n${paragraph('md')}\n`);
    await writeFile(
      join(docs, 'note.fr.html'),
      `<html><body><h1>Dialogue</h1><p>${paragraph('html')}</p></body></html>`,
    );
    await writeDocx(join(docs, 'note.fr.docx'), [paragraph('docx')], 'Dialogue');
    await writePdf(join(docs, 'note.fr.pdf'), { blocks: ['Dialogue', paragraph('pdf')] });
    for (const name of ['note.fr.txt', 'note.fr.md', 'note.fr.html', 'note.fr.docx', 'note.fr.pdf']) {
      const run = await bundled(['extract', '--json', join(docs, name)]);
      assert.equal(run.code, 0, `extract ${name}: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as { countries: string[] };
      assert.ok(result.countries.includes('ML'), `${name}: ${run.stdout}`);
    }
    const ingest = await bundled(['ingest', docs]);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stdout, /^5 added, 0 unchanged, 0 failed/);
    // Worker processes run bin/mda.js, found from the bundle's rewritten import.meta.url.
    const more = join(dir, 'more');
    await mkdir(more);
    await writeFile(join(more, 'other.fr.txt'), `${paragraph('workers')}\n`);
    const workers = await bundled(['ingest', '--workers', '2', more]);
    assert.equal(workers.code, 0, workers.stderr);
    assert.match(workers.stdout, /^1 added, 0 unchanged, 0 failed/);
    const exported = await bundled(['export', join(dir, 'export')]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok((await readdir(join(dir, 'export'))).includes('datapackage.json'));
    const brief = await bundled(['brief', 'ML', '--format', 'html']);
    assert.equal(brief.code, 0, brief.stderr);
    assert.match(brief.stdout, /<html/);
    const backup = await bundled(['backup', join(dir, 'backup.sqlite')]);
    assert.equal(backup.code, 0, backup.stderr);
  },
);

/** Starts `mda serve` from the bundle on a port the system picks; resolves with its URL. */
async function serve(): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  // The atlas it serves is a copy of the run's corpus template when there is one (what a first run
  // would ingest, made once per run: the bundle's ingestion is tested above); on its own, the
  // bundle ingests the corpus on first run.
  await mkdir(join(dir, 'served'), { recursive: true });
  await copySqliteTemplate('corpus', databaseFile(join(dir, 'served')));
  const child = spawn(process.execPath, [MAIN, '--data', join(dir, 'served'), 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, MDA_DATA_DIR: '', MDA_LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      output += `${line}\n`;
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`mda serve exited (${code}):\n${output}`)));
  });
  return { child, url };
}

void test(
  'mda serve from the bundle serves every page group, the map and the PDF brief',
  { timeout: 300_000 },
  async () => {
    const { child, url } = await serve();
    try {
      const get = async (path: string): Promise<{ type: string; body: string; bytes: number }> => {
        const response = await fetch(`${url}${path}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        assert.equal(response.status, 200, `${path}: ${bytes.toString('utf8').slice(0, 500)}`);
        return {
          type: response.headers.get('content-type') ?? '',
          body: bytes.toString('utf8'),
          bytes: bytes.length,
        };
      };
      // The overview carries the world map, drawn from world-atlas' topology (a JSON import).
      for (const path of ['/', '/?view=world']) {
        const { body } = await get(path);
        const map = /<svg class="map"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
        assert.ok((map.match(/<path /g) ?? []).length > 50, `${path}: the map has its country shapes`);
        assert.match(map, /<a [^>]*href="\/countries\/ML"/, `${path}: Mali is a link on the map`);
      }
      const documents = JSON.parse((await get('/api/documents?limit=1')).body) as { items: { id: string }[] };
      const instruments = JSON.parse((await get('/api/instruments?limit=1')).body) as {
        items: { id: string }[];
      };
      const pages = [
        '/search?q=r%C3%A9admission',
        '/countries',
        '/countries/ML',
        '/countries/ML/brief',
        '/countries/MT',
        '/documents',
        `/documents/${documents.items[0]!.id}`,
        '/instruments',
        `/instruments/${instruments.items[0]!.id}`,
        '/network',
        '/timeline',
        '/analyses',
        '/analyses/compare',
        '/analyses/consistency',
        '/assets/app.css',
        '/assets/app.js',
        '/assets/favicon.svg',
        '/api/openapi.json',
      ];
      for (const path of pages) await get(path);
      assert.match((await get('/countries')).body, /Mali/);
      // The PDF brief loads the last lazy chunk (playwright-core, then Chromium).
      const pdf = await get('/api/countries/ML/brief?format=pdf');
      assert.equal(pdf.type, 'application/pdf');
      assert.ok(pdf.body.startsWith('%PDF-'), 'a PDF');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  },
);
