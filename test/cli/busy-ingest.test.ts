/**
 * `mda ingest` while another process holds the database's write lock: it waits and retries, and when
 * the lock is still held gives up with exit code 75 (EX_TEMPFAIL) and nothing half-written; run
 * again once the lock is released, it stores everything.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { openAtlasDatabase } from '../../src/storage/database.ts';
import { databaseFile } from '../../src/storage/paths.ts';
import { ingestPaths } from '../../src/services/ingest.ts';
import { mda } from '../support/cli.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-busy-'));
  // A short busy timeout keeps the test short; the retries scale with it.
  process.env.MDA_BUSY_TIMEOUT_MS = '100';
});
after(async () => {
  delete process.env.MDA_BUSY_TIMEOUT_MS;
  await rm(dir, { recursive: true, force: true });
});

const note = (n: number) =>
  `Note ${n}\n\nThe European Union and Mali signed a readmission agreement in March 202${n}.\n`;

void test('a held write lock: retries, exit 75, then a clean rerun', { timeout: 120_000 }, async () => {
  const data = join(dir, 'data');
  const files = [1, 2].map((n) => join(dir, `note-${n}.txt`));
  for (const [i, file] of files.entries()) await writeFile(file, note(i + 1));
  // The atlas exists (created and migrated) before another process takes the lock.
  await (await openAtlasDatabase({ dataDir: data })).store.close();
  const other = new BetterSqlite3(databaseFile(data));
  try {
    other.exec('BEGIN IMMEDIATE');
    const locked = await mda('--data', data, 'ingest', ...files);
    assert.equal(locked.code, 75, locked.stderr);
    assert.match(locked.stderr, /the database is busy \(another process is writing\); try again in \d+ s/);
    other.exec('ROLLBACK');
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  }
  const again = await mda('--data', data, 'ingest', ...files);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^2 added, 0 unchanged, 0 failed/);
});

void test('ingestion service: a file that stays busy stops the batch, the rest is left for a rerun', async () => {
  const data = join(dir, 'service');
  const atlas = await openAtlasDatabase({ dataDir: data });
  atlas.raw.pragma('busy_timeout = 20');
  const files = [4, 5, 6].map((n) => join(dir, `note-${n}.txt`));
  for (const [i, file] of files.entries()) await writeFile(file, note(i + 4));
  const other = new BetterSqlite3(atlas.file);
  try {
    other.exec('BEGIN IMMEDIATE');
    const batch = await ingestPaths(files, atlas.store, {
      busyRetry: { delaysMs: [10, 20], retryAfterSeconds: 1 },
    });
    assert.deepEqual(
      batch.results.map((item) => [item.status, item.error?.code]),
      [['failed', 'busy']],
    );
    assert.deepEqual(batch.notAttempted, files.slice(1));
    other.exec('ROLLBACK');
    // Released between two attempts: the save goes through on a retry.
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('ROLLBACK'), 30);
    const retried = await ingestPaths(files, atlas.store, {
      busyRetry: { delaysMs: [50, 100, 200], retryAfterSeconds: 1 },
    });
    assert.deepEqual(
      retried.results.map((item) => item.status),
      ['added', 'added', 'added'],
    );
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await atlas.store.close();
  }
});
