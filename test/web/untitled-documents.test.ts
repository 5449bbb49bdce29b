/**
 * Issue 9, item 9/10: a document whose only "title" was its file name has no title. Through the real
 * server on the built-in corpus, in French and in English: lists, the document page, search and
 * evidence name it "Document sans titre (fichier …)" / "Untitled document (file …)"; the API gives
 * `title: null` with `titleSource` and `fileName`; citations give a supplied title in the language
 * asked for, never the file name; the CSV carries the new columns.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { getPage as page, getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { describeOnEachEngine } from '../support/engines.ts';

interface Summary {
  id: string;
  title: string | null;
  titleSource: string;
  fileName: string;
  sourcePath: string;
}

/** Tags out, a few entities decoded, spaces collapsed. */
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const WORDS = {
  // The file name is its own element (translate="no"): the tags become spaces in `text`.
  fr: (file: string) => `Document sans titre (fichier ${file} )`,
  en: (file: string) => `Untitled document (file ${file} )`,
} as const;

describeOnEachEngine('documents titled only by their file name', (engine) => {
  let atlas: TestAtlas;
  let untitled: Summary;
  let titled: Summary;
  before(async () => {
    atlas = await startTestAtlas({}, engine);
    const list = await getJson<{ items: Summary[] }>(atlas.url, '/api/documents?limit=100');
    assert.equal(list.status, 200);
    const mali = list.body.items.find((d) => d.sourcePath.includes('mali-eu-high-level-dialogue'));
    assert.ok(mali !== undefined, 'the Mali document is in the corpus');
    untitled = mali;
    const other = list.body.items.find((d) => d.title !== null);
    assert.ok(other !== undefined, 'a document of the corpus states its title');
    titled = other;
  });
  after(async () => {
    await atlas.close();
  });

  void it('gives no title in the API, with where the title came from and the file name', async () => {
    assert.equal(untitled.title, null);
    assert.equal(untitled.titleSource, 'file_name');
    assert.equal(untitled.fileName, 'mali-eu-high-level-dialogue-2016.fr.txt');
    assert.notEqual(titled.titleSource, 'file_name');
    const detail = await getJson<Summary>(atlas.url, `/api/documents/${untitled.id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.title, null);
    // Search passages and evidence say the same.
    const search = await getJson<{
      items: { documentId: string | null; title: string | null; fileName?: string }[];
    }>(atlas.url, '/api/search?q=dialogue&kind=passage&limit=50');
    const hits = search.body.items.filter((h) => h.documentId === untitled.id);
    assert.ok(hits.length > 0);
    assert.ok(hits.every((h) => h.title === null && h.fileName === untitled.fileName));
    const instruments = await getJson<{ items: { id: string }[] }>(
      atlas.url,
      '/api/instruments?country=ML&limit=50',
    );
    const found = await Promise.all(
      instruments.body.items.map((i) =>
        getJson<{
          claims: {
            evidence: { documentId: string; documentTitle: string | null; documentFileName?: string };
          }[];
        }>(atlas.url, `/api/instruments/${i.id}`),
      ),
    );
    const evidence = found
      .flatMap((r) => r.body.claims)
      .map((c) => c.evidence)
      .filter((e) => e.documentId === untitled.id);
    assert.ok(evidence.length > 0);
    assert.ok(evidence.every((e) => e.documentTitle === null && e.documentFileName === untitled.fileName));
  });

  void it('names it "untitled" with its file in both languages on the list and its own page', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const expected = WORDS[lang](untitled.fileName);
      const list = text(await page(atlas.url, `/documents?lang=${lang}`));
      assert.ok(list.includes(expected), `${lang}: the list says ${expected}`);
      const own = await page(atlas.url, `/documents/${untitled.id}?lang=${lang}`);
      const h1 = text(/<h1>([\s\S]*?)<\/h1>/.exec(own)?.[1] ?? '').trim();
      assert.equal(h1, expected);
      const other = lang === 'fr' ? WORDS.en(untitled.fileName) : WORDS.fr(untitled.fileName);
      assert.ok(!text(own).includes(other), `${lang}: no words of the other language`);
      // A document with a title of its own keeps it.
      const titledPage = text(await page(atlas.url, `/documents/${titled.id}?lang=${lang}`));
      assert.ok(titledPage.includes(titled.title!.replace(/\s+/g, ' ')));
    }
  });

  void it('cites it with a supplied title in the language asked for, never the file name', async () => {
    for (const [lang, supplied] of [
      ['fr', '[Document sans titre]'],
      ['en', '[Untitled document]'],
    ] as const) {
      const ris = await page(atlas.url, `/api/documents/${untitled.id}/citation?format=ris&lang=${lang}`);
      assert.match(ris, new RegExp(`^TI  - ${supplied.replace(/[[\]]/g, '\\$&')}\\r?$`, 'm'));
      const csl = JSON.parse(
        await page(atlas.url, `/api/documents/${untitled.id}/citation?format=csl&lang=${lang}`),
      ) as { title: string }[];
      assert.equal(csl[0]?.title, supplied);
      const bib = await page(atlas.url, `/api/documents/${untitled.id}/citation?format=bibtex&lang=${lang}`);
      assert.ok(!bib.includes('mali-eu-high-level-dialogue'), 'the file name is not a title');
    }
    const refused = await fetch(`${atlas.url}/api/documents/${untitled.id}/citation?lang=de`);
    assert.equal(refused.status, 400);
  });

  void it('lists where each title came from and the file name in the CSV, in both languages', async () => {
    for (const [lang, source, file] of [
      ['en', 'title_source', 'file_name'],
      ['fr', 'origine_titre', 'nom_fichier'],
    ] as const) {
      const csv = await page(atlas.url, `/api/documents?format=csv&lang=${lang}&limit=100`);
      const [header = '', ...rows] = csv.split('\r\n');
      const columns = header.split(',');
      const at = columns.indexOf(source);
      const fileAt = columns.indexOf(file);
      assert.ok(at >= 0 && fileAt >= 0, `${lang}: ${header}`);
      const row = rows.find((r) => r.startsWith(`${untitled.id},`));
      assert.ok(row !== undefined);
      assert.ok(row.includes(',file_name,') && row.includes(untitled.fileName));
    }
  });
});
