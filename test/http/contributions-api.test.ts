/**
 * Manual records with sources, over HTTP on both engines: a contributor's instrument stays out of
 * the instrument list, the counts, search and the export while pending; once a reviewer accepts it,
 * it is a record like any other with its cited source as evidence (a web page, or a span of a
 * stored document); a rejected one stays out for good. Readers cannot contribute (403), anonymous
 * callers cannot write (401), and every step is in the audit log.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { webPages } from '../../src/web/routes.ts';
import { bearerFor } from '../support/accounts.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';
import { exportedText } from '../support/exported-text.ts';

const MEMO = [
  'Joint communiqué',
  '',
  'On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.',
].join('\n');

const HOST = { host: '127.0.0.1' };
const body = <T = unknown>(response: LightMyRequestResponse): T => JSON.parse(response.body) as T;

/** A contributed instrument whose title word "Zanzibarite" appears nowhere else in the atlas. */
const fromUrl = (title: string) => ({
  type: 'readmission_agreement',
  title,
  legalForm: 'agreement',
  parties: [
    { actorId: 'SN', role: 'signatory' },
    { actorId: 'ES', role: 'signatory' },
  ],
  dates: [{ value: '2024-06-03', role: 'signature' }],
  amounts: [{ value: 2500000, currency: 'EUR' }],
  topics: ['return_readmission'],
  source: {
    kind: 'url',
    url: 'https://www.example.gob.es/acuerdo-zanzibarite',
    quote: 'Senegal and Spain signed the Zanzibarite agreement on readmission on 3 June 2024.',
  },
});

interface Contribution {
  id: string;
  state: string;
  instrumentId: string | null;
  assertedBy: string;
  reason: string | null;
}
interface Instrument {
  id: string;
  title: string;
  claims: {
    property: string;
    evidence: { documentId: string; quote: string; assertedBy: string; reviewState: string };
  }[];
  documents: { id: string }[];
}

