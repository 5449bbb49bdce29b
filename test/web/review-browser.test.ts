/**
 * Review in a real browser (Debian's Chromium through playwright-core) against the real server on
 * both engines (a SQLite file, a PostgreSQL database): the review page sends an anonymous visitor
 * to the sign-in form; a reviewer signs in, accepts one fact, corrects another (choosing the right type in words) and rejects a
 * third with a reason; the decisions are stored with the reviewer as actor, the corrected value wins
 * on the instrument page, its history shows the change in French; signing out ends the session.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { TEST_PASSWORD, addTestUser } from '../support/accounts.ts';
import { describeOnEachEngine } from '../support/engines.ts';

const MEMO = [
  'Joint communiqué',
  '',
  'On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.',
  '',
  'Italy and Tunisia launched a mobility partnership on labour migration in 2023.',
].join('\n');

let browser: Browser;

before(
  async () => {
    browser = await openBrowser();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
});

/** The claim ids of the review cards on the page, in order. */
async function cardIds(page: Page): Promise<number[]> {
  const ids = await page.locator('article.review-item').evaluateAll((els) => els.map((el) => el.id));
  return ids.map((id) => Number(id.replace('claim-', '')));
}

// On both engines: the review decisions are writes through the web forms, stored in one transaction
// each with the audit history, which is where the engines differ.
describeOnEachEngine('review in a browser', (engine) => {
  let atlas: TestAtlas & { dir: string };
  let page: Page;
  let reviewer: { id: string; email: string };

  before(
    async () => {
      atlas = await startTestAtlas({ ingestCorpus: false }, engine);
      await writeFile(join(atlas.dir, 'memo.en.txt'), MEMO);
      await ingestFile(join(atlas.dir, 'memo.en.txt'), atlas.served.store);
      reviewer = await addTestUser(atlas.served.store, 'reviewer', {
        name: 'Rosa Reviewer',
        password: true,
      });
      page = await (
        await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
      ).newPage();
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await page?.context().close();
    await atlas?.close();
  });

  void test('a reviewer signs in, accepts, corrects and rejects facts on the review page, then signs out', async () => {
    const review = atlas.served.store.review;
    await page.goto(`${atlas.url}/review?lang=en`);
    assert.match(new URL(page.url()).pathname, /^\/sign-in$/, 'an anonymous visitor is sent to sign in');
    await page.fill('#si-email', reviewer.email);
    await page.fill('#si-password', 'not the password');
    await Promise.all([page.waitForLoadState(), page.click('form.sign-in button[type=submit]')]);
    assert.match(await page.locator('.form-error').innerText(), /Unknown email or wrong password/);
    await page.fill('#si-password', TEST_PASSWORD);
    await Promise.all([page.waitForURL(/\/review/), page.click('form.sign-in button[type=submit]')]);
    assert.match(await page.locator('h1').innerText(), /Review of extracted facts/);
    assert.match(await page.locator('.account').innerText(), /Rosa Reviewer/);

    // Accept the first (least confident) fact.
    const first = (await cardIds(page))[0];
    assert.ok(first !== undefined);
    await Promise.all([page.waitForLoadState(), page.click(`#claim-${first} button[value=accept]`)]);
    assert.equal((await review.claim(first)).evidence.reviewState, 'confirmed');
    assert.ok(!(await cardIds(page)).includes(first), 'a decided fact leaves the queue');

    // Correct an instrument's type, chosen by its label.
    const typeCard = page
      .locator('article.review-item', {
        has: page.locator('select[name=value] option[value=readmission_agreement]'),
      })
      .first();
    const typeId = Number(((await typeCard.getAttribute('id')) ?? '').replace('claim-', ''));
    const typeClaim = await review.claim(typeId);
    await typeCard.locator('select[name=value]').selectOption('readmission_agreement');
    await typeCard.locator('input[name=reason]').fill('the text names a readmission agreement');
    await Promise.all([page.waitForLoadState(), typeCard.locator('button[value=correct]').click()]);
    assert.equal((await review.claim(typeId)).evidence.reviewState, 'superseded');
    const instrument = await atlas.served.store.getInstrument(typeClaim.subjectId);
    assert.equal(instrument.type, 'readmission_agreement', 'the corrected value wins');

    // Reject another fact with a reason.
    const third = (await cardIds(page))[0];
    assert.ok(third !== undefined);
    await page.fill(`#reason-${third}`, 'not what the sentence says');
    await Promise.all([page.waitForLoadState(), page.click(`#claim-${third} button[value=reject]`)]);
    const rejected = await review.claim(third);
    assert.equal(rejected.evidence.reviewState, 'rejected');
    assert.equal(rejected.reviewReason, 'not what the sentence says');

    // Each decision names the reviewer, never a typed name; the record's history says so in French.
    const history = await atlas.served.store.people.history(
      { subjectId: String(first) },
      { limit: 10, offset: 0 },
    );
    assert.equal(history.items[0]?.actor, `user:${reviewer.id}`);
    await page.goto(`${atlas.url}/instruments/${typeClaim.subjectId}?lang=fr`);
    const section = await page.locator('section.history').innerText();
    assert.match(section, /Historique/);
    assert.match(section, /Rosa Reviewer/);
    assert.match(section, /fait corrigé/);
    assert.match(section, /the text names a readmission agreement/);

    await page.goto(`${atlas.url}/review?lang=fr`);
    assert.match(await page.locator('h1').innerText(), /Révision des faits extraits/);
    await Promise.all([page.waitForURL(`${atlas.url}/`), page.click('form.account button[type=submit]')]);
    assert.match(await page.locator('a.account').innerText(), /Se connecter|Sign in/);
    const cookies = await page.context().cookies();
    assert.ok(!cookies.some((c) => c.name === 'mda_session' && c.value !== ''), 'the session cookie is gone');
    await page.goto(`${atlas.url}/review`);
    assert.match(new URL(page.url()).pathname, /^\/sign-in$/);
  });
});
