/**
 * Merge and split in a real browser (Debian's Chromium through playwright-core) against the real
 * server on a real database file: a reader sees no merge panel; a reviewer signs in, opens one of
 * two duplicates, merges it into the other with a reason (the form carries the session's CSRF
 * token), lands on the kept instrument, and the old address then leads there; the merge is in the
 * kept record's list of merged instruments and in the audit log with the reviewer as actor. Then
 * the reviewer ticks the facts of the other document and splits them back into a new instrument.
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

const SIGNED =
  'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.';
const CONCLUDED =
  'Statement\n\nSpain and Mauritania concluded a memorandum of understanding on migration cooperation in March 2025.';
const KEEP_TITLE = 'Memorandum of understanding Spain–Mauritania on return and readmission';
const DUPLICATE_TITLE = 'Memorandum of understanding Spain–Mauritania';

let atlas: TestAtlas & { dir: string };
let browser: Browser;
let page: Page;
let reviewer: { id: string; email: string };
let keep: string;
let duplicate: string;
let concludedDoc: string;

before(
  async () => {
    atlas = await startTestAtlas({ ingestCorpus: false });
    const store = atlas.served.store;
    for (const [name, text] of [
      ['signed.en.txt', SIGNED],
      ['concluded.en.txt', CONCLUDED],
    ] as const) {
      await writeFile(join(atlas.dir, name), text);
      const result = await ingestFile(join(atlas.dir, name), store);
      if (name === 'concluded.en.txt') concludedDoc = result.documentId ?? '';
    }
    const list = (await store.listInstruments({}, { limit: 100, offset: 0 })).items;
    keep = list.find((i) => i.title === KEEP_TITLE)?.id ?? '';
    duplicate = list.find((i) => i.title === DUPLICATE_TITLE)?.id ?? '';
    assert.ok(keep !== '' && duplicate !== '', list.map((i) => i.title).join(' | '));
    reviewer = await addTestUser(store, 'reviewer', { name: 'Mona Merger', password: true });
    browser = await openBrowser();
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    ).newPage();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await atlas?.close();
});

void test('a reviewer merges two duplicates in the browser; the old address leads to the kept one; then splits', async () => {
  const store = atlas.served.store;
  await page.goto(`${atlas.url}/instruments/${duplicate}?lang=en`);
  assert.equal(await page.locator('form.merge-form').count(), 0, 'no merge form for an anonymous reader');

  await page.goto(`${atlas.url}/sign-in?next=${encodeURIComponent(`/instruments/${duplicate}`)}`);
  await page.fill('#si-email', reviewer.email);
  await page.fill('#si-password', TEST_PASSWORD);
  await Promise.all([
    page.waitForURL(new RegExp(`/instruments/${duplicate}$`)),
    page.click('form.sign-in button[type=submit]'),
  ]);
  assert.match(await page.locator('#curation-title').innerText(), /Merge or split/);
  const offered = await page
    .locator('#merge-candidates option')
    .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  assert.ok(offered.includes(keep), 'the other memorandum is offered');
  assert.ok(!offered.includes(duplicate), 'not the instrument itself');

  await page.fill('#merge-into', keep);
  await page.fill('#merge-reason', 'the same memorandum, reported twice');
  await Promise.all([
    page.waitForURL(new RegExp(`/instruments/${keep}$`)),
    page.click('form.merge-form button[type=submit]'),
  ]);
  assert.match(await page.locator('h1').first().innerText(), /on return and readmission/);
  assert.match(await page.locator('section.merged-here').innerText(), new RegExp(duplicate));

  // The old address now leads to the kept instrument.
  const response = await page.goto(`${atlas.url}/instruments/${duplicate}?lang=fr`);
  assert.equal(new URL(page.url()).pathname, `/instruments/${keep}`);
  assert.equal(response?.status(), 200);
  assert.match(await page.locator('#curation-title').innerText(), /Fusionner ou scinder/);
  assert.equal(await store.curation.redirect(duplicate), keep);
  const audit = await store.people.history(
    { subjectKind: 'instrument', subjectId: duplicate },
    { limit: 10, offset: 0 },
  );
  const entry = audit.items.find((c) => c.action === 'instrument.merge');
  assert.equal(entry?.actor, `user:${reviewer.id}`, 'the actor is the signed-in reviewer');
  assert.equal(entry?.reason, 'the same memorandum, reported twice');

  // Split: tick the facts read from the second document.
  const concluded = (await store.getInstrument(keep)).claims.filter(
    (c) => c.evidence.documentId === concludedDoc,
  );
  await page.goto(`${atlas.url}/instruments/${keep}?lang=en`);
  for (const claim of concluded) await page.check(`#split-${claim.id}`);
  await page.fill('#split-reason', 'two memoranda after all');
  await Promise.all([page.waitForLoadState(), page.click('form.split-form button[type=submit]')]);
  const created = decodeURIComponent(new URL(page.url()).pathname.replace('/instruments/', ''));
  assert.notEqual(created, keep);
  const detail = await store.getInstrument(created);
  assert.equal(detail.title, DUPLICATE_TITLE);
  assert.deepEqual(
    detail.claims.map((c) => c.id).sort((a, b) => a - b),
    concluded.map((c) => c.id).sort((a, b) => a - b),
  );
});
