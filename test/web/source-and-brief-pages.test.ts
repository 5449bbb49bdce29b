/**
 * The document page as a source and the briefing pack's page, over real HTTP and in Debian's
 * Chromium (real server, real database file with the corpus ingested). Document page: title,
 * publisher, date, language and source link ("not stated" where missing), the history of the
 * fields after a person's correction, "Cite this / Citer ce document" in BibTeX, RIS and CSL-JSON.
 * Briefing pack: the country page's print link, the page's sections in French and English, its
 * print button and print stylesheet, and the API's JSON, HTML and PDF answers. Every page fits a
 * 390 px screen and has no serious or critical axe-core violation.
 */
import assert from 'node:assert/strict';
import { bearerFor } from '../support/accounts.ts';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { escapeHtml } from '../../src/domain/escape-html.ts';
import { BRIEF_SECTIONS } from '../../src/web/brief.ts';
import { translator } from '../../src/web/i18n.ts';
import { getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';

void describe('document page as a source, and the briefing pack page', () => {
  let atlas: TestAtlas;
  let browser: Browser;
  let page: Page;
  let maliId = '';
  let emnId = '';
  let axeSource = '';
  before(
    async () => {
      atlas = await startTestAtlas();
      const list = await getJson<{ items: { id: string; sourcePath: string }[] }>(
        atlas.url,
        '/api/documents',
      );
      maliId = list.body.items.find((d) => d.sourcePath.includes('mali-eu'))?.id ?? '';
      emnId = list.body.items.find((d) => d.sourcePath.includes('emn-oecd'))?.id ?? '';
      axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      browser = await openBrowser();
      const context = await browser.newContext({ viewport: { width: 390, height: 800 }, bypassCSP: true });
      page = await context.newPage();
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await browser?.close();
    await atlas?.close();
  });

  void test('shows the source fields, "not stated" where missing, in both languages', async () => {
    const en = await (await fetch(`${atlas.url}/documents/${emnId}?lang=en`)).text();
    assert.match(en, /The document as a source/);
    assert.match(en, /European Migration Network/);
    assert.match(en, /November 2024/);
    assert.match(en, /Where it is published<\/dt>\s*<dd><span class="muted">not stated<\/span>/);
    assert.match(en, /Cite this document/);
    const fr = await (await fetch(`${atlas.url}/documents/${emnId}?lang=fr`)).text();
    assert.match(fr, /Le document comme source/);
    assert.match(fr, /novembre 2024/);
    assert.match(fr, /Adresse de publication<\/dt>\s*<dd><span class="muted">non précisé<\/span>/);
    assert.match(fr, /Citer ce document/);
    assert.match(fr, /lu dans le texte/);
    for (const format of ['bibtex', 'ris', 'csl']) {
      assert.match(fr, new RegExp(`/api/documents/${emnId}/citation\\?format=${format}`));
    }
    assert.match(fr, /@techreport\{/);
    assert.match(fr, /TY {2}- RPRT/);
    assert.match(fr, /&quot;date-parts&quot;/);
  });

  void test('the document list shows publisher and date, "not stated" where missing', async () => {
    const fr = await (await fetch(`${atlas.url}/documents?lang=fr`)).text();
    assert.match(fr, /<th scope="col">Éditeur ou auteur<\/th>/);
    assert.match(fr, /European Migration Network/);
    assert.match(fr, /<td data-sort="2024-11">\s*novembre 2024\s*<\/td>/);
    assert.match(fr, /<td data-sort="">\s*<span class="muted">non précisé<\/span>/);
    const en = await (await fetch(`${atlas.url}/documents?lang=en`)).text();
    assert.match(en, /<td data-sort="2024-11">\s*November 2024\s*<\/td>/);
  });

  void test('after a correction: the new fields, a link to the source, who set them', async () => {
    const response = await fetch(`${atlas.url}/api/documents/${maliId}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        ...(await bearerFor(atlas.served.store, 'contributor', 'Ana Diallo')).headers,
      },
      body: JSON.stringify({
        title: 'Dialogue de haut niveau UE–Mali sur la migration',
        publisher: 'Délégation de l’Union européenne au Mali',
        date: '2016-12-11',
        url: 'https://example.org/ue-mali',
      }),
    });
    assert.equal(response.status, 200);
    const fr = await (await fetch(`${atlas.url}/documents/${maliId}?lang=fr`)).text();
    assert.match(fr, /11 décembre 2016/);
    assert.match(fr, /<a href="https:\/\/example.org\/ue-mali" rel="noopener noreferrer external"/);
    assert.match(fr, /saisi par <span translate="no">Ana Diallo<\/span>/);
    assert.match(
      fr,
      /<h1><span translate="no">Dialogue de haut niveau UE–Mali sur la migration<\/span><\/h1>/,
    );
    const en = await (await fetch(`${atlas.url}/documents/${maliId}?lang=en`)).text();
    assert.match(en, /11 December 2016/);
    assert.match(en, /set by <span translate="no">Ana Diallo<\/span>/);
    assert.match(en, /French/);
  });

  void test('in Chromium at 390 px: fits the screen, the citation opens, no serious axe violation', async () => {
    for (const lang of ['fr', 'en']) {
      await page.goto(`${atlas.url}/documents?lang=${lang}`);
      const listWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(listWidth <= 390, `${lang} list: ${listWidth} px wide`);
      await page.goto(`${atlas.url}/documents/${maliId}?lang=${lang}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${lang}: ${width} px wide`);
      await page.locator('.cite-box summary', { hasText: 'BibTeX' }).click();
      assert.match(
        await page.locator('.cite-box pre').first().innerText(),
        /title = \{Dialogue de haut niveau/,
      );
      await page.evaluate(axeSource);
      const axe = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          resultTypes: ['violations'],
        }),
      )) as { violations: { id: string; impact: string | null }[] };
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        serious.map((v) => v.id),
        [],
        lang,
      );
    }
  });

  void test('the country page links to the briefing pack, to read or to print', async () => {
    const fr = await (await fetch(`${atlas.url}/countries/ML?lang=fr`)).text();
    assert.match(fr, /href="\/countries\/ML\/brief\?print=1"[^>]*>Imprimer le dossier de dialogue</);
    assert.match(fr, /href="\/countries\/ML\/brief">Dossier pour un dialogue</);
    const en = await (await fetch(`${atlas.url}/countries/ML?lang=en`)).text();
    assert.match(en, />Print the briefing pack</);
  });

  void test('the briefing pack page has every section in the reader’s language', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const body = await (await fetch(`${atlas.url}/countries/ML/brief?lang=${lang}`)).text();
      const tr = translator(lang);
      for (const [id, key] of BRIEF_SECTIONS) {
        assert.ok(body.includes(`<h2 id="${id}">${escapeHtml(tr.t(key))}</h2>`), `${lang} ${id}`);
      }
      assert.match(body, /<button type="button" data-print hidden>/);
      assert.ok(body.includes(`/api/countries/ML/brief?format=pdf&amp;lang=${lang}`));
    }
    const missing = await fetch(`${atlas.url}/countries/ZZ/brief`);
    assert.equal(missing.status, 404);
  });

  void test('the API answers the brief as JSON, HTML and PDF downloads', async () => {
    const json = await getJson<{
      partner: string;
      sources: { number: number; id: string }[];
      money: unknown[];
    }>(atlas.url, '/api/countries/ML/brief?today=2026-12-01');
    assert.equal(json.status, 200);
    assert.equal(json.body.partner, 'ML');
    assert.ok(json.body.sources.length > 0 && json.body.sources[0]?.number === 1);
    const profile = await getJson<{ moneyBySource: unknown[] }>(atlas.url, '/api/countries/ML');
    assert.deepEqual(json.body.money, profile.body.moneyBySource, 'the same totals as the country profile');
    const html = await fetch(`${atlas.url}/api/countries/ML/brief?format=html&lang=fr`);
    assert.match(html.headers.get('content-disposition') ?? '', /filename="brief-ML-fr\.html"/);
    assert.match(await html.text(), /<h2 id="brief-commitments">Engagements en cours<\/h2>/);
    const pdf = await fetch(`${atlas.url}/api/countries/ML/brief?format=pdf&lang=en`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /filename="brief-ML-en\.pdf"/);
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    const bad = await getJson<{ error: { field: string } }>(atlas.url, '/api/countries/ML/brief?lang=de');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'lang');
  });

  void test('in Chromium at 390 px: the brief fits, passes axe, prints without the site around it', async () => {
    for (const lang of ['fr', 'en']) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${atlas.url}/countries/ML/brief?lang=${lang}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${lang}: ${width} px wide`);
      assert.ok(
        await page.locator('button[data-print]').isVisible(),
        'the print button shows where scripts run',
      );
      await page.evaluate(axeSource);
      const axe = (await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          resultTypes: ['violations'],
        }),
      )) as { violations: { id: string; impact: string | null }[] };
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        serious.map((v) => v.id),
        [],
        lang,
      );
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-header').isVisible(), false, 'no site header in print');
      assert.equal(await page.locator('button[data-print]').isVisible(), false, 'no button in print');
      assert.ok(await page.locator('#brief-sources').isVisible());
    }
    await page.emulateMedia({ media: 'screen' });
  });
});
