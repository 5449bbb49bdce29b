/**
 * Issue 9: what the sources do not say is said in words. In Debian's Chromium against the real
 * server on the built-in corpus, in French and in English, the pages a reader sees are walked for an
 * instrument the sources give no date, status, party or amount, and a document that states no title,
 * date or publisher (both chosen through the API by what they lack, not by name): each missing field
 * reads "non précisé" / "not stated" (the document "Document sans titre" / "Untitled document"), and
 * no page anywhere shows an empty table cell or definition, a bare dash, "unknown", "null",
 * "undefined" or "NaN" in place of a value. The API answers the same record with null or empty
 * lists and the status `not_stated`, never a guess.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WALK_TABS, acrossTabs, openBrowser } from '../support/browser.ts';
import { translator } from '../../src/web/i18n.ts';
import { getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { describeOnEachEngine } from '../support/engines.ts';

interface InstrumentRow {
  id: string;
  title: string;
  status: string;
  firstDate: string | null;
  parties: { actorId: string }[];
  amounts: unknown[];
}
interface DocumentRow {
  id: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
}

const NOT_STATED = { fr: 'non précisé', en: 'not stated' } as const;
const UNTITLED = { fr: 'Document sans titre', en: 'Untitled document' } as const;
/** The labels of the instrument page's rows for the four fields the record lacks. */
const fields = (lang: 'fr' | 'en') =>
  (['dates', 'status', 'parties', 'amounts'] as const).map((key) => translator(lang).t(key));

/**
 * What stands in for a value on the page: empty cells and definitions (no text, no chart or form
 * control inside) and text that is only a placeholder. A string, not a function: the TypeScript
 * loader would add helpers the page does not have.
 */
const PLACEHOLDERS = `(() => {
  const out = [];
  const filled = 'svg, img, input, select, textarea, button, meter, progress, canvas';
  for (const cell of Array.from(document.querySelectorAll('main td, main dd, main li, main th[scope="row"]'))) {
    if ((cell.textContent || '').trim() === '' && cell.querySelector(filled) === null) {
      const row = cell.closest('tr, dl, ul, ol');
      out.push('empty ' + cell.tagName.toLowerCase() + ' in "' + (row ? (row.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80) : '') + '"');
    }
  }
  const placeholder = /^(?:[—–-]|\\?|unknown|inconnue?|null|undefined|NaN|N\\/A|Invalid Date|none)$/i;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = (node.textContent || '').trim();
    const parent = node.parentElement;
    if (parent === null || parent.closest('script, style, [translate="no"]') !== null) continue;
    // A dash between two parts is a separator; one standing alone in its element stands for a value.
    if (placeholder.test(text) && placeholder.test((parent.textContent || '').trim())) out.push('placeholder "' + text + '" in <' + parent.tagName.toLowerCase() + '>');
    if (/\\b(?:unknown|inconnue?|undefined|NaN)\\b/.test(text)) out.push('"' + text.slice(0, 80) + '"');
  }
  return out;
})()`;