for (const engine of ENGINES) {
  void describe(`contributions over HTTP (${engine})`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    let atlas: OpenAtlas;
    let app: FastifyInstance;
    let dir: string;
    let contributor: Awaited<ReturnType<typeof bearerFor>>;
    let reviewer: Awaited<ReturnType<typeof bearerFor>>;
    let reader: Awaited<ReturnType<typeof bearerFor>>;

    const call = (
      method: 'GET' | 'POST',
      url: string,
      options: { headers?: Record<string, string>; json?: unknown } = {},
    ): Promise<LightMyRequestResponse> =>
      app.inject({
        method,
        url,
        headers: {
          ...HOST,
          ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.json === undefined ? {} : { payload: JSON.stringify(options.json) }),
      });

    const titles = async (): Promise<string[]> =>
      body<{ items: { title: string }[] }>(await call('GET', '/api/instruments?limit=100')).items.map(
        (item) => item.title,
      );
    const instrumentCount = async (): Promise<number> =>
      body<{ instruments: number }>(await call('GET', '/api/stats')).instruments;
    const searchTitles = async (q: string): Promise<string[]> =>
      body<{ items: { title: string }[] }>(await call('GET', `/api/search?q=${q}&kind=instrument`)).items.map(
        (hit) => hit.title,
      );
    const exported = (): Promise<string> => exportedText(atlas.store, dir);

    before(async () => {
      opened = await openTestAtlas(engine);
      atlas = opened.atlas;
      dir = await mkdtemp(join(tmpdir(), 'mda-contrib-'));
      await writeFile(join(dir, 'memo.en.txt'), MEMO);
      await ingestFile(join(dir, 'memo.en.txt'), atlas.store);
      contributor = await bearerFor(atlas.store, 'contributor');
      reviewer = await bearerFor(atlas.store, 'reviewer');
      reader = await bearerFor(atlas.store, 'reader');
      app = await buildServer({ store: atlas.store, pages: webPages, log: { level: 'silent' } });
    });
    after(async () => {
      await app.close();
      await opened.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    void it('refuses anonymous callers (401) and readers (403); checks the record against the taxonomy', async () => {
      const input = fromUrl('Zanzibarite refused agreement');
      assert.equal((await call('POST', '/api/contributions/instruments', { json: input })).statusCode, 401);
      const asReader = await call('POST', '/api/contributions/instruments', {
        json: input,
        headers: reader.headers,
      });
      assert.equal(asReader.statusCode, 403, asReader.body);
      assert.equal(
        (await call('GET', '/api/contributions', { headers: contributor.headers })).statusCode,
        403,
      );
      const badType = await call('POST', '/api/contributions/instruments', {
        json: { ...input, type: 'friendship' },
        headers: contributor.headers,
      });
      assert.equal(badType.statusCode, 400);
      const badActor = await call('POST', '/api/contributions/instruments', {
        json: { ...input, parties: [{ actorId: 'XQ', role: 'signatory' }] },
        headers: contributor.headers,
      });
      assert.equal(badActor.statusCode, 400, badActor.body);
      const badUrl = await call('POST', '/api/contributions/instruments', {
        json: { ...input, source: { kind: 'url', url: 'javascript:alert(1)' } },
        headers: contributor.headers,
      });
      assert.equal(badUrl.statusCode, 400);
      const openapi = await call('GET', '/api/openapi.json');
      assert.equal(openapi.statusCode, 200);
      const paths = body<{ paths: Record<string, unknown> }>(openapi).paths;
      for (const path of [
        '/api/contributions/instruments',
        '/api/contributions',
        '/api/contributions/{id}/accept',
      ]) {
        assert.ok(paths[path], path);
      }
      const list = await call('GET', '/api/contributions', { headers: reviewer.headers });
      assert.equal(body<{ total: number }>(list).total, 0, 'nothing refused was stored');
    });

    void it('keeps a pending contribution unpublished, then publishes it with its source once accepted', async () => {
      const before = { count: await instrumentCount(), titles: await titles() };
      const added = await call('POST', '/api/contributions/instruments', {
        json: fromUrl('Zanzibarite agreement on readmission'),
        headers: contributor.headers,
      });
      assert.equal(added.statusCode, 201, added.body);
      const contribution = body<Contribution>(added);
      assert.equal(contribution.state, 'pending');
      assert.equal(contribution.assertedBy, `user:${contributor.userId}`);

      // Pending: in the reviewers' list, nowhere public.
      const pending = body<{ items: Contribution[] }>(
        await call('GET', '/api/contributions?state=pending', { headers: reviewer.headers }),
      );
      assert.deepEqual(
        pending.items.map((c) => c.id),
        [contribution.id],
      );
      assert.deepEqual(await titles(), before.titles);
      assert.equal(await instrumentCount(), before.count);
      assert.deepEqual(await searchTitles('Zanzibarite'), []);
      assert.doesNotMatch(await exported(), /Zanzibarite/);

      const accepted = await call('POST', `/api/contributions/${contribution.id}/accept`, {
        headers: reviewer.headers,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const decided = body<Contribution>(accepted);
      assert.equal(decided.state, 'accepted');
      assert.ok(decided.instrumentId !== null);

      assert.ok((await titles()).includes('Zanzibarite agreement on readmission'));
      assert.equal(await instrumentCount(), before.count + 1);
      assert.deepEqual(await searchTitles('Zanzibarite'), ['Zanzibarite agreement on readmission']);
      assert.match(await exported(), /Zanzibarite agreement on readmission/);

      const detail = body<Instrument & { parties: { actorId: string }[]; amounts: { value: number }[] }>(
        await call('GET', `/api/instruments/${decided.instrumentId}`),
      );
      assert.deepEqual(detail.parties.map((p) => p.actorId).sort(), ['ES', 'SN']);
      assert.deepEqual(
        detail.amounts.map((a) => a.value),
        [2500000],
      );
      const title = detail.claims.find((c) => c.property === 'title')!;
      assert.equal(title.evidence.quote, fromUrl('').source.quote);
      assert.equal(title.evidence.assertedBy, `user:${contributor.userId}`);
      assert.equal(title.evidence.reviewState, 'confirmed');
      const source = body<{ sourceUrl: string | null; source_url?: string }>(
        await call('GET', `/api/documents/${title.evidence.documentId}`),
      );
      assert.match(JSON.stringify(source), /https:\/\/www\.example\.gob\.es\/acuerdo-zanzibarite/);

      const page = await call('GET', `/instruments/${decided.instrumentId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Zanzibarite agreement on readmission/);

      // Decided once: a second decision is a conflict.
      const again = await call('POST', `/api/contributions/${contribution.id}/reject`, {
        json: { reason: 'changed my mind' },
        headers: reviewer.headers,
      });
      assert.equal(again.statusCode, 409);

      const changes = await atlas.store.people.history(
        { subjectKind: 'contribution', subjectId: contribution.id },
        { limit: 10, offset: 0 },
      );
      assert.deepEqual(
        changes.items.map((c) => [c.action, c.actor]),
        [
          ['contribution.add', `user:${contributor.userId}`],
          ['contribution.accept', `user:${reviewer.userId}`],
        ],
      );
    });

    void it('cites a span of a stored document as the evidence', async () => {
      const document = body<{ items: { id: string }[] }>(await call('GET', '/api/documents')).items[0]!;
      const text = body<{ text: string }>(await call('GET', `/api/documents/${document.id}`)).text;
      const start = text.indexOf('On 12 March');
      const end = text.indexOf('migrants.') + 'migrants.'.length;
      const added = await call('POST', '/api/contributions/instruments', {
        json: {
          type: 'memorandum_of_understanding',
          title: 'Quillwort return protocol',
          legalForm: 'memorandum',
          parties: [{ actorId: 'MR', role: 'signatory' }],
          source: { kind: 'document', documentId: document.id, start, end },
        },
        headers: contributor.headers,
      });
      assert.equal(added.statusCode, 201, added.body);
      const accepted = body<Contribution>(
        await call('POST', `/api/contributions/${body<Contribution>(added).id}/accept`, {
          headers: reviewer.headers,
        }),
      );
      const detail = body<Instrument>(await call('GET', `/api/instruments/${accepted.instrumentId}`));
      assert.deepEqual(
        detail.documents.map((d) => d.id),
        [document.id],
      );
      assert.equal(detail.claims.find((c) => c.property === 'title')!.evidence.quote, text.slice(start, end));

      const outOfRange = await call('POST', '/api/contributions/instruments', {
        json: {
          type: 'memorandum_of_understanding',
          title: 'Out of range',
          legalForm: 'memorandum',
          source: { kind: 'document', documentId: document.id, start: 0, end: text.length + 10 },
        },
        headers: contributor.headers,
      });
      assert.equal(outOfRange.statusCode, 400);
    });

    void it('keeps a rejected contribution out of every public output, with its reason', async () => {
      const added = body<Contribution>(
        await call('POST', '/api/contributions/instruments', {
          json: fromUrl('Xylophant mobility pact'),
          headers: contributor.headers,
        }),
      );
      const rejected = await call('POST', `/api/contributions/${added.id}/reject`, {
        json: { reason: 'the cited page does not name this pact' },
        headers: reviewer.headers,
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.equal(body<Contribution>(rejected).state, 'rejected');
      assert.equal(body<Contribution>(rejected).reason, 'the cited page does not name this pact');
      assert.ok(!(await titles()).includes('Xylophant mobility pact'));
      assert.deepEqual(await searchTitles('Xylophant'), []);
      assert.doesNotMatch(await exported(), /Xylophant/);
      const asContributor = await call('POST', `/api/contributions/${added.id}/accept`, {
        headers: contributor.headers,
      });
      assert.equal(asContributor.statusCode, 403);
    });
  });
}
