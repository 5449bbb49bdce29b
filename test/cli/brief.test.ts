/**
 * `mda brief ML --lang fr|en --out brief.pdf`: the briefing pack printed to PDF by Debian's
 * Chromium from a real atlas (the corpus ingested into a database file). The PDF's text (read back
 * with unpdf) has every section heading in the chosen language and none in the other, the
 * "not stated" words of its language, the figures and dates written its way, and the sources cited.
 * The money followed through IATI reads "not stated" until an IATI file is imported and its
 * activities linked; then the JSON brief and both PDFs carry committed, disbursed and spent by year
 * in the original currencies, the results and the announced amount against the activity data, and
 * a common currency only when `--rates` names a table.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { IatiLink } from '../../src/domain/iati/model.ts';
import type { Language } from '../../src/domain/model.ts';
import { BriefSchema } from '../../src/http/countries/schema.ts';
import { briefFor } from '../../src/services/brief.ts';
import { openAtlas } from '../../src/storage/database.ts';
import { databaseFile } from '../../src/storage/paths.ts';
import { BRIEF_SECTIONS } from '../../src/web/brief.ts';
import { translator, type MessageKey } from '../../src/web/i18n.ts';
import { mda } from '../support/cli.ts';
import { copySqliteTemplate } from '../support/templates.ts';

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  // Table cells and long headings wrap over lines in the PDF: compare on single spaces.
  return text.replace(/\s+/g, ' ');
}

/** The brief as the JSON API answers it, from the atlas in the data folder (schema-checked). */
async function briefJson(dataDir: string) {
  const atlas = await openAtlas({ dataDir });
  try {
    const brief = await briefFor(atlas, 'ML', '2026-12-01');
    return BriefSchema.parse(JSON.parse(JSON.stringify(brief)));
  } finally {
    await atlas.store.close();
  }
}

const headings = (lang: Language): string[] => BRIEF_SECTIONS.map(([, key]) => translator(lang).t(key));

