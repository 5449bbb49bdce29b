/**
 * Browser tests: Debian's Chromium driven by playwright-core against the real server (real
 * database with the corpus ingested). Opens every page, searches in French and English, switches
 * language, follows an evidence quote to its document, saves screenshots in
 * test-output/screenshots/, and fails if any request leaves 127.0.0.1/localhost.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');

let atlas: TestAtlas;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

before(
  async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    atlas = await startTestAtlas();
    browser = await openBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    page = await context.newPage();
    page.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (!['127.0.0.1', 'localhost'].includes(host) && !request.url().startsWith('data:')) {
        foreignRequests.push(request.url());
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  },
  { timeout: 180_000 },
); // ingestion on a busy 2-core machine; fail instead of hanging

after(async () => {
  await browser?.close();
  await atlas?.close();
});

async function open(path: string, screenshot: string): Promise<void> {
  const response = await page.goto(atlas.url + path);
  assert.equal(response?.status(), 200, `${path} answers 200`);
  await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`), fullPage: false });
}

void test('every page opens, in English, with no request leaving the machine', async () => {
  await open('/?lang=en', 'dashboard-en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const links = await page.locator('svg.map a').count();
  const shapes = await page.locator('svg.map path').count();
  assert.ok(links > 10 && links < shapes / 2, 'the map links only the countries with instruments');
  await open('/documents', 'documents');
  assert.equal(await page.locator('main table tbody tr').count(), 4);
  await open('/network', 'network');
  assert.ok((await page.locator('svg.network circle').count()) > 1);
  await open('/timeline', 'timeline');
  assert.ok((await page.locator('svg.timeline rect').count()) > 0);
  await open('/countries', 'countries');
  assert.ok((await page.locator('.country-index a').count()) > 150, 'every state is listed');
  await open('/countries/ML', 'country-mali');
  assert.match(await page.locator('h1').innerText(), /Mali/);
  await open('/search', 'search-empty');
});

void test('search in French and in English finds the same readmission instruments', async () => {
  const titles = async (query: string): Promise<string[]> => {
    await page.goto(`${atlas.url}/search`);
    await page.fill('main input[name="q"]', query);
    await Promise.all([page.waitForURL(/\/search\?/), page.click('main form button[type="submit"]')]);
    return page
      .locator(
        '#instrument-results ~ .results .result h3, section[aria-labelledby="instrument-results"] .result h3',
      )
      .allInnerTexts();
  };
  const french = await titles('réadmission');
  await page.screenshot({ path: join(SCREENSHOTS, 'search-fr.png') });
  const english = await titles('readmission');
  await page.screenshot({ path: join(SCREENSHOTS, 'search-en.png') });
  assert.ok(french.length > 0, 'réadmission finds instruments');
  assert.deepEqual(french, english);
  assert.ok((await page.locator('.passage mark').count()) > 0, 'passages have highlighted words');
});

void test('the language switch turns the interface to French and is remembered', async () => {
  await page.goto(`${atlas.url}/?lang=en`);
  await page.click('a.lang-switch');
  await page.waitForURL(/lang=fr/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  assert.match(await page.locator('nav').first().innerText(), /Recherche/);
  await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-fr.png') });
  await page.goto(`${atlas.url}/timeline`);
  assert.match(await page.locator('h1').innerText(), /Chronologie/, 'the cookie keeps French');
  await page.goto(`${atlas.url}/?lang=en`);
});

void test('keyboard: the skip link is the first focus stop and moves to the content', async () => {
  await page.goto(`${atlas.url}/`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  assert.equal(focused, 'skip-link');
  await page.keyboard.press('Enter');
  assert.match(page.url(), /#main$/);
});

void test('an evidence quote leads to its document with the span highlighted', async () => {
  await page.goto(`${atlas.url}/countries/ML`);
  await page.click('section[aria-labelledby="instruments"] .result h3 a >> nth=0');
  await page.waitForURL(/\/instruments\//);
  await page.screenshot({ path: join(SCREENSHOTS, 'instrument.png') });
  const link = page.locator('a.evidence-link').first();
  const target = await link.getAttribute('href');
  assert.match(target ?? '', /^\/documents\/[^#]+#span-\d+-\d+$/);
  await Promise.all([page.waitForURL(/\/documents\//), link.click()]);
  await page.waitForSelector('.doc-text .target');
  const highlighted = await page.locator('.doc-text .target').first().isVisible();
  assert.ok(highlighted, 'the quoted span is highlighted and visible');
  await page.screenshot({ path: join(SCREENSHOTS, 'document-span.png') });
});

void test('no request left 127.0.0.1 and no page raised a script error', () => {
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(pageErrors, []);
});
