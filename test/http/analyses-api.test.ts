/**
 * The analyses' endpoints against the real server (127.0.0.1, random port) on a real database
 * file with the built-in corpus ingested: comparisons and their report, consistency, coordination
 * (JSON and CSV), commitments (status update), indicators (a user's value), conditionality and
 * watches (a hit recorded when a matching document is ingested), all in the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingestFile } from '../../src/services/ingest.ts';
import { testEngines } from '../support/engines.ts';
import { bearerFor } from '../support/accounts.ts';
import { corpusDocumentId, getJson, startTestAtlas, type TestAtlas } from './fixture.ts';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The API token of the contributor these tests write as (set in `before`). */
let auth: Record<string, string> = {};

async function send(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(base + path, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

for (const engine of testEngines()) {
  void describe(`analyses API on ${engine}`, () => {
    let atlas: TestAtlas;
    let emnId = '';
    let dir = '';
    let userId = '';
    before(async () => {
      atlas = await startTestAtlas({}, engine);
      const contributor = await bearerFor(atlas.served.store, 'contributor', 'API Test');
      auth = contributor.headers;
      userId = contributor.userId;
      emnId = await corpusDocumentId(atlas, 'emn-oecd');
      dir = await mkdtemp(join(tmpdir(), 'mda-api-analyses-'));
    });
    after(async () => {
      await atlas.close();
      await rm(dir, { recursive: true, force: true });
    });

    void test('GET /api/compare lists the questions, then answers one with the inform’s count and list', async () => {
      const list = await getJson<{ questions: { question: string; countries: number; stated: number[] }[] }>(
        atlas.url,
        '/api/compare',
      );
      assert.equal(list.status, 200);
      const national = list.body.questions.find((q) =>
        q.question.startsWith('use migration diplomacy at national'),
      );
      assert.equal(national?.countries, 17);
      const one = await getJson<{ count: number; countries: string[]; evidence: { country: string }[] }>(
        atlas.url,
        `/api/compare?question=${encodeURIComponent('use migration diplomacy at national level')}`,
      );
      assert.equal(one.body.count, 17);
      assert.equal(one.body.countries.length, 17);
      const csv = await fetch(`${atlas.url}/api/compare?type=envoy&format=csv`);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(await csv.text(), /^country,document_id,start,end,quote\r\n/);
      const bad = await getJson<ErrorBody>(atlas.url, '/api/compare?type=spaceship');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'type.0');
    });

    void test('GET /api/reports/compare downloads a French Markdown report and an HTML one', async () => {
      const md = await fetch(
        `${atlas.url}/api/reports/compare?format=md&lang=fr&questions=${encodeURIComponent('use migration diplomacy at national level')}`,
      );
      assert.equal(md.status, 200);
      assert.match(md.headers.get('content-disposition') ?? '', /attachment; filename="comparison-fr\.md"/);
      const text = await md.text();
      assert.match(text, /AT, BE, CY/);
      const page = await fetch(`${atlas.url}/api/reports/compare`);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      const html = await page.text();
      assert.match(html, /<svg/);
      assert.doesNotMatch(html, /(src|href)="https?:/);
    });

    void test('GET /api/documents/:id/consistency flags the inform’s cases with both quotes', async () => {
      const r = await getJson<{ findings: { kind: string; quotes: unknown[]; counts?: number[] }[] }>(
        atlas.url,
        `/api/documents/${emnId}/consistency`,
      );
      assert.equal(r.status, 200);
      const conflict = r.body.findings.find((f) => f.kind === 'conflicting_counts' && f.counts?.includes(7));
      assert.ok(conflict && conflict.quotes.length >= 2);
      assert.equal((await getJson(atlas.url, '/api/documents/doc_00000000/consistency')).status, 404);
    });

    void test('GET /api/coordination/ML gives the EU with the Trust Fund money; CSV export', async () => {
      const r = await getJson<{
        actors: { actorId: string; money: Record<string, number> }[];
        gaps: unknown[];
      }>(atlas.url, '/api/coordination/ml');
      assert.equal(r.status, 200);
      assert.equal(r.body.actors.find((a) => a.actorId === 'EU')?.money.EUR, 145_100_000);
      assert.ok(r.body.gaps.length > 0);
      const csv = await fetch(`${atlas.url}/api/coordination/ML?format=csv`);
      assert.match(csv.headers.get('content-disposition') ?? '', /coordination-ML\.csv/);
      assert.match(await csv.text(), /^section,partner,actor/);
      assert.equal((await getJson(atlas.url, '/api/coordination/XYZ')).status, 400);
    });

    void test('commitments: the next dialogue is overdue in September 2017 until a user marks it done', async () => {
      type Tracker = {
        overdue: number;
        nextDialogue: { id: string; deadline: { value: string } };
        priorities: unknown[];
      };
      const before = await getJson<Tracker>(atlas.url, '/api/commitments?country=ML&today=2017-09-15');
      assert.equal(before.body.overdue, 1);
      assert.equal(before.body.nextDialogue.deadline.value, '2017-09');
      assert.equal(before.body.priorities.length, 5);
      const id = before.body.nextDialogue.id;
      const patched = await send(atlas.url, 'PATCH', `/api/commitments/${id}`, { status: 'done' });
      assert.equal(patched.status, 200);
      assert.equal((patched.body as { status: string }).status, 'done');
      const after = await getJson<Tracker>(atlas.url, '/api/commitments?country=ML&today=2017-09-15');
      assert.equal(after.body.overdue, 0);
      const history = await getJson<{ history: { changedBy: string }[] }>(
        atlas.url,
        `/api/commitments/${id}/history`,
      );
      assert.equal(history.body.history[0]?.changedBy, `user:${userId}`);
      const typed = await send(atlas.url, 'PATCH', `/api/commitments/${id}`, { status: 'open', by: 'x' });
      assert.equal(typed.status, 400, 'who changes it is the signed-in user, never a typed name');
      const bad = await send(atlas.url, 'PATCH', `/api/commitments/${id}`, { status: 'finished' });
      assert.equal(bad.status, 400);
      assert.equal((bad.body as ErrorBody).error.field, 'status');
      assert.equal(
        (await send(atlas.url, 'PATCH', '/api/commitments/st_0_0', { status: 'done' })).status,
        404,
      );
      const csv = await fetch(`${atlas.url}/api/commitments?format=csv`);
      assert.match(await csv.text(), /^id,status,owners,deadline/);
    });

    void test('refuses changes sent by a page of another site (Origin or Sec-Fetch-Site)', async () => {
      const crossSite: Record<string, string>[] = [
        { origin: 'http://elsewhere.example' },
        { 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of crossSite) {
        const response = await fetch(`${atlas.url}/api/watches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth, ...headers },
          body: JSON.stringify({ name: 'x', country: 'ML' }),
        });
        assert.equal(response.status, 403);
        const body = (await response.json()) as ErrorBody;
        assert.equal(body.error.code, 'forbidden');
      }
      const watches = await send(atlas.url, 'GET', '/api/watches');
      assert.ok(!JSON.stringify(watches.body).includes('"name":"x"'));
    });

    void test('indicators: Georgia’s series, and a user’s value stored with who entered it', async () => {
      const created = await send(atlas.url, 'POST', '/api/indicators', {
        indicator: 'countries allowing visa-free travel for Georgian citizens',
        value: 76,
        unit: 'count',
        date: '2025',
        country: 'GE',
        note: 'MFA of Georgia',
      });
      assert.equal(created.status, 201);
      assert.equal((created.body as { assertedBy: string }).assertedBy, `user:${userId}`);
      assert.equal((created.body as { source: { enteredBy: string } }).source.enteredBy, 'API Test');
      const r = await getJson<{ series: { indicator: string; values: { value: number }[] }[] }>(
        atlas.url,
        '/api/indicators?country=GE',
      );
      assert.deepEqual(
        r.body.series.find((s) => s.indicator.includes('visa-free'))?.values.map((v) => v.value),
        [65, 74, 76],
      );
      const bad = await send(atlas.url, 'POST', '/api/indicators', { indicator: 'x', value: 'many' });
      assert.equal(bad.status, 400);
    });

    void test('GET /api/conditionality?country=BD gives the Article 25a steps with evidence', async () => {
      const r = await getJson<{
        timelines: { country: string; steps: { kind: string; source: { documentId: string } }[] }[];
      }>(atlas.url, '/api/conditionality?country=BD');
      assert.deepEqual(
        r.body.timelines[0]?.steps.map((s) => s.kind),
        ['assessment', 'proposal'],
      );
      assert.equal(r.body.timelines[0]?.steps[0]?.source.documentId, emnId);
    });

    void test('watches: add, a hit on ingestion of a matching document, remove', async () => {
      const created = await send(atlas.url, 'POST', '/api/watches', {
        name: 'Mauritania on return',
        country: 'MR',
        topic: 'return_readmission',
      });
      assert.equal(created.status, 201);
      const id = (created.body as { id: string }).id;
      assert.equal((await send(atlas.url, 'POST', '/api/watches', { name: 'nothing' })).status, 400);
      const file = join(dir, 'mr.en.txt');
      await writeFile(
        file,
        'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.\n',
      );
      const ingested = await ingestFile(file, atlas.served.store);
      assert.equal(ingested.watchHits?.length, 1);
      const hits = await getJson<{ items: { watchId: string; documentId: string }[] }>(
        atlas.url,
        `/api/watches/hits?watch=${id}`,
      );
      assert.equal(hits.body.items[0]?.documentId, ingested.documentId);
      const list = await getJson<{ items: { id: string; hits: number }[] }>(atlas.url, '/api/watches');
      assert.equal(list.body.items.find((w) => w.id === id)?.hits, 1);
      assert.equal((await send(atlas.url, 'DELETE', `/api/watches/${id}`)).status, 204);
      assert.equal((await send(atlas.url, 'DELETE', `/api/watches/${id}`)).status, 404);
    });

    void test('the OpenAPI document describes the analyses’ endpoints and methods', async () => {
      const doc = await getJson<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
        atlas.url,
        '/api/openapi.json',
      );
      for (const path of [
        '/api/compare',
        '/api/reports/compare',
        '/api/documents/{id}/consistency',
        '/api/coordination/{country}',
        '/api/conditionality',
        '/api/watches/hits',
      ]) {
        assert.ok(doc.body.paths[path]?.get, path);
      }
      assert.ok(doc.body.paths['/api/commitments/{id}']?.patch?.requestBody);
      assert.ok(doc.body.paths['/api/indicators']?.post?.requestBody);
      assert.ok(doc.body.paths['/api/indicators']?.get);
      assert.ok(doc.body.paths['/api/watches']?.post && doc.body.paths['/api/watches/{id}']?.delete);
    });
  });
}
