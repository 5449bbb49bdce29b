/**
 * Totals kept per data version (storage/store/kept-counts.ts) on both engines: the list's, a
 * filter's and a search's totals are the exact counts, are computed once per version, and change
 * after an ingest through the store or through another connection (another process's write).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { extractFile } from '../../src/services/extract-file.ts';
import { documentAnalyser } from '../../src/services/ingest.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { openAtlas, type OpenAtlas } from '../../src/storage/database.ts';
import { searchIndexOf } from '../../src/storage/search/engines.ts';
import { countKeeperOf, keepCountsFor } from '../../src/storage/store/kept-counts.ts';
import { openTestAtlas, testEngines } from '../support/engines.ts';

const file = (name: string) => join(CORPUS_DIR, name);

async function ingest(store: AtlasStore, name: string): Promise<void> {
  const { document, extracted } = await extractFile(file(name));
  const saved = await store.saveExtraction(document, extracted, documentAnalyser(document, extracted));
  assert.equal(saved.status, 'added', name);
}

/**
 * The store's data version once it has a value that holds for 100 ms: PostgreSQL's commit
 * notices arrive after their commits, asynchronously (the listening connection starts on the
 * first ask).
 */
async function settledVersion(store: AtlasStore): Promise<string> {
  let last: string | null = null;
  for (let attempt = 0; attempt < 100; attempt++) {
    const version = await store.dataVersion();
    if (version !== null && version === last) return version;
    last = version;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('the data version never settled');
}

/** Waits until the store's version differs from `before` (a commit seen), then until it holds. */
async function movedFrom(store: AtlasStore, before: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await store.dataVersion()) !== before) {
      await settledVersion(store);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the data version did not move after a write');
}

interface Totals {
  list: number;
  country: number;
  text: number;
  search: number;
}

const PAGE = { limit: 5, offset: 0 };

/** The totals as the store's readers see them (kept per version). */
async function shownTotals(store: AtlasStore): Promise<Totals> {
  return {
    list: (await store.queries.instruments({}, PAGE, 'recent')).total,
    country: (await store.queries.instruments({ country: 'ML' }, PAGE, 'recent')).total,
    text: (await store.queries.instruments({ q: 'réadmission' }, PAGE, 'relevance')).total,
    search: (await store.search({ q: 'migration' }, PAGE)).total,
  };
}

/** The same totals counted from the tables and the index on a plain handle (nothing kept). */
async function countedTotals(atlas: OpenAtlas): Promise<Totals> {
  const { db } = atlas;
  const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
    Number((await query.execute(db)).rows[0]?.n);
  const index = searchIndexOf(db);
  return {
    list: await count(sql`select count(*) as n from instruments`),
    country: await count(
      sql`select count(distinct instrument_id) as n from instrument_parties where actor_id = 'ML'`,
    ),
    text: (await index.matchInstruments(db, 'réadmission', false)).length,
    search: (await index.search(db, { q: 'migration' }, PAGE)).total,
  };
}

/** The URL of the PostgreSQL database a handle talks to (its location is shown without password). */
async function databaseUrl(db: OpenAtlas['db']): Promise<string> {
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name;
  const url = new URL(process.env.MDA_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name ?? ''}`;
  return url.toString();
}

for (const engine of testEngines()) {
  void describe(`totals kept per data version (${engine})`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    before(async () => {
      opened = await openTestAtlas(engine);
      await ingest(opened.atlas.store, 'mali-eu-high-level-dialogue-2016.fr.txt');
    });
    after(() => opened?.dispose());

    void it('counts once per version, again once it moves, and the store shows exact totals', async () => {
      const { store, db } = opened.atlas;
      await settledVersion(store);
      // The store's handles carry its version; a plain handle keeps nothing.
      let computed = 0;
      const compute = () => Promise.resolve(++computed);
      const keeper = countKeeperOf(db);
      assert.equal(await keeper('k', compute), 1);
      assert.equal(await keeper('k', compute), 2, 'a plain handle computes every time');
      // A handle with a version source: once per version and key; nothing kept without a version.
      let version: string | null = 'v1';
      const handle = db.withoutPlugins();
      keepCountsFor([handle], () => version);
      const kept = countKeeperOf(handle);
      assert.equal(await kept('k', compute), 3);
      assert.equal(await kept('k', compute), 3, 'the same version: the kept count');
      assert.equal(await kept('other', compute), 4, 'another question: its own count');
      version = 'v2';
      assert.equal(await kept('k', compute), 5, 'a new version: counted again');
      assert.equal(await kept('k', compute), 5);
      version = null;
      assert.equal(await kept('k', compute), 6, 'no version: counted every time');
      assert.equal(await kept('k', compute), 7);
      const failing = () => Promise.reject(new Error('the count failed'));
      version = 'v3';
      await assert.rejects(kept('broken', failing));
      assert.equal(await kept('broken', compute), 8, 'a failed count is not kept');
      // Through the store: the same question twice is counted once.
      const before = await shownTotals(store);
      const again = await shownTotals(store);
      assert.deepEqual(again, before);
      assert.deepEqual(before, await countedTotals(opened.atlas));
    });

    void it('shows exact totals after an ingest through the store', async () => {
      const { store } = opened.atlas;
      const version = await settledVersion(store);
      const before = await shownTotals(store);
      await ingest(store, 'rabat-process-border-management-meeting.fr.txt');
      await movedFrom(store, version);
      const after = await shownTotals(store);
      assert.deepEqual(after, await countedTotals(opened.atlas));
      assert.ok(after.list > before.list, 'the document added instruments');
      assert.ok(after.search > before.search, 'the document added passages that match');
    });

    void it('shows exact totals after another connection wrote (another process)', async () => {
      const { store, location, db } = opened.atlas;
      const version = await settledVersion(store);
      const before = await shownTotals(store);
      const other = await openAtlas(
        engine === 'postgres' ? { database: await databaseUrl(db) } : { file: location },
      );
      try {
        await ingest(other.store, 'emn-oecd-migration-diplomacy-2024.en.txt');
      } finally {
        await other.store.close();
      }
      await movedFrom(store, version);
      const after = await shownTotals(store);
      assert.deepEqual(after, await countedTotals(opened.atlas));
      assert.ok(after.list > before.list, 'the other connection added instruments');
      assert.ok(after.search > before.search, 'and passages that match');
    });
  });
}
