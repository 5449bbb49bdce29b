/**
 * Issue 9 in Debian's Chromium (playwright-core) against the real server on the ingested corpus, in
 * French and in English: the pages this work touched fit a 390 px phone (passages opened), sortable
 * tables sort by a click on their header and say so, a filter chip removes its own filter only, and
 * the keyboard visits on the map only the countries (and the EU marker) with instruments.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';

const PHONE = 390;
const LANGS = ['fr', 'en'] as const;

let atlas: TestAtlas;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(
  async () => {
    atlas = await startTestAtlas();
    browser = await openBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await atlas?.close();
});

async function open(path: string, lang: string): Promise<void> {
  const response = await page.goto(`${atlas.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  assert.equal(response?.status(), 200, path);
}

void test(
  'the touched pages fit a 390 px screen, quotes’ passages opened',
  { timeout: 300_000 },
  async () => {
    const instruments = await getJson<{ items: { id: string }[] }>(
      atlas.url,
      '/api/instruments?country=ML&limit=3',
    );
    const documents = await getJson<{ items: { id: string }[] }>(atlas.url, '/api/documents?limit=2');
    const question = (await getJson<{ questions: { question: string }[] }>(atlas.url, '/api/compare')).body
      .questions[0]?.question;
    const paths = [
      '/',
      '/?view=world',
      '/search?q=migration&type=dialogue&country=ML',
      '/search?q=migration&poffset=10',
      '/timeline',
      '/network',
      '/countries/ML',
      '/analyses/compare',
      `/analyses/compare?question=${encodeURIComponent(question ?? '')}`,
      '/analyses/commitments',
      '/analyses/coordination?country=ML',
      ...instruments.body.items.map((i) => `/instruments/${i.id}`),
      ...documents.body.items.map((d) => `/documents/${d.id}?facts=all`),
    ];
    await page.setViewportSize({ width: PHONE, height: 800 });
    const failures: string[] = [];
    for (const lang of LANGS) {
      for (const path of paths) {
        await open(path, lang);
        // Every details element open: the passage around a quote must fit too.
        await page.evaluate(() => {
          for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
        });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE) failures.push(`${lang} ${path}: ${width} px`);
      }
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    assert.deepEqual(failures, []);
  },
);

void test('a sortable table sorts by the clicked column, both ways, and says so', async () => {
  for (const lang of LANGS) {
    await open('/analyses/compare', lang);
    const table = page.locator('table.sortable').first();
    const header = table.locator('thead th').nth(2);
    const button = header.locator('button.sort-button');
    assert.equal(await button.count(), 1, `${lang}: the header is a button`);
    const column = async () =>
      (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map((t) =>
        Number(t.replace(/\D/g, '')),
      );
    assert.ok((await column()).length > 3);
    await button.click();
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    const up = await column();
    assert.deepEqual(
      up,
      [...up].sort((a, b) => a - b),
    );
    await button.click();
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    const down = await column();
    assert.deepEqual(
      down,
      [...down].sort((a, b) => b - a),
    );
    assert.ok(down[0] !== down[down.length - 1], 'the column has different values');
    // The first question's text column sorts by the reader's alphabet.
    const questions = table.locator('thead th').nth(0);
    await questions.locator('button').click();
    const texts = await table.locator('tbody tr td:nth-child(1)').allTextContents();
    const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    const trimmed = texts.map((t) => t.trim());
    assert.deepEqual(trimmed, [...trimmed].sort(collator.compare));
  }
});

void test('a filter chip removes its own filter and keeps the others', async () => {
  for (const lang of LANGS) {
    await open('/search?q=migration&type=dialogue&country=ML', lang);
    assert.equal(await page.locator('.chips a.chip').count(), 3);
    await page.locator('.chips a.chip', { hasText: lang === 'fr' ? 'Pays' : 'Country' }).click();
    await page.waitForLoadState('domcontentloaded');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('country'), null, `${lang}: the country filter is gone`);
    assert.equal(url.searchParams.get('q'), 'migration');
    assert.equal(url.searchParams.get('type'), 'dialogue');
    assert.equal(await page.locator('.chips a.chip').count(), 2);
    assert.equal(await page.locator('select[name="country"]').inputValue(), '');
  }
});

void test('on the map the keyboard visits only countries with instruments', async () => {
  for (const lang of LANGS) {
    for (const view of ['europe-africa', 'world']) {
      await open(`/?view=${view}`, lang);
      const links = await page.locator('svg.map a').count();
      const idle = await page.locator('svg.map path.c0').count();
      assert.ok(links > 5 && idle > 50, `${lang} ${view}: ${links} links, ${idle} idle countries`);
      await page.locator('svg.map a').first().focus();
      const visited: string[] = [];
      for (let i = 0; i < links + 5; i++) {
        const label = await page.evaluate(() => {
          const active = document.activeElement;
          return active?.closest('svg.map') ? (active.getAttribute('aria-label') ?? '') : null;
        });
        if (label === null) break;
        visited.push(label);
        await page.keyboard.press('Tab');
      }
      assert.equal(visited.length, links, `${lang} ${view}: one stop per linked country`);
      for (const label of visited) {
        // "Mali : 12 instruments" / "Mali: 12 instruments": never a country with 0.
        assert.match(label, /:\s*[1-9][\d\s\u00a0\u202f]*instruments?$/u, label);
      }
    }
  }
  assert.deepEqual(pageErrors, []);
});

void test('network labels cover neither each other nor another actor’s node', async () => {
  for (const lang of LANGS) {
    await open('/network', lang);
    const clashes = await page.evaluate(`(() => {
      const boxes = (selector) =>
        Array.from(document.querySelectorAll(selector)).map((el) => {
          const b = el.getBBox();
          return { x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height, link: el.closest('a'), text: el.textContent };
        });
      const hit = (a, b) => a.x0 < b.x1 - 0.5 && a.x1 > b.x0 + 0.5 && a.y0 < b.y1 - 0.5 && a.y1 > b.y0 + 0.5;
      const labels = boxes('svg.network a > text');
      const shapes = boxes('svg.network a > circle, svg.network a > rect, svg.network a > polygon');
      const out = [];
      labels.forEach((a, i) => {
        labels.slice(i + 1).forEach((b) => { if (hit(a, b)) out.push(a.text + ' / ' + b.text); });
        shapes.forEach((s) => { if (s.link !== a.link && hit(a, s)) out.push(a.text + ' on a node'); });
      });
      return { out, labels: labels.length };
    })()`);
    const { out, labels } = clashes as { out: string[]; labels: number };
    assert.ok(labels > 20, `${lang}: ${labels} labels drawn`);
    assert.deepEqual(out, [], `${lang}: overlapping labels`);
  }
});
