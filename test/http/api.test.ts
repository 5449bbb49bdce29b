/**
 * API tests against the real server listening on 127.0.0.1 (random port), backed by a real
 * database file in a temp folder with the built-in corpus ingested.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../support/engines.ts';
import { getJson, startTestAtlas, type TestAtlas } from './fixture.ts';

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
interface Instrument {
  id: string;
  type: string;
  title: string;
  parties: { actorId: string; role: string }[];
  firstDate: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; field?: string; requestId: string };
}
interface Hit {
  kind: string;
  id: string;
  documentId: string | null;
  span: { start: number; end: number } | null;
  snippet: string;
  highlights: { start: number; end: number }[];
  relevance: number;
  score: number;
}

/** The first highlighted word of a hit's snippet. */
const marked = (hit: Hit | undefined): string =>
  hit === undefined || hit.highlights[0] === undefined
    ? ''
    : hit.snippet.slice(hit.highlights[0].start, hit.highlights[0].end);

for (const engine of testEngines()) {
  void describe(`on ${engine}`, () => {
    let atlas: TestAtlas;
    let base: string;

    before(
      async () => {
        atlas = await startTestAtlas({}, engine);
        base = atlas.url;
      },
      { timeout: 180_000 },
    ); // ingestion on a busy 2-core machine; fail instead of hanging
    after(async () => {
      await atlas?.close();
    });

    async function expectError(
      path: string,
      status: number,
      code: string,
      message: string,
      field?: string,
    ): Promise<void> {
      const { status: actual, headers, body } = await getJson<ErrorBody>(base, path);
      assert.equal(actual, status, path);
      assert.match(headers.get('content-type') ?? '', /application\/json/);
      assert.equal(body.error.code, code);
      assert.equal(body.error.message, message);
      assert.equal(body.error.field, field);
      assert.equal(body.error.requestId, headers.get('x-request-id'), 'the envelope carries the request id');
    }

    void describe('instruments', () => {
      void test('lists with total and limit/offset pagination', async () => {
        const all = await getJson<Page<Instrument>>(base, '/api/instruments');
        assert.equal(all.status, 200);
        assert.equal(all.body.limit, 50);
        assert.ok(all.body.total > 10, 'the corpus yields instruments');
        const first = await getJson<Page<Instrument>>(base, '/api/instruments?limit=3&offset=0');
        const second = await getJson<Page<Instrument>>(base, '/api/instruments?limit=3&offset=3');
        assert.equal(first.body.items.length, 3);
        assert.equal(first.body.total, all.body.total);
        assert.equal(second.body.offset, 3);
        const ids = new Set(first.body.items.map((item) => item.id));
        assert.ok(
          second.body.items.every((item) => !ids.has(item.id)),
          'pages do not overlap',
        );
        assert.deepEqual(
          [...first.body.items, ...second.body.items].map((item) => item.id),
          all.body.items.slice(0, 6).map((item) => item.id),
        );
      });

      void test('filters by country (any case) and every result has that party', async () => {
        const { status, body } = await getJson<Page<Instrument>>(base, '/api/instruments?country=ML');
        assert.equal(status, 200);
        assert.ok(body.total > 0);
        assert.ok(body.items.every((item) => item.parties.some((party) => party.actorId === 'ML')));
        const lower = await getJson<Page<Instrument>>(base, '/api/instruments?country=ml');
        assert.equal(lower.body.total, body.total);
      });

      void test('filters by type, year range and text', async () => {
        const typed = await getJson<Page<Instrument>>(base, '/api/instruments?type=dialogue');
        assert.ok(typed.body.items.length > 0 && typed.body.items.every((item) => item.type === 'dialogue'));
        const years = await getJson<Page<Instrument>>(base, '/api/instruments?from=2016&to=2016');
        assert.ok(
          years.body.items.length > 0 && years.body.items.every((item) => item.firstDate?.startsWith('2016')),
        );
        const french = await getJson<Page<Instrument>>(base, '/api/instruments?q=r%C3%A9admission&limit=500');
        const english = await getJson<Page<Instrument>>(base, '/api/instruments?q=readmission&limit=500');
        assert.ok(french.body.total > 0);
        assert.deepEqual(
          french.body.items.map((i) => i.id).sort(),
          english.body.items.map((i) => i.id).sort(),
        );
      });

      void test('text queries come best match first; explicit sorts are honoured', async () => {
        const ranked = await getJson<Page<Instrument>>(
          base,
          '/api/instruments?q=readmission%20agreement&limit=3',
        );
        assert.ok(ranked.body.items.length > 0);
        assert.equal(
          ranked.body.items[0]?.type,
          'readmission_agreement',
          'the best match is a readmission agreement',
        );
        const byTitle = await getJson<Page<Instrument>>(base, '/api/instruments?sort=title&limit=20');
        const titles = byTitle.body.items.map((item) => item.title);
        assert.deepEqual(
          titles,
          [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
      });

      void test('one instrument comes with its evidence: document, span, quote, asserted-by, review state', async () => {
        const list = await getJson<Page<Instrument>>(base, '/api/instruments?country=ML&limit=1');
        const id = list.body.items[0]?.id ?? '';
        const { status, body } = await getJson<{
          id: string;
          claims: { property: string; evidence: Record<string, unknown>; confidence: number | null }[];
        }>(base, `/api/instruments/${id}`);
        assert.equal(status, 200);
        assert.equal(body.id, id);
        assert.ok(body.claims.length > 0);
        // The extractor's confidence, 0–1, on every claim it made.
        for (const claim of body.claims) {
          assert.ok(typeof claim.confidence === 'number' && claim.confidence > 0 && claim.confidence <= 1);
        }
        const evidence = body.claims[0]?.evidence as {
          documentId: string;
          span: { start: number; end: number };
          quote: string;
        };
        assert.deepEqual(Object.keys(body.claims[0]?.evidence ?? {}).sort(), [
          'assertedBy',
          'documentFileName',
          'documentId',
          'documentTitle',
          'quote',
          'reviewState',
          'span',
        ]);
        const document = await getJson<{ text: string }>(base, `/api/documents/${evidence.documentId}`);
        const quoted = document.body.text.slice(evidence.span.start, evidence.span.end);
        assert.ok(quoted.startsWith(evidence.quote.replace(/…$/, '')), 'the quote is the text at the span');
      });

      void test('unknown ids are 404 JSON', async () => {
        await expectError(
          '/api/instruments/ins_unknown',
          404,
          'not_found',
          'instrument ins_unknown not found',
        );
        await expectError('/api/documents/doc_unknown', 404, 'not_found', 'document doc_unknown not found');
        await expectError('/api/countries/ZZ', 404, 'not_found', 'country ZZ not found');
        await expectError('/api/no-such-thing', 404, 'not_found', 'no route for GET /api/no-such-thing');
      });

      void test('malformed parameters are 400 JSON naming the field', async () => {
        await expectError(
          '/api/instruments?country=MLI',
          400,
          'invalid_input',
          'country: must be an ISO 3166-1 alpha-2 code',
          'country',
        );
        await expectError(
          '/api/instruments?country=XX',
          400,
          'invalid_input',
          'country: is not the ISO 3166-1 alpha-2 code of a known state',
          'country',
        );
        await expectError(
          '/api/instruments?limit=0',
          400,
          'invalid_input',
          'limit: must be at least 1',
          'limit',
        );
        await expectError(
          '/api/instruments?limit=ten',
          400,
          'invalid_input',
          'limit: must be a number (decimal digits only)',
          'limit',
        );
        await expectError(
          '/api/instruments?limit=501',
          400,
          'invalid_input',
          'limit: must be at most 500',
          'limit',
        );
        await expectError(
          '/api/instruments?offset=-1',
          400,
          'invalid_input',
          'offset: must be 0 or more',
          'offset',
        );
        await expectError(
          '/api/instruments?from=2020&to=2010',
          400,
          'invalid_input',
          'to: must not be before from',
          'to',
        );
        await expectError(
          '/api/instruments?from=99',
          400,
          'invalid_input',
          'from: must be a year between 1900 and 2100',
          'from',
        );
        await expectError(
          '/api/instruments?colour=red',
          400,
          'invalid_input',
          'colour: is not a known parameter',
          'colour',
        );
        await expectError(
          '/api/instruments?sort=newest',
          400,
          'invalid_input',
          'sort: must be relevance, recent, oldest or title',
          'sort',
        );
        await expectError(
          '/api/instruments?format=xml',
          400,
          'invalid_input',
          'format: must be json or csv',
          'format',
        );
        await expectError(
          '/api/countries/1',
          400,
          'invalid_input',
          'code: must be an ISO 3166-1 alpha-2 code',
          'code',
        );
        await expectError('/api/search', 400, 'invalid_input', 'q: is required', 'q');
        await expectError('/api/search?q=%20', 400, 'invalid_input', 'q: must not be empty', 'q');
        const typed = await getJson<ErrorBody>(base, '/api/instruments?type=treaty');
        assert.equal(typed.status, 400);
        assert.match(
          typed.body.error.message,
          /^type: must be one of: readmission_agreement, visa_agreement, /,
        );
      });
    });

    void describe('downloads', () => {
      void test('?format=csv gives a CSV file with every matching instrument', async () => {
        const json = await getJson<Page<Instrument>>(base, '/api/instruments?country=ML');
        const response = await fetch(`${base}/api/instruments?country=ML&format=csv`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
        assert.equal(response.headers.get('content-disposition'), 'attachment; filename="instruments.csv"');
        const lines = (await response.text()).trimEnd().split('\r\n');
        assert.equal(
          lines[0],
          'id,type,title,legal_form,binding,status,first_date,parties,topics,approaches,amounts,money_total,document_count',
        );
        assert.equal(lines.length, json.body.total + 1);
      });

      void test('Accept: text/csv works on every list, and ?format=json downloads JSON', async () => {
        for (const path of ['/api/actors?active=true', '/api/documents', '/api/search?q=migration']) {
          const response = await fetch(base + path, { headers: { accept: 'text/csv' } });
          assert.equal(response.status, 200, path);
          assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8', path);
          assert.match(
            response.headers.get('content-disposition') ?? '',
            /^attachment; filename="\w+\.csv"$/,
          );
        }
        const json = await fetch(`${base}/api/documents?format=json`);
        assert.equal(json.headers.get('content-disposition'), 'attachment; filename="documents.json"');
        assert.equal(((await json.json()) as Page<unknown>).total, 4);
      });
    });

    void describe('search', () => {
      void test('French and English spellings, plural and accents find the same instruments', async () => {
        const ids = async (q: string) =>
          (
            await getJson<Page<Hit>>(base, `/api/search?kind=instrument&limit=500&q=${encodeURIComponent(q)}`)
          ).body.items
            .map((hit) => hit.id)
            .sort();
        const french = await ids('réadmission');
        assert.ok(french.length > 0);
        assert.deepEqual(await ids('readmission'), french);
        assert.deepEqual(await ids('READMISSIONS'), french);
      });

      void test('results are ranked by bm25, with a relevance out of 100 and plain snippets with match offsets', async () => {
        const { body } = await getJson<Page<Hit>>(
          base,
          '/api/search?q=migration%20partnership&kind=passage&limit=20',
        );
        assert.ok(body.total > 0);
        const scores = body.items.map((hit) => hit.score);
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => a - b),
          'best (lowest bm25) first',
        );
        assert.equal(body.items[0]?.relevance, 100, 'the best hit of the query is 100');
        const relevances = body.items.map((hit) => hit.relevance);
        assert.deepEqual(
          relevances,
          [...relevances].sort((a, b) => b - a),
        );
        for (const hit of body.items) {
          assert.doesNotMatch(hit.snippet, /<mark>|&amp;|&lt;/, 'snippets are plain text, not HTML');
          assert.ok(hit.highlights.length > 0);
          for (const mark of hit.highlights) {
            assert.match(hit.snippet.slice(mark.start, mark.end), /^(migration|partnerships?)$/i);
          }
          assert.ok(hit.relevance >= 1 && hit.relevance <= 100);
          assert.ok(hit.documentId !== null && hit.span !== null && hit.span.end > hit.span.start);
        }
      });

      void test('the country filter applies to passages, and the total counts what the pages show', async () => {
        const all = await getJson<Page<Hit>>(base, '/api/search?q=migration&kind=passage&limit=100');
        const mali = await getJson<Page<Hit>>(
          base,
          '/api/search?q=migration&kind=passage&country=ML&limit=100',
        );
        assert.ok(mali.body.total > 0 && mali.body.total < all.body.total);
        assert.equal(mali.body.items.length, Math.min(100, mali.body.total));
        const second = await getJson<Page<Hit>>(
          base,
          `/api/search?q=migration&kind=passage&country=ML&limit=5&offset=5`,
        );
        assert.deepEqual(
          second.body.items.map((h) => h.id),
          mali.body.items.slice(5, 10).map((h) => h.id),
        );
      });

      void test('a French word finds English passages through the bilingual glossary', async () => {
        const { body } = await getJson<Page<Hit>>(
          base,
          '/api/search?q=fronti%C3%A8res&language=en&kind=passage',
        );
        assert.ok(body.total > 0, '"frontières" finds English text about borders');
        assert.match(marked(body.items[0]), /^[Bb]orders?$/);
      });

      void test('a French country name finds English passages (cross-language through actor names)', async () => {
        const { body } = await getJson<Page<Hit & { language: string }>>(
          base,
          '/api/search?q=Maroc&language=en&kind=passage',
        );
        assert.ok(body.total > 0, 'Maroc finds English text about Morocco');
        assert.match(marked(body.items[0]), /^Morocco$/);
      });
    });

    void describe('countries, actors, documents, statistics', () => {
      void test('the country profile of Mali', async () => {
        const { status, body } = await getJson<{
          name: { en: string; fr: string };
          instrumentCount: number;
          byType: unknown[];
          byPartner: { code: string }[];
          timeline: { year: number }[];
          documents: { title: string | null; fileName: string }[];
        }>(base, '/api/countries/ml');
        assert.equal(status, 200);
        assert.deepEqual(body.name, { en: 'Mali', fr: 'Mali' });
        assert.ok(body.instrumentCount > 0 && body.byType.length > 0);
        assert.ok(body.byPartner.some((partner) => partner.code === 'EU'));
        assert.ok(body.timeline.some((point) => point.year === 2016));
        assert.ok(
          // Titled only by its file's name: no title, the file name beside it.
          body.documents.some(
            (document) =>
              document.title === null && document.fileName.startsWith('mali-eu-high-level-dialogue'),
          ),
        );
      });

      void test('actors filtered by kind, with instrument counts, most first', async () => {
        const { body } = await getJson<Page<{ kind: string; instrumentCount: number }>>(
          base,
          '/api/actors?kind=state&active=true',
        );
        assert.ok(body.total > 0);
        assert.ok(body.items.every((actor) => actor.kind === 'state' && actor.instrumentCount > 0));
        const counts = body.items.map((actor) => actor.instrumentCount);
        assert.deepEqual(
          counts,
          [...counts].sort((a, b) => b - a),
        );
      });

      void test('actors found by part of a name in either language, whatever its case', async () => {
        for (const q of ['maroc', 'MOROCCO', 'Maroc']) {
          const { body } = await getJson<Page<{ id: string }>>(base, `/api/actors?q=${q}`);
          assert.deepEqual(
            body.items.map((actor) => actor.id),
            ['MA'],
            q,
          );
        }
      });

      void test('a document with its text and the facts extracted from it, with spans inside the text', async () => {
        const list = await getJson<Page<{ id: string }>>(base, '/api/documents');
        assert.equal(list.body.total, 4);
        const id = list.body.items[0]?.id ?? '';
        const { body } = await getJson<{ text: string; facts: { span: { start: number; end: number } }[] }>(
          base,
          `/api/documents/${id}`,
        );
        assert.ok(body.text.length > 1000);
        assert.ok(body.facts.length > 0);
        assert.ok(body.facts.every((fact) => fact.span.start >= 0 && fact.span.end <= body.text.length));
      });

      void test('statistics, timeline and network', async () => {
        const stats = await getJson<{ documents: number; instruments: number; byType: unknown[] }>(
          base,
          '/api/stats',
        );
        assert.equal(stats.body.documents, 4);
        assert.ok(stats.body.instruments > 0 && stats.body.byType.length > 0);
        const timeline = await getJson<{ year: number; count: number }[]>(base, '/api/timeline');
        assert.ok(timeline.body.length > 0);
        const network = await getJson<{ nodes: unknown[]; edges: unknown[] }>(base, '/api/network');
        assert.ok(network.body.nodes.length > 1 && network.body.edges.length > 0);
      });

      void test('the OpenAPI document describes every endpoint and its parameters', async () => {
        const { body } = await getJson<{
          openapi: string;
          paths: Record<string, { get: { parameters: { name: string }[] } }>;
        }>(base, '/api/openapi.json');
        assert.equal(body.openapi, '3.1.0');
        for (const path of [
          '/api/instruments',
          '/api/instruments/{id}',
          '/api/actors',
          '/api/countries/{code}',
          '/api/documents',
          '/api/documents/{id}',
          '/api/search',
          '/api/stats',
        ]) {
          assert.ok(body.paths[path], path);
        }
        const names = body.paths['/api/instruments']?.get.parameters.map((p) => p.name);
        assert.deepEqual(
          [
            'country',
            'party',
            'type',
            'topic',
            'approach',
            'from',
            'to',
            'q',
            'limit',
            'offset',
            'format',
          ].filter((n) => !names?.includes(n)),
          [],
        );
      });
    });

    void describe('web pages', () => {
      void test('pages are HTML with a strict Content-Security-Policy; unknown pages are 404', async () => {
        for (const path of [
          '/',
          '/search?q=mobilit%C3%A9',
          '/documents',
          '/network',
          '/timeline',
          '/countries/MA',
        ]) {
          const response = await fetch(base + path);
          assert.equal(response.status, 200, path);
          assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
          assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'self'/);
          const text = await response.text();
          assert.ok(
            !/(src|href)="https?:\/\//.test(text.replace(/href="\/[^"]*"/g, '')),
            `${path} loads nothing from elsewhere`,
          );
        }
        const missing = await fetch(`${base}/instruments/ins_unknown`);
        assert.equal(missing.status, 404);
        assert.match(await missing.text(), /instrument ins_unknown not found/);
      });

      void test('?lang=fr switches the interface and sets the cookie', async () => {
        const response = await fetch(`${base}/?lang=fr`);
        assert.match(response.headers.get('set-cookie') ?? '', /^lang=fr;/);
        assert.match(await response.text(), /<html lang="fr">[\s\S]*Atlas de la diplomatie migratoire/);
        const remembered = await fetch(`${base}/timeline`, { headers: { cookie: 'lang=fr' } });
        assert.match(await remembered.text(), /Chronologie/);
      });
    });
  });
}
