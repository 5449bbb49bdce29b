/**
 * Every page, in one language, on a 390 px phone screen in Debian's Chromium, against the real
 * server and the corpus: no page wider than the screen, zero serious or critical axe-core
 * violations, and in the visible text (text quoted from sources is marked `translate="no"` and
 * left out): no word of the other language's interface dictionary (in any case), no bare code
 * (taxonomy, state, `snake_case`, `kind/kind`), no ISO date (2016-12-11 is written "11 décembre
 * 2016" / "11 December 2016") and no plural after a single one ("1 résultats"). Screenshots of a
 * few pages at 1366 and 390 px in French go to test-output/screenshots/. The walk is the longest
 * of the suite: every-page-fr.test.ts and every-page-en.test.ts each take one language, so the two
 * halves run side by side.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WALK_TABS, acrossTabs, openBrowser } from '../support/browser.ts';
import { STATES } from '../../src/domain/actors.ts';
import type { Language } from '../../src/domain/model.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../../src/domain/taxonomy.ts';
import { dictionaries, nounForms, translator } from '../../src/web/i18n.ts';
import { getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { sessionFor } from '../support/accounts.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
const PHONE = 390;

let atlas: TestAtlas;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The walk's tabs, `page` first (see `acrossTabs`). */
let tabs: Page[] = [];
let axeSource = '';
let pages: string[] = [];

/** Interface strings found in one language's dictionary and not in the other's. */
function foreignWords(lang: Language): string[] {
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  const dict = dictionaries();
  const labels = (l: Language) => {
    const tr = translator(l);
    return [
      ...INSTRUMENT_TYPES.map((c) => tr.typeLabel(c)),
      ...TOPICS.map((c) => tr.topicLabel(c)),
      ...APPROACHES.map((c) => tr.approachLabel(c)),
    ];
  };
  // A string is foreign only if it is not also a string, or a word of a string, of this language
  // ("Sources" is French and an English word of "Counts stated by the sources").
  const ownStrings = [...dict[lang], ...labels(lang)].map((s) => s.toLowerCase());
  const own = new Set([...ownStrings, ...ownStrings.flatMap((s) => s.split(/[^\p{L}]+/u))]);
  // Short words ("by", "no", "non") are left out: too many names and acronyms contain them.
  return [...new Set([...dict[other], ...labels(other)])].filter(
    (s) => s.length >= 4 && !own.has(s.toLowerCase()),
  );
}

const CODES = new Set<string>([...INSTRUMENT_TYPES, ...TOPICS, ...APPROACHES]);
const STATE_CODES = new Set(STATES.map((s) => s.id));

/** The visible interface text of the page: text nodes and labels outside `translate="no"`. */
async function interfaceText(p: Page): Promise<string[]> {
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  return p.evaluate(`(() => {
    const out = [];
    function skip(el) {
      return el === null || el.closest('[translate="no"], script, style, noscript') !== null;
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent || '').trim();
      if (text !== '' && !skip(node.parentElement)) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]'))) {
      if (skip(el)) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) out.push(value.trim());
      }
    }
    // The window title repeats the h1, which may be a source's own title (checked there).
    return out;
  })()`);
}

/** A regular expression source matching `text` literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "1 results" / "(1 résultats)": a plural after a lone 1 (not 11, 2,1 or 1 234). */
function pluralAfterOne(lang: Language): RegExp[] {
  return nounForms()
    .filter((form) => form.lang === lang && form.one !== form.other)
    .map(
      (form) =>
        new RegExp(
          `(?<![\\d.,])(?<!\\d[\\s\\u00a0\\u202f])1[\\s\\u00a0\\u202f]+${literal(form.other)}(?!\\p{L})`,
          'u',
        ),
    );
}

const ISO_DATE = /\b\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?\b/;
/** Two codes joined by a slash ("other/process"), as a raw taxonomy path is written. */
const CODE_PATH = /(?:^|\s)([a-z]+\/[a-z_]+)(?:\s|$)/;

