/**
 * Invitations in a real browser (Debian's Chromium through playwright-core) against the real server
 * on a real database file: an admin signs in, opens the invitation page from the menu, invites a
 * contributor of an organisation and reads the one-time link on the page; in another browser the
 * invitee opens the link, chooses a name and a password, and lands signed in with that role; the
 * link then no longer works.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { TEST_PASSWORD, addTestUser } from '../support/accounts.ts';

let atlas: TestAtlas & { dir: string };
let browser: Browser;
let admin: { email: string };
let organisation: string;

before(
  async () => {
    atlas = await startTestAtlas({ ingestCorpus: false });
    admin = await addTestUser(atlas.served.store, 'admin', { name: 'Ada Admin', password: true });
    organisation = (await atlas.served.store.people.addOrganisation('Ministère de l’Intérieur', 'cli')).id;
    browser = await openBrowser();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await atlas?.close();
});

void test('an admin invites a contributor; the invitee accepts through the link and is signed in', async () => {
  const adminPage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await adminPage.goto(`${atlas.url}/sign-in?next=/`);
  await adminPage.fill('#si-email', admin.email);
  await adminPage.fill('#si-password', TEST_PASSWORD);
  await Promise.all([
    adminPage.waitForURL(`${atlas.url}/`),
    adminPage.click('form.sign-in button[type=submit]'),
  ]);
  await Promise.all([adminPage.waitForURL(/\/invite$/), adminPage.click('nav a[href="/invite"]')]);
  assert.match(await adminPage.locator('h1').innerText(), /Inviter quelqu’un/);
  await adminPage.fill('#invite-email', 'invitee@example.org');
  await adminPage.selectOption('#invite-role', 'contributor');
  await adminPage.selectOption('#invite-organisation', organisation);
  await Promise.all([adminPage.waitForLoadState(), adminPage.click('form.invite-form button[type=submit]')]);
  const link = await adminPage.locator('#invite-link').inputValue();
  assert.match(link, /\/sign-in\/invitation\?token=mda_i_/);

  const invitee = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await invitee.goto(`${link}&lang=en`);
  assert.equal(await invitee.locator('#inv-email').inputValue(), 'invitee@example.org');
  await invitee.fill('#inv-name', 'Inès Invitee');
  await invitee.fill('#inv-password', 'my own long password');
  await Promise.all([invitee.waitForURL(`${atlas.url}/`), invitee.click('form.sign-in button[type=submit]')]);
  assert.match(await invitee.locator('.account').innerText(), /Inès Invitee/);
  assert.equal(await invitee.locator('nav a[href="/upload"]').count(), 1, 'a contributor may upload');
  const user = await atlas.served.store.people.findUserByEmail('invitee@example.org');
  assert.equal(user?.role, 'contributor');
  assert.equal(user?.organisationId, organisation);

  // The link works once.
  const again = await invitee.goto(link);
  assert.equal(again?.status(), 404);
});
