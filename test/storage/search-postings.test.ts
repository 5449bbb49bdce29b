/**
 * The kept postings (storage/search/postings.ts) on both engines, over the built-in corpus (real
 * documents and the instruments found in them): every page of a search and of the instrument text
 * ranking, paged through to the end, holds exactly the rows of a full ranking computed here from
 * the index rows themselves (the documented sum of kept weights, ties by row id), with the exact
 * total; the matches are those the engine's own full-text index finds (FTS5 MATCH, tsquery); and
 * the postings table is what the index rows give after ingestion wrote, updated and merged them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.ts';
import { searchIndexOf } from '../../src/storage/search/engines.ts';
import { backfillPostings, postingsOf, scoreOf } from '../../src/storage/search/postings.ts';
import { queryTerms, searchNode } from '../../src/storage/search/query.ts';
import { termCounts, topPage } from '../../src/storage/search/top-postings.ts';
import { levelPage, termLevels } from '../../src/storage/search/score-levels.ts';
import {
  loadActorNames,
  rowTokens,
  searchRowOf,
  type RowTokens,
  type StoredSearchRow,
} from '../../src/storage/search/rows.ts';
import type { SearchRequest } from '../../src/storage/search/port.ts';
import { fts5Expression } from '../../src/storage/sqlite/search-index.ts';
import { tsqueryText } from '../../src/storage/postgres/search-index.ts';
import { ENGINES, openTestAtlas, type Engine } from '../support/engines.ts';

interface IndexRow extends StoredSearchRow {
  entry: number;
  kind: 'passage' | 'instrument';
  postings: Map<string, number>;
  tokens: RowTokens;
}

/** Every row of the engine's index with its postings computed again from its text. */
async function indexRows(db: Kysely<Database>, engine: Engine): Promise<IndexRow[]> {
  await loadActorNames(db);
  const table = sql.raw(engine === 'sqlite' ? 'search_index' : 'search_entries');
  const id = sql.raw(engine === 'sqlite' ? 'rowid' : 'id');
  const rows = await sql<
    Omit<IndexRow, 'postings' | 'tokens'>
  >`select ${id} as entry, kind, ref_id, document_id,
    span_start, span_end, language, title, body from ${table}`.execute(db);
  return rows.rows.map((row) => {
    const tokens = rowTokens(searchRowOf(row));
    const postings = new Map(postingsOf(tokens).map((posting) => [posting.term, posting.score]));
    return { ...row, entry: Number(row.entry), postings, tokens };
  });
}

/** The full ranking of a request over the rows: ref ids, best first, ties by row id. */
function reference(rows: readonly IndexRow[], request: SearchRequest): { id: string; score: number }[] {
  const node = searchNode(queryTerms(request.q), request);
  if (node === null) return [];
  return rows
    .flatMap((row) => {
      if (request.kind !== undefined && row.kind !== request.kind) return [];
      if (request.language !== undefined && row.language !== request.language) return [];
      const score = scoreOf(node, row.postings);
      return score === null ? [] : [{ id: row.ref_id, entry: row.entry, score }];
    })
    .sort((a, b) => b.score - a.score || a.entry - b.entry)
    .map(({ id, score }) => ({ id, score }));
}

/**
 * How many rows the engine's own full-text matching finds (what the postings replaced): FTS5 MATCH
 * over SQLite's index table; on PostgreSQL a tsquery over the weighted tsvectors the rows' tokens
 * give (A title words, B body words, C stems, D concepts), built here since migration 3100 took the
 * stored vectors away.
 */
async function engineMatches(
  db: Kysely<Database>,
  engine: Engine,
  request: SearchRequest,
  rows: readonly IndexRow[],
): Promise<number> {
  const node = searchNode(queryTerms(request.q), request);
  if (node === null) return 0;
  const kind = request.kind === undefined ? sql`` : sql` and kind = ${request.kind}`;
  const language = request.language === undefined ? sql`` : sql` and language = ${request.language}`;
  if (engine === 'sqlite') {
    const counted = await sql<{ n: number }>`select count(*) as n from search_index
      where search_index match ${fts5Expression(node)}${kind}${language}`.execute(db);
    return Number(counted.rows[0]?.n ?? 0);
  }
  const column = (pick: (row: IndexRow) => string) => rows.map(pick);
  const counted = await sql<{ n: string }>`select count(*) as n from unnest(
      ${column((row) => row.kind)}::text[], ${column((row) => row.language)}::text[],
      ${column((row) => row.tokens.titleWords)}::text[], ${column((row) => row.tokens.bodyWords)}::text[],
      ${column((row) => row.tokens.stems)}::text[], ${column((row) => row.tokens.concepts)}::text[]
    ) as r(kind, language, title_words, body_words, stems, concepts)
    where setweight(to_tsvector('mda_fold', title_words), 'A') || setweight(to_tsvector('mda_fold', body_words), 'B')
      || setweight(to_tsvector('mda_fold', stems), 'C') || setweight(to_tsvector('mda_fold', concepts), 'D')
      @@ to_tsquery('mda_fold', ${tsqueryText(node)})${kind}${language}`.execute(db);
  return Number(counted.rows[0]?.n ?? 0);
}

