/**
 * Issue 9, item 4, on the analyses pages (through the real server, on the built-in corpus, in
 * French and in English): every evidence quote is the whole sentence it was read from, with the
 * supporting words in <mark>, linked to that place in the document — the sentences loaded for every
 * quoted document of the page (each quote carries its document's language, so none fell back to the
 * bare words). No internal words ("asserted by extractor:…") on the lines.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { getPage as page, startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { describeOnEachEngine } from '../support/engines.ts';

const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The quotes of a page: the blockquote's opening tag, its words and the marked words. */
function quotesOf(html: string): { open: string; whole: string; marked: string; href: string }[] {
  return [...html.matchAll(/(<blockquote\s+class="quote"[^>]*>)([\s\S]*?)<\/blockquote>/g)].map((m) => ({
    open: m[1] ?? '',
    whole: plain(m[2] ?? ''),
    marked: plain(/<mark>([\s\S]*?)<\/mark>/.exec(m[2] ?? '')?.[1] ?? ''),
    href: /href="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? '',
  }));
}

describeOnEachEngine('evidence quotes on the analyses pages', (engine) => {
  let atlas: TestAtlas;
  before(async () => {
    atlas = await startTestAtlas({}, engine);
  });
  after(async () => {
    await atlas.close();
  });

  void it('shows the whole sentence with the supporting words marked, in both languages', async () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const path of ['/analyses/commitments', '/analyses/conditionality']) {
        const html = await page(atlas.url, `${path}?lang=${lang}`);
        const quotes = quotesOf(html);
        assert.ok(quotes.length > 0, `${lang} ${path}: quotes`);
        for (const quote of quotes) {
          assert.ok(quote.marked.length > 0, `${lang} ${path}: the supporting words are marked`);
          assert.ok(quote.whole.includes(quote.marked), `${lang} ${path}: the mark is inside the sentence`);
          assert.match(quote.open, /lang="(fr|en)"/, `${lang} ${path}: the sentence was loaded`);
          assert.match(quote.href, /^\/documents\/doc_[0-9a-f]+(\?[^#]*)?#span-\d+-\d+$/);
        }
        assert.ok(
          !/asserted by|affirmé par|extractor:/.test(plain(html)),
          `${lang} ${path}: no internal words`,
        );
      }
    }
  });

  void it('quotes a consistency finding in its sentence', async () => {
    const html = await page(atlas.url, '/analyses/consistency?lang=en');
    const ids = [...html.matchAll(/href="\/analyses\/consistency\/(doc_[0-9a-f]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(ids.length > 0);
    let seen = 0;
    let longer = 0;
    for (const id of ids) {
      for (const lang of ['fr', 'en'] as const) {
        for (const quote of quotesOf(await page(atlas.url, `/analyses/consistency/${id}?lang=${lang}`))) {
          assert.ok(quote.marked.length > 0 && quote.whole.includes(quote.marked));
          assert.match(quote.open, /lang="(fr|en)"/);
          seen += 1;
          if (quote.whole.length > quote.marked.length) longer += 1;
        }
      }
    }
    assert.ok(seen > 0, 'some finding quotes a document');
    // A finding quotes a count or a list item: the sentence around it is shown too.
    assert.ok(longer > 0, 'some quotes show the words around the marked ones');
  });
});