describeOnEachEngine('missing values said in words on every page', (engine) => {
  let atlas: TestAtlas;
  let browser: Browser;
  let context: BrowserContext;
  let tabs: Page[];
  let bare: InstrumentRow;
  let untitled: DocumentRow;
  let undatedParty = 'ML';

  before(
    async () => {
      atlas = await startTestAtlas({}, engine);
      const instruments = await getJson<{ items: InstrumentRow[] }>(atlas.url, '/api/instruments?limit=200');
      const lacking = instruments.body.items.find(
        (i) =>
          i.firstDate === null &&
          i.status === 'not_stated' &&
          i.parties.length === 0 &&
          i.amounts.length === 0,
      );
      assert.ok(lacking, 'the corpus has an instrument with no date, status, party or amount');
      bare = lacking;
      // The country page of a state party to an undated instrument.
      const undated = instruments.body.items.find(
        (i) => i.firstDate === null && i.parties.some((p) => /^[A-Z]{2}$/.test(p.actorId)),
      );
      undatedParty = undated?.parties.find((p) => /^[A-Z]{2}$/.test(p.actorId))?.actorId ?? 'ML';
      const documents = await getJson<{ items: DocumentRow[] }>(atlas.url, '/api/documents?limit=100');
      const blank = documents.body.items.find(
        (d) => d.title === null && d.publisher === null && d.published === null,
      );
      assert.ok(blank, 'the corpus has a document stating no title, date or publisher');
      untitled = blank;
      browser = await openBrowser();
      context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      tabs = await Promise.all(Array.from({ length: WALK_TABS }, () => context.newPage()));
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await browser?.close();
    await atlas?.close();
  });

  const open = async (path: string, lang: string, tab = tabs[0] as Page): Promise<string> => {
    const response = await tab.goto(`${atlas.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    assert.equal(response?.status(), 200, path);
    return tab.evaluate(() => document.body.innerText);
  };

  void it('the API gives null or nothing for what the sources do not say', async () => {
    const one = await getJson<InstrumentRow & { dates: unknown[] }>(atlas.url, `/api/instruments/${bare.id}`);
    assert.equal(one.body.status, 'not_stated');
    assert.equal(one.body.firstDate, null);
    assert.deepEqual([one.body.dates, one.body.parties, one.body.amounts], [[], [], []]);
    const doc = await getJson<DocumentRow>(atlas.url, `/api/documents/${untitled.id}`);
    assert.deepEqual([doc.body.title, doc.body.publisher, doc.body.published], [null, null, null]);
  });

  void it('the instrument and document pages say "not stated" for each missing field', async () => {
    for (const lang of ['fr', 'en'] as const) {
      await open(`/instruments/${bare.id}`, lang);
      const rows = await (tabs[0] as Page).evaluate<[string, string][]>(
        `Array.from(document.querySelectorAll('main dl dt')).map((dt) => [dt.textContent.trim(),
            (dt.nextElementSibling ? dt.nextElementSibling.textContent : '').trim()])`,
      );
      for (const label of fields(lang)) {
        const row = rows.find(([name]) => name === label);
        assert.ok(row, `${lang}: the "${label}" row is shown (${rows.map((r) => r[0]).join(', ')})`);
        assert.equal(row[1], NOT_STATED[lang], `${lang}: ${label}`);
      }
      const documentText = await open(`/documents/${untitled.id}`, lang);
      assert.ok(documentText.includes(UNTITLED[lang]), `${lang}: the document is named as untitled`);
      const stated = documentText.split(NOT_STATED[lang]).length - 1;
      assert.ok(stated >= 2, `${lang}: publisher and date not stated (${stated})`);
      // In a list of results, the missing field is named: "Dates : non précisé".
      const word = encodeURIComponent(bare.title);
      const results = await open(`/search?q=${word}`, lang);
      for (const key of ['dates', 'parties'] as const) {
        const said = new RegExp(`${translator(lang).t(key)}\\s?:\\s${NOT_STATED[lang]}`);
        assert.match(results, said, `${lang}: the search result says its ${key} are not stated`);
      }
      const list = await open('/documents', lang);
      assert.ok(list.includes(NOT_STATED[lang]), `${lang}: the list says what is not stated`);
    }
  });

  void it(
    'no page shows an empty cell, a bare dash or "unknown" where a value should be',
    { timeout: 600_000 },
    async () => {
      const word = encodeURIComponent(bare.title.split(/\s+/).find((w) => w.length > 4) ?? bare.title);
      const paths = [
        '/',
        '/?view=world',
        '/countries',
        '/countries/ML',
        '/countries/ML/brief',
        `/countries/${undatedParty}`,
        `/countries/${undatedParty}/brief`,
        '/documents',
        `/documents/${untitled.id}`,
        `/documents/${untitled.id}?facts=all`,
        `/instruments/${bare.id}`,
        `/search?q=${word}`,
        '/search?q=migration',
        '/timeline',
        '/network',
        '/analyses/compare',
        '/analyses/compare?type=envoy',
        '/analyses/consistency',
        `/analyses/consistency/${untitled.id}`,
        '/analyses/coordination?country=ML',
        '/analyses/commitments',
        '/analyses/commitments?country=ML',
        '/analyses/indicators',
        '/analyses/indicators?country=ML',
        '/analyses/conditionality',
      ];
      const visits = (['fr', 'en'] as const).flatMap((lang) => paths.map((path) => ({ lang, path })));
      const found = await acrossTabs(tabs, visits, async (tab, { lang, path }) => {
        await open(path, lang, tab);
        const problems = await tab.evaluate<string[]>(PLACEHOLDERS);
        return problems.map((problem) => `${lang} ${path}: ${problem}`);
      });
      const failures = found.flat();
      if (failures.length > 0) console.log(failures.join('\n'));
      assert.deepEqual(failures, []);
    },
  );
});
