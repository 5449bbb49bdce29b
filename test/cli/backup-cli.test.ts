/**
 * `mda backup`, `mda export` and `mda import` through the real CLI: what they print and their exit
 * codes (0 done, 65 refused data or an existing target, 66 nothing to import).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { openAtlasStore } from '../../src/storage/database.ts';
import { mda } from '../support/cli.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-backup-cli-'));
  const store = await openAtlasStore({ dataDir: join(dir, 'data') });
  try {
    await ingestFile(join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt'), store);
  } finally {
    await store.close();
  }
});
after(async () => rm(dir, { recursive: true, force: true }));

void it('backs up to a new file and refuses to overwrite one', async () => {
  const file = join(dir, 'backup.sqlite');
  const first = await mda('--data', join(dir, 'data'), 'backup', file);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^backup written: .*backup\.sqlite \(\d+ bytes\)\n$/);
  const again = await mda('--data', join(dir, 'data'), 'backup', file);
  assert.equal(again.code, 65);
  assert.match(again.stderr, /^error: .*backup\.sqlite already exists: back up to a new file\n$/);
});

void it('exports, imports into a new data folder, and refuses a non-empty atlas or a missing export', async () => {
  const exported = join(dir, 'export');
  const out = await mda('--data', join(dir, 'data'), 'export', exported);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /^exported \d+ rows in \d+ tables \(.*claims \d+.*\) to /);
  assert.ok((await readdir(exported)).includes('datapackage.json'));

  const loaded = await mda('--data', join(dir, 'copy'), 'import', exported);
  assert.equal(loaded.code, 0, loaded.stderr);
  assert.match(loaded.stdout, /^imported \d+ rows in \d+ tables .*; search index rebuilt\n$/);

  const twice = await mda('--data', join(dir, 'copy'), 'import', exported);
  assert.equal(twice.code, 65);
  assert.match(twice.stderr, /^error: this atlas is not empty \(.*\): import only into an empty atlas/);

  const missing = await mda('--data', join(dir, 'other'), 'import', join(dir, 'nowhere'));
  assert.equal(missing.code, 66);
  assert.match(missing.stderr, /no datapackage\.json/);
});
