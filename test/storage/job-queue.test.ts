/**
 * The job queue on a real SQLite atlas file: claim order, leases that expire when a worker dies,
 * parking after the last attempt, final failures, and the worker loop ingesting a real document.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openAtlasDatabase } from '../../src/storage/database.ts';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { runWorker } from '../../src/services/worker.ts';

async function withAtlas(
  work: (store: Awaited<ReturnType<typeof openAtlasDatabase>>['store']) => Promise<void>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'mda-jobs-'));
  const atlas = await openAtlasDatabase({ file: join(dir, 'atlas.sqlite') });
  try {
    await work(atlas.store);
  } finally {
    await atlas.store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

void test('a job whose worker dies is claimed again after its lease, and parked after three attempts', async () => {
  await withAtlas(async (store) => {
    const [job] = await store.jobs.enqueue([
      { source: 'a.txt', payload: { kind: 'ingest_file', path: '/nowhere/a.txt' } },
    ]);
    assert.ok(job);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const claimed = await store.jobs.claim(`w${attempt}`, { leaseMs: 1 });
      assert.equal(claimed?.id, job.id);
      assert.equal(claimed?.attempts, attempt);
      // Another worker cannot take it while the lease holds.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The third worker died too: the next claim parks the job instead of running it a fourth time.
    assert.equal(await store.jobs.claim('w4', { leaseMs: 60_000 }), undefined);
    const parked = await store.jobs.get(job.id);
    assert.equal(parked?.state, 'parked');
    assert.equal(parked?.error?.code, 'worker_lost');
    assert.deepEqual((await store.jobs.counts()).parked, 1);
  });
});

void test('a held lease keeps the job from other workers; a refused document fails at once', async () => {
  await withAtlas(async (store) => {
    await store.jobs.enqueue([{ source: 'b.txt', payload: { kind: 'ingest_file', path: '/nowhere/b.txt' } }]);
    const claimed = await store.jobs.claim('one', { leaseMs: 60_000 });
    assert.ok(claimed);
    assert.equal(await store.jobs.claim('two', { leaseMs: 60_000 }), undefined);
    const failed = await store.jobs.fail(
      claimed.id,
      'one',
      { code: 'unreadable_file', message: 'b.txt: gone' },
      true,
    );
    assert.equal(failed.state, 'failed');
    assert.equal(failed.attempts, 1);
  });
});

void test('the worker loop ingests a queued document and stops when its batch is done', async () => {
  await withAtlas(async (store) => {
    const file = join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt');
    await store.jobs.enqueue([
      { source: file, batch: 'b1', payload: { kind: 'ingest_file', path: file } },
      { source: 'missing.txt', batch: 'b1', payload: { kind: 'ingest_file', path: '/nowhere/missing.txt' } },
    ]);
    const { processed } = await runWorker(store, {
      workerId: 'test',
      batch: 'b1',
      untilBatchDone: true,
      pollMs: 10,
      shouldStop: () => false,
    });
    assert.equal(processed, 2);
    const counts = await store.jobs.counts('b1');
    assert.deepEqual({ done: counts.done, failed: counts.failed }, { done: 1, failed: 1 });
    const page = await store.jobs.list({ batch: 'b1', state: 'done', limit: 10, offset: 0 });
    assert.equal(page.items[0]?.result?.status, 'added');
    assert.equal((await store.listDocuments({ limit: 10, offset: 0 })).total, 1);
  });
});
