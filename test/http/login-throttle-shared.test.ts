/**
 * The login throttle holds across server processes: two `mda serve` processes (bin/mda.js, as a
 * shell user starts them) on one database file count the same failed sign-ins. Three wrong
 * passwords on one and two on the other reach the account's limit of five: both then answer 429
 * with Retry-After, even to the right password (per-process counts, three and two, would let a
 * sixth guess through on each). The counts live in `login_attempts`, never in an export.
 */
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { openAtlas } from '../../src/storage/database.ts';
import { DATABASE_FILE_NAME } from '../../src/storage/paths.ts';
import { TEST_PASSWORD } from '../support/accounts.ts';
import { spawnMda } from '../support/cli.ts';

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

/** Starts `mda --data DIR serve --port 0` and waits for the line with its URL. */
async function serve(): Promise<string> {
  const child = spawnMda(['--data', dir, 'serve', '--port', '0', '--log-level', 'silent']);
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`mda serve exited (${code}): ${stderr}`)));
  });
}

const signIn = (base: string, password: string) =>
  fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'guarded@example.org', password }),
  });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-throttle-'));
});
after(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  await rm(dir, { recursive: true, force: true });
});

void test(
  'two server processes on one database file share the failed sign-ins',
  { timeout: 180_000 },
  async () => {
    const first = await serve();
    const opened = await openAtlas({ file: join(dir, DATABASE_FILE_NAME) });
    try {
      await opened.store.people.addUser(
        { email: 'guarded@example.org', name: 'Guarded', role: 'reader', password: TEST_PASSWORD },
        'cli',
      );
    } finally {
      await opened.store.close();
    }
    const second = await serve();
    assert.notEqual(first, second);

    for (const [base, times] of [
      [first, 3],
      [second, 2],
    ] as const) {
      for (let i = 0; i < times; i++) {
        const wrong = await signIn(base, `wrong guess number ${i}`);
        assert.equal(wrong.status, 401, await wrong.text());
      }
    }
    for (const base of [first, second]) {
      const locked = await signIn(base, TEST_PASSWORD);
      assert.equal(locked.status, 429, `${base}: ${await locked.text()}`);
      const wait = Number(locked.headers.get('retry-after'));
      assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
    }

    // Kept in the database, and never exported.
    const check = await openAtlas({ file: join(dir, DATABASE_FILE_NAME) });
    try {
      const rows = await check.db.selectFrom('login_attempts').selectAll().orderBy('key').execute();
      const account = rows.find((r) => r.key === 'a:guarded@example.org');
      assert.equal(Number(account?.failures), 5);
      const out = join(dir, 'export');
      await check.store.exportTo(out);
      const files = await readdir(out, { recursive: true });
      assert.ok(!files.some((name) => String(name).includes('login_attempts')), files.join(', '));
    } finally {
      await check.store.close();
    }
  },
);
