/**
 * Restricted records over HTTP, on a real server on each engine: an admin restricts a corpus
 * document (PUT /api/documents/:id/restriction); for the public and for another organisation it
 * then does not exist: 404 with the not-found envelope on the API, the web pages (evidence viewer)
 * and the citation download, and its id is absent from every list, search, CSV and JSON export,
 * analysis, report, briefing pack and watch feed, while a member of its organisation and the admin
 * still see it all. Counts (stats, network, timeline) shrink for the others. Who may restrict:
 * admins and reviewers of the organisation only; every change is in the audit log.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseWatch } from '../../src/analysis/watches.ts';
import type { Role } from '../../src/domain/people.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { bearerFor, sessionFor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { startTestAtlas, type TestAtlas } from './fixture.ts';

type Headers = Record<string, string>;

/** A user of `role` in `organisation`, with an API token. */
async function memberToken(store: AtlasStore, role: Role, organisation: string) {
  const user = await store.people.addUser(
    {
      email: `${role}-${organisation}-${Math.random().toString(36).slice(2)}@example.org`,
      name: role,
      role,
      organisationId: organisation,
    },
    'cli',
  );
  const { token } = await store.people.createToken(
    user.id,
    'test',
    role === 'reader' ? 'read' : 'review',
    'cli',
  );
  return { headers: { authorization: `Bearer ${token}` }, token, userId: user.id };
}

async function get(base: string, path: string, headers: Headers = {}) {
  const response = await fetch(base + path, { headers });
  return { status: response.status, text: await response.text() };
}

