/**
 * A person's correction of a document's source fields on both engines (SQLite file and
 * PostgreSQL): the row and the history change together, the search entry shows the new title at
 * once (refreshed in the same transaction), and the briefing pack cites the corrected fields.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { briefFor } from '../../src/services/brief.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

for (const engine of ENGINES) {
  void describe(`document sources on ${engine}`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    let documentId = '';
    before(async () => {
      opened = await openTestAtlas(engine);
      const item = await ingestFile(
        join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt'),
        opened.atlas.store,
      );
      assert.equal(item.status, 'added');
      documentId = item.documentId ?? '';
    });
    after(() => opened?.dispose());

    void test('a new title reaches search in the same transaction', async () => {
      const { store } = opened.atlas;
      const title = 'Dialogue de haut niveau UE–Mali, Bamako 2016';
      const updated = await store.setDocumentSource(
        documentId,
        { title, publisher: 'Délégation de l’UE au Mali', date: '2016-12-11' },
        'user:ana',
      );
      assert.equal(updated.title, title);
      const hits = await store.search({ q: 'réadmission', kind: 'passage' }, { limit: 50, offset: 0 });
      const mine = hits.items.filter((hit) => hit.documentId === documentId);
      assert.ok(mine.length > 0);
      assert.ok(mine.every((hit) => hit.title === title));
      const history = await store.documentSourceHistory(documentId);
      assert.deepEqual(
        history
          .filter((h) => h.assertedBy === 'user:ana')
          .map((h) => h.field)
          .sort(),
        ['published', 'publisher', 'title'],
      );
    });

    void test('the briefing pack cites the corrected document', async () => {
      const brief = await briefFor(opened.atlas, 'ML', '2026-12-01');
      const source = brief.sources.find((s) => s.id === documentId);
      assert.equal(source?.title, 'Dialogue de haut niveau UE–Mali, Bamako 2016');
      assert.equal(source?.published, '2016-12-11');
      assert.ok(brief.instrumentsByType.length > 0);
      assert.ok(brief.openCommitments.length > 0);
    });
  });
}
