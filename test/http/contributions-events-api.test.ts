/**
 * Contributions of events and commitments over HTTP, on both engines: anonymous callers get 401,
 * readers 403, unknown actors 400; a pending event or commitment is absent from the counts, the
 * commitments tracker and the export; once a reviewer accepts it, it is published like an
 * extracted record (claims asserted by the contributor, its cited source as evidence); a rejected
 * one stays out for good. Each step is in the audit log.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { webPages } from '../../src/web/routes.ts';
import { bearerFor } from '../support/accounts.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';
import { exportedText } from '../support/exported-text.ts';

const HOST = { host: '127.0.0.1' };
const body = <T = unknown>(response: LightMyRequestResponse): T => JSON.parse(response.body) as T;

const EVENT = {
  kind: 'dialogue_round',
  title: 'Quixotic dialogue round Senegal–Spain',
  date: '2025-02-11',
  place: 'Dakar',
  participants: ['SN', 'ES'],
  source: {
    kind: 'url',
    url: 'https://www.example.sn/quixotic-round',
    quote: 'Senegal and Spain held the Quixotic dialogue round in Dakar on 11 February 2025.',
  },
};
const COMMITMENT = {
  text: 'Spain will fund two Quixotic vocational centres in Senegal by 2027.',
  owners: ['ES'],
  deadline: '2027',
  topics: ['legal_migration'],
  source: {
    kind: 'url',
    url: 'https://www.example.es/quixotic-centres',
    quote: 'Spain will fund two Quixotic vocational centres in Senegal by 2027.',
  },
};

interface Contribution {
  id: string;
  kind: string;
  state: string;
  recordId: string | null;
  instrumentId: string | null;
}

for (const engine of ENGINES) {
  void describe(`contributed events and commitments over HTTP (${engine})`, () => {
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
      headers: Record<string, string> = {},
      json?: unknown,
    ) =>
      app.inject({
        method,
        url,
        headers: {
          ...HOST,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(json === undefined ? {} : { payload: JSON.stringify(json) }),
      });
    const stats = async () => body<{ events: number; statements: number }>(await call('GET', '/api/stats'));
    const trackerTexts = async () => {
      const response = await call('GET', '/api/commitments');
      assert.equal(response.statusCode, 200, response.body);
      return body<{ commitments: { text: string }[] }>(response).commitments.map((c) => c.text);
    };
    const exported = (): Promise<string> => exportedText(atlas.store, dir);

    before(async () => {
      opened = await openTestAtlas(engine);
      atlas = opened.atlas;
      dir = await mkdtemp(join(tmpdir(), 'mda-contrib-ev-'));
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

    void it('refuses anonymous callers (401), readers (403) and unknown actors or kinds (400)', async () => {
      for (const [path, json] of [
        ['/api/contributions/events', EVENT],
        ['/api/contributions/commitments', COMMITMENT],
      ] as const) {
        assert.equal((await call('POST', path, {}, json)).statusCode, 401);
        assert.equal((await call('POST', path, reader.headers, json)).statusCode, 403);
      }
      const unknown = await call('POST', '/api/contributions/events', contributor.headers, {
        ...EVENT,
        participants: ['SN', 'XQ'],
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /participants\.1/);
      const badKind = await call('POST', '/api/contributions/events', contributor.headers, {
        ...EVENT,
        kind: 'party',
      });
      assert.equal(badKind.statusCode, 400);
      const noOwner = await call('POST', '/api/contributions/commitments', contributor.headers, {
        ...COMMITMENT,
        owners: [],
      });
      assert.equal(noOwner.statusCode, 400);
      assert.match(noOwner.body, /owners/);
    });

    void it('keeps a pending event and commitment unpublished; a reviewer publishes them with their source', async () => {
      const before = await stats();
      const event = await call('POST', '/api/contributions/events', contributor.headers, EVENT);
      assert.equal(event.statusCode, 201, event.body);
      const commitment = await call(
        'POST',
        '/api/contributions/commitments',
        contributor.headers,
        COMMITMENT,
      );
      assert.equal(commitment.statusCode, 201, commitment.body);
      const pendingEvent = body<Contribution>(event);
      const pendingCommitment = body<Contribution>(commitment);
      assert.equal(pendingEvent.kind, 'event');
      assert.equal(pendingEvent.state, 'pending');
      assert.equal(pendingEvent.recordId, null);
      assert.equal(pendingCommitment.kind, 'commitment');

      // Pending: nowhere to be seen.
      assert.deepEqual(await stats(), before);
      assert.ok(!(await trackerTexts()).includes(COMMITMENT.text));
      assert.doesNotMatch(await exported(), /Quixotic/);

      const acceptedEvent = await call(
        'POST',
        `/api/contributions/${pendingEvent.id}/accept`,
        reviewer.headers,
      );
      assert.equal(acceptedEvent.statusCode, 200, acceptedEvent.body);
      assert.equal(body<Contribution>(acceptedEvent).recordId, `ev_${pendingEvent.id}`);
      assert.equal(body<Contribution>(acceptedEvent).instrumentId, null);
      const acceptedCommitment = await call(
        'POST',
        `/api/contributions/${pendingCommitment.id}/accept`,
        reviewer.headers,
      );
      assert.equal(acceptedCommitment.statusCode, 200, acceptedCommitment.body);
      const commitmentId = body<Contribution>(acceptedCommitment).recordId ?? '';
      assert.equal(commitmentId, `st_${pendingCommitment.id}`);

      const after = await stats();
      assert.equal(after.events, before.events + 1);
      assert.equal(after.statements, before.statements + 1);
      assert.ok((await trackerTexts()).includes(COMMITMENT.text));
      const tracker = body<{
        commitments: { id: string; status: string; owners: string[]; source: { quote: string } }[];
      }>(await call('GET', '/api/commitments'));
      const one = tracker.commitments.find((c) => c.id === commitmentId);
      assert.ok(one !== undefined, 'the commitment is in the tracker');
      assert.equal(one.status, 'open');
      assert.deepEqual(one.owners, ['ES']);
      assert.equal(one.source.quote, COMMITMENT.source.quote);
      // The claims name the contributor, verified; the export now carries the records.
      const claims = await atlas.db
        .selectFrom('claims')
        .select(['subject_kind', 'property', 'asserted_by', 'review_state'])
        .where('subject_id', '=', `ev_${pendingEvent.id}`)
        .execute();
      assert.deepEqual(claims.map((c) => c.property).sort(), [
        'date',
        'party',
        'party',
        'place',
        'title',
        'type',
      ]);
      assert.ok(
        claims.every((c) => c.asserted_by === `user:${contributor.userId}` && c.review_state === 'confirmed'),
      );
      const text = await exported();
      assert.match(text, /Quixotic dialogue round/);
      assert.match(text, /Quixotic vocational centres/);
      const history = await atlas.store.people.history(
        { subjectKind: 'event', subjectId: `ev_${pendingEvent.id}` },
        { limit: 5, offset: 0 },
      );
      assert.equal(history.items[0]?.action, 'event.contributed');
      assert.equal(history.items[0]?.actor, `user:${reviewer.userId}`);
      const again = await call('POST', `/api/contributions/${pendingEvent.id}/accept`, reviewer.headers);
      assert.equal(again.statusCode, 409);
    });

    void it('a rejected commitment is never published', async () => {
      const made = await call('POST', '/api/contributions/commitments', contributor.headers, {
        ...COMMITMENT,
        text: 'Spain will open a Zephyrine visa office.',
      });
      const id = body<Contribution>(made).id;
      const before = await stats();
      const rejected = await call('POST', `/api/contributions/${id}/reject`, reviewer.headers, {
        reason: 'the page says nothing of it',
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.equal(body<Contribution>(rejected).state, 'rejected');
      assert.deepEqual(await stats(), before);
      assert.doesNotMatch(await exported(), /Zephyrine/);
    });
  });
}
