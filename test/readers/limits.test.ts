/**
 * The readers' safety limits on real files: DOCX archives refused before inflating (size, entries,
 * ratio, a header that lies), HTML and Markdown nested too deep, too many characters. Each refusal
 * is one `document_over_limit` line naming the file and the limit; documents under the limits read.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AtlasErrorCode } from '../../src/domain/errors.ts';
import { AtlasError } from '../../src/domain/errors.ts';
import { htmlNestingDepth } from '../../src/readers/html-nesting.ts';
import { markdownNestingDepth } from '../../src/readers/limits.ts';
import {
  DEFAULT_MAX_CHARACTERS,
  DOCX_LIMITS,
  MAX_HTML_NESTING,
  MAX_MARKDOWN_NESTING,
  readDocument,
} from '../../src/readers/index.ts';
import type { ReadOptions } from '../../src/readers/index.ts';
import {
  crowdedDocx,
  inflatingDocx,
  lyingDocx,
  nestedHtml,
  nestedMarkdownLists,
} from '../fixtures/hostile.ts';

let dir: string;
const at = (name: string): string => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-limits-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reads `file` and checks the refusal: its code, one line, the file named, the reason. */
async function assertRefused(
  file: string,
  reason: RegExp,
  options: ReadOptions = {},
  code: AtlasErrorCode = 'document_over_limit',
): Promise<AtlasError> {
  let caught: AtlasError | undefined;
  await assert.rejects(readDocument(file, options), (error: unknown) => {
    assert.ok(error instanceof AtlasError, `expected an AtlasError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(error.message.startsWith(`${file}: `), `names the file: ${error.message}`);
    assert.match(error.message, reason);
    assert.ok(!error.message.includes('\n'), 'one line');
    caught = error;
    return true;
  });
  assert.ok(caught !== undefined);
  return caught;
}

void describe('DOCX archives', () => {
  void it('refuses a body over the limit from the central directory, before inflating it', async () => {
    const file = at('bombe.docx');
    const bytes = await inflatingDocx(DOCX_LIMITS.maxDocumentXmlBytes + 1024 * 1024);
    assert.ok(bytes.length < 1024 * 1024, `a small file (${bytes.length} bytes)`);
    await writeFile(file, bytes);
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await assertRefused(
      file,
      /word\/document\.xml\) of 33\.\d MiB is over the limit of 32\.0 MiB/,
    );
    assert.equal(error.detail.limit, 'docx_document_xml_bytes');
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 20 * 1024 * 1024, 'nothing inflated in memory');
  });

  void it('refuses a part that inflates far more than Word files do', async () => {
    const file = at('compressée.docx');
    await writeFile(file, await inflatingDocx(4 * 1024 * 1024));
    const error = await assertRefused(
      file,
      /word\/document\.xml inflates [\d,]+ times, over the limit of 100 times/,
    );
    assert.equal(error.detail.limit, 'docx_compression_ratio');
  });

  void it('refuses a part that inflates past the size its header declares', async () => {
    const file = at('menteuse.docx');
    await writeFile(file, await lyingDocx(4 * 1024 * 1024));
    await assertRefused(file, /corrupt DOCX: .*too many bytes/i, {}, 'unreadable_file');
  });

  void it('refuses an archive of more entries than the limit', async () => {
    const file = at('foule.docx');
    await writeFile(file, await crowdedDocx(DOCX_LIMITS.maxEntries + 1));
    const error = await assertRefused(file, /more than 10,000 entries/);
    assert.equal(error.detail.limit, 'docx_entries');
  });

  void it('reads a DOCX under the limits', async () => {
    const file = at('normale.docx');
    await writeFile(file, await inflatingDocx(50 * 1024));
    const document = await readDocument(file);
    assert.equal(document.format, 'docx');
    assert.match(
      document.text,
      /^La coopération migratoire avance\.\n\n[\s\S]*\n\nAccord de réadmission entre le Maroc et la France\.$/,
    );
  });
});

void describe('nesting depth', () => {
  void it('counts HTML depth as the parser builds the tree (implied ends, void elements)', () => {
    assert.equal(htmlNestingDepth('<p>a<p>b<p>c', 100), 1);
    assert.equal(htmlNestingDepth('<ul><li>a<li>b<li>c</ul>', 100), 2);
    assert.equal(htmlNestingDepth('<div><br><img src=x><hr></div>', 100), 2);
    assert.equal(htmlNestingDepth(nestedHtml(50), 100), 52);
    assert.equal(htmlNestingDepth(nestedHtml(500), 100), 101, 'stops past the limit');
  });

  void it('refuses HTML nested 1,000 and 3,000 levels with one line, and reads 400 levels', async () => {
    for (const depth of [1000, 3000]) {
      const file = at(`profond-${depth}.html`);
      await writeFile(file, nestedHtml(depth, 'ul'));
      const error = await assertRefused(file, new RegExp(`nesting deeper than ${MAX_HTML_NESTING} levels`));
      assert.equal(error.detail.limit, 'nesting_depth');
    }
    const file = at('profond-400.html');
    await writeFile(file, nestedHtml(400, 'ul'));
    assert.match((await readDocument(file)).text, /Accord avec le Mali\./);
  });

  void it('estimates Markdown nesting from indentation and markers, skipping fenced code', () => {
    assert.equal(markdownNestingDepth('- a\n  - b\n    - c\n- d\n', 100), 3);
    assert.equal(markdownNestingDepth('> > > quote\n', 100), 3);
    assert.equal(markdownNestingDepth('1. a\n   1. b\n\n   text\n', 100), 2);
    assert.equal(markdownNestingDepth('- - - x\n      - y\n', 100), 4);
    assert.equal(markdownNestingDepth('```\n- a\n  - b\n    - c\n```\nplain\n', 100), 0);
    assert.equal(
      markdownNestingDepth('``` a`b\n- a\n  - b\n', 100),
      2,
      'not a fence: a backtick in its info',
    );
    assert.equal(markdownNestingDepth(nestedMarkdownLists(500), 100), 101, 'stops past the limit');
  });

  void it('refuses 9 MB of Markdown nested 3,000 lists deep at once, and reads shallow lists', async () => {
    const file = at('listes.md');
    await writeFile(file, nestedMarkdownLists(3000, 9_000_000));
    const started = process.cpuUsage(); // CPU, not wall time: see the huge text below
    await assertRefused(file, new RegExp(`nesting deeper than ${MAX_MARKDOWN_NESTING} levels`));
    const spent = process.cpuUsage(started);
    assert.ok((spent.user + spent.system) / 1e6 < 5, 'refused by the scan, not after parsing');
    const shallow = at('listes-courtes.md');
    await writeFile(shallow, `# Plan\n\n${nestedMarkdownLists(8)}`);
    const document = await readDocument(shallow);
    assert.equal(document.title, 'Plan');
    assert.match(document.text, /niveau 0\n.*niveau 7/s);
  });

  void it('refuses raw HTML nested inside Markdown and quotes nested too deep', async () => {
    const html = at('html-dans.md');
    await writeFile(html, `# Titre\n\n${nestedHtml(3000).replace(/^<!doctype html>/, '')}\n`);
    await assertRefused(html, /nesting deeper than/);
    const quotes = at('citations.md');
    await writeFile(quotes, `${'> '.repeat(200)}citation\n`);
    await assertRefused(quotes, /nesting deeper than/);
  });
});

