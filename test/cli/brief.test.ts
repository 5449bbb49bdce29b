/**
 * `mda brief ML --lang fr|en --out brief.pdf`: the briefing pack printed to PDF by Debian's
 * Chromium from a real atlas (the corpus ingested into a database file). The PDF's text (read back
 * with unpdf) has every section heading in the chosen language and none in the other, the
 * "not stated" words of its language, the figures and dates written its way, and the sources cited.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Language } from '../../src/domain/model.ts';
import { BRIEF_SECTIONS } from '../../src/web/brief.ts';
import { translator } from '../../src/web/i18n.ts';
import { mda } from '../support/cli.ts';

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  // Table cells and long headings wrap over lines in the PDF: compare on single spaces.
  return text.replace(/\s+/g, ' ');
}

const headings = (lang: Language): string[] => BRIEF_SECTIONS.map(([, key]) => translator(lang).t(key));

void describe('mda brief', () => {
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mda-brief-'));
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
      // The sources cited: the Mali dialogue's document, numbered, with its file title.
      assert.match(text, /\[1\] /);
      assert.ok(text.includes('mali-eu-high-level-dialogue-2016.fr'), 'the cited document');
    });
  }

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
});
