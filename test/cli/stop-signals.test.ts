/**
 * SIGTERM reaches the `mda` process doing the work: an ingestion stops between two documents,
 * closes the database and exits 143 (128 + 15), keeping every document it stored and nothing
 * half-written.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { openAtlasDatabase } from '../../src/storage/database.ts';
import { integrityCheck } from '../../src/storage/sqlite/connection.ts';
import { writeCorpusCopies } from '../fixtures/corpus-copies.ts';
import { spawnMda } from '../support/cli.ts';

const FILES = 40;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-stop-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** Documents stored so far, read through a read-only connection (0 before the file exists). */
function storedDocuments(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select count(*) as n from documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

void test('SIGTERM stops an ingestion between documents with exit 143, keeping what it stored', async () => {
  const files = await writeCorpusCopies(dir, 'mali-eu', FILES);
  const data = join(dir, 'data');
  const child = spawnMda(['--data', data, 'ingest', ...files]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const database = join(data, 'atlas.sqlite');
  while (storedDocuments(database) === 0 && child.exitCode === null) await sleep(50);
  child.kill('SIGTERM');
  const { code, signal } = await exited;
  assert.equal(signal, null, 'the process handled the signal');
  assert.equal(code, 143, stderr);
  assert.match(stderr, /^SIGTERM: stopping after the current document/m);
  assert.match(stderr, /^error: stopped by SIGTERM; what was stored before it is kept$/m);

  const atlas = await openAtlasDatabase({ dataDir: data });
  try {
    assert.equal(integrityCheck(atlas.raw), 'ok');
    const stored = (await atlas.store.listDocuments({ limit: 1000, offset: 0 })).total;
    assert.ok(stored >= 1 && stored < FILES, `stopped mid-batch after ${stored} documents`);
    const orphans = atlas.raw
      .prepare('select count(*) as n from claims where document_id not in (select id from documents)')
      .get() as { n: number };
    assert.equal(orphans.n, 0);
  } finally {
    await atlas.store.close();
  }
});