function languageProblems(texts: readonly string[], lang: Language, foreign: readonly string[]): string[] {
  const problems: string[] = [];
  const all = texts.join('\n');
  for (const word of foreign) {
    if (new RegExp(`(^|[^\\p{L}])${literal(word)}($|[^\\p{L}])`, 'iu').test(all)) problems.push(`"${word}"`);
  }
  for (const rule of pluralAfterOne(lang)) {
    const found = rule.exec(all);
    if (found) problems.push(`plural after one: "${found[0].trim()}"`);
  }
  for (const text of texts) {
    if (CODES.has(text)) problems.push(`bare code "${text}"`);
    if (STATE_CODES.has(text)) problems.push(`bare country code "${text}"`);
    const underscored = /\b[a-z]+_[a-z_]+\b/.exec(text);
    if (underscored) problems.push(`code "${underscored[0]}" in "${text.slice(0, 80)}"`);
    const state = /(?:^|[\s(])([A-Z]{2})(?=$|[\s),.;:])/u.exec(text);
    if (state?.[1] !== undefined && STATE_CODES.has(state[1])) {
      problems.push(`country code "${state[1]}" in "${text.slice(0, 80)}"`);
    }
    const path = CODE_PATH.exec(text);
    if (path) problems.push(`code path "${path[1]}" in "${text.slice(0, 80)}"`);
    const iso = ISO_DATE.exec(text);
    if (iso) problems.push(`ISO date "${iso[0]}" in "${text.slice(0, 80)}"`);
  }
  return problems;
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

/**
 * The suite for one language: the walk over every page in `lang` and, when `screenshots`, the
 * French screenshots (in one of the two files only).
 */
export function everyPageTests(lang: Language, options: { screenshots: boolean }): void {
  before(
    async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      atlas = await startTestAtlas();
      axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      browser = await openBrowser();
      // The strict Content-Security-Policy forbids injected scripts; axe is the test's, not the page's.
      context = await browser.newContext({ viewport: { width: PHONE, height: 800 }, bypassCSP: true });
      // axe-core (half a megabyte) goes to Chromium once, which evaluates it in every page it loads,
      // rather than once per page through page.evaluate and the shared browser's relay.
      await context.addInitScript({ content: axeSource });
      tabs = await Promise.all(Array.from({ length: WALK_TABS }, () => context.newPage()));
      page = tabs[0] as Page;
      const documents = await getJson<{ items: { id: string }[] }>(atlas.url, '/api/documents?limit=10');
      const instruments = await getJson<{ items: { id: string }[] }>(
        atlas.url,
        '/api/instruments?country=ML&limit=2',
      );
      const question = (await getJson<{ questions: { question: string }[] }>(atlas.url, '/api/compare')).body
        .questions[0]?.question;
      const firstDocument = documents.body.items[0]?.id ?? '';
      // An instrument whose title the atlas built (written in the reader's language) and one the
      // sources give no date, status, party or amount ("not stated" in words).
      const built = await getJson<{ items: { id: string; title: string }[] }>(
        atlas.url,
        '/api/instruments?q=Slovenia&limit=20',
      );
      const builtTitle = built.body.items.find((i) => i.title.startsWith('Joint declaration'))?.id;
      const all = await getJson<{
        items: { id: string; firstDate: string | null; status: string; parties: unknown[] }[];
      }>(atlas.url, '/api/instruments?limit=200');
      const bare = all.body.items.find(
        (i) => i.firstDate === null && i.status === 'not_stated' && i.parties.length === 0,
      )?.id;
      // Signed in as a reviewer: the pages show their forms, the account corner and the review page.
      const reviewer = await sessionFor(atlas.served.store, atlas.url, 'reviewer', 'Ada Lovelace');
      const [name, value] = reviewer.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: atlas.url }]);
      const commitment = (await getJson<{ commitments: { id: string }[] }>(atlas.url, '/api/commitments'))
        .body.commitments[0]?.id;
      pages = [
        '/',
        '/?view=world&type=dialogue',
        '/search',
        '/search?q=r%C3%A9admission&country=ML',
        '/countries',
        '/countries/ML',
        '/countries/ML/brief',
        '/countries/MT',
        '/documents',
        ...documents.body.items.map((d) => `/documents/${d.id}`),
        `/documents/${firstDocument}?facts=all`,
        ...instruments.body.items.map((i) => `/instruments/${i.id}`),
        ...[builtTitle, bare].flatMap((id) => (id === undefined ? [] : [`/instruments/${id}`])),
        '/contribute',
        '/network',
        '/timeline',
        '/analyses',
        '/analyses/compare',
        ...(question === undefined ? [] : [`/analyses/compare?question=${encodeURIComponent(question)}`]),
        '/analyses/compare?type=envoy',
        '/analyses/consistency',
        `/analyses/consistency/${firstDocument}`,
        '/analyses/coordination?country=ML',
        '/analyses/commitments',
        '/analyses/commitments?country=ML',
        '/analyses/indicators',
        '/analyses/indicators?country=ML',
        '/analyses/conditionality',
        '/analyses/watches',
        '/analyses/watches/mine',
        ...(commitment === undefined
          ? []
          : [`/analyses/commitments/${encodeURIComponent(commitment)}/history`]),
        '/review',
        '/review?country=ML',
        '/upload',
        '/sign-in',
        '/no-such-page',
        '/search?from=abc',
      ];
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await browser?.close();
    await atlas?.close();
  });

  void test(
    `every page in ${lang === 'fr' ? 'French' : 'English'} fits a 390 px screen, passes axe-core and speaks one language`,
    { timeout: 900_000 },
    async () => {
      const foreign = foreignWords(lang);
      const found = await acrossTabs(tabs, pages, async (tab, path) => {
        const failures: string[] = [];
        const url = `${atlas.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
        const response = await tab.goto(url);
        const expected = path === '/no-such-page' ? 404 : path === '/search?from=abc' ? 400 : 200;
        if (response?.status() !== expected) failures.push(`${lang} ${path}: status ${response?.status()}`);
        const width = await tab.evaluate(() => document.documentElement.scrollWidth);
        if (width > PHONE) failures.push(`${lang} ${path}: ${width} px wide at ${PHONE} px`);
        const axe = (await tab.evaluate(() =>
          (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
            resultTypes: ['violations'],
          }),
        )) as AxeResult;
        for (const v of axe.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            failures.push(
              `${lang} ${path}: axe ${v.impact} ${v.id} (${v.nodes.length}) e.g. ${JSON.stringify(v.nodes[0]?.target)}`,
            );
          }
        }
        for (const problem of languageProblems(await interfaceText(tab), lang, foreign)) {
          failures.push(`${lang} ${path}: ${problem}`);
        }
        return failures;
      });
      const failures = found.flat();
      if (failures.length > 0) console.log(failures.join('\n'));
      assert.deepEqual(failures, []);
    },
  );

  if (!options.screenshots) return;
  void test('screenshots in French at 1366 and 390 px', { timeout: 300_000 }, async () => {
    const shots: [string, string][] = [
      ['/', 'fr-dashboard'],
      ['/countries/ML', 'fr-country-mali'],
      ['/search?q=r%C3%A9admission', 'fr-search'],
      ['/network', 'fr-network'],
      [pages.find((p) => p.startsWith('/instruments/')) ?? '/', 'fr-instrument'],
    ];
    for (const width of [1366, PHONE]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [path, name] of shots) {
        await page.goto(`${atlas.url}${path}${path.includes('?') ? '&' : '?'}lang=fr`);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: PHONE, height: 800 });
  });
}
