/**
 * Moving an atlas between engines: export from SQLite, import into PostgreSQL, export again: the
 * files are identical; and back from PostgreSQL into a new SQLite file.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { openTestAtlas } from '../support/engines.ts';

async function files(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries<string>(
    await Promise.all(
      names.map(async (name): Promise<[string, string]> => [name, await readFile(join(dir, name), 'utf8')]),
    ),
  );
}

void test('SQLite → PostgreSQL → SQLite keeps every exported byte, and search works after the move', async () => {
  const work = await mkdtemp(join(tmpdir(), 'mda-move-'));
  const source = await openTestAtlas('sqlite');
  const target = await openTestAtlas('postgres');
  const back = await openTestAtlas('sqlite');
  try {
    for (const name of [
      'mali-eu-high-level-dialogue-2016.fr.txt',
      'emn-oecd-migration-diplomacy-2024.en.txt',
    ]) {
      await ingestFile(join(CORPUS_DIR, name), source.atlas.store);
    }
    await source.atlas.store.exportTo(join(work, 'a'));
    await target.atlas.store.importFrom(join(work, 'a'));
    await target.atlas.store.exportTo(join(work, 'b'));
    assert.deepEqual(await files(join(work, 'b')), await files(join(work, 'a')));
    await back.atlas.store.importFrom(join(work, 'b'));
    await back.atlas.store.exportTo(join(work, 'c'));
    assert.deepEqual(await files(join(work, 'c')), await files(join(work, 'a')));
    const hits = await target.atlas.store.search({ q: 'réadmission' }, { limit: 5, offset: 0 });
    assert.ok(hits.total > 0, 'the import rebuilt the PostgreSQL search index');
  } finally {
    await Promise.all([source.dispose(), target.dispose(), back.dispose()]);
    await rm(work, { recursive: true, force: true });
  }
});
