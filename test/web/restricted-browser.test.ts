/**
 * A restricted record in a real browser (Debian's Chromium through playwright-core) against the real
 * server on each engine: a document restricted to one organisation, and the instrument read from it,
 * are shown (the document with its "restricted to" badge, in both languages) to a signed-in
 * member of that organisation, and search finds its passage; signed in as a member of another organisation, or not signed in, the same
 * addresses answer 404 and search finds nothing of them.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { TEST_PASSWORD } from '../support/accounts.ts';
import { describeOnEachEngine } from '../support/engines.ts';

const SECRET =
  'Confidential note\n\nOn 3 May 2024, Italy and Tunisia signed a memorandum of understanding on the readmission of irregular migrants, known as the Quillwort arrangement.';

let browser: Browser;

before(async () => {
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
});

async function member(store: AtlasStore, organisationId: string, name: string) {
  return store.people.addUser(
    {
      email: `${name}-${Math.random().toString(36).slice(2)}@example.org`,
      name,
      role: 'reader',
      organisationId,
      password: TEST_PASSWORD,
    },
    'cli',
  );
}

/** A browser context signed in as `email` (through the sign-in form), or anonymous. */
async function signedIn(base: string, email?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  if (email === undefined) return context;
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?next=${encodeURIComponent('/')}`);
  await page.fill('#si-email', email);
  await page.fill('#si-password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.click('form.sign-in button[type=submit]')]);
  await page.close();
  return context;
}

describeOnEachEngine('a restricted record in the browser', (engine) => {
  let atlas: TestAtlas & { dir: string };
  before(async () => {
    atlas = await startTestAtlas({ ingestCorpus: false }, engine);
  });
  after(async () => {
    await atlas?.close();
  });

  void test('its organisation sees it with its badge; another organisation and the public get 404', async () => {
    const store = atlas.served.store;
    await writeFile(join(atlas.dir, 'secret.en.txt'), SECRET);
    const documentId = (await ingestFile(join(atlas.dir, 'secret.en.txt'), store)).documentId ?? '';
    const instrumentId =
      (await store.listInstruments({ documentId }, { limit: 5, offset: 0 })).items[0]?.id ?? '';
    assert.ok(documentId !== '' && instrumentId !== '', 'the note and its memorandum are stored');
    const interior = await store.people.addOrganisation('Interior ministry', 'cli');
    const research = await store.people.addOrganisation('Research team', 'cli');
    await store.restrictions.set('document', documentId, interior.id, 'cli', 'confidential arrangement');
    const insider = await member(store, interior.id, 'insider');
    const outsider = await member(store, research.id, 'outsider');

    const seen = await signedIn(atlas.url, insider.email);
    const page = await seen.newPage();
    const documentPage = await page.goto(`${atlas.url}/documents/${documentId}?lang=en`);
    assert.equal(documentPage?.status(), 200);
    assert.match(await page.locator('body').innerText(), new RegExp(`Restricted to ${interior.id}`));
    await page.goto(`${atlas.url}/documents/${documentId}?lang=fr`);
    assert.match(await page.locator('body').innerText(), new RegExp(`Réservé à ${interior.id}`));
    const instrumentPage = await page.goto(`${atlas.url}/instruments/${instrumentId}?lang=en`);
    assert.equal(instrumentPage?.status(), 200);
    assert.match(await page.locator('h1').first().innerText(), /Italy|Tunisia|Quillwort/);
    await page.goto(`${atlas.url}/search?q=Quillwort&lang=en`);
    const found = page.locator(`main a[href*="${documentId}"]`);
    assert.ok((await found.count()) > 0, 'search finds its passage');
    await seen.close();

    for (const email of [outsider.email, undefined]) {
      const context = await signedIn(atlas.url, email);
      const other = await context.newPage();
      for (const path of [`/documents/${documentId}`, `/instruments/${instrumentId}`]) {
        const response = await other.goto(`${atlas.url}${path}?lang=en`);
        assert.equal(response?.status(), 404, `${path} for ${email ?? 'the public'}`);
      }
      for (const path of ['/search?q=Quillwort&lang=en', '/search?lang=en', '/documents?lang=en']) {
        await other.goto(`${atlas.url}${path}`);
        const links = other.locator(`main a[href*="${instrumentId}"], main a[href*="${documentId}"]`);
        assert.equal(await links.count(), 0, `${path} for ${email ?? 'the public'}`);
      }
      await context.close();
    }
  });
});
