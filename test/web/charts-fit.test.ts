/**
 * Issue 9, item 6, in Debian's Chromium against the real server on the built-in corpus: chart
 * labels are never cut (every bar label and value is wholly inside the page and not clipped by its
 * box; every SVG label inside its drawing), at 1366 and 390 px, in French and in English; and the
 * map counts what the reader chooses: with a type or a topic, only the countries with such
 * instruments are links, each with the count the API gives for that country and choice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { getJson, getPage, startTestAtlas, type TestAtlas } from '../http/fixture.ts';

/**
 * Labels of the page's charts that are cut: a bar label or value wider than its box (clipped or
 * ellipsed) or outside the window, an SVG text outside its SVG's box. A string: the TypeScript
 * loader would add helpers the page does not have.
 */
const CUT_LABELS = `(() => {
  const out = [];
  const width = document.documentElement.clientWidth;
  for (const el of Array.from(document.querySelectorAll('.bars .bar-label, .bars .num'))) {
    const box = el.getBoundingClientRect();
    const name = (el.textContent || '').trim().slice(0, 60);
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push('clipped "' + name + '"');
    if (box.left < -1 || box.right > width + 1) out.push('outside the page "' + name + '"');
  }
  for (const text of Array.from(document.querySelectorAll('svg.timeline text, svg.chart text, figure svg text'))) {
    const svg = text.closest('svg');
    if (svg === null || text.closest('.bar-track') !== null) continue;
    const a = text.getBoundingClientRect();
    const b = svg.getBoundingClientRect();
    if (a.width === 0) continue;
    if (a.left < b.left - 1 || a.right > b.right + 1 || a.top < b.top - 1 || a.bottom > b.bottom + 1) {
      out.push('svg label outside its chart "' + (text.textContent || '').trim().slice(0, 60) + '"');
    }
  }
  return out;
})()`;

/** Country code → count, from the map's links ("Mali : 3 instruments"). */
function mapCounts(html: string): Map<string, number> {
  const map = /<svg class="map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const out = new Map<string, number>();
  for (const m of map.matchAll(
    /href="\/countries\/([A-Z]{2})"\s+aria-label="[^"]*?:\s*([\d\s\u00a0\u202f]+)instruments?"/gu,
  )) {
    out.set(m[1] ?? '', Number((m[2] ?? '').replace(/\D/g, '')));
  }
  return out;
}

void describe('charts that fit, a map that counts what the reader chooses', () => {
  let atlas: TestAtlas;
  let browser: Browser;
  let tab: Page;
  before(
    async () => {
      atlas = await startTestAtlas();
      browser = await openBrowser();
      tab = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await browser?.close();
    await atlas?.close();
  });

  void it('cuts no chart label at 1366 or 390 px, in French or English', { timeout: 300_000 }, async () => {
    const question = (await getJson<{ questions: { question: string }[] }>(atlas.url, '/api/compare')).body
      .questions[0]?.question;
    assert.ok(question);
    const paths = [
      '/',
      '/timeline',
      '/countries/ML',
      '/countries/ML/brief',
      '/analyses/compare',
      `/analyses/compare?question=${encodeURIComponent(question)}`,
      '/analyses/compare?type=envoy',
      '/analyses/indicators?country=ML',
      '/analyses/indicators',
    ];
    const failures: string[] = [];
    let bars = 0;
    for (const width of [1366, 390]) {
      await tab.setViewportSize({ width, height: 900 });
      for (const lang of ['fr', 'en']) {
        for (const path of paths) {
          const response = await tab.goto(`${atlas.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          assert.equal(response?.status(), 200, path);
          bars += await tab.locator('.bars .bar-row').count();
          for (const problem of await tab.evaluate<string[]>(CUT_LABELS)) {
            failures.push(`${width} ${lang} ${path}: ${problem}`);
          }
        }
      }
    }
    assert.ok(bars > 50, `${bars} bars drawn`);
    if (failures.length > 0) console.log(failures.join('\n'));
    assert.deepEqual(failures, []);
  });

  void it('counts on the map only the type or topic chosen, as the API does', async () => {
    const everything = mapCounts(await getPage(atlas.url, '/?lang=en&view=world'));
    assert.ok(everything.size > 10, `${everything.size} countries with instruments`);
    for (const [choice, label] of [
      ['type=dialogue', /<option value="dialogue"\s+selected/],
      ['topic=visa', /<option value="visa"\s+selected/],
    ] as const) {
      const html = await getPage(atlas.url, `/?lang=fr&view=world&${choice}`);
      assert.match(html, label, `${choice}: the form shows the choice`);
      const chosen = mapCounts(html);
      assert.ok(
        chosen.size > 0 && chosen.size < everything.size,
        `${choice}: ${chosen.size} of ${everything.size}`,
      );
      for (const [country, count] of chosen) {
        assert.ok(count <= (everything.get(country) ?? 0), `${choice} ${country}: no more than in all`);
      }
      // Two countries checked against the API's own filter.
      for (const country of [...chosen.keys()].slice(0, 2)) {
        const api = await getJson<{ total: number }>(
          atlas.url,
          `/api/instruments?country=${country}&${choice}&limit=1`,
        );
        assert.equal(chosen.get(country), api.body.total, `${choice} ${country}`);
      }
    }
  });
});