const REQUESTS: readonly SearchRequest[] = [
  { q: 'réadmission' },
  { q: 'readmissions', kind: 'passage' },
  { q: 'readmission', kind: 'instrument' },
  { q: 'European Union' },
  { q: 'Union européenne', kind: 'passage', language: 'fr' },
  { q: 'mobility partnership' },
  { q: 'partenariat pour la mobilité', kind: 'instrument' },
  { q: 'Mali' },
  { q: 'retour', country: 'ML' },
  { q: 'talent partnerships', kind: 'passage' },
  { q: 'accord', language: 'en' },
  { q: 'UE migration' },
  { q: 'migration', topic: 'return_readmission', from: 2010, to: 2020 },
];

for (const engine of ENGINES) {
  void describe(`kept postings on ${engine}`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    let rows: IndexRow[];
    before(async () => {
      opened = await openTestAtlas(engine, { corpus: true });
      rows = await indexRows(opened.atlas.db, engine);
      assert.ok(rows.length > 100, 'the corpus is indexed');
    });
    after(() => opened?.dispose());

    void test('the postings table holds exactly what the index rows give', async () => {
      const kept = await sql<{ term: string; kind: string; entry: number | string; score: number }>`
        select term, kind, entry, score from search_postings`.execute(opened.atlas.db);
      const expected = rows.flatMap((row) =>
        [...row.postings].map(([term, score]) => `${term}\u0000${row.kind}\u0000${row.entry}\u0000${score}`),
      );
      const actual = kept.rows.map((p) => `${p.term}\u0000${p.kind}\u0000${Number(p.entry)}\u0000${p.score}`);
      assert.equal(actual.length, expected.length);
      assert.deepEqual(actual.sort(), expected.sort());
    });

    for (const request of REQUESTS) {
      void test(`every page of ${JSON.stringify(request)} is the full ranking's, with its total`, async () => {
        const { store } = opened.atlas;
        const expected = reference(rows, request);
        assert.ok(expected.length > 0, 'the request finds something');
        assert.equal(
          expected.length,
          await engineMatches(opened.atlas.db, engine, request, rows),
          "the same matches as the engine's own full-text index",
        );
        const limit = 7;
        const seen: string[] = [];
        for (let offset = 0; offset < expected.length + limit; offset += limit) {
          const page = await store.search(request, { limit, offset });
          assert.equal(page.total, expected.length, `total at offset ${offset}`);
          assert.deepEqual(
            page.items.map((hit) => hit.id),
            expected.slice(offset, offset + limit).map((hit) => hit.id),
            `page at offset ${offset}`,
          );
          const best = expected[0]?.score ?? 1;
          for (const [index, hit] of page.items.entries()) {
            const score = expected[offset + index]?.score ?? 0;
            assert.equal(hit.score, -score);
            assert.equal(hit.relevance, Math.min(100, Math.max(1, Math.round((100 * score) / best))));
          }
          seen.push(...page.items.map((hit) => hit.id));
        }
        assert.equal(new Set(seen).size, expected.length, 'paging through sees every match once');
      });
    }

    void test("a page read from the terms' best postings is the full ranking's, or is left to it", async () => {
      let proven = 0;
      for (const request of REQUESTS.filter((r) => r.language === undefined)) {
        const node = searchNode(queryTerms(request.q), request);
        assert.ok(node !== null);
        const expected = rows
          .flatMap((row) => {
            if (request.kind !== undefined && row.kind !== request.kind) return [];
            const score = scoreOf(node, row.postings);
            return score === null ? [] : [{ entry: row.entry, score }];
          })
          .sort((a, b) => b.score - a.score || a.entry - b.entry);
        for (const page of [
          { limit: 1, offset: 0 },
          { limit: 7, offset: 0 },
          { limit: 20, offset: 0 },
          { limit: 7, offset: 14 },
          { limit: 50, offset: 100 },
        ]) {
          const top = await topPage(opened.atlas.db, node, request.kind, page);
          if (top === null) continue;
          proven += 1;
          const where = `${JSON.stringify(request)} ${JSON.stringify(page)}`;
          assert.deepEqual(top.entries, expected.slice(page.offset, page.offset + page.limit), where);
          assert.equal(top.best, expected[0]?.score ?? 0, where);
          if (top.complete !== null) assert.equal(top.complete, expected.length, where);
        }
      }
      assert.ok(proven >= 20, `most pages are proven from the best postings (${proven})`);
    });

    void test("a page cut from the kept score counts is the full ranking's, for one and two words in both languages", async () => {
      let cut = 0;
      const requests: SearchRequest[] = [
        ...REQUESTS.filter((r) => r.language === undefined),
        { q: 'readmission agreement' },
        { q: 'accord de réadmission', kind: 'instrument' },
        { q: 'retour des migrants' },
        { q: 'partenariat', kind: 'instrument' },
      ];
      for (const request of requests) {
        const node = searchNode(queryTerms(request.q), request);
        assert.ok(node !== null);
        const expected = rows
          .flatMap((row) => {
            if (request.kind !== undefined && row.kind !== request.kind) return [];
            const score = scoreOf(node, row.postings);
            return score === null ? [] : [{ entry: row.entry, score }];
          })
          .sort((a, b) => b.score - a.score || a.entry - b.entry);
        // The query's score counts as the store keeps them, computed here from the rows.
        const counts = new Map<number, number>();
        for (const row of expected) counts.set(row.score, (counts.get(row.score) ?? 0) + 1);
        const scores = [...counts].sort((a, b) => b[0] - a[0]);
        // The terms' levels as the store keeps them, read from the engine.
        const levels = await termLevels(opened.atlas.db, [...termCounts(node).keys()], request.kind);
        for (const page of [
          { limit: 1, offset: 0 },
          { limit: 7, offset: 0 },
          { limit: 20, offset: 0 },
          { limit: 7, offset: 14 },
          { limit: 50, offset: 100 },
          { limit: 20, offset: expected.length + 5 },
        ]) {
          const entries = await levelPage(
            opened.atlas.db,
            node,
            request.kind,
            page,
            scores,
            levels,
            Infinity,
          );
          if (entries === null) continue;
          cut += 1;
          const where = `${JSON.stringify(request)} ${JSON.stringify(page)}`;
          assert.deepEqual(entries, expected.slice(page.offset, page.offset + page.limit), where);
        }
        // Counts from another data version (one match fewer) are caught: the full ranking decides.
        const stale = scores.map(
          ([score, count], index) => [score, index === 0 ? count + 1 : count] as const,
        );
        if (expected.length > 1) {
          const page = { limit: 1, offset: 0 };
          const entries = await levelPage(opened.atlas.db, node, request.kind, page, stale, levels, Infinity);
          if (entries !== null) assert.deepEqual(entries, expected.slice(0, 1), `${request.q}: stale counts`);
        }
      }
      assert.ok(cut >= 40, `most pages are cut from the kept counts (${cut})`);
    });

    void test('réadmission, readmissions and readmission find the same records, by either path', async () => {
      const { store } = opened.atlas;
      const found = async (q: string, kind?: 'instrument' | 'passage') => {
        const all = await store.search(
          { q, ...(kind === undefined ? {} : { kind }) },
          { limit: 1000, offset: 0 },
        );
        return all.items.map((hit) => hit.id).sort();
      };
      for (const kind of [undefined, 'instrument', 'passage'] as const) {
        const french = await found('réadmission', kind);
        assert.ok(french.length > 0, `réadmission finds ${kind ?? 'rows'}`);
        assert.deepEqual(await found('readmissions', kind), french);
        assert.deepEqual(await found('readmission', kind), french);
      }
      // The first page of each, through the store (kept counts, cut pages) and fully ranked here.
      for (const q of [
        'réadmission',
        'readmissions',
        'readmission',
        'mobility partnership',
        'partenariat pour la mobilité',
      ]) {
        const page = await store.search({ q }, { limit: 10, offset: 0 });
        assert.deepEqual(
          page.items.map((hit) => hit.id),
          reference(rows, { q })
            .slice(0, 10)
            .map((hit) => hit.id),
          q,
        );
      }
    });

    void test('the instrument text ranking pages through the full ranking too', async () => {
      const index = searchIndexOf(opened.atlas.db);
      for (const q of ['réadmission', 'mobility partnership', 'Mali', 'accord de réadmission']) {
        const expected = reference(rows, { q, kind: 'instrument' }).map((hit) => hit.id);
        assert.ok(expected.length > 0, q);
        for (let offset = 0; offset < expected.length + 5; offset += 5) {
          const page = await index.rankInstruments(opened.atlas.db, q, { limit: 5, offset });
          assert.equal(page.total, expected.length, `${q}: total at offset ${offset}`);
          assert.deepEqual(page.ids, expected.slice(offset, offset + 5), `${q}: page at offset ${offset}`);
        }
        assert.deepEqual(await index.matchInstruments(opened.atlas.db, q, true), expected);
        assert.deepEqual(
          (await index.matchInstruments(opened.atlas.db, q, false)).sort(),
          [...expected].sort(),
        );
      }
    });

    void test('indexing a document and instruments again keeps the postings exact', async () => {
      const { db } = opened.atlas;
      const index = searchIndexOf(db);
      const document = rows.find((row) => row.kind === 'passage')?.document_id ?? '';
      const instruments = rows.filter((row) => row.kind === 'instrument').map((row) => row.ref_id);
      await db.transaction().execute(async (trx) => {
        await index.indexDocument(trx, document);
        await index.reindexInstruments(trx, instruments.slice(0, 10));
      });
      const again = await indexRows(db, engine);
      const kept = await sql<{ n: number | string }>`select count(*) as n from search_postings`.execute(db);
      const expected = again.reduce((sum, row) => sum + row.postings.size, 0);
      assert.equal(Number(kept.rows[0]?.n), expected);
      assert.equal(again.length, rows.length, 'the same rows, under new ids');
      const ranked = await opened.atlas.store.search({ q: 'réadmission' }, { limit: 500, offset: 0 });
      assert.deepEqual(
        ranked.items.map((hit) => hit.id),
        reference(again, { q: 'réadmission' }).map((hit) => hit.id),
      );
    });

    void test('an instrument record indexed again unchanged keeps its row; a changed one is rewritten', async () => {
      const { db } = opened.atlas;
      const index = searchIndexOf(db);
      const instrumentEntries = async () =>
        new Map(
          (await indexRows(db, engine))
            .filter((row) => row.kind === 'instrument')
            .map((row) => [row.ref_id, row]),
        );
      const before = await instrumentEntries();
      const [same, retitled, stale] = [...before.keys()];
      assert.ok(same !== undefined && retitled !== undefined && stale !== undefined, 'three instruments');
      const staleEntry = before.get(stale)?.entry ?? -1;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('instruments')
          .set({ title: 'Zanzibar cooperation arrangement' })
          .where('id', '=', retitled)
          .execute();
        // A posting that no longer matches its record (as after the lexicon learnt new names).
        await sql`delete from search_postings where entry = ${staleEntry} and term = ${[...(before.get(stale)?.postings.keys() ?? [])][0] ?? ''}`.execute(
          trx,
        );
        await index.reindexInstruments(trx, [same, retitled, stale]);
      });
      const after = await instrumentEntries();
      assert.equal(after.get(same)?.entry, before.get(same)?.entry, 'the unchanged record keeps its row');
      assert.notEqual(
        after.get(retitled)?.entry,
        before.get(retitled)?.entry,
        'the retitled one is rewritten',
      );
      assert.equal(after.get(retitled)?.title, 'Zanzibar cooperation arrangement');
      assert.notEqual(after.get(stale)?.entry, staleEntry, 'the one with a stale posting is rewritten');
      assert.equal(after.size, before.size);
      const all = await indexRows(db, engine);
      const kept = await sql<{ term: string; kind: string; entry: number | string; score: number }>`
        select term, kind, entry, score from search_postings`.execute(db);
      const expected = all.flatMap((row) =>
        [...row.postings].map(([term, score]) => `${term}\u0000${row.kind}\u0000${row.entry}\u0000${score}`),
      );
      const actual = kept.rows.map((p) => `${p.term}\u0000${p.kind}\u0000${Number(p.entry)}\u0000${p.score}`);
      assert.deepEqual(actual.sort(), expected.sort(), 'the postings are exactly what the rows give');
      const found = await opened.atlas.store.search(
        { q: 'Zanzibar', kind: 'instrument' },
        { limit: 10, offset: 0 },
      );
      assert.deepEqual(
        found.items.map((hit) => hit.id),
        [retitled],
      );
    });

    void test('an index built before the postings gets them all from the catch-up', async () => {
      const { db } = opened.atlas;
      const kept = async () =>
        Number(
          (await sql<{ n: number | string }>`select count(*) as n from search_postings`.execute(db)).rows[0]
            ?.n,
        );
      const before = await kept();
      await sql`delete from search_postings`.execute(db);
      const table =
        engine === 'sqlite'
          ? ({ table: 'search_index', id: 'rowid' } as const)
          : ({ table: 'search_entries', id: 'id' } as const);
      assert.equal(
        await backfillPostings(db, engine, table),
        rows.length,
        'every row was missing its postings',
      );
      assert.equal(await kept(), before);
      assert.equal(await backfillPostings(db, engine, table), 0, 'then none is');
      const ranked = await opened.atlas.store.search({ q: 'Mali' }, { limit: 500, offset: 0 });
      assert.deepEqual(
        ranked.items.map((hit) => hit.id),
        reference(await indexRows(db, engine), { q: 'Mali' }).map((hit) => hit.id),
      );
    });
  });
}
