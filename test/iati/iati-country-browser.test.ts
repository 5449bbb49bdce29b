/**
 * The country page's money-chain section with data, in Debian's Chromium at 390 px, in French and
 * English: it fits the screen, has no serious or critical axe-core violation, shows no word of the
 * other language's interface dictionary and no bare code (quoted source text is `translate="no"`).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { STATES } from '../../src/domain/actors.ts';
import type { Language } from '../../src/domain/model.ts';
import { parseExchangeRates } from '../../src/readers/exchange-rates.ts';
import { importIatiFile } from '../../src/services/iati/import.ts';
import { suggestLinks } from '../../src/services/iati/links.ts';
import { dictionaries } from '../../src/web/i18n.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';

const PHONE = 390;

let atlas: TestAtlas;
let browser: Browser;
let page: Page;
let axeSource = '';

before(
  async () => {
    atlas = await startTestAtlas({
      rates: parseExchangeRates('from,to,year,rate\nUSD,EUR,,0.9\n', 'taux.csv'),
    });
    const store = atlas.served.store;
    assert.equal((await importIatiFile(store, 'test/fixtures/iati/eutf-mali.xml')).status, 'imported');
    for (const { link } of await suggestLinks(store, { country: 'ML' })) {
      if (link.reasons.some((r) => r.startsWith('amount:'))) {
        await store.iati.reviewLink(link.id, 'confirmed', 'user:test');
      }
    }
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    browser = await openBrowser();
    const context = await browser.newContext({ viewport: { width: PHONE, height: 800 }, bypassCSP: true });
    page = await context.newPage();
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await atlas?.close();
});

/** The visible text of the money-chain section outside `translate="no"`. */
function sectionText(p: Page): Promise<string[]> {
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  return p.evaluate(`(() => {
    const out = [];
    const section = document.getElementById('funding');
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent || '').trim();
      if (text !== '' && node.parentElement.closest('[translate="no"]') === null) out.push(text);
    }
    return out;
  })()`);
}

void test(
  'the money chain on the country page fits a phone, passes axe-core and speaks one language',
  { timeout: 300_000 },
  async () => {
    const failures: string[] = [];
    const dict = dictionaries();
    const stateCodes = new Set(STATES.map((s) => s.id));
    for (const lang of ['fr', 'en'] as const) {
      const other: Language = lang === 'fr' ? 'en' : 'fr';
      const own = new Set(dict[lang].map((s) => s.toLowerCase()));
      const foreign = dict[other].filter((s) => s.length >= 4 && !own.has(s.toLowerCase()));
      const response = await page.goto(`${atlas.url}/countries/ML?lang=${lang}`);
      assert.equal(response?.status(), 200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE) failures.push(`${lang}: ${width} px wide at ${PHONE} px`);
      await page.evaluate(axeSource);
      const axe = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          resultTypes: ['violations'],
        }),
      )) as { violations: { id: string; impact: string | null }[] };
      for (const v of axe.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          failures.push(`${lang}: axe ${v.impact} ${v.id}`);
        }
      }
      const texts = await sectionText(page);
      const all = texts.join('\n');
      for (const word of foreign) {
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(all)) {
          failures.push(`${lang}: "${word}"`);
        }
      }
      for (const text of texts) {
        if (stateCodes.has(text) || /^[A-Z]{3}$/.test(text)) failures.push(`${lang}: bare code "${text}"`);
      }
      // The section is there, with figures written the reader's way and the rate table named.
      assert.match(all, lang === 'fr' ? /53,6\s?M€/ : /€53\.6M/);
      assert.match(all, lang === 'fr' ? /non précisé/ : /not stated/);
      assert.ok(await page.locator('#funding code', { hasText: 'taux.csv' }).count());
    }
    assert.deepEqual(failures, []);
  },
);
