/**
 * A write transaction's commit that finds the WAL file past its limit checkpoints it and lets the
 * next writer start it again from its beginning (storage/sqlite/connection.ts, `restartLongWal`),
 * so the WAL stays bounded even when SQLite's own checkpoint cannot restart it (two writers: see
 * there). Read from a real file: SQLite's automatic checkpoint is turned off
 * (MDA_WAL_AUTOCHECKPOINT=0), so that what bounds the WAL here is that restart alone, with a limit of
 * 1 MiB (MDA_WAL_RESTART_MB=1) instead of 16.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openSqlite } from '../../src/storage/sqlite/connection.ts';

const PAGE = 4096;

async function withFile(work: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mda-wal-restart-'));
  const saved = { checkpoint: process.env.MDA_WAL_AUTOCHECKPOINT, restart: process.env.MDA_WAL_RESTART_MB };
  process.env.MDA_WAL_AUTOCHECKPOINT = '0';
  process.env.MDA_WAL_RESTART_MB = '1';
  try {
    await work(join(dir, 'atlas.sqlite'));
  } finally {
    if (saved.checkpoint === undefined) delete process.env.MDA_WAL_AUTOCHECKPOINT;
    else process.env.MDA_WAL_AUTOCHECKPOINT = saved.checkpoint;
    if (saved.restart === undefined) delete process.env.MDA_WAL_RESTART_MB;
    else process.env.MDA_WAL_RESTART_MB = saved.restart;
    await rm(dir, { recursive: true, force: true });
  }
}

/** A transaction that writes about `kb` kilobytes of new rows (a few dozen pages). */
async function writeRows(db: ReturnType<typeof openSqlite>['db'], round: number, kb = 200): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < kb; i += 1) {
      await sql`insert into t (round, body) values (${round}, ${'x'.repeat(1000)})`.execute(trx);
    }
  });
}

void describe('SQLite WAL restart after a commit', () => {
  void it('keeps the WAL within its limit and one transaction across 30 write transactions of two connections', async () => {
    await withFile(async (file) => {
      const a = openSqlite(file);
      const b = openSqlite(file);
      try {
        assert.equal(a.raw.pragma('wal_autocheckpoint', { simple: true }), 0);
        a.raw.exec('create table t (round integer, body text)');
        let largest = 0;
        for (let round = 0; round < 30; round += 1) {
          await writeRows(round % 2 === 0 ? a.db : b.db, round);
          largest = Math.max(largest, statSync(`${file}-wal`).size);
        }
        // 30 transactions of ~200 KB: 6.5 MB of WAL without the restart; with it, at most the
        // 1 MiB limit and one more transaction.
        assert.ok(largest < 1024 * 1024 + 80 * PAGE, `WAL grew to ${largest} bytes`);
        assert.equal(a.raw.pragma('journal_size_limit', { simple: true }), 1024 * 1024);
        const rows = a.raw.prepare('select count(*) as n from t').get() as { n: number };
        assert.equal(rows.n, 30 * 200);
        assert.equal(a.raw.pragma('integrity_check', { simple: true }), 'ok');
      } finally {
        await a.db.destroy();
        await b.db.destroy();
      }
    });
  });

  void it('does not wait for a reader: the commit returns and a later commit restarts the WAL', async () => {
    await withFile(async (file) => {
      const writer = openSqlite(file);
      const reader = openSqlite(file);
      try {
        writer.raw.exec('create table t (round integer, body text)');
        await writeRows(writer.db, 0);
        // A read transaction open across the next commits: the restart cannot happen meanwhile.
        reader.raw.exec('begin');
        reader.raw.prepare('select count(*) from t').get();
        const started = Date.now();
        for (let round = 1; round <= 8; round += 1) await writeRows(writer.db, round);
        assert.ok(Date.now() - started < 4000, 'the commits waited for the reader');
        const grown = statSync(`${file}-wal`).size;
        assert.ok(grown > 1024 * 1024, `the WAL kept the reader's snapshot: ${grown} bytes`);
        // The reader still sees its snapshot: one transaction's rows.
        assert.deepEqual(reader.raw.prepare('select count(*) as n from t').get(), { n: 200 });
        reader.raw.exec('commit');
        // Reader gone: the next commit restarts the WAL, and the one after writes from its start.
        await writeRows(writer.db, 9);
        await writeRows(writer.db, 10);
        const frames = (writer.raw.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? -1;
        assert.ok(frames >= 0 && frames < 120, `WAL frames after the reader left: ${frames}`);
        assert.deepEqual(writer.raw.prepare('select count(*) as n from t').get(), { n: 11 * 200 });
      } finally {
        await writer.db.destroy();
        await reader.db.destroy();
      }
    });
  });
});
