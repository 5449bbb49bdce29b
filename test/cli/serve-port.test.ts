/** `mda serve` on a port another program holds: one clear error line and the usage exit code. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { mda } from '../support/cli.ts';

void test('a port already in use is a usage error naming the port, not a crash', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const { port } = holder.address() as AddressInfo;
  const data = await mkdtemp(join(tmpdir(), 'mda-port-'));
  try {
    const run = await mda('--data', data, 'serve', '--port', String(port));
    assert.equal(run.code, 64, run.stderr);
    // Progress notes may come first on stderr (first-run ingestion); the error is the last line.
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.filter((line) => line.startsWith('error:')).length, 1);
    assert.equal(
      lines.at(-1),
      `error: port: ${port} on 127.0.0.1 is already in use; choose another with --port or PORT`,
    );
    assert.equal(run.stdout.includes('http://'), false);
  } finally {
    holder.close();
    await rm(data, { recursive: true, force: true });
  }
});
