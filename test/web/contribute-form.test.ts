/**
 * The contribution page's forms over real HTTP (SQLite file and PostgreSQL): a contributor's event
 * and commitment go through the same contribution flow as the API (pending, the contributor as
 * actor, checked against the taxonomy); a reader gets 403, a form without the CSRF token is refused,
 * an anonymous visitor is sent to sign in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { webPages } from '../../src/web/routes.ts';
import { addTestUser, TEST_PASSWORD } from '../support/accounts.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

const HOST = { host: '127.0.0.1' };

for (const engine of ENGINES) {
  void describe(`contribution forms (${engine})`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    let atlas: OpenAtlas;
    let app: FastifyInstance;

    const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, form?: string) =>
      app.inject({
        method,
        url,
        headers: {
          ...HOST,
          ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
          ...headers,
        },
        ...(form === undefined ? {} : { payload: form }),
      });
    const session = async (role: 'reader' | 'contributor') => {
      const user = await addTestUser(atlas.store, role, { password: true });
      const response: LightMyRequestResponse = await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { ...HOST, 'content-type': 'application/json' },
        payload: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
      });
      const cookie = /mda_session=[^;]+/.exec(String(response.headers['set-cookie']))?.[0] ?? '';
      const csrf = (JSON.parse(response.body) as { csrfToken: string }).csrfToken;
      return { cookie, csrf, userId: user.id };
    };

    before(async () => {
      opened = await openTestAtlas(engine);
      atlas = opened.atlas;
      app = await buildServer({ store: atlas.store, pages: webPages, log: { level: 'silent' } });
    });
    after(async () => {
      await app.close();
      await opened.dispose();
    });

    void it('stores a contributor’s event and commitment as pending; refuses readers, forgeries and strangers', async () => {
      assert.match(String((await call('GET', '/contribute')).headers.location), /^\/sign-in/);
      const reader = await session('reader');
      assert.equal((await call('GET', '/contribute', { cookie: reader.cookie })).statusCode, 403);
      const contributor = await session('contributor');
      const page = await call('GET', '/contribute?lang=fr', { cookie: contributor.cookie });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ajouter un événement ou un engagement/);

      const event = new URLSearchParams({
        _csrf: contributor.csrf,
        kind: 'visit',
        title: 'Ministerial visit to Nouakchott',
        date: '2025-04',
        place: 'Nouakchott',
        participants: 'es, MR',
        url: 'https://www.example.es/visita',
        quote: 'The Spanish minister visited Nouakchott in April 2025.',
      }).toString();
      assert.equal(
        (await call('POST', '/contribute/event', { cookie: reader.cookie }, `${event}`)).statusCode,
        403,
      );
      const forged = event.replace(/_csrf=[^&]*&/, '');
      assert.equal(
        (await call('POST', '/contribute/event', { cookie: contributor.cookie }, forged)).statusCode,
        403,
      );
      const sent = await call('POST', '/contribute/event', { cookie: contributor.cookie }, event);
      assert.equal(sent.statusCode, 303, sent.body);
      assert.equal(sent.headers.location, '/contribute?sent=1');

      const commitment = new URLSearchParams({
        _csrf: contributor.csrf,
        text: 'Mauritania will open two border posts by 2026.',
        owners: 'MR',
        deadline: '2026',
        topics: 'border_management',
        url: 'https://www.example.mr/postes',
        quote: 'Mauritania will open two border posts by 2026.',
      }).toString();
      assert.equal(
        (await call('POST', '/contribute/commitment', { cookie: contributor.cookie }, commitment)).statusCode,
        303,
      );
      const badOwner = commitment.replace('owners=MR', 'owners=XQ');
      const refused = await call('POST', '/contribute/commitment', { cookie: contributor.cookie }, badOwner);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /XQ/);

      const pending = await atlas.store.contributions.list('pending', { limit: 10, offset: 0 });
      assert.deepEqual(pending.items.map((c) => c.kind).sort(), ['commitment', 'event']);
      assert.ok(pending.items.every((c) => c.assertedBy === `user:${contributor.userId}`));
      const storedEvent = pending.items.find((c) => c.kind === 'event')?.record as { participants: string[] };
      assert.deepEqual(storedEvent.participants, ['ES', 'MR']);
      assert.equal((await atlas.store.stats()).events, 0, 'nothing published before review');
    });
  });
}
