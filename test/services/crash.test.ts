/**
 * A crash mid-ingest loses nothing committed before it: a real child process ingests many files
 * and is killed with SIGKILL mid-batch; the reopened database file passes integrity_check and holds
 * every document the child reported as committed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openAtlasDatabase } from '../../src/storage/database.ts';
import { integrityCheck } from '../../src/storage/sqlite/connection.ts';
import { writeCorpusCopies } from '../fixtures/corpus-copies.ts';

const CHILD = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));
const FILES = 40;

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-crash-'));
});
after(async () => rm(dir, { recursive: true, force: true }));

void it('keeps every committed document after a SIGKILL mid-batch', async () => {
  const files = await writeCorpusCopies(dir, 'emn-oecd', FILES);
  const dataDir = join(dir, 'data');
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...files], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const committed: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('added ')) committed.push(line.slice('added '.length));
    if (committed.length >= 3 && !child.killed) child.kill('SIGKILL');
  });
  const signal = await exited;
  assert.equal(signal, 'SIGKILL', `the child was killed, not finished (${committed.length} committed)`);
  assert.ok(
    committed.length >= 3 && committed.length < FILES,
    `killed mid-batch after ${committed.length} documents`,
  );

  const atlas = await openAtlasDatabase({ dataDir });
  try {
    assert.equal(integrityCheck(atlas.raw), 'ok');
    const stored = new Set(
      (await atlas.store.listDocuments({ limit: 1000, offset: 0 })).items.map((d) => d.id),
    );
    for (const id of committed) assert.ok(stored.has(id), `committed document ${id} survived`);
    // No half-written document: every stored document has its instruments' links and claims.
    const orphans = atlas.raw
      .prepare('select count(*) as n from claims where document_id not in (select id from documents)')
      .get() as { n: number };
    assert.equal(orphans.n, 0);
    assert.deepEqual(atlas.raw.pragma('foreign_key_check'), []);
  } finally {
    await atlas.store.close();
  }
});
