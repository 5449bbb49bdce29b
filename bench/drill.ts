/**
 * `npm run drill`: the atlas under faults, on loopback only, in a few minutes, with real processes:
 *
 * - crash: `mda ingest` children killed with SIGKILL mid-batch several times, then the batch run to
 *   the end; `PRAGMA integrity_check` and per-document claim counts against a clean ingest;
 * - concurrency: three `mda ingest` of the same files at once: no duplicates, nothing missing;
 * - hostile inputs: a zip-bomb .docx, HTML and Markdown nested thousands of levels deep, invalid
 *   UTF-8, an empty file and a file over the size limit, followed by good files: one error line
 *   each, the good files stored, no crash;
 * - load: autocannon at 16 and 64 connections on search, list, a page and a write (POST of an
 *   indicator value) against `mda serve` in a child process; every accepted write is stored.
 *
 * Prints ONE table (bench/drill-report.ts) and exits 1 if anything was lost, any 5xx, any crash,
 * or a p99 of list or search at 64 connections is over 250 ms.
 * Environment: MDA_DRILL_SECONDS (per load run, default 5), MDA_DRILL_KILLS (default 4).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import JSZip from 'jszip';
import { builtInCorpusFiles } from '../src/services/corpus.ts';
import { openAtlasStore } from '../src/storage/database.ts';
import { databaseFile } from '../src/storage/paths.ts';
import { renderTable, verdict, type DrillRow } from './drill-report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.MDA_DRILL_SECONDS ?? 5);
const KILLS = Number(process.env.MDA_DRILL_KILLS ?? 4);
const COPIES_PER_DOCUMENT = 8;
const P99_TARGET_MS = 250;

/**
 * How the drill runs the `mda` CLI: the ONE place to change when the launcher changes (for
 * example to `bin/mda.js` once the build exists). `nodeFlags` go to Node (a heap limit).
 */
function mdaCommand(args: readonly string[], nodeFlags: readonly string[] = []): [string, string[]] {
  // The launcher users run: the built CLI in-process (bin/mda.js loads the sources through tsx only
  // when dist/ is older than them).
  return [process.execPath, [...nodeFlags, join(ROOT, 'bin/mda.js'), ...args]];
}

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Killed by the drill because it ran past its time limit (a hang counts as a crash). */
  readonly timedOut?: boolean;
}

/** No single child may run longer than this (the drill is bounded to a few minutes). */
const CHILD_LIMIT_MS = Number(process.env.MDA_DRILL_CHILD_SECONDS ?? 180) * 1000;

/** How a child ended, for the notes column: `0`, `70`, `SIGABRT`, `killed after 180 s`. */
const exitOf = (run: Finished): string =>
  run.timedOut === true ? `killed after ${CHILD_LIMIT_MS / 1000} s` : String(run.code ?? run.signal);

/** Runs `mda …` to the end (or until `killAfter` resolves, then SIGKILL). */
function runMda(
  args: readonly string[],
  options: { nodeFlags?: readonly string[]; killWhen?: (kill: () => void) => void } = {},
): Promise<Finished> {
  const [command, argv] = mdaCommand(args, options.nodeFlags);
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { ...process.env, MDA_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exited = false;
  let timedOut = false;
  options.killWhen?.(() => {
    if (!exited) child.kill('SIGKILL');
  });
  const limit = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, CHILD_LIMIT_MS);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      exited = true;
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr, timedOut });
    }),
  );
}

/** A crash: killed by a signal we did not send, or an internal failure (70) rather than 0 or 1. */
const crashed = (run: Finished): boolean =>
  run.timedOut === true || run.signal !== null || (run.code !== 0 && run.code !== 1);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a database file read-only for checks, or undefined when it does not exist yet. */
