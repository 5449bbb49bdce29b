/**
 * The settings a SQLite atlas file is opened with (storage/sqlite/connection.ts), read back from a
 * real file: WAL, synchronous = NORMAL (durable against a process crash), and the WAL checkpoint
 * threshold raised for ingestion, with its override.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openSqlite, walAutocheckpointPages } from '../../src/storage/sqlite/connection.ts';

void describe('SQLite connection settings', () => {
  void it('opens the file in WAL mode, synchronous NORMAL, checkpointing every 1,000 pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mda-sqlite-connection-'));
    const { db, raw } = openSqlite(join(dir, 'atlas.sqlite'));
    try {
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      // 1 = NORMAL: in WAL mode every committed transaction survives a process crash.
      assert.equal(raw.pragma('synchronous', { simple: true }), 1);
      assert.equal(raw.pragma('wal_autocheckpoint', { simple: true }), walAutocheckpointPages());
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  void it('takes MDA_WAL_AUTOCHECKPOINT (pages) when it is a whole number, else 1,000', () => {
    assert.equal(walAutocheckpointPages({}), 1000);
    assert.equal(walAutocheckpointPages({ MDA_WAL_AUTOCHECKPOINT: '1000' }), 1000);
    assert.equal(walAutocheckpointPages({ MDA_WAL_AUTOCHECKPOINT: '0' }), 0);
    assert.equal(walAutocheckpointPages({ MDA_WAL_AUTOCHECKPOINT: 'lots' }), 1000);
    assert.equal(walAutocheckpointPages({ MDA_WAL_AUTOCHECKPOINT: '-5' }), 1000);
  });
});
