/**
 * The analyses' web pages over real HTTP (real server, real database file with the corpus
 * ingested): content in English and French, evidence links to document spans, charts, exports,
 * and the forms (commitment status, indicator value, watch) posting and redirecting back.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ingestFile } from '../../src/services/ingest.ts';
import { corpusDocumentId, startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { describeOnEachEngine } from '../support/engines.ts';
import { sessionFor } from '../support/accounts.ts';

const PAGES = [
  '/analyses/compare',
  '/analyses/consistency',
  '/analyses/coordination',
  '/analyses/commitments',
  '/analyses/indicators',
  '/analyses/conditionality',
  '/analyses/watches',
];

describeOnEachEngine(
  'analyses pages',
  (engine) => {
    let atlas: TestAtlas;
    let dir = '';
    let emnId = '';
    /** A contributor signed in with a browser session: the forms show, and post with its CSRF token. */
    let session = { cookie: '', csrf: '', userId: '' };
    const get = async (path: string) => {
      const response = await fetch(atlas.url + path, { headers: { cookie: session.cookie } });
      return {
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        body: await response.text(),
      };
    };
    const post = (path: string, form: Record<string, string>) =>
      fetch(atlas.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
        body: new URLSearchParams({ ...form, _csrf: session.csrf }).toString(),
        redirect: 'manual',
      });

    before(async () => {
      atlas = await startTestAtlas({}, engine);
      session = await sessionFor(atlas.served.store, atlas.url, 'contributor', 'Web Test');
      emnId = await corpusDocumentId(atlas, 'emn-oecd');
      dir = await mkdtemp(join(tmpdir(), 'mda-web-analyses-'));
    });
    after(async () => {
      await atlas.close();
      await rm(dir, { recursive: true, force: true });
    });

    void test('the hub and every page answer in both languages, linked from the main navigation, with no outside request', async () => {
      const hub = await get('/analyses');
      assert.equal(hub.status, 200);
      assert.match(hub.body, /<a href="\/analyses"\s+aria-current="page"/);
      for (const path of PAGES) assert.ok(hub.body.includes(`href="${path}"`), path);
      for (const path of PAGES) {
        const [en, fr] = await Promise.all([get(`${path}?lang=en`), get(`${path}?lang=fr`)]);
        assert.equal(en.status, 200, path);
        assert.match(en.type, /^text\/html/);
        assert.match(fr.body, /<html lang="fr">/);
        for (const body of [en.body, fr.body]) assert.doesNotMatch(body, /(src|href|action)="(https?:)?\/\//);
      }
      assert.match((await get('/analyses/compare?lang=fr')).body, /<h1>Comparaisons<\/h1>/);
    });

    void test('a comparison shows the count, the countries, evidence linked to spans, a chart and report links', async () => {
      const question =
        'use migration diplomacy at national level as part of their wider international migration affairs';
      const r = await get(`/analyses/compare?question=${encodeURIComponent(question)}`);
      assert.match(r.body, /<strong>17 countries<\/strong>/);
      assert.match(r.body, /Austria<\/a\s*>/);
      assert.ok(r.body.includes(`href="/documents/${emnId}#span-`));
      assert.match(r.body, /class="bar-list"/);
      assert.match(r.body, /href="\/api\/reports\/compare\?format=md&amp;lang=fr&amp;questions=/);
      const envoys = await get('/analyses/compare?type=envoy');
      assert.match(envoys.body, /Belgium/);
    });

    void test('consistency and coordination pages show the inform’s findings and Mali’s actors with money', async () => {
      const c = await get(`/analyses/consistency/${emnId}`);
      assert.match(c.body, /conflicting counts/);
      assert.match(c.body, /with six⁵⁸ reporting/);
      const m = await get('/analyses/coordination?country=ML');
      assert.match(m.body, /European Union/);
      assert.match(m.body, /€145\.1M/);
      assert.match(m.body, /href="\/api\/coordination\/ML\?format=csv&amp;lang=en"/);
      assert.match(m.body, /Border management/);
    });

    void test('commitments: overdue next dialogue, then a status form post marks it done', async () => {
      const path = '/analyses/commitments?country=ML&today=2017-09-15';
      const before = await get(path);
      assert.match(before.body, /avant le mois de Septembre 2017/);
      assert.match(before.body, /<strong class="overdue">overdue<\/strong>/);
      assert.match(before.body, /la gestion des frontières et un meilleur contrôle du territoire/);
      const id = /action="\/analyses\/commitments\/([^/"]+)\/status"[\s\S]*?prochain dialogue/.exec(
        before.body,
      );
      const action = [...before.body.matchAll(/action="\/analyses\/commitments\/([^/"]+)\/status"/g)].map(
        (m) => m[1],
      );
      assert.ok(action.length >= 3 && id !== null);
      const next = action[action.length - 1] ?? '';
      const response = await post(`/analyses/commitments/${next}/status`, {
        status: 'done',
        back: path,
      });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), path);
      const after = await get(path);
      assert.doesNotMatch(after.body, /<strong class="overdue">/);
      assert.match(after.body, /<option value="done"\s+selected/);
      assert.equal((await post(`/analyses/commitments/${next}/status`, { status: 'finished' })).status, 400);
    });

    void test('indicators: Georgia’s series with its source, and a value added through the form', async () => {
      const r = await get('/analyses/indicators?country=GE&lang=fr');
      assert.match(r.body, /<h1>Indicateurs<\/h1>/);
      assert.match(r.body, /2020\u00a0?: 65</);
      assert.match(r.body, /2024\u00a0?: 74</);
      const response = await post('/analyses/indicators', {
        indicator: 'countries allowing visa-free travel for Georgian citizens',
        value: '76',
        unit: 'count',
        date: '2025',
        country: 'ge',
        note: 'MFA of Georgia',
      });
      assert.equal(response.status, 303);
      const after = await get('/analyses/indicators?country=GE&lang=fr');
      assert.match(after.body, /2025\u00a0?: 76</);
      assert.match(after.body, /saisi par[\s\S]{0,80}Web Test/, 'the signed-in user, by name');
      // A reader without a session sees the values and the way to sign in, not the form.
      const anonymous = await (await fetch(`${atlas.url}/analyses/indicators?country=GE`)).text();
      assert.doesNotMatch(anonymous, /action="\/analyses\/indicators" method="post"/);
      assert.match(anonymous, /href="\/sign-in\?next=/);
      // A decimal comma with grouped thousands is read as a French user means it.
      await post('/analyses/indicators', {
        indicator: 'remittances to Georgia',
        value: '1 234,5',
        unit: 'million USD',
        date: '2024',
        country: 'GE',
      });
      assert.match((await get('/analyses/indicators?country=GE')).body, /2024\u00a0?: 1,234\.5 million USD/);
      // A JSON body with non-text fields is a clear 400, not an internal error.
      const json = await fetch(`${atlas.url}/analyses/watches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify({ name: 'x', country: 1 }),
      });
      assert.equal(json.status, 400);
    });

    void test('conditionality timeline and watches (add, hit on ingestion, remove)', async () => {
      const t = await get('/analyses/conditionality');
      assert.match(t.body, /Bangladesh/);
      assert.match(t.body, /Visa Code art\. 25a/);
      assert.equal(
        (
          await post('/analyses/watches', {
            name: 'Mauritania on return',
            country: 'MR',
            topic: 'return_readmission',
            type: '',
            text: '',
          })
        ).status,
        303,
      );
      const file = join(dir, 'mr.en.txt');
      await writeFile(
        file,
        'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.\n',
      );
      assert.equal((await ingestFile(file, atlas.served.store)).watchHits?.length, 1);
      const w = await get('/analyses/watches');
      assert.match(w.body, /<strong>Mauritania on return<\/strong>/);
      const remove = /action="(\/analyses\/watches\/[^"]+\/remove)"/.exec(w.body)?.[1] ?? '';
      assert.equal((await post(remove, {})).status, 303);
      assert.doesNotMatch((await get('/analyses/watches')).body, /Mauritania on return/);
    });
    void test('the country and instrument pages show their indicator series', async () => {
      const georgia = await get('/countries/GE');
      assert.match(georgia.body, /id="indicators-panel"/);
      assert.match(georgia.body, /2020\u00a0?: 65</);
      const fund = (await atlas.served.store.analyses.instruments()).find((i) => /Trust Fund/i.test(i.title));
      assert.ok(fund, 'the EU Trust Fund is stored');
      const page = await get(`/instruments/${fund.id}`);
      assert.match(page.body, /Money committed/);
      assert.match(page.body, /€145\.1M/);
    });
  },
  (engine) => `analyses pages on ${engine}`,
);