function openReadOnly(file: string): BetterSqlite3.Database | undefined {
  try {
    return new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
}

interface AtlasCounts {
  readonly integrity: string;
  readonly documents: number;
  readonly duplicates: number;
  readonly instruments: number;
  /** Claims per document id. */
  readonly claims: ReadonlyMap<string, number>;
}

function countsOf(dataDir: string): AtlasCounts {
  const db = openReadOnly(databaseFile(dataDir));
  if (db === undefined) throw new Error(`no database in ${dataDir}`);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ');
    const one = (query: string) => (db.prepare(query).get() as { n: number }).n;
    const claims = db
      .prepare('select document_id as id, count(*) as n from claims group by document_id')
      .all() as { id: string; n: number }[];
    return {
      integrity,
      documents: one('select count(*) as n from documents'),
      duplicates: one(
        'select count(*) as n from (select content_hash from documents group by content_hash having count(*) > 1)',
      ),
      instruments: one('select count(*) as n from instruments'),
      claims: new Map(claims.map((row) => [row.id, row.n])),
    };
  } finally {
    db.close();
  }
}

/** Documents of `clean` missing from `other` or stored with fewer claims. */
function lostAgainst(clean: AtlasCounts, other: AtlasCounts): number {
  let lost = 0;
  for (const [id, n] of clean.claims) if ((other.claims.get(id) ?? 0) < n) lost += 1;
  return lost + (other.integrity === 'ok' ? 0 : 1);
}

/** Distinct copies of the built-in corpus (each a new document). */
async function makeCorpus(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const source of await builtInCorpusFiles()) {
    const text = await readFile(source, 'utf8');
    const name = source.split('/').at(-1) ?? 'doc.txt';
    for (let i = 0; i < COPIES_PER_DOCUMENT; i += 1) {
      const file = join(dir, `${String(i).padStart(2, '0')}-${name}`);
      await writeFile(file, `${text}\n\nDrill copy ${i}.\n`);
      files.push(file);
    }
  }
  return files.sort();
}

async function crashDrill(work: string, files: readonly string[], clean: AtlasCounts): Promise<DrillRow> {
  const dataDir = join(work, 'crash');
  const file = databaseFile(dataDir);
  let survived = 0;
  let crashes = 0;
  for (let round = 0; round < KILLS; round += 1) {
    const before = countsOrZero(file);
    let killedMidBatch = false;
    const run = await runMda(['--data', dataDir, 'ingest', ...files], {
      killWhen: (kill) => {
        // Kill once the child has committed at least one new document, a little after.
        void (async () => {
          const deadline = Date.now() + 60_000;
          while (Date.now() < deadline) {
            if (countsOrZero(file) > before) break;
            await sleep(50);
          }
          await sleep(Math.floor(Math.random() * 400));
          killedMidBatch = true;
          kill();
        })();
      },
    });
    if (run.signal === 'SIGKILL' && killedMidBatch && run.timedOut !== true) {
      // Survived = the file reopens sound; the data check comes after the final run.
      const counts = countsOf(dataDir);
      if (counts.integrity === 'ok') survived += 1;
    } else if (crashed(run)) {
      crashes += 1;
    }
  }
  const last = await runMda(['--data', dataDir, 'ingest', ...files]);
  if (crashed(last)) crashes += 1;
  const after = countsOf(dataDir);
  return {
    drill: `crash: kill -9 × ${KILLS} during ingest`,
    inputs: files.length,
    faults: { survived, tried: KILLS },
    errors: last.code === 0 ? 0 : 1,
    lost: lostAgainst(clean, after) + Math.max(0, clean.documents - after.documents),
    crashes,
    note: `integrity ${after.integrity}`,
  };
}

