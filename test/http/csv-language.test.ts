/**
 * CSV downloads speak the request's language: French column names with `?lang=fr`, the `lang`
 * cookie the pages set, or `Accept-Language: fr`; English names otherwise (scripts keep theirs).
 * Against the real server on a database file with the corpus ingested, every CSV the API offers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CSV_HEADERS } from '../../src/domain/csv-headers.ts';
import { startTestAtlas, type TestAtlas } from './fixture.ts';
import { testEngines } from '../support/engines.ts';

const CSV_PATHS = [
  '/api/documents?format=csv',
  '/api/instruments?format=csv',
  '/api/actors?format=csv',
  '/api/search?q=migration&format=csv',
  '/api/compare?format=csv',
  '/api/coordination/ML?format=csv',
  '/api/conditionality?format=csv',
  '/api/commitments?format=csv',
  '/api/indicators?format=csv',
  '/api/watches/hits?format=csv',
];

/** Column names that are the same word in both languages. */
const SHARED = new Set([...CSV_HEADERS].filter(([en, fr]) => en === fr).map(([en]) => en));

for (const engine of testEngines()) {
  void describe(`CSV column names in the request’s language (${engine})`, () => {
    let atlas: TestAtlas;
    before(
      async () => {
        atlas = await startTestAtlas({}, engine);
      },
      { timeout: 180_000 },
    );
    after(async () => {
      await atlas?.close();
    });

    const header = async (path: string, headers: Record<string, string> = {}): Promise<string[]> => {
      const response = await fetch(atlas.url + path, { headers });
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/, path);
      return ((await response.text()).split('\r\n')[0] ?? '').split(',');
    };

    void test('every CSV has French column names with ?lang=fr and English ones by default', async () => {
      for (const path of CSV_PATHS) {
        const english = await header(path);
        const french = await header(`${path}&lang=fr`);
        assert.equal(french.length, english.length, path);
        for (const [index, name] of english.entries()) {
          assert.ok(CSV_HEADERS.has(name), `${path}: column "${name}" has a French name`);
          if (!SHARED.has(name)) assert.notEqual(french[index], name, `${path}: "${name}" in French`);
          assert.equal(french[index], CSV_HEADERS.get(name), path);
        }
      }
    });

    void test('the lang cookie and Accept-Language choose the language when the address does not', async () => {
      assert.equal((await header('/api/documents?format=csv', { cookie: 'lang=fr' }))[1], 'titre');
      assert.equal(
        (await header('/api/documents?format=csv', { 'accept-language': 'fr-FR,fr;q=0.9' }))[1],
        'titre',
      );
      assert.equal((await header('/api/documents?format=csv&lang=en', { cookie: 'lang=fr' }))[1], 'title');
      const bad = await fetch(`${atlas.url}/api/documents?format=csv&lang=de`);
      assert.equal(bad.status, 400);
    });

    void test('the pages link to CSV downloads in their own language', async () => {
      const fr = await (await fetch(`${atlas.url}/documents?lang=fr`)).text();
      assert.match(fr, /href="\/api\/documents\?format=csv&amp;lang=fr"/);
      const country = await (await fetch(`${atlas.url}/countries/ML?lang=en`)).text();
      assert.match(country, /format=csv&amp;lang=en/);
    });
  });
}
