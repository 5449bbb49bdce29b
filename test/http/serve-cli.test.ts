/**
 * `mda serve` and `mda start` as a shell user runs them: on a fresh data folder they ingest the
 * built-in corpus, print the URL, answer on it, and stop cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-serve-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `mda …args`, waits for the line with the URL, and returns it with the output so far. */
async function startCli(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, MDA_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    void exited.then((code) =>
      reject(new Error(`mda exited (${code}) before printing a URL: ${lines.join('\n')}`)),
    );
  });
  return { child, url, lines, exited };
}

void test(
  'mda serve ingests the corpus on first run, prints the URL and serves it',
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
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
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
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  },
);

void test('a bad port is a usage error', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--data', dir, 'serve', '--port', 'eighty'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 64);
  assert.match(stderr, /^error: --port: invalid value "eighty": expected a port number/m);
});
