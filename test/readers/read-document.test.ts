/**
 * readDocument on real files of every supported format, written into a temp dir: accented French and
 * English survive the round trip, titles are found, and content sniffing overrides a lying extension.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDocument } from '../../src/readers/index.ts';
import { writeDocx, writePdf } from '../fixtures/documents.ts';

const FRENCH = 'La réadmission des ressortissants maliens';
const ENGLISH = 'The fund totals € 7.4 billion.';
const ACCENTS = 'Coopération à Bamako, façon côte, première étape.';

let dir: string;
const at = (name: string): string => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-readers-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Asserts the text holds each expected sentence. */
function assertHolds(text: string, ...sentences: string[]): void {
  for (const sentence of sentences) {
    assert.ok(text.includes(sentence), `missing ${JSON.stringify(sentence)} in ${JSON.stringify(text)}`);
  }
}

void describe('plain text', () => {
  void it('reads UTF-8 and takes the title from the file name', async () => {
    const file = at('dialogue-ue-mali.fr.txt');
    await writeFile(file, `${FRENCH}.\n\n${ENGLISH}\n`);
    const doc = await readDocument(file);
    assert.equal(doc.format, 'text');
    assert.equal(doc.title, 'dialogue-ue-mali.fr');
    assert.equal(doc.text, `${FRENCH}.\n\n${ENGLISH}`);
    assert.equal(doc.path, file);
    assert.equal(doc.bytes, Buffer.byteLength(`${FRENCH}.\n\n${ENGLISH}\n`));
  });

  void it('normalises CRLF, decomposed accents (NFC), trailing spaces and runs of blank lines', async () => {
    const file = at('crlf.txt');
    await writeFile(file, 'La re\u0301admission  \r\n\r\n\r\n\r\nSecond paragraphe\rfin\r\n');
    const doc = await readDocument(file);
    assert.equal(doc.text, 'La réadmission\n\nSecond paragraphe\nfin');
  });

  void it('drops a UTF-8 byte-order mark', async () => {
    const file = at('bom.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]));
    assert.equal((await readDocument(file)).text, FRENCH);
  });

  void it('reads UTF-16 LE and BE with a byte-order mark', async () => {
    const le = at('utf16le.txt');
    await writeFile(
      le,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${FRENCH}\n${ENGLISH}`, 'utf16le')]),
    );
    assert.equal((await readDocument(le)).text, `${FRENCH}\n${ENGLISH}`);
    const be = at('utf16be.txt');
    const swapped = Buffer.from(`${FRENCH}\n${ENGLISH}`, 'utf16le').swap16();
    await writeFile(be, Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    assert.equal((await readDocument(be)).text, `${FRENCH}\n${ENGLISH}`);
  });
});

void describe('Markdown', () => {
  void it('drops the markup, keeps headings and list items as their own lines, titles from the first heading', async () => {
    const file = at('note.md');
    await writeFile(
      file,
      `# Dialogue *UE–Mali* sur la migration\n\n${FRENCH} [lien](http://example.org) **2016**.\n\n## Financement\n\n- ${ENGLISH}\n- ${ACCENTS}\n`,
    );
    const doc = await readDocument(file);
    assert.equal(doc.format, 'markdown');
    assert.equal(doc.title, 'Dialogue UE–Mali sur la migration');
    assert.equal(
      doc.text,
      `Dialogue UE–Mali sur la migration\n\n${FRENCH} lien 2016.\n\nFinancement\n\n- ${ENGLISH}\n- ${ACCENTS}`,
    );
  });

  void it('keeps the text after an opening thematic break (not front matter) and drops the rule', async () => {
    const file = at('regle.md');
    await writeFile(file, `---\n\n${FRENCH}.\n\n---\n\n${ENGLISH}\n`);
    const doc = await readDocument(file);
    assert.equal(doc.text, `${FRENCH}.\n\n${ENGLISH}`);
    assert.equal(doc.title, 'regle');
  });

  void it('takes the title from YAML front matter and leaves the front matter out of the text', async () => {
    const file = at('front.markdown');
    await writeFile(file, `---\ntitle: "Processus de Rabat"\nlang: fr\n---\n\n${FRENCH}.\n`);
    const doc = await readDocument(file);
    assert.equal(doc.title, 'Processus de Rabat');
    assert.equal(doc.text, `${FRENCH}.`);
  });
});

void describe('HTML', () => {
  const page = (title: string) =>
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title><style>p{color:red}</style>` +
    `<script>var secret = "ne pas lire";</script></head><body><nav><a href="/">Accueil</a> | Menu</nav>` +
    `<h1>Réunion &amp; dialogue</h1><p>${FRENCH} <a href="https://example.org">ici</a>.</p>` +
    `<ul><li>${ENGLISH}</li><li>${ACCENTS}</li></ul><h2>Suite</h2><p>Fin&nbsp;du texte.</p></body></html>`;

  void it('keeps visible text, headings and list items; skips script, style and nav', async () => {
    const file = at('page.html');
    await writeFile(file, page('Processus de Rabat – réunion thématique'));
    const doc = await readDocument(file);
    assert.equal(doc.format, 'html');
    assert.equal(doc.title, 'Processus de Rabat – réunion thématique');
    assert.equal(
      doc.text,
      `Réunion & dialogue\n\n${FRENCH} ici.\n\n- ${ENGLISH}\n- ${ACCENTS}\n\nSuite\n\nFin\u00a0du texte.`,
    );
    assert.ok(!doc.text.includes('secret') && !doc.text.includes('Accueil') && !doc.text.includes('color'));
  });

  void it('loses nothing from a page over 16 Mi characters (html-to-text truncates by default)', async () => {
    const file = at('long.html');
    const filler = '<p>La réadmission des ressortissants maliens.</p>\n'.repeat(340_000);
    await writeFile(file, `<html><body>${filler}<p>Dernier paragraphe.</p></body></html>`);
    const doc = await readDocument(file);
    assert.ok(doc.text.endsWith('Dernier paragraphe.'), doc.text.slice(-80));
  });

  void it('falls back to the first heading when <title> is empty', async () => {
    const file = at('untitled.htm');
    await writeFile(file, page('  '));
    assert.equal((await readDocument(file)).title, 'Réunion & dialogue');
  });

  void it('reads an HTML page saved with a .txt extension as HTML', async () => {
    const file = at('saved-page.txt');
    await writeFile(file, page('Page enregistrée'));
    const doc = await readDocument(file);
    assert.equal(doc.format, 'html');
    assert.equal(doc.title, 'Page enregistrée');
    assertHolds(doc.text, FRENCH);
  });
});

void describe('DOCX', () => {
  void it('reads paragraphs as blank-line separated text with the first heading as title', async () => {
    const file = at('communique.docx');
    await writeDocx(file, [`${FRENCH}.`, ENGLISH, ACCENTS], 'Communiqué conjoint Mali – UE');
    const doc = await readDocument(file);
    assert.equal(doc.format, 'docx');
    assert.equal(doc.title, 'Communiqué conjoint Mali – UE');
    assert.equal(doc.text, `Communiqué conjoint Mali – UE\n\n${FRENCH}.\n\n${ENGLISH}\n\n${ACCENTS}`);
  });

  void it('uses the file name when there is no heading, and reads a .docx saved as .txt', async () => {
    const file = at('sans-titre.txt');
    await writeDocx(file, [FRENCH]);
    const doc = await readDocument(file);
    assert.equal(doc.format, 'docx');
    assert.equal(doc.title, 'sans-titre');
    assert.equal(doc.text, FRENCH);
  });
});

void describe('PDF', () => {
  void it('reads the text layer of every page, with the metadata title', async () => {
    const file = at('inform.pdf');
    await writePdf(file, {
      metadataTitle: 'Diplomatie migratoire – analyse',
      blocks: [`${FRENCH}.`, ENGLISH, null, ACCENTS],
    });
    const doc = await readDocument(file);
    assert.equal(doc.format, 'pdf');
    assert.equal(doc.title, 'Diplomatie migratoire – analyse');
    assertHolds(doc.text, `${FRENCH}.`, ENGLISH, ACCENTS);
    assert.ok(doc.text.indexOf(ENGLISH) < doc.text.indexOf(ACCENTS), 'pages stay in order');
  });

  void it('reads a PDF that has no extension at all, by its content', async () => {
    const file = at('telechargement');
    await writePdf(file, { metadataTitle: 'Untitled', blocks: ['Fonds fiduciaire', ENGLISH] });
    const doc = await readDocument(file);
    assert.equal(doc.format, 'pdf');
    assert.equal(doc.title, 'Fonds fiduciaire', 'a placeholder metadata title is ignored');
  });

  void it('takes the first line as title when the metadata has none, and reads a PDF saved as .txt', async () => {
    const file = at('export.txt');
    await writePdf(file, { blocks: ['Réadmission et mobilité', `${FRENCH}.`] });
    const doc = await readDocument(file);
    assert.equal(doc.format, 'pdf');
    assert.equal(doc.title, 'Réadmission et mobilité');
    assertHolds(doc.text, FRENCH);
  });
});
