/**
 * Documents as sources: fields read from the text with evidence, `mda document set` (validated,
 * recorded with who and when) and `mda document cite` in BibTeX, RIS and CSL-JSON.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDocumentSource } from '../../src/extraction/document-source.ts';
import { openAtlasStore } from '../../src/storage/database.ts';
import { mda } from '../support/cli.ts';

const EMN = 'corpus/emn-oecd-migration-diplomacy-2024.en.txt';
const MALI = 'corpus/mali-eu-high-level-dialogue-2016.fr.txt';

void describe('source fields read from the text', () => {
  void it('reads a title line, a publisher, a "Published" date and a labelled URL, each with its span', () => {
    const text =
      'Rapport annuel sur la mobilité\n\nPublié par le Ministère des Affaires étrangères\n\nRabat, le 12 mars 2019\n\nSource : https://example.org/rapport.pdf\n\nLe présent rapport décrit la coopération.';
    const source = readDocumentSource(text, 'fr');
    assert.equal(source.title?.value, 'Rapport annuel sur la mobilité');
    assert.equal(source.publisher?.value, 'Ministère des Affaires étrangères');
    assert.equal(source.published?.value, '2019-03-12');
    assert.equal(source.url?.value, 'https://example.org/rapport.pdf');
    for (const field of [source.title, source.publisher, source.published, source.url]) {
      assert.ok(field !== null);
      assert.equal(text.slice(field.start, field.end), field.quote);
    }
  });
  void it('gives null, never a guess, where the head is running text', () => {
    const text =
      'À l’invitation du Ministre des Affaires étrangères, de l’Intégration africaine et de la Coopération\nde la République du Mali, le Ministre a visité Bamako dans le cadre du dialogue.';
    const source = readDocumentSource(text, 'fr');
    assert.equal(source.title, null);
    assert.equal(source.url, null);
  });
});

void describe('mda document set / cite', () => {
  let dir = '';
  let emnId = '';
  let maliId = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mda-docsrc-'));
    const ingest = await mda('--data', dir, 'ingest', EMN, MALI);
    assert.equal(ingest.code, 0, ingest.stderr);
    const list = await mda('--data', dir, 'documents', '--json');
    const items = (JSON.parse(list.stdout) as { items: { id: string; sourcePath: string }[] }).items;
    emnId = items.find((d) => d.sourcePath.endsWith('emn-oecd-migration-diplomacy-2024.en.txt'))?.id ?? '';
    maliId = items.find((d) => d.sourcePath.endsWith('mali-eu-high-level-dialogue-2016.fr.txt'))?.id ?? '';
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  void it('stores the title, publisher and date the EMN inform states, titled not by its file name', async () => {
    const store = await openAtlasStore({ dataDir: dir });
    try {
      const document = await store.getDocument(emnId);
      assert.equal(document.title, 'Migration diplomacy: An analysis of policy approaches and instruments');
      assert.match(document.publisher ?? '', /European Migration Network/);
      assert.equal(document.published, '2024-11');
      assert.equal(document.fileTitle, 'emn-oecd-migration-diplomacy-2024.en');
      const history = await store.documentSourceHistory(emnId);
      const title = history.find((h) => h.field === 'title');
      assert.ok(title?.span !== null && title?.assertedBy.startsWith('extractor:'));
    } finally {
      await store.close();
    }
  });

  void it('sets fields with validation and records who changed them', async () => {
    const bad = await mda('--data', dir, 'document', 'set', maliId, '--url', 'javascript:alert(1)');
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /http or https/);
    const badDate = await mda('--data', dir, 'document', 'set', maliId, '--date', '2016-02-30');
    assert.equal(badDate.code, 64);
    const missing = await mda('--data', dir, 'document', 'set', 'doc_missing', '--title', 'x');
    assert.equal(missing.code, 66);
    const ana = await mda(
      '--data',
      dir,
      'user',
      'add',
      'ana@example.org',
      '--name',
      'Ana',
      '--role',
      'contributor',
    );
    assert.equal(ana.code, 0, ana.stderr);
    const set = await mda(
      '--data',
      dir,
      '--lang',
      'en',
      'document',
      'set',
      maliId,
      '--title',
      'Visite du Ministre Koenders au Mali',
      '--publisher',
      'Union européenne',
      '--date',
      '2016-04-14',
      '--url',
      'https://example.org/mali',
      '--lang',
      'fr',
      '--as',
      'ana@example.org',
      '--json',
    );
    assert.equal(set.code, 0, set.stderr);
    const shown = JSON.parse(set.stdout) as { title: string; published: string; language: string };
    assert.equal(shown.title, 'Visite du Ministre Koenders au Mali');
    assert.equal(shown.published, '2016-04-14');
    assert.equal(shown.language, 'fr');
    const store = await openAtlasStore({ dataDir: dir });
    try {
      const history = await store.documentSourceHistory(maliId);
      const ana = await store.people.findUserByEmail('ana@example.org');
      const byAna = history.filter((h) => h.assertedBy === `user:${ana?.id}`);
      assert.deepEqual(byAna.map((h) => h.field).sort(), ['published', 'publisher', 'title', 'url']);
      assert.ok(byAna.every((h) => h.span === null && !Number.isNaN(Date.parse(h.at))));
    } finally {
      await store.close();
    }
  });

  void it('cites in CSL-JSON with the schema fields and types', async () => {
    const run = await mda('--data', dir, 'document', 'cite', maliId, '--format', 'csl');
    assert.equal(run.code, 0, run.stderr);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.equal(items.length, 1);
    const item = items[0] as Record<string, unknown>;
    // The CSL data schema's fields used here, with their types.
    const allowed = new Set(['id', 'type', 'title', 'author', 'publisher', 'issued', 'URL', 'language']);
    for (const key of Object.keys(item)) assert.ok(allowed.has(key), `unexpected CSL field ${key}`);
    assert.equal(item.type, 'report');
    assert.equal(item.title, 'Visite du Ministre Koenders au Mali');
    assert.deepEqual(item.author, [{ literal: 'Union européenne' }]);
    assert.deepEqual(item.issued, { 'date-parts': [[2016, 4, 14]] });
    assert.equal(item.URL, 'https://example.org/mali');
  });

  void it('cites in BibTeX (one balanced entry with key and fields) and RIS (TY first, ER last)', async () => {
    const bib = (await mda('--data', dir, 'document', 'cite', maliId, '--format', 'bibtex')).stdout;
    const entry = /^@(\w+)\{([^,\s]+),\n([\s\S]*)\}\s*$/.exec(bib);
    assert.ok(entry, bib);
    assert.equal(entry[1], 'techreport');
    assert.equal(entry[2], maliId);
    let depth = 0;
    for (const char of bib.replace(/\\[{}]/g, '')) {
      depth += char === '{' ? 1 : char === '}' ? -1 : 0;
      assert.ok(depth >= 0);
    }
    assert.equal(depth, 0);
    const fields = new Map(
      [...(entry[3] ?? '').matchAll(/^\s{2}(\w+) = (.+?),?$/gm)].map((m) => [m[1], m[2]]),
    );
    assert.equal(fields.get('title'), '{Visite du Ministre Koenders au Mali}');
    assert.equal(fields.get('year'), '{2016}');
    assert.equal(fields.get('month'), 'apr');
    assert.equal(fields.get('url'), '{https://example.org/mali}');

    const ris = (await mda('--data', dir, 'document', 'cite', maliId, '--format', 'ris')).stdout;
    const lines = ris.split('\r\n').filter((line) => line !== '');
    assert.ok(
      lines.every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line)),
      ris,
    );
    assert.equal(lines[0], 'TY  - RPRT');
    assert.equal(lines.at(-1), 'ER  - ');
    assert.ok(lines.includes('TI  - Visite du Ministre Koenders au Mali'));
    assert.ok(lines.includes('DA  - 2016/04/14/'));
    assert.ok(lines.includes('UR  - https://example.org/mali'));
  });
});