function countsOrZero(file: string): number {
  const db = openReadOnly(file);
  if (db === undefined) return 0;
  try {
    return (db.prepare('select count(*) as n from documents').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

async function concurrencyDrill(
  work: string,
  files: readonly string[],
  clean: AtlasCounts,
): Promise<DrillRow> {
  const dataDir = join(work, 'concurrent');
  const runs = await Promise.all([0, 1, 2].map(() => runMda(['--data', dataDir, 'ingest', ...files])));
  const after = countsOf(dataDir);
  return {
    drill: 'concurrency: 3 ingests of the same files',
    inputs: files.length * 3,
    errors: runs.filter((run) => run.code !== 0 && !crashed(run)).length,
    lost: lostAgainst(clean, after) + Math.max(0, clean.documents - after.documents),
    crashes: runs.filter(crashed).length,
    note: `exits ${runs.map(exitOf).join(', ')}; ${after.documents} documents, ${after.duplicates} duplicated, ${after.instruments - clean.instruments} extra instruments${crashNote(runs)}`,
  };
}

/** The last stderr line of the first crashed run, so that a crash in the table says why. */
function crashNote(runs: readonly Finished[]): string {
  const run = runs.find(crashed);
  const line = run?.stderr.trim().split('\n').at(-1);
  return line === undefined || line === '' ? '' : `; crash: ${line.slice(0, 160)}`;
}

/** A .docx of ~150 KB whose document.xml inflates to ~50 MB. */
async function zipBomb(): Promise<Buffer> {
  const paragraph = `<w:p><w:r><w:t>${'A'.repeat(1000)}</w:t></w:r></w:p>`;
  const body = paragraph.repeat(50_000);
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function hostileDrill(work: string): Promise<DrillRow> {
  const dir = join(work, 'hostile');
  await mkdir(dir, { recursive: true });
  const depth = 3000;
  const hostile: [name: string, content: string | Buffer][] = [
    ['a-zip-bomb.docx', await zipBomb()],
    ['b-nested.html', `<html><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}</body></html>`],
    [
      'c-nested.md',
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i} ${'x'.repeat(200)}`).join('\n'),
    ],
    ['d-invalid-utf8.txt', Buffer.from([0x52, 0xc3, 0xa9, 0x61, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0x0a])],
    ['e-empty.txt', ''],
    ['f-huge.txt', Buffer.alloc(51 * 1024 * 1024, 'readmission agreement with Mali. ')],
  ];
  for (const [name, content] of hostile) await writeFile(join(dir, name), content);
  const good = ['y-good.en.txt', 'z-good.fr.md'];
  await writeFile(
    join(dir, good[0]!),
    'Joint statement\n\nOn 3 May 2024, Italy and Tunisia signed a memorandum of understanding on labour migration.\n',
  );
  await writeFile(
    join(dir, good[1]!),
    '# Déclaration conjointe\n\nLe 12 mars 2025, l’Espagne et la Mauritanie ont signé un accord de réadmission.\n',
  );
  const dataDir = join(work, 'hostile-data');
  // A heap limit keeps a reader that inflates everything from taking the shared machine's memory.
  const run = await runMda(['--data', dataDir, 'ingest', dir], { nodeFlags: ['--max-old-space-size=768'] });
  const errorLines = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
  const refused = hostile
    .map(([name]) => name)
    .filter((name) => errorLines.filter((line) => line.includes(join(dir, name))).length === 1);
  const unanswered = hostile.map(([name]) => name).filter((name) => !refused.includes(name));
  const survived = refused.length;
  const stored = countsOrZero(databaseFile(dataDir));
  return {
    drill: 'hostile inputs then good files',
    inputs: hostile.length + good.length,
    faults: { survived, tried: hostile.length },
    errors: Math.max(0, errorLines.length - hostile.length),
    lost: good.length - stored,
    crashes: crashed(run) ? 1 : 0,
    note: `exit ${exitOf(run)}${unanswered.length > 0 ? `; no error line for ${unanswered.join(', ')}` : ''}`,
  };
}

interface AutocannonResult {
  latency: { p99: number };
  requests: { total: number };
  errors: number;
  timeouts: number;
  '2xx': number;
  '5xx': number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}) => Promise<AutocannonResult>;
// autocannon ships no type declarations; its promise API is typed here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** `mda serve --port 0` in a child; resolves with its URL once it listens. */
async function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<Finished> }> {
  const [command, argv] = mdaCommand(['--data', dataDir, 'serve', '--port', '0']);
  const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, MDA_DATA_DIR: '' }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const closed = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    void closed.then((run) =>
      reject(new Error(`the server exited (${run.code ?? run.signal}): ${run.stderr}`)),
    );
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      return closed;
    },
  };
}

/** A contributor's API token in the atlas at `dataDir`: writes need a user (made as `mda user` does). */
async function drillToken(dataDir: string): Promise<string> {
  const store = await openAtlasStore({ dataDir });
  try {
    const user = await store.people.addUser(
      { email: 'drill@example.org', name: 'drill', role: 'contributor' },
      'cli',
    );
    return (await store.people.createToken(user.id, 'drill', 'write', 'cli')).token;
  } finally {
    await store.close();
  }
}

async function loadDrill(dataDir: string): Promise<DrillRow[]> {
  const token = await drillToken(dataDir);
  const server = await startServer(dataDir);
  const rows: DrillRow[] = [];
  let accepted = 0;
  const indicator = {
    indicator: 'drill: returns recorded',
    value: 42,
    unit: 'people',
    date: '2025',
    country: 'ML',
  };
  const id = (await (await fetch(`${server.url}/api/instruments?limit=1`)).json()) as {
    items: { id: string }[];
  };
  const page = `/instruments/${id.items[0]?.id ?? ''}`;
  const endpoints: [name: string, path: string, target: boolean, write: boolean][] = [
    ['search', '/api/search?q=r%C3%A9admission', true, false],
    ['list', '/api/instruments?limit=50', true, false],
    ['page', page, false, false],
    ['write', '/api/indicators', false, true],
  ];
  for (const connections of [16, 64]) {
    for (const [name, path, target, write] of endpoints) {
      const result = await autocannon({
        url: `${server.url}${path}`,
        connections,
        duration: SECONDS,
        ...(write
          ? {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(indicator),
            }
          : {}),
      });
      if (write) accepted += result['2xx'];
      rows.push({
        drill: `load: ${name} @${connections}`,
        requests: result['2xx'],
        errors: result['5xx'] + result.errors,
        p99Ms: result.latency.p99,
        ...(target && connections === 64 ? { p99TargetMs: P99_TARGET_MS } : {}),
        ...(result.requests.total - result['2xx'] - result['5xx'] > 0
          ? { note: `${result.requests.total - result['2xx'] - result['5xx']} refused (4xx)` }
          : {}),
      });
    }
  }
  const stopped = await server.stop();
  const db = openReadOnly(databaseFile(dataDir));
  const stored =
    db === undefined
      ? 0
      : (
          db.prepare("select count(*) as n from indicator_values where entered_by = 'drill'").get() as {
            n: number;
          }
        ).n;
  db?.close();
  const writes = rows.filter((row) => row.drill.startsWith('load: write'));
  // Every write the server acknowledged is stored (more may be: answers cut off at the end of a run).
  const lost = Math.max(0, accepted - stored);
  rows[rows.indexOf(writes.at(-1)!)] = {
    ...writes.at(-1)!,
    lost,
    note: `${stored} stored of ${accepted} accepted`,
  };
  if (crashed(stopped) && stopped.signal !== 'SIGTERM') rows.push({ drill: 'load: server', crashes: 1 });
  return rows;
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'mda-drill-'));
  try {
    const files = await makeCorpus(join(work, 'corpus'));
    const cleanDir = join(work, 'clean');
    const cleanRun = await runMda(['--data', cleanDir, 'ingest', ...files]);
    if (cleanRun.code !== 0) throw new Error(`the clean ingest failed: ${cleanRun.stderr}`);
    const clean = countsOf(cleanDir);
    const rows: DrillRow[] = [];
    rows.push(await crashDrill(work, files, clean));
    rows.push(await concurrencyDrill(work, files, clean));
    rows.push(await hostileDrill(work));
    rows.push(...(await loadDrill(cleanDir)));
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(
      `drill: ${files.length} documents (clean ingest: ${clean.documents} documents, ${clean.instruments} instruments); ` +
        `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} (shared machine); loopback only; ${seconds} s\n\n`,
    );
    process.stdout.write(`${renderTable(rows)}\n`);
    const result = verdict(rows);
    if (!result.ok) {
      process.stdout.write(`\nFAILED:\n${result.failures.map((line) => `  ${line}`).join('\n')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
