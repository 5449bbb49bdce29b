/**
 * `mda serve` and `mda start` as a shell user runs them, through the `bin/mda.js` launcher: on a
 * fresh data folder (or a fresh PostgreSQL database) they ingest the built-in corpus, print the URL, answer on it, and SIGTERM stops
 * the process that serves (no orphan: the pid is gone and the port is free again). A failure that
 * escapes every command ends the process with 70, never 1.
 */
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mdaProcess, spawnMda } from '../support/cli.ts';
import { createTestDatabase } from '../support/engines.ts';

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-serve-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts `mda …args`, waits for the line with the URL, and returns it with the output so far. */
async function startCli(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawnMda(args, { env });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = exitOf(child);
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    void exited.then(({ code }) =>
      reject(new Error(`mda exited (${code}) before printing a URL: ${lines.join('\n')}\n${stderr}`)),
    );
  });
  return { child, url, lines, exited };
}

function exitOf(child: ChildProcessWithoutNullStreams) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
}

/** True when no process has this pid any more. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** True when the port can be bound again on 127.0.0.1. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

void test(
  'mda serve ingests the corpus on first run, serves it, and SIGTERM stops it with no orphan',
  { timeout: 180_000 },
  async () => {
    const { child, url, lines, exited } = await startCli(['--data', dir, 'serve', '--port', '0']);
    assert.ok(
      lines.some((line) => /^built-in corpus: 4 added/.test(line)),
      lines.join('\n'),
    );
    const response = await fetch(`${url}/api/stats`);
    const stats = (await response.json()) as { documents: number };
    assert.equal(stats.documents, 4);
    // The request log is on by default: JSON lines on standard output, with the request id.
    assert.ok(
      lines.some((line) => line === 'request log: standard output (level info)'),
      lines.join('\n'),
    );
    const requestId = response.headers.get('x-request-id');
    const logged = async (): Promise<boolean> => {
      for (let i = 0; i < 100; i++) {
        const found = lines.some((line) => {
          if (!line.startsWith('{')) return false;
          const entry = JSON.parse(line) as { reqId?: string; req?: { url?: string } };
          return entry.reqId === requestId && entry.req?.url === '/api/stats';
        });
        if (found) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    };
    assert.ok(await logged(), `a log line for request ${requestId}:\n${lines.join('\n')}`);
    assert.equal((await fetch(`${url}/`)).status, 200);
    // The launcher runs the server in its own process: the signal reaches the process that serves.
    child.kill('SIGTERM');
    assert.deepEqual(await exited, { code: 0, signal: null });
    assert.ok(gone(child.pid!), 'the process is gone');
    assert.ok(await portIsFree(Number(new URL(url).port)), 'the port is free again');
  },
);

void test(
  'mda start honours PORT, does not ingest twice, and prints the summary and the URL',
  { timeout: 120_000 },
  async () => {
    const { child, url, lines, exited } = await startCli(['--data', dir, 'start'], { PORT: '0' });
    assert.ok(!lines.some((line) => line.startsWith('built-in corpus:')), 'the corpus is already there');
    assert.ok(lines.some((line) => /Instruments by type/.test(line)));
    assert.equal((await fetch(`${url}/api/instruments?limit=1`)).status, 200);
    child.kill('SIGINT');
    assert.deepEqual(await exited, { code: 0, signal: null });
  },
);

void test(
  'mda serve --database postgres://… serves a PostgreSQL atlas; mda start finds it through DATABASE_URL',
  { timeout: 180_000 },
  async () => {
    const database = await createTestDatabase();
    try {
      const served = await startCli([
        '--database',
        database.url,
        'serve',
        '--port',
        '0',
        '--log-level',
        'silent',
      ]);
      assert.ok(
        served.lines.some((line) => /^built-in corpus: 4 added/.test(line)),
        served.lines.join('\n'),
      );
      // The password is never printed.
      const shown = served.lines.find((line) => line.startsWith('database: '));
      // The test server's host and port (the run's own cluster, see scripts/pg-test-cluster.sh).
      const host = new URL(database.url).host.replace(/[.]/g, '\\.');
      assert.match(shown ?? '', new RegExp(`^database: postgres://postgres:\\*\\*\\*@${host}/mda_test_`));
      const stats = (await (await fetch(`${served.url}/api/stats`)).json()) as { documents: number };
      assert.equal(stats.documents, 4);
      assert.equal((await fetch(`${served.url}/search?q=r%C3%A9admission`)).status, 200);
      served.child.kill('SIGTERM');
      assert.deepEqual(await served.exited, { code: 0, signal: null });

      const started = await startCli(['start', '--log-level', 'silent'], {
        PORT: '0',
        DATABASE_URL: database.url,
      });
      assert.ok(!started.lines.some((line) => line.startsWith('built-in corpus:')), 'already ingested');
      const page = (await (await fetch(`${started.url}/api/instruments?limit=1`)).json()) as {
        total: number;
      };
      assert.ok(page.total > 0);
      started.child.kill('SIGINT');
      assert.deepEqual(await started.exited, { code: 0, signal: null });
    } finally {
      await database.drop();
    }
  },
);

void test('a bad port is a usage error of the process', async () => {
  const run = await mdaProcess(['--data', dir, 'serve', '--port', 'eighty']);
  assert.equal(run.code, 64);
  assert.match(run.stderr, /^error: --port: invalid value "eighty": expected a port number/m);
});

const CRASH = fileURLToPath(new URL('../support/crash-after-start.mjs', import.meta.url));

for (const how of ['throw', 'reject'] as const) {
  void test(`an uncaught failure (${how}) ends the process with 70 and one error line`, async () => {
    const child = spawnMda(['--version'], { nodeArgs: ['--import', CRASH], env: { MDA_TEST_CRASH: how } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const { code, signal } = await exitOf(child);
    assert.equal(signal, null);
    assert.equal(code, 70, stderr);
    assert.equal(stderr, 'error: internal failure: deliberate failure outside any command\n');
  });
}
