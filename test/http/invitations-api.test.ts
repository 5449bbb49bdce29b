/**
 * Invitations over HTTP, on both engines: no user → 401; a reader or a contributor who is no focal
 * point → 403; an admin invites anyone (the answer carries a one-time link whose token is stored
 * only hashed); the invitee sets a name and password through the link and is signed in with the
 * role given; the link works once. The focal point of an organisation names contributors of their
 * own organisation, and nothing more (no reviewer, no other organisation). An email that already
 * has an account cannot be invited (it would hand over that account). The web form does the same.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { secretHash } from '../../src/storage/people/secrets.ts';
import { webPages } from '../../src/web/routes.ts';
import { bearerFor, TEST_PASSWORD } from '../support/accounts.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';
import { injector } from './inject.ts';

const body = <T = unknown>(response: LightMyRequestResponse): T => JSON.parse(response.body) as T;

interface Made {
  id: string;
  email: string;
  role: string;
  organisationId: string | null;
  expiresAt: string;
  link: string;
}

for (const engine of ENGINES) {
  void describe(`invitations over HTTP (${engine})`, () => {
    let opened: Awaited<ReturnType<typeof openTestAtlas>>;
    let atlas: OpenAtlas;
    let app: FastifyInstance;
    let ministry: string;
    let agency: string;

    const call = injector(() => app);

    /** Signs a stored user in: the session cookie and its CSRF token as headers. */
    const signIn = async (email: string, password = TEST_PASSWORD) => {
      const response = await call('POST', '/api/session', { json: { email, password } });
      assert.equal(response.statusCode, 200, response.body);
      const cookie = /mda_session=[^;]+/.exec(String(response.headers['set-cookie']))?.[0] ?? '';
      const csrf = body<{ csrfToken: string }>(response).csrfToken;
      return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
    };
    const user = async (
      email: string,
      role: 'reader' | 'contributor' | 'reviewer' | 'admin',
      extra: { organisationId?: string; focalPoint?: boolean } = {},
    ) => {
      await atlas.store.people.addUser(
        { email, name: email, role, password: TEST_PASSWORD, ...extra },
        'cli',
      );
      return signIn(email);
    };
    const invite = (headers: Record<string, string>, json: unknown) =>
      call('POST', '/api/users/invitations', { headers, json });

    before(async () => {
      opened = await openTestAtlas(engine);
      atlas = opened.atlas;
      ministry = (await atlas.store.people.addOrganisation('Ministry of the Interior', 'cli')).id;
      agency = (await atlas.store.people.addOrganisation('Border Agency', 'cli')).id;
      app = await buildServer({ store: atlas.store, pages: webPages, log: { level: 'silent' } });
    });
    after(async () => {
      await app.close();
      await opened.dispose();
    });

    void it('refuses anonymous callers (401), readers and plain contributors (403)', async () => {
      const json = { email: 'new@example.org', role: 'contributor' };
      assert.equal((await call('POST', '/api/users/invitations', { json })).statusCode, 401);
      const reader = await bearerFor(atlas.store, 'reader');
      assert.equal((await invite(reader.headers, json)).statusCode, 403);
      const contributor = await user('plain@example.org', 'contributor', { organisationId: ministry });
      const refused = await invite(contributor.headers, json);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /focal point/);
      // The page too: a contributor who is no focal point gets 403, an anonymous visitor the sign-in form.
      assert.equal(
        (await call('GET', '/invite', { headers: { cookie: contributor.cookie } })).statusCode,
        403,
      );
      assert.match(String((await call('GET', '/invite')).headers.location), /^\/sign-in/);
    });

    void it('an admin invites; the invitee sets a password through the link once and is signed in', async () => {
      const admin = await user('admin@example.org', 'admin');
      const bad = await invite(admin.headers, { email: 'not an email', role: 'reviewer' });
      assert.equal(bad.statusCode, 400);
      const response = await invite(admin.headers, {
        email: 'Nadia@Example.org',
        role: 'reviewer',
        organisationId: agency,
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.headers['cache-control'], 'no-store');
      const made = body<Made>(response);
      assert.equal(made.email, 'nadia@example.org');
      assert.equal(made.role, 'reviewer');
      assert.equal(made.organisationId, agency);
      const link = new URL(made.link);
      assert.equal(link.pathname, '/sign-in/invitation');
      const token = link.searchParams.get('token') ?? '';
      assert.ok(Date.parse(made.expiresAt) > Date.now() + 6 * 24 * 3600 * 1000, 'valid about a week');
      // Stored hashed: the token itself is nowhere in the table.
      const rows = await atlas.db.selectFrom('invitations').selectAll().where('id', '=', made.id).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.token_hash, secretHash(token));
      assert.ok(!JSON.stringify(rows).includes(token));
      // The audit log names the admin as inviter.
      const audit = await atlas.store.people.history({ subjectId: made.id }, { limit: 5, offset: 0 });
      const adminUser = await atlas.store.people.findUserByEmail('admin@example.org');
      assert.equal(audit.items[0]?.actor, `user:${adminUser?.id}`);

      assert.equal((await call('GET', `${link.pathname}${link.search}`)).statusCode, 200);
      const accepted = await call('POST', '/api/invitations', {
        json: { token, name: 'Nadia Reviewer', password: 'another long password' },
      });
      assert.equal(accepted.statusCode, 201, accepted.body);
      const session = body<{
        user: { email: string; role: string; organisationId: string };
        csrfToken: string;
      }>(accepted);
      assert.equal(session.user.email, 'nadia@example.org');
      assert.equal(session.user.role, 'reviewer');
      assert.equal(session.user.organisationId, agency);
      assert.match(String(accepted.headers['set-cookie']), /mda_session=.+HttpOnly/);
      const again = await call('POST', '/api/invitations', {
        json: { token, name: 'Someone Else', password: 'a third long password' },
      });
      assert.equal(again.statusCode, 404, 'the link works once');
      assert.equal((await call('GET', `${link.pathname}${link.search}`)).statusCode, 404);
      const taken = await invite(admin.headers, { email: 'nadia@example.org', role: 'admin' });
      assert.equal(taken.statusCode, 409, 'an existing account is not invited again');
    });

    void it('a focal point names contributors of their own organisation, and nothing more', async () => {
      const focal = await user('focal@example.org', 'contributor', {
        organisationId: ministry,
        focalPoint: true,
      });
      const made = await invite(focal.headers, { email: 'colleague@example.org', role: 'contributor' });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(body<Made>(made).organisationId, ministry, 'their own organisation by default');
      const reviewer = await invite(focal.headers, { email: 'boss@example.org', role: 'reviewer' });
      assert.equal(reviewer.statusCode, 403);
      assert.match(reviewer.body, /focal point names contributors/);
      const elsewhere = await invite(focal.headers, {
        email: 'other@example.org',
        role: 'contributor',
        organisationId: agency,
      });
      assert.equal(elsewhere.statusCode, 403);
      assert.match(elsewhere.body, /own organisation/);
      // The admin's account cannot be taken over through an invitation.
      const takeover = await invite(focal.headers, { email: 'admin@example.org', role: 'contributor' });
      assert.equal(takeover.statusCode, 409);

      // The web form: the focal point sees their organisation only and contributor roles.
      const page = await call('GET', '/invite?lang=en', { headers: { cookie: focal.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`value="${ministry}"`));
      assert.doesNotMatch(page.body, new RegExp(`value="${agency}"`));
      assert.doesNotMatch(page.body, /value="reviewer"/);
      const posted = await call('POST', '/invite?lang=en', {
        headers: { cookie: focal.cookie },
        form: `email=web%40example.org&role=contributor&organisationId=${ministry}&_csrf=${encodeURIComponent(focal.csrf)}`,
      });
      assert.equal(posted.statusCode, 200, posted.body);
      assert.match(posted.body, /\/sign-in\/invitation\?token=mda_i_/);
      const forged = await call('POST', '/invite', {
        headers: { cookie: focal.cookie },
        form: `email=forged%40example.org&role=contributor`,
      });
      assert.equal(forged.statusCode, 403, 'no CSRF token, no invitation');
      const invitedByFocal = await atlas.db
        .selectFrom('invitations')
        .select('email')
        .where('organisation_id', '=', ministry)
        .orderBy('email')
        .execute();
      assert.deepEqual(
        invitedByFocal.map((r) => r.email),
        ['colleague@example.org', 'web@example.org'],
      );
    });
  });
}
