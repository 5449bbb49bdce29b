/**
 * Issue 9, items 4, 6 and 9, through the real server on the ingested corpus, in French and in
 * English: evidence as whole sentences with the supporting words marked, the passage around them
 * and how they were read in details elements, in words; a key for the document highlights; charts
 * for one year, the undated instruments counted, the network's key and shapes, the map's shades and
 * tab order; search chips, paged and filtered passages, a relevance out of 100, plain snippets with
 * their match offsets; comparison questions as whole questions; built titles in the reader's language.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { timelineSvg } from '../../src/web/charts/timeline.ts';
import { translator } from '../../src/web/i18n.ts';
import { getPage as page, getJson, startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { sessionFor } from '../support/accounts.ts';
import { describeOnEachEngine } from '../support/engines.ts';

/** Tags out, entities of the page's text decoded, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** Every match of a pattern's first group. */
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1] ?? '');

describeOnEachEngine(
  'figures and words an official can trust',
  (engine) => {
    let atlas: TestAtlas;
    let mali: string;
    before(async () => {
      atlas = await startTestAtlas({}, engine);
      const r = await getJson<{ items: { id: string; title: string }[] }>(
        atlas.url,
        '/api/instruments?country=ML&limit=50',
      );
      const dialogue = r.body.items.find((i) => /Dialogue de Haut Niveau/.test(i.title));
      assert.ok(dialogue, 'the Mali–EU dialogue is in the corpus');
      mali = dialogue.id;
    });
    after(async () => {
      await atlas.close();
    });

    void it('shows each fact’s whole sentence with the supporting words marked, its passage and reading in details', async () => {
      for (const [lang, opens, readBy, review] of [
        ['fr', 'Lire le passage autour', 'les règles d’extraction de l’atlas', 'non révisé'],
        ['en', 'Read the surrounding passage', 'the atlas’s extraction rules', 'unreviewed'],
      ] as const) {
        const html = await page(atlas.url, `/instruments/${mali}?lang=${lang}`);
        const items = html
          .split('<li>')
          .slice(1)
          .filter((item) => item.includes('class="quote"'));
        assert.ok(items.length >= 3, `${lang}: evidence items`);
        for (const item of items) {
          const quote = /<a\s+class="evidence-link"[^>]*>([\s\S]*?)<\/a\s*>/.exec(item)?.[1] ?? '';
          const marked = /<mark>([\s\S]*?)<\/mark>/.exec(quote)?.[1] ?? '';
          assert.ok(marked.length > 0, `${lang}: the supporting words are marked`);
          // The whole sentence: more than the marked words, from a capital to its full stop.
          assert.ok(
            text(quote).trim().length > marked.length + 20,
            `${lang}: "${text(quote)}" is a sentence`,
          );
          assert.match(text(quote).trim(), /[.;:!?…]$/u);
          assert.match(item, /<details class="provenance">/);
          assert.ok(item.indexOf('<details class="provenance">') > item.indexOf('class="quote"'));
        }
        assert.ok(html.includes(`<summary>${opens}</summary>`), `${lang}: the passage opens on demand`);
        const passage = /<details class="passage">[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
        assert.match(passage, /<mark>Dialogue de Haut Niveau sur la Migration<\/mark>/);
        assert.match(text(passage), /neuf projets ont été approuvés/, `${lang}: the sentence before`);
        // How it was read, in words: no raw "extractor:" id, no raw review code outside the dictionary's word.
        const visible = text(html);
        assert.ok(!visible.includes('extractor:'), `${lang}: no raw extractor id`);
        assert.ok(visible.includes(readBy), `${lang}: who read it, in words`);
        assert.ok(visible.includes(review), `${lang}: the review state in words`);
        const provenance = all(html, /<details class="provenance">([\s\S]*?)<\/details>/g).join('');
        assert.ok(provenance.includes('mda-rules@'), 'the version is in the details');
        assert.ok(!text(html.replace(/<details[\s\S]*?<\/details>/g, '')).includes('mda-rules@'));
      }
    });

    void it('shows the reviewer each quote as its whole sentence with the value’s words marked', async () => {
      const reviewer = await sessionFor(atlas.served.store, atlas.url, 'reviewer', 'Ada Lovelace');
      for (const lang of ['fr', 'en'] as const) {
        const response = await fetch(`${atlas.url}/review?country=ML&lang=${lang}`, {
          headers: { cookie: reviewer.cookie },
        });
        assert.equal(response.status, 200);
        const html = await response.text();
        const quotes = all(html, /<blockquote\s+class="quote"[^>]*>([\s\S]*?)<\/blockquote>/g);
        assert.ok(quotes.length > 3, `${lang}: ${quotes.length} quotes to review`);
        for (const quote of quotes) {
          const marked = /<mark>([\s\S]*?)<\/mark>/.exec(quote)?.[1] ?? '';
          assert.ok(marked.length > 0, `${lang}: the value's words are marked`);
          assert.ok(
            text(quote).trim().length > marked.length,
            `${lang}: "${text(quote)}" is more than the value`,
          );
        }
      }
    });

    void it('gives the document highlights a key, for one record, all facts or none', async () => {
      const documentId = (
        await getJson<{ documents: { id: string }[] }>(atlas.url, `/api/instruments/${mali}`)
      ).body.documents[0]?.id;
      assert.ok(documentId);
      for (const [lang, key] of [
        ['fr', 'Légende'],
        ['en', 'Key'],
      ] as const) {
        const one = await page(atlas.url, `/documents/${documentId}?record=${mali}&lang=${lang}`);
        const box = /<section class="legend-box"[\s\S]*?<\/section>/.exec(one)?.[0] ?? '';
        assert.match(box, new RegExp(`<h2 id="legend-title">${key}</h2>`));
        assert.match(box, /<mark class="fact legend-sample">/);
        const everything = await page(atlas.url, `/documents/${documentId}?facts=all&lang=${lang}`);
        const marksOne = (one.match(/<mark class="fact"/g) ?? []).length;
        const marksAll = (everything.match(/<mark class="fact"/g) ?? []).length;
        assert.ok(
          marksOne > 0 && marksAll > marksOne,
          `${lang}: one record's facts (${marksOne}) < all (${marksAll})`,
        );
      }
    });

    void it('draws one year as one narrow bar, and says how many undated instruments it left out', async () => {
      const svg = String(timelineSvg([{ year: 2016, count: 3 }], translator('fr')));
      const width = Number(/ width="(\d+)"/.exec(svg)?.[1]);
      assert.ok(width <= 100, `one year: ${width} px wide`);
      const bar = Number(/<rect [^>]*width="(\d+)"/.exec(svg)?.[1]);
      assert.ok(bar <= 40, `one bar: ${bar} px`);
      const instruments = await getJson<{ total: number }>(atlas.url, '/api/instruments?limit=1');
      for (const [lang, words] of [
        ['fr', 'Les instruments sans date ne figurent pas sur le graphique'],
        ['en', 'Instruments without a date are not on the chart'],
      ] as const) {
        const html = await page(atlas.url, `/timeline?lang=${lang}`);
        const dated = all(html, /aria-label="\d{4}\s?: (\d+) instruments?"/g).reduce(
          (n, c) => n + Number(c),
          0,
        );
        const note = new RegExp(`${words}[^<]*?(\\d+) instruments?`).exec(html);
        assert.ok(note, `${lang}: the undated instruments are counted`);
        assert.equal(dated + Number(note[1]), instruments.body.total, `${lang}: dated + undated = all`);
      }
    });

    void it('writes money the French or English way and the network with a key and shapes', async () => {
      const fr = text(await page(atlas.url, '/countries/ML?lang=fr'));
      assert.match(fr, /145,1[\s\u00a0\u202f]M€/u);
      const en = text(await page(atlas.url, '/countries/ML?lang=en'));
      assert.match(en, /€145\.1\s?M/u);
      assert.ok(!/145100000|145\.100\.000/.test(fr + en), 'no raw amounts');
      for (const [lang, key] of [
        ['fr', 'Légende'],
        ['en', 'Key'],
      ] as const) {
        const html = await page(atlas.url, `/network?lang=${lang}`);
        assert.match(html, new RegExp(`class="network-legend" role="group" aria-label="${key}"`));
        // States, organizations and groups differ by shape, not colour alone.
        assert.match(html, /<circle/);
        assert.match(html, /<rect|<polygon|<path/);
      }
    });

    void it('shades countries with nothing apart and puts only countries with data in the tab order', async () => {
      for (const lang of ['fr', 'en'] as const) {
        for (const view of ['europe-africa', 'world']) {
          const html = await page(atlas.url, `/?view=${view}&lang=${lang}`);
          const map = /<svg class="map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
          const links = all(map, /<a href="\/countries\/([A-Z]{2})"/g);
          assert.ok(links.length > 5, `${lang} ${view}: countries with instruments are links`);
          // A shape with nothing (class c0) is never inside a link, and a linked shape is never c0.
          assert.ok(!/<a href="\/countries\/[A-Z]{2}"[^>]*>\s*<path class="c0"/.test(map));
          const idle = (map.match(/<path class="c0"/g) ?? []).length;
          assert.ok(idle > 50, `${lang} ${view}: ${idle} countries with nothing, drawn but not focusable`);
          assert.ok(!/tabindex="0"/.test(map));
        }
      }
      // Zero is hatched, one has a colour: the two shades differ by more than colour.
      const css = await page(atlas.url, '/assets/app.css');
      assert.match(css, /\.map \.c0 \{\s*fill: url\(#hatch\)/);
      const europe = await page(atlas.url, '/?lang=fr');
      assert.match(europe, /viewBox="0 0 960 760"/, 'the default view zooms on Europe and Africa');
    });

    void it('removes one filter chip at a time, keeping the others', async () => {
      const html = await page(atlas.url, '/search?q=migration&type=dialogue&country=ML&lang=fr');
      const chips = all(html, /<a class="chip" href="([^"]+)"/g).map((h) => h.replace(/&amp;/g, '&'));
      assert.equal(chips.length, 3);
      const params = chips.map((h) => [...new URL(h, atlas.url).searchParams.keys()].sort().join(','));
      assert.deepEqual(params.sort(), ['country,q', 'country,type', 'q,type']);
      const en = await page(atlas.url, '/search?q=migration&type=dialogue&country=ML&lang=en');
      assert.match(en, /\(Remove the filter\)/);
    });

    void it('pages the passages and applies the country filter to them', async () => {
      const count = (html: string) =>
        Number(
          /id="passage-results">[\s\S]*?\((\d[\d\s\u00a0\u202f,.]*) (?:résultats?|results?)\)/u
            .exec(html)?.[1]
            ?.replace(/\D/g, ''),
        );
      const first = await page(atlas.url, '/search?q=migration&lang=en');
      const total = count(first);
      assert.ok(total > 10, `${total} passages`);
      const firstLinks = all(first, /<article class="result passage">\s*<h3>\s*<a\s+href="([^"]+)"/g);
      assert.equal(firstLinks.length, 10);
      const next = /<nav class="pager" aria-label="Passages[^"]*">[\s\S]*?<a href="([^"]+)" rel="next"/.exec(
        first,
      );
      assert.ok(next, 'a next page of passages');
      const second = await page(atlas.url, (next[1] ?? '').replace(/&amp;/g, '&'));
      const secondLinks = all(second, /<article class="result passage">\s*<h3>\s*<a\s+href="([^"]+)"/g);
      assert.ok(secondLinks.length > 0 && secondLinks.every((l) => !firstLinks.includes(l)));
      const mali = await page(atlas.url, '/search?q=migration&country=ML&lang=fr');
      const filtered = count(mali);
      assert.ok(filtered > 0 && filtered < total, `country filter: ${filtered} of ${total}`);
      const api = async (query: string) =>
        (await getJson<{ total: number }>(atlas.url, `/api/search?q=migration&kind=passage${query}`)).body
          .total;
      const [everywhere, inMali] = [await api(''), await api('&country=ML')];
      assert.ok(inMali > 0 && inMali < everywhere, `API passages: ${inMali} of ${everywhere}`);
      // Every filter narrows the passages the same way on the page and in the API, and the pager
      // keeps it: language, type, topic, approach, years, country.
      for (const filter of [
        'language=fr',
        'type=readmission_agreement',
        'topic=return_readmission',
        'approach=positive_conditionality',
        'from=2016&to=2017',
        'country=ML&language=fr',
      ]) {
        const inApi = await api(`&${filter}`);
        assert.ok(inApi < everywhere, `${filter}: ${inApi} of ${everywhere} passages`);
        const shown = await page(atlas.url, `/search?q=migration&${filter}&lang=en`);
        assert.equal(inApi === 0 ? 0 : count(shown), inApi, `${filter}: the page counts what the API finds`);
        const pager = /<nav class="pager" aria-label="Passages[^"]*">[\s\S]*?<\/nav>/.exec(shown)?.[0] ?? '';
        for (const link of all(pager, /<a href="([^"]+)"/g)) {
          const params = new URL(link.replace(/&amp;/g, '&'), atlas.url).searchParams;
          for (const [key, value] of new URLSearchParams(filter)) {
            assert.equal(params.get(key), value, `${filter}: the next page keeps ${key}`);
          }
        }
      }
      const french = await getJson<{ items: { language: string }[] }>(
        atlas.url,
        '/api/search?q=migration&kind=passage&language=fr&limit=50',
      );
      assert.ok(french.body.items.length > 0 && french.body.items.every((h) => h.language === 'fr'));
    });

    void it('answers search with plain snippets, match offsets and a relevance out of 100', async () => {
      const r = await getJson<{
        items: {
          snippet: string;
          highlights: { start: number; end: number }[];
          relevance: number;
          title: string;
        }[];
      }>(atlas.url, '/api/search?q=readmission&limit=20');
      assert.ok(r.body.items.length > 0);
      for (const hit of r.body.items) {
        assert.ok(!/<\/?mark>|<[a-z]/i.test(hit.snippet), 'no HTML inside the JSON');
        assert.ok(hit.relevance >= 0 && hit.relevance <= 100 && Number.isInteger(hit.relevance));
        for (const h of hit.highlights) {
          assert.ok(
            h.start >= 0 && h.end > h.start && h.end <= hit.snippet.length,
            'offsets inside the snippet',
          );
          // A word of the query or one the search takes as the same ("retour" for readmission).
          assert.match(hit.snippet.slice(h.start, h.end), /^\p{L}+$/u);
        }
      }
      const words = r.body.items.flatMap((hit) =>
        hit.highlights.map((h) => hit.snippet.slice(h.start, h.end)),
      );
      assert.ok(
        words.some((w) => /^r[ée]admission$/i.test(w)),
        'the offsets point at the matched words',
      );
      const html = await page(atlas.url, '/search?q=readmission&lang=fr');
      assert.match(html, /Pertinence\s?: \d{1,3}\/100/);
      assert.ok(!/-\d+\.\d+/.test(text(/id="passage-results"[\s\S]*$/.exec(html)?.[0] ?? '')));
    });

    void it('asks comparison questions as whole questions with a subject', async () => {
      const r = await getJson<{ questions: { question: string; asked: string }[] }>(
        atlas.url,
        '/api/compare',
      );
      assert.ok(r.body.questions.length > 3);
      for (const q of r.body.questions) {
        assert.match(q.asked, /^(Which countries |Quels pays ).+(\?|\u00a0\?)$/u, q.asked);
      }
      const html = await page(atlas.url, '/analyses/compare?lang=fr');
      assert.ok(html.includes('Which countries use migration diplomacy at national level'));
      // On a French page, a question in its English source's words says so to screen readers.
      assert.match(
        html,
        /<option\s[^>]*translate="no"\s+lang="en"[^>]*>\s*Which countries use migration diplomacy/,
      );
      assert.match(html, /<a\s[^>]*translate="no"\s+lang="en"\s*>Which countries use migration diplomacy/);
      const one = r.body.questions[0];
      assert.ok(one);
      const chosen = await page(
        atlas.url,
        `/analyses/compare?question=${encodeURIComponent(one.question)}&lang=en`,
      );
      assert.ok(text(chosen).includes(one.asked.replace(/'/g, "'")), 'the chosen question is asked whole');
      // A comparison by instrument type asks its own question in the reader's language, never a code.
      for (const [lang, asked] of [
        ['fr', 'Quels États recourent à des envoyés spéciaux\u00a0?'],
        ['en', 'Which states use special envoys?'],
      ] as const) {
        const envoys = await page(atlas.url, `/analyses/compare?type=envoy&lang=${lang}`);
        assert.ok(envoys.includes(`<h2>${asked}</h2>`), `${lang}: ${asked}`);
        assert.ok(!/>\s*envoy\s*</.test(envoys), `${lang}: no bare type code`);
        const api = await getJson<{ question: string; count: number }>(
          atlas.url,
          `/api/compare?type=envoy&lang=${lang}`,
        );
        assert.equal(api.body.question, asked);
        assert.ok(api.body.count > 0);
      }
    });

    void it('writes the titles the atlas built in the reader’s language, source titles as written', async () => {
      const r = await getJson<{ items: { id: string; title: string }[] }>(
        atlas.url,
        '/api/instruments?q=Slovenia&limit=20',
      );
      const built = r.body.items.find((i) => i.title.startsWith('Joint declaration Morocco–Slovenia'));
      assert.ok(built, 'a title built in English');
      const fr = await page(atlas.url, `/instruments/${built.id}?lang=fr`);
      assert.match(
        fr,
        /<h1><span class="built-title">Déclaration conjointe Maroc–Slovénie[^<]*<\/span><\/h1>/,
      );
      const en = await page(atlas.url, `/instruments/${built.id}?lang=en`);
      assert.match(en, /<h1><span class="built-title">Joint declaration Morocco–Slovenia/);
      // The same in the downloads that take a language, and in the briefing pack.
      for (const [lang, title] of [
        ['fr', 'Déclaration conjointe Maroc–Slovénie'],
        ['en', 'Joint declaration Morocco–Slovenia'],
      ] as const) {
        const csv = await (
          await fetch(`${atlas.url}/api/instruments?q=Slovenia&format=csv&lang=${lang}`)
        ).text();
        assert.ok(csv.includes(title), `${lang}: the CSV writes "${title}"`);
        const hits = await (
          await fetch(`${atlas.url}/api/search?q=Slovenia&kind=instrument&format=csv&lang=${lang}`)
        ).text();
        assert.ok(hits.includes(title), `${lang}: the search CSV writes "${title}"`);
        const brief = await page(atlas.url, `/countries/SI/brief?lang=${lang}`);
        assert.match(brief, new RegExp(`<span class="built-title">${title}`), `${lang}: the brief`);
      }
      // A title from the source stays as written, in both languages.
      const named = await page(atlas.url, `/instruments/${mali}?lang=en`);
      assert.match(named, /<h1><span translate="no">Dialogue de Haut Niveau sur la Migration<\/span><\/h1>/);
    });
  },
  (engine) => `figures and words an official can trust, on ${engine}`,
);
