/**
 * The SearchIndex port on both engines: the same corpus document ingested into SQLite (FTS5) and
 * PostgreSQL (tsvector) is found by the same words, singular, plural, accented or not, with a
 * relevance out of 100; migrations and export agree across engines.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

for (const engine of ENGINES) {
  void describe(`search on ${engine}`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    before(async () => {
      opened = await openTestAtlas(engine);
      const item = await ingestFile(
        join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt'),
        opened.atlas.store,
      );
      assert.equal(item.status, 'added');
    });
    after(() => opened?.dispose());

    void test('"réadmission", "readmissions" and "readmission" find the same records', async () => {
      const { store } = opened.atlas;
      assert.equal(store.engine, engine);
      const ids = async (q: string) =>
        (await store.search({ q }, { limit: 50, offset: 0 })).items.map((hit) => hit.id).sort();
      const accented = await ids('réadmission');
      assert.ok(accented.length > 0);
      assert.deepEqual(await ids('readmissions'), accented);
      assert.deepEqual(await ids('readmission'), accented);
    });

    void test('relevance is out of 100, best first, and an English name finds French text', async () => {
      const page = await opened.atlas.store.search(
        { q: 'European Union', kind: 'passage' },
        { limit: 5, offset: 0 },
      );
      assert.ok(page.total > 0);
      assert.equal(page.items[0]?.relevance, 100);
      assert.ok(page.items.every((hit) => hit.relevance >= 1 && hit.relevance <= 100));
    });

    void test('a query without words gives an empty page', async () => {
      const page = await opened.atlas.store.search({ q: '  ,; ' }, { limit: 5, offset: 0 });
      assert.equal(page.total, 0);
    });
  });
}