void describe('characters per document', () => {
  void it('refuses a text over --max-chars before parsing it, naming the option', async () => {
    const file = at('long.html');
    await writeFile(file, `<html><body><p>${'Texte. '.repeat(2000)}</p></body></html>`);
    const error = await assertRefused(
      file,
      /text of [\d,]+ characters is over the limit of 5,000 characters per document; .*--max-chars/,
      {
        maxCharacters: 5000,
      },
    );
    assert.equal(error.detail.limit, 'characters');
    assert.ok((await readDocument(file, { maxCharacters: 20_000 })).text.startsWith('Texte.'));
  });

  void it('refuses a DOCX whose text is over the limit, before rendering it', async () => {
    const file = at('longue.docx');
    await writeFile(file, await inflatingDocx(100 * 1024));
    await assertRefused(file, /characters per document/, { maxCharacters: 1000 });
  });

  void it('refuses a huge text by the default limit, early and with the right message', async () => {
    const file = at('enorme.txt');
    const line = 'La coopération migratoire entre le Maroc et la France avance.\n';
    await writeFile(file, line.repeat(Math.ceil((DEFAULT_MAX_CHARACTERS + 1000) / line.length)));
    // CPU time of this process, not wall time: the refusal must cost little work, and a loaded
    // machine stretches the wall clock (28 s seen at a load average of 30) without adding any.
    const started = process.cpuUsage();
    const error = await assertRefused(file, /characters is over the limit of 52,428,800 characters/, {
      maxBytes: 100 * 1024 * 1024,
    });
    assert.doesNotMatch(error.message, /utf-16/i);
    const spent = process.cpuUsage(started);
    const seconds = (spent.user + spent.system) / 1e6;
    assert.ok(seconds < 10, `refused before any costly step (${seconds.toFixed(1)} s of CPU)`);
  });
});
