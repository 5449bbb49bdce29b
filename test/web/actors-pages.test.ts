/**
 * Actors that cannot be confused, through the real server on the ingested corpus: Australia (`AU`)
 * and the African Union (`org:AU`) are two actors; the countries page lists states only and the
 * organizations apart; the EU is a marker on the map and a link in the lists; the API takes every
 * kind of actor id.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';

const page = async (base: string, path: string) => (await fetch(base + path)).text();

/** The text of the section whose heading has this id (up to the next section). */
function section(html: string, marker: string): string {
  const start = html.indexOf(marker);
  assert.ok(start >= 0, `section ${marker}`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

void describe('actors that cannot be confused', () => {
  let atlas: TestAtlas;
  before(async () => {
    atlas = await startTestAtlas();
  });
  after(async () => {
    await atlas.close();
  });

  void it('reads Australia’s schemes as Australia, named so in both languages', async () => {
    const r = await getJson<{ items: { title: string; parties: { actorId: string }[] }[] }>(
      atlas.url,
      '/api/instruments?party=AU&limit=100',
    );
    assert.equal(r.status, 200);
    assert.ok(r.body.items.some((i) => /Seasonal Worker|Pacific/.test(i.title)));
    const actors = await getJson<{ items: { id: string; kind: string; name: { en: string; fr: string } }[] }>(
      atlas.url,
      '/api/actors?q=Austral',
    );
    assert.deepEqual(
      actors.body.items.filter((a) => a.id === 'AU').map((a) => [a.kind, a.name.en, a.name.fr]),
      [['state', 'Australia', 'Australie']],
    );
  });

  void it('takes organization ids of every form, org:AU included', async () => {
    const au = await getJson(atlas.url, '/api/instruments?party=org:AU');
    assert.equal(au.status, 200);
    const bad = await getJson<{ error: { code: string } }>(atlas.url, '/api/instruments?party=org:');
    assert.equal(bad.status, 400);
  });

  void it('lists states under countries and organizations apart, the EU among them', async () => {
    for (const [lang, eu, au] of [
      ['fr', 'Union européenne', 'Union africaine'],
      ['en', 'European Union', 'African Union'],
    ] as const) {
      const html = await page(atlas.url, `/countries?lang=${lang}`);
      const orgs = section(html, 'id="organizations"');
      assert.match(orgs, new RegExp(`href="/search\\?party=EU"[^>]*>${eu}<`));
      const rest = html.replace(orgs, '');
      assert.ok(!rest.includes(eu), `${eu} is not listed as a country`);
      assert.ok(!rest.includes(au), `${au} is not listed as a country`);
      assert.match(rest, lang === 'fr' ? /Australie/ : /Australia/);
    }
  });

  void it('draws the EU on the map as a marker linked to its instruments', async () => {
    for (const [lang, name, short] of [
      ['fr', 'Union européenne', 'UE'],
      ['en', 'European Union', 'EU'],
    ] as const) {
      const html = await page(atlas.url, `/?lang=${lang}`);
      const marker =
        /<a class="org-marker" href="([^"]+)" aria-label="([^"]+)"[\s\S]*?<text[^>]*>([^<]+)<\/text>/.exec(
          html,
        );
      assert.ok(marker, 'an organization marker');
      assert.equal(marker[1], '/search?party=EU');
      assert.ok(marker[2]?.startsWith(`${short} – ${name}`));
      assert.equal(marker[3], short);
    }
    // The marker follows the map's choice of instruments: a type the EU has none of hides it.
    const none = await page(atlas.url, '/?type=envoy');
    assert.doesNotMatch(none, /class="org-marker"/);
  });
});
