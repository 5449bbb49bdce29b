/**
 * Documents as sources through the API, against the real server (127.0.0.1, random port) on a real
 * database file with the corpus ingested: the summary and detail carry title, publisher, date,
 * language and URL (null where not stated); PATCH /api/documents/:id validates like
 * `mda document set`, records who changed what, refreshes the search entry; the citation route
 * answers BibTeX, RIS and CSL-JSON downloads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearerFor } from '../support/accounts.ts';
import { getJson, startTestAtlas, type TestAtlas } from './fixture.ts';
import { testEngines } from '../support/engines.ts';

interface Summary {
  id: string;
  title: string;
  fileTitle: string;
  publisher: string | null;
  published: string | null;
  sourceUrl: string | null;
  language: string;
  sourcePath: string;
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** A contributor's token (a change of a document's fields is a write); set in before(). */
let auth: Record<string, string> = {};

async function patch(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

for (const engine of testEngines()) {
  void describe(`documents as sources (API) (${engine})`, () => {
    let atlas: TestAtlas;
    let documents: Summary[] = [];
    let userId = '';
    const byFile = (name: string): Summary => {
      const found = documents.find((d) => d.sourcePath.includes(name));
      assert.ok(found, name);
      return found;
    };
    before(
      async () => {
        atlas = await startTestAtlas({}, engine);
        const contributor = await bearerFor(atlas.served.store, 'contributor', 'Ana');
        auth = contributor.headers;
        userId = contributor.userId;
        documents = (await getJson<{ items: Summary[] }>(atlas.url, '/api/documents')).body.items;
      },
      { timeout: 180_000 },
    );
    after(async () => {
      await atlas?.close();
    });

    void test('the list and the detail carry the source fields, null where the text does not state them', async () => {
      const emn = byFile('emn-oecd');
      assert.equal(emn.title, 'Migration diplomacy: An analysis of policy approaches and instruments');
      assert.match(emn.publisher ?? '', /European Migration Network/);
      assert.equal(emn.published, '2024-11');
      assert.equal(emn.language, 'en');
      assert.equal(emn.sourceUrl, null);
      const mali = byFile('mali-eu');
      const detail = await getJson<Summary>(atlas.url, `/api/documents/${mali.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.sourceUrl, null);
      assert.ok('publisher' in detail.body && 'published' in detail.body);
      const csv = await fetch(`${atlas.url}/api/documents?format=csv`);
      const header = (await csv.text()).split('\r\n')[0] ?? '';
      assert.match(header, /publisher/);
      assert.match(header, /source_url/);
    });

    void test('PATCH refuses bad input with one clear error and changes nothing', async () => {
      const mali = byFile('mali-eu');
      const badUrl = await patch(atlas.url, `/api/documents/${mali.id}`, {
        url: 'javascript:alert(1)',
      });
      assert.equal(badUrl.status, 400);
      assert.equal((badUrl.body as ErrorBody).error.field, 'url');
      assert.match((badUrl.body as ErrorBody).error.message, /http or https/);
      const badDate = await patch(atlas.url, `/api/documents/${mali.id}`, { date: '2016-02-30' });
      assert.equal(badDate.status, 400);
      assert.equal((badDate.body as ErrorBody).error.field, 'date');
      const nothing = await patch(atlas.url, `/api/documents/${mali.id}`, {});
      assert.equal(nothing.status, 400);
      assert.match((nothing.body as ErrorBody).error.message, /at least one of title/);
      const typedName = await patch(atlas.url, `/api/documents/${mali.id}`, { title: 'x', by: 'ana' });
      assert.equal(typedName.status, 400, 'who changes it is the signed-in user, never a typed name');
      const anonymous = await patch(
        atlas.url,
        `/api/documents/${mali.id}`,
        { title: 'x' },
        { authorization: '' },
      );
      assert.equal(anonymous.status, 401);
      const unknownField = await patch(atlas.url, `/api/documents/${mali.id}`, { author: 'x' });
      assert.equal(unknownField.status, 400);
      const missing = await patch(atlas.url, '/api/documents/doc_missing', { title: 'x' });
      assert.equal(missing.status, 404);
      const crossSite = await patch(
        atlas.url,
        `/api/documents/${mali.id}`,
        { title: 'Forged' },
        { origin: 'http://evil.example' },
      );
      assert.equal(crossSite.status, 403);
      const after = await getJson<Summary>(atlas.url, `/api/documents/${mali.id}`);
      assert.equal(after.body.title, mali.title);
      assert.equal(after.body.sourceUrl, null);
    });

    void test('PATCH sets the fields, records who did it, and search shows the new title', async () => {
      const mali = byFile('mali-eu');
      const title = 'Dialogue de haut niveau Union européenne–Mali sur la migration (Bamako, avril 2016)';
      const set = await patch(atlas.url, `/api/documents/${mali.id}`, {
        title,
        publisher: 'Délégation de l’Union européenne au Mali',
        date: '2016-04-14',
        url: 'https://example.org/mali-ue-2016',
      });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const summary = set.body as Summary & { text?: string };
      assert.equal(summary.title, title);
      assert.equal(summary.published, '2016-04-14');
      assert.equal(summary.sourceUrl, 'https://example.org/mali-ue-2016');
      assert.equal(summary.text, undefined, 'the answer is the summary, not the text');

      const history = await getJson<{
        history: { field: string; value: string | null; assertedBy: string }[];
      }>(atlas.url, `/api/documents/${mali.id}/source-history`);
      assert.equal(history.status, 200);
      const byAna = history.body.history.filter((h) => h.assertedBy === `user:${userId}`);
      assert.deepEqual(byAna.map((h) => h.field).sort(), ['published', 'publisher', 'title', 'url']);

      const search = await getJson<{ items: { documentId: string | null; title: string }[] }>(
        atlas.url,
        `/api/search?q=${encodeURIComponent('réadmission')}&kind=passage&limit=100`,
      );
      const hits = search.body.items.filter((h) => h.documentId === mali.id);
      assert.ok(hits.length > 0, 'the Mali document has passages about readmission');
      assert.ok(
        hits.every((h) => h.title === title),
        'every passage shows the new title',
      );

      const cleared = await patch(atlas.url, `/api/documents/${mali.id}`, {
        url: null,
        title: null,
      });
      assert.equal(cleared.status, 200);
      assert.equal((cleared.body as Summary).sourceUrl, null);
      // Cleared: back to what the reader found, here the file's name, which is no title.
      const back = cleared.body as Summary & { titleSource: string; fileName: string };
      assert.equal(back.title, null);
      assert.equal(back.titleSource, 'file_name');
      assert.ok(back.fileName.startsWith(back.fileTitle));
    });

    void test('the citation route answers BibTeX, RIS and CSL-JSON downloads', async () => {
      const emn = byFile('emn-oecd');
      const bib = await fetch(`${atlas.url}/api/documents/${emn.id}/citation?format=bibtex`);
      assert.equal(bib.status, 200);
      assert.match(bib.headers.get('content-type') ?? '', /^application\/x-bibtex/);
      assert.match(bib.headers.get('content-disposition') ?? '', /attachment; filename="doc_[\w-]+\.bib"/);
      const bibText = await bib.text();
      assert.match(bibText, /^@techreport\{/);
      assert.match(bibText, /year = \{2024\}/);
      const ris = await fetch(`${atlas.url}/api/documents/${emn.id}/citation?format=ris`);
      assert.match(ris.headers.get('content-type') ?? '', /^application\/x-research-info-systems/);
      assert.match(ris.headers.get('content-disposition') ?? '', /\.ris"/);
      assert.match(await ris.text(), /^TY {2}- RPRT\r\n/);
      const csl = await fetch(`${atlas.url}/api/documents/${emn.id}/citation?format=csl`);
      assert.match(csl.headers.get('content-type') ?? '', /^application\/vnd\.citationstyles\.csl\+json/);
      assert.match(csl.headers.get('content-disposition') ?? '', /\.json"/);
      const items = JSON.parse(await csl.text()) as { title: string; issued: { 'date-parts': number[][] } }[];
      assert.equal(items[0]?.title, emn.title);
      assert.deepEqual(items[0]?.issued['date-parts'], [[2024, 11]]);
      const bad = await getJson<ErrorBody>(atlas.url, `/api/documents/${emn.id}/citation?format=mla`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'format');
      const missing = await getJson<ErrorBody>(atlas.url, '/api/documents/doc_missing/citation');
      assert.equal(missing.status, 404);
    });

    void test('the OpenAPI document describes the new routes and fields', async () => {
      const spec = await getJson<{ paths: Record<string, Record<string, unknown>> }>(
        atlas.url,
        '/api/openapi.json',
      );
      assert.ok(spec.body.paths['/api/documents/{id}']?.patch);
      assert.ok(spec.body.paths['/api/documents/{id}/citation']?.get);
      assert.match(JSON.stringify(spec.body), /sourceUrl/);
    });
  });
}
