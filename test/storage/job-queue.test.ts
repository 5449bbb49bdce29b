/**
 * The job queue on both engines (a real SQLite file, a fresh PostgreSQL database): claim order,
 * concurrent claims that never hand one job to two workers, leases that expire when a worker dies,
 * parking after the third attempt, final failures, a lost lease that cannot complete, retrying a
 * parked job, and the worker loop ingesting a real document.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { runWorker } from '../../src/services/worker.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of ENGINES) {
  // One database per engine (creating one on PostgreSQL costs seconds); each test has its own batch.
  void describe(`job queue on ${engine}`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>> | undefined;
    let store: AtlasStore;
    before(async () => {
      opened = await openTestAtlas(engine);
      store = opened.atlas.store;
    });
    after(() => opened?.dispose());
    void test('jobs are claimed oldest first; concurrent claims never give one job to two workers', async () => {
      const jobs = await store.jobs.enqueue(
        Array.from({ length: 12 }, (_, i) => ({
          source: `f${i}.txt`,
          batch: 'b',
          payload: { kind: 'ingest_file' as const, path: `/nowhere/f${i}.txt` },
        })),
      );
      assert.deepEqual(
        jobs.map((job) => job.source),
        Array.from({ length: 12 }, (_, i) => `f${i}.txt`),
      );
      const first = await store.jobs.claim('w0', { leaseMs: 60_000, batch: 'b' });
      assert.equal(first?.source, 'f0.txt');
      assert.deepEqual(first?.payload, { kind: 'ingest_file', path: '/nowhere/f0.txt' });
      // On PostgreSQL these run on separate pooled connections, each in its own transaction.
      const claims = await Promise.all(
        Array.from({ length: 16 }, (_, i) => store.jobs.claim(`w${i + 1}`, { leaseMs: 60_000, batch: 'b' })),
      );
      const taken = claims.filter((claim) => claim !== undefined).map((claim) => claim.id);
      assert.equal(taken.length, 11);
      assert.equal(new Set([first?.id, ...taken]).size, 12);
      const counts = await store.jobs.counts('b');
      assert.deepEqual({ queued: counts.queued, running: counts.running }, { queued: 0, running: 12 });
    });

    void test('a job whose worker dies is claimed again after its lease, and parked after three attempts', async () => {
      const [job] = await store.jobs.enqueue([
        { batch: 'p', source: 'a.txt', payload: { kind: 'ingest_file', path: '/nowhere/a.txt' } },
      ]);
      assert.ok(job);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const claimed = await store.jobs.claim(`w${attempt}`, { leaseMs: 30, batch: 'p' });
        assert.equal(claimed?.id, job.id);
        assert.equal(claimed?.attempts, attempt);
        await pause(60);
      }
      // The third worker died too: the next claim parks the job instead of running it a fourth time.
      assert.equal(await store.jobs.claim('w4', { leaseMs: 60_000, batch: 'p' }), undefined);
      const parked = await store.jobs.get(job.id);
      assert.equal(parked?.state, 'parked');
      assert.equal(parked?.attempts, 3);
      assert.equal(parked?.error?.code, 'worker_lost');
      assert.equal((await store.jobs.counts('p')).parked, 1);
      const listed = await store.jobs.list({ batch: 'p', state: 'parked', limit: 10, offset: 0 });
      assert.equal(listed.total, 1);
      assert.match(listed.items[0]?.error?.message ?? '', /stopped during the attempt/);

      // A person retries it: queued again with fresh attempts and the same payload.
      const retried = await store.jobs.retry(job.id);
      assert.equal(retried?.state, 'queued');
      assert.equal(retried?.attempts, 0);
      const again = await store.jobs.claim('w5', { leaseMs: 60_000, batch: 'p' });
      assert.deepEqual(again?.payload, { kind: 'ingest_file', path: '/nowhere/a.txt' });
    });

    void test('a worker that lost its lease cannot complete; a refused document fails at once', async () => {
      await store.jobs.enqueue([
        { batch: 'l', source: 'b.txt', payload: { kind: 'ingest_file', path: '/nowhere/b.txt' } },
        { batch: 'l', source: 'c.txt', payload: { kind: 'ingest_file', path: '/nowhere/c.txt' } },
      ]);
      const slow = await store.jobs.claim('slow', { leaseMs: 20, batch: 'l' });
      assert.equal(slow?.source, 'b.txt');
      await pause(50);
      const fast = await store.jobs.claim('fast', { leaseMs: 60_000, batch: 'l' });
      assert.equal(fast?.id, slow?.id, 'the expired lease is taken over');
      assert.equal(await store.jobs.progress(slow.id, 'slow', 'storing', 60_000), false);
      await store.jobs.complete(slow.id, 'slow', { status: 'added', documentId: 'doc_x' });
      assert.equal((await store.jobs.get(slow.id))?.state, 'running', 'the stale worker changed nothing');
      assert.equal((await store.jobs.get(slow.id))?.error?.code, 'worker_lost');

      const next = await store.jobs.claim('fast', { leaseMs: 60_000, batch: 'l' });
      assert.equal(next?.source, 'c.txt');
      const failed = await store.jobs.fail(
        next.id,
        'fast',
        { code: 'unreadable_file', message: 'c.txt: gone' },
        true,
      );
      assert.equal(failed.state, 'failed');
      assert.equal(failed.attempts, 1);
      // A retryable failure is queued again, then parked on the last attempt.
      const [d] = await store.jobs.enqueue([
        {
          batch: 'l',
          source: 'd.txt',
          maxAttempts: 2,
          payload: { kind: 'ingest_file', path: '/nowhere/d.txt' },
        },
      ]);
      const busy = { code: 'busy', message: 'd.txt: the database stayed busy' };
      const one = await store.jobs.claim('fast', { leaseMs: 60_000, batch: 'l' });
      assert.equal(one?.id, d?.id);
      assert.equal((await store.jobs.fail(one?.id ?? '', 'fast', busy, false)).state, 'queued');
      const two = await store.jobs.claim('fast', { leaseMs: 60_000, batch: 'l' });
      const parked = await store.jobs.fail(two?.id ?? '', 'fast', busy, false);
      assert.deepEqual([parked.state, parked.attempts, parked.error?.code], ['parked', 2, 'busy']);
    });

    void test('releasing a dead worker makes its job claimable at once, with the reason recorded', async () => {
      const [job] = await store.jobs.enqueue([
        { batch: 'r', source: 'e.txt', payload: { kind: 'ingest_file', path: '/nowhere/e.txt' } },
      ]);
      await store.jobs.claim('dead', { leaseMs: 60_000, batch: 'r' });
      const reason = { code: 'worker_lost', message: 'the worker was killed by SIGKILL' };
      const released = await store.jobs.releaseWorker('dead', reason);
      assert.deepEqual(
        released.map((j) => [j.id, j.state]),
        [[job?.id, 'queued']],
      );
      const claimed = await store.jobs.claim('alive', { leaseMs: 60_000, batch: 'r' });
      assert.equal(claimed?.attempts, 2);
      assert.equal(claimed?.error?.message, reason.message);
    });

    void test('a stage note never waits for the write lock; a claim waits for it without blocking the process', async () => {
      await store.jobs.enqueue(
        ['n1.txt', 'n2.txt'].map((source) => ({
          batch: 'n',
          source,
          payload: { kind: 'ingest_file' as const, path: `/nowhere/${source}` },
        })),
      );
      const first = await store.jobs.claim('wn', { leaseMs: 60_000, batch: 'n', stage: 'reading' });
      assert.ok(first);
      assert.equal(await store.jobs.noteStage(first.id, 'wn', 'extracting', 60_000), 'written');
      assert.equal((await store.jobs.get(first.id))?.stage, 'extracting');
      assert.equal(await store.jobs.noteStage(first.id, 'someone-else', 'storing', 60_000), 'lost');
      if (engine !== 'sqlite') return;
      // Another process's transaction holds SQLite's write lock.
      const other = new BetterSqlite3(opened?.atlas.location ?? '');
      try {
        other.exec('begin immediate');
        const started = Date.now();
        assert.equal(await store.jobs.noteStage(first.id, 'wn', 'storing', 60_000), 'skipped');
        assert.ok(Date.now() - started < 1000, 'the note did not wait for the busy timeout');
        assert.equal((await store.jobs.get(first.id))?.stage, 'extracting');
        // The lock is released by a timer of this very process: a claim that waited inside SQLite's
        // busy handler would hold the thread, the timer could not fire, and the claim would fail busy.
        setTimeout(() => other.exec('commit'), 100);
        const second = await store.jobs.claim('wn2', { leaseMs: 60_000, batch: 'n' });
        assert.equal(second?.source, 'n2.txt');
        assert.ok(Date.now() - started >= 100, 'the claim waited for the lock');
        assert.equal(other.inTransaction, false);
      } finally {
        other.close();
      }
    });

    void test("storing a job's new document claims the worker's next job in the same transaction", async () => {
      const files = [
        'emn-oecd-migration-diplomacy-2024.en.txt',
        'iom-gcm-diaspora-thematic-paper.fr.txt',
      ].map((name) => join(CORPUS_DIR, name));
      const jobs = await store.jobs.enqueue(
        files.map((file) => ({
          source: file,
          batch: 'nx',
          payload: { kind: 'ingest_file' as const, path: file },
        })),
      );
      const next = { leaseMs: 60_000, batch: 'nx', stage: 'reading' };
      const first = await store.jobs.claim('wx', next);
      assert.equal(first?.id, jobs[0]?.id);
      const item = await ingestFile(files[0] ?? '', store, {
        job: { id: first?.id ?? '', worker: 'wx', next },
      });
      assert.equal(item.status, 'added');
      assert.equal(item.nextJob?.id, jobs[1]?.id);
      assert.deepEqual(item.nextJob?.payload, { kind: 'ingest_file', path: files[1] });
      assert.equal((await store.jobs.get(first?.id ?? ''))?.state, 'done');
      const held = await store.jobs.get(jobs[1]?.id ?? '');
      assert.deepEqual(
        { state: held?.state, attempts: held?.attempts, stage: held?.stage },
        { state: 'running', attempts: 1, stage: 'reading' },
      );
      // Only its holder gives it back; unstarted, the attempt does not count.
      assert.equal(await store.jobs.handBack(jobs[1]?.id ?? '', 'someone else'), false);
      assert.equal(await store.jobs.handBack(jobs[1]?.id ?? '', 'wx'), true);
      const back = await store.jobs.get(jobs[1]?.id ?? '');
      assert.deepEqual(
        { state: back?.state, attempts: back?.attempts, stage: back?.stage },
        { state: 'queued', attempts: 0, stage: null },
      );
      // The batch's last document: nothing left to claim with it.
      const last = await store.jobs.claim('wx', next);
      assert.equal(last?.id, jobs[1]?.id);
      const lastItem = await ingestFile(files[1] ?? '', store, {
        job: { id: last?.id ?? '', worker: 'wx', next },
      });
      assert.equal(lastItem.status, 'added');
      assert.equal(lastItem.nextJob, undefined);
      const counts = await store.jobs.counts('nx');
      assert.deepEqual(
        { done: counts.done, queued: counts.queued, running: counts.running },
        { done: 2, queued: 0, running: 0 },
      );
    });

    void test('a worker asked to stop hands back the job it claimed with its last document', async () => {
      const file = join(CORPUS_DIR, 'rabat-process-border-management-meeting.fr.txt');
      await store.jobs.enqueue([
        { source: file, batch: 'ns', payload: { kind: 'ingest_file', path: file } },
        {
          source: 'later-1.txt',
          batch: 'ns',
          payload: { kind: 'ingest_file', path: '/nowhere/later-1.txt' },
        },
        {
          source: 'later-2.txt',
          batch: 'ns',
          payload: { kind: 'ingest_file', path: '/nowhere/later-2.txt' },
        },
      ]);
      let stop = false;
      const { processed } = await runWorker(store, {
        workerId: 'stopping',
        batch: 'ns',
        pollMs: 10,
        shouldStop: () => stop,
        onJob: () => {
          stop = true;
        },
      });
      assert.equal(processed, 1);
      const counts = await store.jobs.counts('ns');
      assert.deepEqual(
        { done: counts.done, queued: counts.queued, running: counts.running },
        { done: 1, queued: 2, running: 0 },
      );
      const queued = await store.jobs.list({ batch: 'ns', state: 'queued', limit: 10, offset: 0 });
      assert.deepEqual(
        queued.items.map((job) => job.attempts),
        [0, 0],
      );
      // An interrupted batch drops what no worker started (worker-pool.ts).
      assert.equal(await store.jobs.cancelQueued('ns', { neverAttempted: true }), 2);
    });

    void test('the worker loop ingests a queued document and stops when its batch is done', async () => {
      const file = join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt');
      const stored = (await store.listDocuments({ limit: 1, offset: 0 })).total;
      await store.jobs.enqueue([
        { source: file, batch: 'b1', payload: { kind: 'ingest_file', path: file } },
        {
          source: 'missing.txt',
          batch: 'b1',
          payload: { kind: 'ingest_file', path: '/nowhere/missing.txt' },
        },
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
      assert.equal(page.items[0]?.documentId, page.items[0]?.result?.documentId);
      assert.equal((await store.listDocuments({ limit: 10, offset: 0 })).total, stored + 1);
      const failed = await store.jobs.list({ batch: 'b1', state: 'failed', limit: 10, offset: 0 });
      assert.equal(failed.items[0]?.error?.code, 'unreadable_file');
      assert.match(failed.items[0]?.error?.message ?? '', /^missing\.txt: /);
    });
  });
}
