/**
 * Merge and split over HTTP, on both engines: anonymous callers get 401, readers 403 (by the API and
 * by the web form's URL alike), a session without its CSRF token is refused; a reviewer merges two
 * duplicates (the old id then answers 308 to the kept one, the audit log names the reviewer and
 * the reason), a second merge of the same id is a conflict, and a split moves the chosen claims to
 * a new instrument.
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
import { addTestUser, bearerFor, TEST_PASSWORD } from '../support/accounts.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';
import { injector } from './inject.ts';

/** Two sightings of one memorandum that the extractor files under two titles. */
const SIGNED =
  'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.';
const CONCLUDED =
  'Statement\n\nSpain and Mauritania concluded a memorandum of understanding on migration cooperation in March 2025.';
const KEEP_TITLE = 'Memorandum of understanding Spain–Mauritania on return and readmission';
const DUPLICATE_TITLE = 'Memorandum of understanding Spain–Mauritania';

const body = <T = unknown>(response: LightMyRequestResponse): T => JSON.parse(response.body) as T;

interface Instrument {
  id: string;
  title: string;
  claims: { id: number; property: string }[];
}

for (const engine of ENGINES) {
  void describe(`merge and split over HTTP (${engine})`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    let atlas: OpenAtlas;
    let app: FastifyInstance;
    let dir: string;
    let reviewer: Awaited<ReturnType<typeof bearerFor>>;
    let reader: Awaited<ReturnType<typeof bearerFor>>;
    let keep: string;
    let duplicate: string;
    let concludedDoc: string;

    const call = injector(() => app);

    /** A signed-in browser session of a new user of `role`: its cookie and CSRF token. */
    const session = async (role: 'reader' | 'reviewer') => {
      const user = await addTestUser(atlas.store, role, { password: true });
      const response = await call('POST', '/api/session', {
        json: { email: user.email, password: TEST_PASSWORD },
      });
      assert.equal(response.statusCode, 200, response.body);
      const cookie = /mda_session=[^;]+/.exec(String(response.headers['set-cookie']))?.[0] ?? '';
      return { cookie, csrf: body<{ csrfToken: string }>(response).csrfToken, userId: user.id };
    };

    before(async () => {
      opened = await openTestAtlas(engine);
      atlas = opened.atlas;
      dir = await mkdtemp(join(tmpdir(), 'mda-curation-http-'));
      for (const [name, text] of [
        ['signed.en.txt', SIGNED],
        ['concluded.en.txt', CONCLUDED],
      ] as const) {
        await writeFile(join(dir, name), text);
        const result = await ingestFile(join(dir, name), atlas.store);
        if (name === 'concluded.en.txt') concludedDoc = result.documentId ?? '';
      }
      const list = (await atlas.store.listInstruments({}, { limit: 100, offset: 0 })).items;
      keep = list.find((i) => i.title === KEEP_TITLE)?.id ?? '';
      duplicate = list.find((i) => i.title === DUPLICATE_TITLE)?.id ?? '';
      assert.ok(keep !== '' && duplicate !== '', list.map((i) => i.title).join(' | '));
      reviewer = await bearerFor(atlas.store, 'reviewer', 'Rita Reviewer');
      reader = await bearerFor(atlas.store, 'reader');
      app = await buildServer({ store: atlas.store, pages: webPages, log: { level: 'silent' } });
    });
    after(async () => {
      await app.close();
      await opened.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    void it('refuses a merge without a user (401), by a reader (403, API and form) and without the CSRF token', async () => {
      const json = { into: keep, reason: 'the same memorandum' };
      const path = `/api/instruments/${duplicate}/merge`;
      assert.equal((await call('POST', path, { json })).statusCode, 401);
      assert.equal((await call('POST', path, { json, headers: reader.headers })).statusCode, 403);
      const readerSession = await session('reader');
      const form = `into=${keep}&reason=same&_csrf=${encodeURIComponent(readerSession.csrf)}`;
      const byUrl = await call('POST', `/instruments/${duplicate}/merge`, {
        form,
        headers: { cookie: readerSession.cookie },
      });
      assert.equal(byUrl.statusCode, 403, 'a reader cannot reach the merge by its URL');
      assert.equal(
        (await call('POST', `/instruments/${duplicate}/merge`, { form: `into=${keep}&reason=same` }))
          .statusCode,
        401,
      );
      const reviewerSession = await session('reviewer');
      const forged = await call('POST', `/instruments/${duplicate}/merge`, {
        form: `into=${keep}&reason=same`,
        headers: { cookie: reviewerSession.cookie },
      });
      assert.equal(forged.statusCode, 403, 'no CSRF token, no merge');
      assert.match(forged.body, /anti-forgery/);
      // Nothing moved.
      assert.equal((await call('GET', `/api/instruments/${duplicate}`)).statusCode, 200);
    });

    void it('validates the body: a reason is required, ids must be instrument ids', async () => {
      const path = `/api/instruments/${duplicate}/merge`;
      const noReason = await call('POST', path, { json: { into: keep }, headers: reviewer.headers });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /reason/);
      const badId = await call('POST', path, {
        json: { into: 'DROP TABLE', reason: 'x' },
        headers: reviewer.headers,
      });
      assert.equal(badId.statusCode, 400);
      assert.match(badId.body, /instrument id/);
      const self = await call('POST', path, {
        json: { into: duplicate, reason: 'x' },
        headers: reviewer.headers,
      });
      assert.equal(self.statusCode, 400);
    });

    void it('a reviewer merges the duplicate: 308 from the old id, audit entry with actor and reason, 409 again', async () => {
      const duplicateClaims = body<Instrument>(await call('GET', `/api/instruments/${duplicate}`)).claims;
      const merged = await call('POST', `/api/instruments/${duplicate}/merge`, {
        json: { into: keep, reason: 'the same memorandum, reported twice' },
        headers: reviewer.headers,
      });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.deepEqual(body(merged), {
        kept: keep,
        merged: duplicate,
        claimsMoved: duplicateClaims.length,
        documents: 2,
      });
      const old = await call('GET', `/api/instruments/${duplicate}`);
      assert.equal(old.statusCode, 308);
      assert.equal(old.headers.location, `/api/instruments/${keep}`);
      const kept = body<Instrument>(await call('GET', `/api/instruments/${keep}`));
      for (const claim of duplicateClaims) {
        assert.ok(
          kept.claims.some((c) => c.id === claim.id),
          `claim ${claim.id} moved`,
        );
      }
      const audit = await atlas.store.people.history(
        { subjectKind: 'instrument', subjectId: duplicate },
        { limit: 10, offset: 0 },
      );
      const entry = audit.items.find((c) => c.action === 'instrument.merge');
      assert.equal(entry?.actor, `user:${reviewer.userId}`);
      assert.equal(entry?.reason, 'the same memorandum, reported twice');
      const again = await call('POST', `/api/instruments/${duplicate}/merge`, {
        json: { into: keep, reason: 'again' },
        headers: reviewer.headers,
      });
      assert.equal(again.statusCode, 409);
    });

    void it('a reviewer splits the merged claims back out into a new instrument (201)', async () => {
      const kept = body<Instrument>(await call('GET', `/api/instruments/${keep}`));
      // The claims read from the second document (its type and title among them).
      const concluded = (await atlas.store.getInstrument(keep)).claims.filter(
        (c) => c.evidence.documentId === concludedDoc,
      );
      assert.ok(concluded.some((c) => c.property === 'title'));
      const refused = await call('POST', `/api/instruments/${keep}/split`, {
        json: { claims: kept.claims.map((c) => c.id), reason: 'all' },
        headers: reviewer.headers,
      });
      assert.equal(refused.statusCode, 400, 'a split that leaves nothing is refused');
      const split = await call('POST', `/api/instruments/${keep}/split`, {
        json: { claims: concluded.map((c) => c.id), reason: 'two memoranda after all' },
        headers: reviewer.headers,
      });
      assert.equal(split.statusCode, 201, split.body);
      const result = body<{ source: string; created: string; claimsMoved: number }>(split);
      assert.equal(result.source, keep);
      const created = body<Instrument>(await call('GET', `/api/instruments/${result.created}`));
      assert.equal(created.title, DUPLICATE_TITLE);
      assert.deepEqual(
        created.claims.map((c) => c.id).sort((a, b) => a - b),
        concluded.map((c) => c.id).sort((a, b) => a - b),
      );
      const history = await atlas.store.people.history(
        { subjectKind: 'instrument', subjectId: result.created },
        { limit: 10, offset: 0 },
      );
      // Split back out, it gets the merged id again (the extractor's key is free once more).
      assert.equal(result.created, duplicate);
      const entry = history.items.find((c) => c.action === 'instrument.split');
      assert.equal(entry?.actor, `user:${reviewer.userId}`);
      assert.equal(entry?.reason, 'two memoranda after all');
    });
  });
}
