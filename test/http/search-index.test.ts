/**
 * The search index on both engines (SQLite's FTS5 table, PostgreSQL's tsvector table): indexing after ingestion, French/English stemming
 * with plurals, accent folding, cross-language concepts, and catching up with documents ingested
 * without indexing.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { ensureSearchIndex, searchAtlas, snippetHtml } from '../../src/storage/queries/search.ts';
import { conceptText, stemOf } from '../../src/storage/search/analyzer.ts';
import { searchIndexOf } from '../../src/storage/search/engines.ts';
import { splitPassages } from '../../src/storage/search/passages.ts';
import { openTestAtlas, testEngines } from '../support/engines.ts';

void test('singular and plural stem alike in French and English, accents aside', () => {
  assert.equal(stemOf('réadmissions', 'fr'), stemOf('réadmission', 'fr'));
  assert.equal(stemOf('readmissions', 'en'), stemOf('réadmission', 'en'));
  assert.equal(stemOf('Partenariats', 'fr'), stemOf('partenariat', 'fr'));
});

void test('concept tokens join French and English names of states, organizations and topics', () => {
  assert.equal(conceptText('le Maroc'), conceptText('Morocco'));
  assert.equal(conceptText('Union européenne'), conceptText('European Union'));
  assert.match(conceptText('retour et réadmission'), /xpreturnreadmission/);
});

void test('passages cover the text in order without overlaps', () => {
  const text = 'First line of a paragraph\n\nthat goes on. ' + 'A sentence. '.repeat(200) + '\n\nLast one.';
  const spans = splitPassages(text);
  assert.ok(spans.length > 2);
  for (let i = 1; i < spans.length; i++) assert.ok((spans[i]?.start ?? 0) >= (spans[i - 1]?.end ?? 0));
  assert.ok(spans.every((span) => span.end - span.start <= 1200));
});

for (const engine of testEngines()) {
  void describe(`search index (${engine})`, () => {
    let atlas: OpenAtlas;
    let dispose: () => Promise<void>;
    /** The index's table: SQLite's FTS5 table, PostgreSQL's table of tsvectors. */
    const table = engine === 'sqlite' ? 'search_index' : 'search_entries';

    before(async () => {
      ({ atlas, dispose } = await openTestAtlas(engine));
    });
    after(async () => {
      await dispose();
    });

    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(atlas.db)).rows[0]
          ?.n ?? 0,
      );

    const countPostings = async () =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from search_postings`.execute(atlas.db)).rows[0]?.n ??
          0,
      );

    void test('indexDocument makes an ingested document and its instruments searchable, once', async () => {
      const item = await ingestFile(join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt'), atlas.store);
      assert.equal(item.status, 'added');
      const documentId = item.documentId ?? '';
      await searchIndexOf(atlas.db).indexDocument(atlas.db, documentId);
      const rows = await count();
      await searchIndexOf(atlas.db).indexDocument(atlas.db, documentId);
      assert.equal(await count(), rows, 'reindexing replaces rows instead of adding them');
      const french = await searchAtlas(
        atlas.db,
        { q: 'réadmission', kind: 'passage' },
        { limit: 10, offset: 0 },
      );
      const english = await searchAtlas(
        atlas.db,
        { q: 'READMISSIONS', kind: 'passage' },
        { limit: 10, offset: 0 },
      );
      assert.ok(french.total > 0);
      assert.deepEqual(
        english.items.map((hit) => hit.id),
        french.items.map((hit) => hit.id),
      );
      const hit = french.items[0];
      assert.equal(hit?.documentId, documentId);
      assert.ok(
        hit?.highlights.some((mark) => /^réadmission$/i.test(hit.snippet.slice(mark.start, mark.end))),
        'the snippet locates the matching word',
      );
      assert.match(
        snippetHtml({ text: hit?.snippet ?? '', highlights: hit?.highlights ?? [] }),
        /<mark>réadmission<\/mark>/i,
      );
      const eu = await searchAtlas(
        atlas.db,
        { q: 'European Union', kind: 'passage' },
        { limit: 5, offset: 0 },
      );
      assert.ok(eu.total > 0, 'an English name finds the French "Union européenne"');
    });

    void test('ensureSearchIndex catches up with documents whose index rows are missing', async () => {
      const item = await ingestFile(
        join(CORPUS_DIR, 'emn-oecd-migration-diplomacy-2024.en.txt'),
        atlas.store,
      );
      // As if the document had been stored by a version that did not index on ingestion: neither
      // its index rows nor their postings (migration 2900) exist.
      const id = sql.raw(engine === 'sqlite' ? 'rowid' : 'id');
      await sql`delete from search_postings where entry in
        (select ${id} from ${sql.table(table)} where document_id = ${item.documentId ?? ''})`.execute(
        atlas.db,
      );
      await sql`delete from ${sql.table(table)} where document_id = ${item.documentId ?? ''}`.execute(
        atlas.db,
      );
      const before = await searchAtlas(
        atlas.db,
        { q: 'talent partnerships', kind: 'passage' },
        { limit: 5, offset: 0 },
      );
      assert.equal(before.total, 0, 'not indexed yet');
      await ensureSearchIndex(atlas.db);
      const after = await searchAtlas(
        atlas.db,
        { q: 'talent partnerships', kind: 'passage' },
        { limit: 5, offset: 0 },
      );
      assert.ok(after.total > 0);
      assert.ok(after.items.some((hit) => hit.documentId === item.documentId));
      const rows = await count();
      const postings = await countPostings();
      await searchIndexOf(atlas.db).reindexAll(atlas.db);
      assert.equal(await count(), rows, 'a full rebuild gives the same rows');
      assert.equal(await countPostings(), postings, 'and the same postings');
    });

    void test('index rows removed outside the index leave no postings behind once it catches up', async () => {
      const item = await ingestFile(
        join(CORPUS_DIR, 'emn-oecd-migration-diplomacy-2024.en.txt'),
        atlas.store,
      );
      await searchIndexOf(atlas.db).reindexAll(atlas.db);
      const postings = await countPostings();
      const full = await searchAtlas(atlas.db, { q: 'talent partnerships' }, { limit: 5, offset: 0 });
      const rows = await count();
      // Only the rows: their postings stay, orphaned, until the catch-up finds the rows missing.
      await sql`delete from ${sql.table(table)} where document_id = ${item.documentId ?? ''}`.execute(
        atlas.db,
      );
      assert.ok((await count()) < rows, 'the document had index rows');
      await ensureSearchIndex(atlas.db);
      assert.equal(await countPostings(), postings, 'the orphans are gone and the rows indexed again');
      const again = await searchAtlas(atlas.db, { q: 'talent partnerships' }, { limit: 5, offset: 0 });
      assert.equal(again.total, full.total);
    });
  });
}