void describe('mda brief', () => {
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mda-brief-'));
    // The run's prepared corpus atlas when there is one (the ingestion is not what is tested here).
    if (await copySqliteTemplate('corpus', databaseFile(dir))) return;
    const ingest = await mda('--data', dir, 'ingest', 'corpus');
    assert.equal(ingest.code, 0, ingest.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const lang of ['fr', 'en'] as const) {
    const other: Language = lang === 'fr' ? 'en' : 'fr';
    void it(`writes a PDF with every section, in ${lang === 'fr' ? 'French' : 'English'}`, async () => {
      const file = join(dir, `brief-${lang}.pdf`);
      const run = await mda(
        '--data',
        dir,
        'brief',
        'ML',
        '--lang',
        lang,
        '--out',
        file,
        '--today',
        '2026-12-01',
      );
      assert.equal(run.code, 0, run.stderr);
      assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
      const text = await pdfText(file);
      for (const heading of headings(lang)) {
        assert.ok(text.includes(heading), `${lang}: heading "${heading}"`);
      }
      for (const heading of headings(other)) {
        // "Indicators"/"Indicateurs" differ; a heading the two languages share is not evidence.
        if (headings(lang).includes(heading)) continue;
        assert.ok(!text.includes(heading), `${lang}: heading of the other language "${heading}"`);
      }
      const tr = translator(lang);
      assert.ok(text.includes(`${tr.t('briefTitle')}${tr.colon}Mali`.replace(/\s+/g, ' ')), 'title');
      assert.ok(text.includes(tr.t('notStated')), `${lang}: "${tr.t('notStated')}"`);
      assert.ok(
        !text.includes(translator(other).t('notStated')),
        `${lang}: no "${translator(other).t('notStated')}"`,
      );
      // Dates and sums the reader's way; the next dialogue's deadline is "before September 2017".
      assert.ok(text.includes(lang === 'fr' ? 'septembre 2017' : 'September 2017'), `${lang}: deadline`);
      assert.ok(text.includes(lang === 'fr' ? '1 décembre 2026' : '1 December 2026'), `${lang}: prepared on`);
      assert.match(text, lang === 'fr' ? /145,1 M€/ : /€145\.1M/);
      // No IATI file imported yet: the money followed is not stated, stage by stage.
      for (const stage of ['committed', 'disbursed', 'spent'] as const) {
        const line = `${tr.t(stage)}${tr.colon}${tr.t('notStated')}`.replace(/\s+/g, ' ');
        assert.ok(text.includes(line), `${lang}: "${line}"`);
      }
      assert.ok(text.includes(tr.t('fundingNone')), `${lang}: no IATI activity`);
      // The sources cited: the Mali dialogue's document, numbered; it states no title, so it is
      // "untitled" in the reader's language, named by its file (the PDF may break the long name).
      assert.match(text, /\[1\] /);
      assert.ok(text.includes(`${tr.t('untitledDocument')} (${tr.t('untitledFile')}`), `${lang}: untitled`);
      assert.ok(
        text.replace(/\s+/g, '').includes('mali-eu-high-level-dialogue-2016.fr.txt'),
        'the cited document',
      );
    });
  }

  void it('gives an empty money chain in the JSON brief before any IATI file', async () => {
    const brief = await briefJson(dir);
    assert.deepEqual(
      [brief.moneyChain.activities, brief.moneyChain.byYear, brief.moneyChain.common],
      [[], [], null],
    );
  });

  void it('writes the HTML file, or prints it, with --format html', async () => {
    const file = join(dir, 'brief.html');
    const run = await mda('--data', dir, '--lang', 'fr', 'brief', 'ML', '--out', file);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<html lang="fr">/);
    for (const [id] of BRIEF_SECTIONS) assert.match(html, new RegExp(`id="${id}"`));
    const printed = await mda('--data', dir, 'brief', 'ML', '--format', 'html');
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /<h2 id="brief-sources">Sources cited<\/h2>/);
  });

  void it('refuses a bad country, a bad date and a PDF without a file, writing nothing', async () => {
    const bad = await mda('--data', dir, 'brief', 'XX', '--out', join(dir, 'x.pdf'));
    assert.equal(bad.code, 64);
    const badDay = await mda(
      '--data',
      dir,
      'brief',
      'ML',
      '--today',
      '2026-02-30',
      '--out',
      join(dir, 'y.pdf'),
    );
    assert.equal(badDay.code, 64);
    const noFile = await mda('--data', dir, 'brief', 'ML');
    assert.equal(noFile.code, 64);
    assert.match(noFile.stderr, /--out/);
    assert.ok(!existsSync(join(dir, 'x.pdf')) && !existsSync(join(dir, 'y.pdf')));
  });

  void it('follows the money once an IATI file is imported and linked, in JSON and both PDFs', async () => {
    const imported = await mda('--data', dir, 'iati', 'import', 'test/fixtures/iati/eutf-mali.xml');
    assert.equal(imported.code, 0, imported.stderr);
    const suggested = await mda('--data', dir, 'iati', 'suggest', '--country', 'ML', '--json');
    assert.equal(suggested.code, 0, suggested.stderr);
    const byAmount = (JSON.parse(suggested.stdout) as { link: IatiLink }[])
      .map((s) => s.link)
      .filter((l) => l.reasons.some((r) => r.startsWith('amount:')));
    assert.ok(byAmount.length > 0, 'links suggested by amount');
    for (const link of byAmount) {
      const review = await mda('--data', dir, 'iati', 'review', link.id, 'accept', '--by', 'ana');
      assert.equal(review.code, 0, review.stderr);
    }

    const { moneyChain } = await briefJson(dir);
    assert.deepEqual(
      moneyChain.byYear.map((r) => [
        r.year,
        r.currency,
        r.committed,
        r.disbursed,
        r.spent,
        r.stated.join(' '),
      ]),
      [
        [2016, 'EUR', 53_600_000, 0, 0, 'committed'],
        [2017, 'EUR', 91_500_000, 20_000_000, 0, 'committed disbursed'],
        [2018, 'EUR', 0, 0, 12_500_000, 'spent'],
        [2018, 'USD', 0, 10_000_000, 0, 'disbursed'],
      ],
    );
    const announced = moneyChain.announced.find((a) => a.announced.value === 145_100_000);
    assert.deepEqual([announced?.matchedTo, announced?.gap], ['activities', 0]);
    assert.equal(moneyChain.common, null, 'no rate table, no conversion');

    const rates = join(dir, 'rates.csv');
    writeFileSync(rates, 'from,to,year,rate\nUSD,EUR,2018,0.85\n');
    for (const lang of ['fr', 'en'] as const) {
      const tr = translator(lang);
      const file = join(dir, `brief-chain-${lang}.pdf`);
      // French with the rate table, English without: the conversion shows only where a table was given.
      const withRates = lang === 'fr' ? ['--rates', rates] : [];
      const run = await mda(
        '--data',
        dir,
        'brief',
        'ML',
        '--lang',
        lang,
        '--out',
        file,
        '--today',
        '2026-12-01',
        ...withRates,
      );
      assert.equal(run.code, 0, run.stderr);
      const text = await pdfText(file);
      assert.ok(text.includes(tr.t('moneyFollowed')), `${lang}: the section`);
      assert.ok(!text.includes(tr.t('fundingNone')), `${lang}: activities found`);
      const heads: MessageKey[] = [
        'committed',
        'disbursed',
        'spent',
        'totalsByCurrency',
        'announcedVsData',
        'gap',
      ];
      for (const head of heads) {
        const words = tr.t(head).replace(/\s+/g, ' ');
        assert.ok(text.includes(words), `${lang}: "${words}"`);
      }
      // Committed 53.6 M€ in 2016, 91.5 M€ in 2017 (145.1 M€ in all), disbursed 20 M€ and 10 M US
      // dollars, spent 12.5 M€: each in its currency (named beside it), written the reader's way.
      const figures =
        lang === 'fr'
          ? [/53,6 M€/, /91,5 M€/, /20 M€/, /12,5 M€/, /10 M\$/]
          : [/€53\.6M/, /€91\.5M/, /€20M/, /€12\.5M/, /\$10M/];
      for (const figure of figures) assert.match(text, figure, `${lang}: ${String(figure)}`);
      assert.ok(text.includes(lang === 'fr' ? 'dollar des États-Unis' : 'US Dollar'), `${lang}: currency`);
      assert.ok(
        text.includes(lang === 'fr' ? 'Nombre de jeunes employés' : 'Number of young people employed'),
        `${lang}: the result reported`,
      );
      assert.ok(text.includes(tr.t('notStated')), `${lang}: a stage not reported is not stated`);
      const converted = `${tr.t('convertedInto')} euro ${tr.t('convertedWith')} rates.csv`;
      assert.equal(text.includes(converted.replace(/\s+/g, ' ')), lang === 'fr', `${lang}: "${converted}"`);
      if (lang === 'en') assert.ok(!text.includes(tr.t('convertedInto')), 'en: nothing converted');
    }
  });
});