async function put(base: string, path: string, body: unknown, headers: Headers) {
  const response = await fetch(base + path, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const SECRET =
  'Confidential note\n\nOn 3 May 2024, Italy and Tunisia signed a memorandum of understanding on the readmission of irregular migrants, under the Zephyrine arrangement.';

/** Outputs that list records with their evidence: the restricted document's id must not be in them. */
const LISTS = (country: string, question: string) => [
  '/api/documents?limit=100',
  '/api/instruments?limit=100',
  '/api/instruments?limit=100&format=csv',
  '/api/search?q=migration&limit=100',
  '/api/search?q=migration&limit=100&format=csv',
  '/api/search?q=Zephyrine',
  `/api/compare?question=${encodeURIComponent(question)}`,
  `/api/reports/compare?format=md&questions=${encodeURIComponent(question)}`,
  `/api/coordination/${country}`,
  '/api/conditionality',
  '/api/conditionality?format=csv',
  '/api/commitments',
  '/api/commitments?format=csv',
  '/api/indicators',
  '/api/watches/hits',
  `/api/countries/${country}`,
  `/api/countries/${country}/brief`,
  '/documents',
  '/search?q=migration',
  `/countries/${country}/brief`,
  '/analyses/commitments',
];

for (const engine of testEngines()) {
  void describe(`restricted records over HTTP (${engine})`, () => {
    let atlas: TestAtlas;
    let work: string;
    before(async () => {
      atlas = await startTestAtlas({ workers: 0 }, engine);
      work = await mkdtemp(join(tmpdir(), 'mda-restricted-http-'));
    });
    after(async () => {
      await atlas.close();
      await rm(work, { recursive: true, force: true });
    });

    void test('a restricted document and what comes from it exist only for its organisation', async () => {
      const base = atlas.url;
      const store = atlas.served.store;
      const interior = await store.people.addOrganisation('Interior ministry', 'cli');
      const research = await store.people.addOrganisation('Research team', 'cli');
      // An admin's token acts as a reviewer at most (its scope): the admin restricts from a session.
      const admin = await bearerFor(store, 'admin');
      const adminSession = await sessionFor(store, base, 'admin');
      const asAdmin = { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrf };
      const member = await memberToken(store, 'reader', interior.id);
      const outsider = await memberToken(store, 'reviewer', research.id);
      const insider = await memberToken(store, 'reviewer', interior.id);
      // Watches of both organisations' users, then a document that matches them.
      for (const [id, owner] of [
        ['tn-member', member.userId],
        ['tn-outsider', outsider.userId],
      ] as const) {
        await store.analyses.addWatch(parseWatch({ id, name: 'Tunisia', country: 'TN' }), 'cli', owner);
      }
      await writeFile(join(work, 'secret.en.txt'), SECRET);
      const secret = await ingestFile(join(work, 'secret.en.txt'), store);
      assert.equal(secret.status, 'added');

      // The corpus document that the most outputs cite, as the admin sees them.
      const tracker = JSON.parse((await get(base, '/api/commitments', admin.headers)).text) as {
        commitments: { documentId: string }[];
      };
      const cited = tracker.commitments[0]?.documentId;
      assert.ok(cited, 'the corpus has commitments');
      const positions = JSON.parse((await get(base, '/api/compare', admin.headers)).text) as {
        questions?: { question: string }[];
      };
      const question = positions.questions?.[0]?.question ?? 'return';
      const country = 'ML';
      const restricted = [cited, secret.documentId ?? ''];

      const seenBefore = new Map<string, string>();
      for (const path of LISTS(country, question)) {
        const answer = await get(base, path, {});
        assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 200)}`);
        seenBefore.set(path, answer.text);
      }
      const statsBefore = JSON.parse((await get(base, '/api/stats')).text) as Record<string, number>;

      for (const id of restricted) {
        const refused = await put(
          base,
          `/api/documents/${id}/restriction`,
          { organisation: interior.id },
          outsider.headers,
        );
        assert.equal(refused.status, 403, JSON.stringify(refused.body));
        const done = await put(
          base,
          `/api/documents/${id}/restriction`,
          { organisation: interior.id, reason: 'confidential arrangement' },
          asAdmin,
        );
        assert.equal(done.status, 200, JSON.stringify(done.body));
        assert.equal(done.body.restrictedTo, interior.id);
      }

      // 404, the error envelope's not-found, on the API, the pages and the download.
      for (const headers of [{}, outsider.headers] as Headers[]) {
        for (const path of [
          `/api/documents/${cited}`,
          `/api/documents/${cited}/citation`,
          `/api/documents/${cited}/source-history`,
          `/api/documents/${cited}/consistency`,
          `/documents/${cited}`,
          `/documents/${cited}?start=0&end=10`,
        ]) {
          const answer = await get(base, path, headers);
          assert.equal(answer.status, 404, `${path}: ${answer.status}`);
          if (path.startsWith('/api/')) {
            assert.equal((JSON.parse(answer.text) as { error: { code: string } }).error.code, 'not_found');
          }
        }
        const secretInstrument = JSON.parse(
          (await get(base, `/api/instruments?document=${secret.documentId}&limit=5`, admin.headers)).text,
        ) as { items: { id: string }[] };
        const hidden = secretInstrument.items[0]?.id;
        assert.ok(hidden, 'the admin sees the instrument of the restricted document');
        assert.equal((await get(base, `/api/instruments/${hidden}`, headers)).status, 404);
        assert.equal((await get(base, `/instruments/${hidden}`, headers)).status, 404);
        // Changing what one cannot see: not found too.
        if ('authorization' in headers) {
          const blind = await put(
            base,
            `/api/documents/${cited}/restriction`,
            { organisation: null },
            headers,
          );
          assert.equal(blind.status, 404);
        }
      }

      // Absent from every list, search, export, analysis, report and brief for the others.
      let cutOff = 0;
      for (const path of LISTS(country, question)) {
        const before = seenBefore.get(path) ?? '';
        const wasThere = restricted.some((id) => before.includes(id)) || before.includes('Zephyrine');
        if (wasThere) cutOff += 1;
        for (const headers of [{}, outsider.headers] as Headers[]) {
          const answer = await get(base, path, headers);
          assert.equal(answer.status, 200, path);
          for (const id of restricted) assert.equal(answer.text.includes(id), false, `${path} shows ${id}`);
          assert.equal(answer.text.includes('Zephyrine'), false, `${path} shows the restricted text`);
        }
        for (const headers of [member.headers, admin.headers]) {
          const answer = await get(base, path, headers);
          for (const id of restricted) {
            assert.equal(
              answer.text.includes(id),
              before.includes(id),
              `${path}: ${id} for those who may see it`,
            );
          }
        }
      }
      assert.ok(cutOff >= 12, `the restricted documents were in only ${cutOff} outputs before`);

      // Those who may see it get its page, with the badge in their language.
      for (const [lang, words] of [
        ['en', 'Restricted to'],
        ['fr', 'Réservé à'],
      ] as const) {
        const page = await get(base, `/documents/${cited}?lang=${lang}`, member.headers);
        assert.equal(page.status, 200);
        assert.ok(page.text.includes(`${words} ${interior.id}`), `${lang} badge`);
      }

      // Counts shrink for the others, not for the organisation.
      const statsAfter = JSON.parse((await get(base, '/api/stats')).text) as Record<string, number>;
      assert.equal(statsAfter.documents, (statsBefore.documents ?? 0) - 2);
      assert.ok((statsAfter.claims ?? 0) < (statsBefore.claims ?? 0));
      assert.deepEqual(JSON.parse((await get(base, '/api/stats', member.headers)).text), statsBefore);
      const network = async (headers: Headers) =>
        (
          JSON.parse((await get(base, '/api/network', headers)).text) as { nodes: { id: string }[] }
        ).nodes.map((n) => n.id);
      assert.equal((await network({})).includes('TN'), false);
      assert.equal((await network(member.headers)).includes('TN'), true);

      // Watch feeds: the member's hit is there, the outsider's is not.
      const feed = async (token: string) => (await get(base, `/api/feeds/watches.atom?token=${token}`)).text;
      assert.ok((await feed(member.token)).includes('Tunisia'));
      assert.equal((await feed(outsider.token)).includes('Tunisia'), false);

      // Review and curation: another organisation's reviewer finds nothing of it in the queue, and
      // deciding on one of its facts or merging its instrument is "not found"; a member reviews it.
      const queue = async (headers: Headers) =>
        JSON.parse(
          (await get(base, `/api/review/queue?document=${secret.documentId}&limit=100`, headers)).text,
        ) as { items: { id: number }[]; total: number };
      const insiderQueue = await queue(insider.headers);
      assert.ok(insiderQueue.total > 0, 'the member reviewer has the restricted facts to review');
      assert.equal((await queue(outsider.headers)).total, 0);
      const fact = insiderQueue.items[0]?.id ?? 0;
      const post = async (path: string, body: unknown, headers: Headers) =>
        (
          await fetch(base + path, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status;
      assert.equal(await post(`/api/review/claims/${fact}`, { decision: 'accept' }, outsider.headers), 404);
      const secretInstruments = JSON.parse(
        (await get(base, `/api/instruments?document=${secret.documentId}&limit=5`, admin.headers)).text,
      ) as { items: { id: string }[] };
      const visibleOne = JSON.parse((await get(base, '/api/instruments?limit=1')).text) as {
        items: { id: string }[];
      };
      const [hiddenOne, publicOne] = [secretInstruments.items[0]?.id, visibleOne.items[0]?.id];
      assert.ok(hiddenOne !== undefined && publicOne !== undefined);
      for (const [from, into] of [
        [hiddenOne, publicOne],
        [publicOne, hiddenOne],
      ]) {
        const merged = await post(
          `/api/instruments/${from}/merge`,
          { into, reason: 'same instrument' },
          outsider.headers,
        );
        assert.equal(merged, 404, `merging ${from} into ${into} across the restriction`);
      }
      assert.equal(await post(`/api/review/claims/${fact}`, { decision: 'accept' }, insider.headers), 200);
      assert.equal((await get(base, `/api/instruments/${publicOne}`)).status, 200, 'nothing was merged');

      // A reviewer of the organisation lifts its restriction; the audit log has both changes.
      const lifted = await put(
        base,
        `/api/documents/${cited}/restriction`,
        { organisation: null, reason: 'published' },
        insider.headers,
      );
      assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
      assert.equal((await get(base, `/api/documents/${cited}`)).status, 200);
      const history = await store.people.history(
        { subjectKind: 'document', subjectId: cited },
        { limit: 10, offset: 0 },
      );
      assert.deepEqual(
        history.items.map((c) => [c.action, c.actor, c.reason]),
        [
          ['document.restrict', `user:${adminSession.userId}`, 'confidential arrangement'],
          ['document.unrestrict', `user:${insider.userId}`, 'published'],
        ],
      );
    });
  });
}
