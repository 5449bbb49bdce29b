/**
 * `mda ingest --workers N`, `mda worker` and `mda jobs` with real worker processes: the same lines,
 * summary and exit codes as a plain ingestion; a worker killed with SIGKILL mid-document leaves no
 * half-stored document, its file is named on one line and ingested again; workers that keep dying
 * end the batch as a crash (70), never 1.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ingestWithWorkers } from '../../src/services/ingest-workers.ts';
import { openAtlasDatabase } from '../../src/storage/database.ts';
import { integrityCheck } from '../../src/storage/sqlite/connection.ts';
import { writeCorpusCopies } from '../fixtures/corpus-copies.ts';
import { mda, ROOT, spawnMda } from '../support/cli.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-workers-'));
});
after(() => rm(dir, { recursive: true, force: true }));

void describe('mda ingest --workers', () => {
  void it('prints the same lines, summary and exit code as a plain ingestion', async () => {
    const good = join(dir, 'mali.txt');
    await copyFile(join(ROOT, 'corpus', 'mali-eu-high-level-dialogue-2016.fr.txt'), good);
    const other = join(dir, 'rabat.txt');
    await copyFile(join(ROOT, 'corpus', 'rabat-process-border-management-meeting.fr.txt'), other);
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const missing = join(dir, 'missing.txt');

    const plain = await mda('--data', join(dir, 'plain'), 'ingest', good, other, missing, empty);
    const pooled = await mda(
      '--data',
      join(dir, 'pooled'),
      'ingest',
      '--workers',
      '2',
      good,
      other,
      missing,
      empty,
    );
    assert.equal(plain.code, 1, plain.stderr);
    assert.equal(pooled.code, 1, pooled.stderr);
    assert.equal(pooled.stdout, plain.stdout);
    assert.match(pooled.stdout, /^2 added, 0 unchanged, 2 failed; \d+ instruments added/);
    const sorted = (text: string) => text.trim().split('\n').sort();
    assert.deepEqual(sorted(pooled.stderr), sorted(plain.stderr));

    // The queue keeps the batch: states, attempts and the error of the refused file.
    const listed = await mda('--data', join(dir, 'pooled'), 'jobs', 'list', '--json');
    const page = JSON.parse(listed.stdout) as {
      total: number;
      items: {
        id: string;
        source: string;
        state: string;
        attempts: number;
        error: { code: string } | null;
      }[];
    };
    assert.equal(page.total, 3, 'three files were queued; the missing one was refused before');
    const refused = page.items.find((job) => job.source === empty);
    assert.deepEqual(
      [refused?.state, refused?.attempts, refused?.error?.code],
      ['failed', 1, 'empty_document'],
    );
    const text = await mda('--data', join(dir, 'pooled'), 'jobs');
    assert.match(text.stdout, /^jobs: 0 queued, 0 running, 2 done, 1 failed, 0 parked$/m);

    // Fixed by a person, retried, and taken by a worker.
    await writeFile(empty, 'Accord de réadmission entre le Maroc et la France, signé le 3 mars 2019.\n');
    const done = page.items.find((job) => job.state === 'done');
    const refusedRetry = await mda('--data', join(dir, 'pooled'), 'jobs', 'retry', done?.id ?? '');
    assert.equal(refusedRetry.code, 65, refusedRetry.stderr);
    assert.match(refusedRetry.stderr, /only failed or parked jobs can be retried/);
    const retry = await mda('--data', join(dir, 'pooled'), 'jobs', 'retry', refused?.id ?? '');
    assert.equal(retry.code, 0, retry.stderr);
    const worker = await mda('--data', join(dir, 'pooled'), 'worker', '--once');
    assert.equal(worker.code, 0, worker.stderr);
    assert.match(worker.stdout, new RegExp(`^${refused?.id}  ${empty}: added \\(doc_`));
    const show = await mda('--data', join(dir, 'pooled'), 'jobs', 'show', refused?.id ?? '');
    assert.match(show.stdout, /^state: {5}done$/m);
    assert.match(show.stdout, /^attempts: {2}1 of 3$/m);
    assert.equal((await mda('--data', join(dir, 'pooled'), 'jobs', 'show', 'job_0000000000000')).code, 66);
  });

  void it('a worker killed with SIGKILL mid-document: its file is named, ingested again, nothing half-stored', async () => {
    const files = await writeCorpusCopies(await mkdtemp(join(dir, 'copies-')), 'emn-oecd', 6);
    const data = join(dir, 'killed');
    const database = join(data, 'atlas.sqlite');
    const parent = spawnMda(['--data', data, 'ingest', '--workers', '2', ...files]);
    let stdout = '';
    let stderr = '';
    parent.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    parent.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => parent.once('exit', (code) => resolve(code)));

    // Wait until a worker is extracting a document, then kill that worker outright.
    let victim: number | undefined;
    while (victim === undefined && parent.exitCode === null) {
      const holder = extractingWorker(database);
      if (holder !== undefined) victim = workerPid(parent.pid ?? 0, holder);
      if (victim === undefined) await sleep(20);
    }
    assert.ok(victim !== undefined, `no worker was caught extracting: ${stderr}`);
    process.kill(victim, 'SIGKILL');
    const code = await exited;

    assert.equal(code, 0, stderr);
    assert.match(stdout, /^6 added, 0 unchanged, 0 failed;/);
    const warnings = stderr.trim().split('\n');
    assert.equal(warnings.length, 1, stderr);
    assert.match(
      warnings[0] ?? '',
      /^warning: .*copy-\d\d\.txt: the worker ingesting it stopped: killed by SIGKILL \(out of memory, or killed\) \(queued again: attempt 1 of 3 used\)$/,
    );

    const atlas = await openAtlasDatabase({ dataDir: data });
    try {
      assert.equal(integrityCheck(atlas.raw), 'ok');
      // The copies differ only by their last line: every document holds the same facts.
      const perDocument = atlas.raw
        .prepare(
          'select d.id, (select count(*) from claims c where c.document_id = d.id) as n from documents d',
        )
        .all() as { n: number }[];
      assert.equal(perDocument.length, 6);
      assert.ok((perDocument[0]?.n ?? 0) > 0);
      assert.deepEqual(new Set(perDocument.map((row) => row.n)).size, 1, JSON.stringify(perDocument));
      const retried = (await atlas.store.jobs.list({ state: 'done', limit: 10, offset: 0 })).items.filter(
        (job) => job.attempts === 2,
      );
      assert.equal(retried.length, 1);
      assert.equal(retried[0]?.error, null);
    } finally {
      await atlas.store.close();
    }
  });

  void it('mda worker stops on SIGTERM after finishing its current document (exit 0), the rest stays queued', async () => {
    const files = await writeCorpusCopies(await mkdtemp(join(dir, 'term-')), 'emn-oecd', 4);
    const data = join(dir, 'term');
    const opened = await openAtlasDatabase({ dataDir: data });
    await opened.store.jobs.enqueue(
      files.map((file) => ({ source: file, payload: { kind: 'ingest_file' as const, path: file } })),
    );
    await opened.store.close();
    const worker = spawnMda(['--data', data, 'worker']);
    let stderr = '';
    worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    worker.stdout.resume();
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    const database = join(data, 'atlas.sqlite');
    while (extractingWorker(database) === undefined && worker.exitCode === null) await sleep(20);
    worker.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /^SIGTERM: stopping after the current document/m);

    const atlas = await openAtlasDatabase({ dataDir: data });
    try {
      const counts = await atlas.store.jobs.counts();
      assert.equal(counts.running, 0, 'no job left held by the stopped worker');
      assert.ok(counts.done >= 1, 'the document it was extracting was finished and stored');
      assert.ok(counts.queued >= 1, 'the others wait for the next worker');
      assert.equal((await atlas.store.listDocuments({ limit: 10, offset: 0 })).total, counts.done);
    } finally {
      await atlas.store.close();
    }
  });

  void it('workers that keep dying before taking a job end the batch as a crash, not as failed files', async () => {
    const opened = await openAtlasDatabase({ file: join(dir, 'crash.sqlite') });
    try {
      const file = join(dir, 'crash.txt');
      await writeFile(file, await readFile(join(ROOT, 'corpus', 'mali-eu-high-level-dialogue-2016.fr.txt')));
      await assert.rejects(
        ingestWithWorkers([file], opened.store, {
          workers: 1,
          pollMs: 20,
          start: () =>
            spawn(
              process.execPath,
              ['-e', 'process.stderr.write("error: cannot open the database\\n"); process.exit(70)'],
              {
                stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
              },
            ),
        }),
        (error: Error & { code?: string; exitCode?: number }) => {
          assert.equal(error.code, 'storage_failure');
          assert.equal(error.exitCode, 70);
          assert.match(
            error.message,
            /the workers keep stopping \(exited with code 70: cannot open the database\)/,
          );
          assert.match(error.message, /0 of 1 files were processed/);
          return true;
        },
      );
      assert.equal((await opened.store.jobs.counts()).queued, 0, 'the batch was withdrawn');
    } finally {
      await opened.store.close();
    }
  });
});

/** The lease owner of a job being extracted, read without disturbing the writers. */
function extractingWorker(file: string): string | undefined {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare("select lease_owner from jobs where state = 'running' and stage = 'extracting' limit 1")
        .get() as { lease_owner: string } | undefined;
      return row?.lease_owner;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** The pid of the child of `parent` whose command line names worker `workerId` (Linux /proc). */
function workerPid(parent: number, workerId: string): number | undefined {
  let children: string;
  try {
    children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8');
  } catch {
    return undefined;
  }
  for (const pid of children.trim().split(/\s+/).filter(Boolean)) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (args.split('\0').includes(workerId)) return Number(pid);
    } catch {
      // The process ended meanwhile.
    }
  }
  return undefined;
}
