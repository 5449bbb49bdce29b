/**
 * Fuzzing every reader and the extraction pipeline with random and hostile input (fast-check,
 * seeded so a failure replays). Each property runs a fixed number of inputs, not "as many as fit
 * in a time budget": under a loaded machine a budget could end a property before its first input
 * ("Property interrupted after 0 tests"), and the inputs checked would vary with the machine.
 * The contract checked on every input: no crash; either a read document with text, or an
 * AtlasError with a reader's code and one line naming the file; and the heap does not grow
 * without bound.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { AtlasErrorCode } from '../../src/domain/errors.ts';
import { AtlasError } from '../../src/domain/errors.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import { readDocument } from '../../src/readers/index.ts';
import { writeDocx, writePdf } from '../fixtures/documents.ts';
import { inflatingDocx, lyingDocx, nestedHtml, nestedMarkdownLists } from '../fixtures/hostile.ts';

/** The seed of every property: change it to explore, keep it to replay. */
const SEED = 20_261_202;
/** The same `numRuns` seeded inputs on every machine, whatever its load. */
const settings = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: true });

/** The codes a reader may refuse a document with. */
const READER_CODES: ReadonlySet<AtlasErrorCode> = new Set([
  'unreadable_file',
  'unknown_format',
  'wrong_encoding',
  'empty_document',
  'document_too_large',
  'document_over_limit',
]);

/** Heap ceiling over the start of the file: bounded memory whatever the input. */
const HEAP_GROWTH_LIMIT = 400 * 1024 * 1024;

let dir: string;
let heapAtStart: number;
let peakHeap = 0;
let counter = 0;
const outcomes = { read: 0, refused: 0 };
const refusals = new Map<AtlasErrorCode, number>();

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-fuzz-'));
  heapAtStart = process.memoryUsage().heapUsed;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sampleHeap(): void {
  const used = process.memoryUsage().heapUsed;
  if (used > peakHeap) peakHeap = used;
  assert.ok(
    used - heapAtStart < HEAP_GROWTH_LIMIT,
    `heap grew by ${Math.round((used - heapAtStart) / 1048576)} MiB`,
  );
}

/** Writes `bytes` as a file with extension `ext`, reads it, and checks the readers' contract. */
async function readChecked(ext: string, bytes: Uint8Array | string, maxCharacters?: number): Promise<void> {
  counter += 1;
  const file = join(dir, `cas-${counter}${ext}`);
  await writeFile(file, bytes);
  try {
    const document = await readDocument(file, maxCharacters === undefined ? {} : { maxCharacters });
    assert.ok(document.text.trim().length > 0 || /\S/u.test(document.text), 'a read document has text');
    assert.ok(!document.text.includes('\r'), 'normalised line ends');
    assert.ok(document.title.length > 0 && document.title.length <= 200, 'a title');
    outcomes.read += 1;
  } catch (error) {
    if (!(error instanceof AtlasError)) {
      assert.fail(`${file}: not an AtlasError: ${error instanceof Error ? error.stack : String(error)}`);
    }
    assert.ok(READER_CODES.has(error.code), `a reader's code, got ${error.code}: ${error.message}`);
    assert.ok(error.message.startsWith(`${file}: `), `names the file: ${error.message}`);
    assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
    assert.ok(
      !/call stack|out of memory|encoded data was not valid/i.test(error.message),
      `a clear reason: ${error.message}`,
    );
    outcomes.refused += 1;
    refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1);
  } finally {
    await rm(file, { force: true });
  }
  sampleHeap();
}

const EXTENSIONS = ['.txt', '.md', '.html', '.pdf', '.docx'] as const;

/** Text with the characters that break readers: controls, NUL, BOMs, lone surrogates, markup. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '\u0000',
        '\ufeff',
        '\ud800',
        '\udfff',
        '\u202e',
        '\u001b[31m',
        '\r\n',
        '\r',
        '\f',
        '<',
        '>',
        '&amp;',
        '&#0;',
        '&#xD800;',
        '<!--',
        '<![CDATA[',
        '<script>',
        '- ',
        '> ',
        '1. ',
        '    ',
        '```',
        '[',
        '](',
        '*',
        '_',
        '|',
        'Accord de réadmission',
        ' avec le Mali en 2016',
        ' 145,1 millions d’euros',
        'Côte d’Ivoire',
        '\n',
        '\n\n',
      ),
      { maxLength: 120 },
    )
    .map((parts) => parts.join('')),
);

/** Encodings a text file may come in, hostile ones included. */
function encode(
  text: string,
  encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'latin1',
): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}
const encodings = fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'latin1' as const);

/** An HTML tree of random tags, some very deep, with hostile text in it. */
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText.map((t) => t.replace(/</g, '&lt;')),
    fc
      .tuple(
        fc.constantFrom(
          'div',
          'p',
          'ul',
          'li',
          'table',
          'tr',
          'td',
          'h1',
          'span',
          'b',
          'script',
          'br',
          'img',
        ),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([tag, children, closed]) => `<${tag}>${children.join('')}${closed ? `</${tag}>` : ''}`),
    fc
      .tuple(fc.constantFrom('div', 'ul', 'li', 'blockquote', 'span'), fc.integer({ min: 1, max: 3000 }))
      .map(([tag, depth]) => `${`<${tag}>`.repeat(depth)}texte${`</${tag}>`.repeat(depth)}`),
  ),
})).node;

/** Markdown lines with random containers, indentation and fences, sometimes nested very deep. */
const markdownDocument = fc.oneof(
  fc
    .array(
      fc
        .tuple(
          fc.integer({ min: 0, max: 24 }),
          fc.array(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '> ', '# ', '```', '~~~', '    '), {
            maxLength: 6,
          }),
          hostileText,
        )
        .map(([indent, markers, text]) => `${' '.repeat(indent)}${markers.join('')}${text}`),
      { maxLength: 60 },
    )
    .map((lines) => lines.join('\n')),
  fc.integer({ min: 1, max: 3000 }).map((depth) => nestedMarkdownLists(depth)),
  fc.integer({ min: 1, max: 500 }).map((depth) => `${'> '.repeat(depth)}citation\n`),
  fc.integer({ min: 1, max: 2000 }).map((depth) => `${'['.repeat(depth)}lien${'](x)'.repeat(depth)}`),
  fc.integer({ min: 1, max: 2000 }).map((depth) => `${'*'.repeat(depth)}gras${'*'.repeat(depth)}`),
);

void describe('fuzzing the readers', () => {
  let validDocx: Buffer;
  let validPdf: Buffer;
  before(async () => {
    const docxFile = join(dir, 'base.docx');
    await writeDocx(docxFile, ['Accord de réadmission entre le Maroc et l’Union européenne, 2016.'], 'Titre');
    validDocx = await readFile(docxFile);
    const pdfFile = join(dir, 'base.pdf');
    await writePdf(pdfFile, { metadataTitle: 'Rapport', blocks: ['Dialogue de haut niveau UE-Mali, 2016.'] });
    validPdf = await readFile(pdfFile);
  });

  void it('random bytes under every extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSIONS), fc.uint8Array({ maxLength: 2048 }), (ext, bytes) =>
        readChecked(ext, bytes),
      ),
      settings(150),
    );
  });

  void it('hostile text in every encoding, as plain text, Markdown and HTML', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('.txt', '.md', '.html'),
        hostileText,
        encodings,
        (ext, text, encoding) => readChecked(ext, encode(text, encoding)),
      ),
      settings(300),
    );
  });

  void it('HTML trees, deep ones included', async () => {
    await fc.assert(
      fc.asyncProperty(htmlTree, (html) =>
        readChecked('.html', `<!doctype html><html><body>${html}</body></html>`),
      ),
      settings(150),
    );
  });

  void it('Markdown structures, deep ones included', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, (markdown) => readChecked('.md', markdown)),
      settings(150),
    );
  });

  void it('DOCX and PDF files with bytes flipped, cut or inserted', async () => {
    const mutation = fc.record({
      base: fc.constantFrom('docx', 'pdf'),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      cut: fc.option(fc.nat()),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ base, flips, cut }) => {
        const original = base === 'docx' ? validDocx : validPdf;
        const bytes = Buffer.from(original);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const mutated = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
        await readChecked(`.${base}`, mutated);
      }),
      settings(60),
    );
  });

  void it('DOCX bodies rewritten with random XML', async () => {
    const zip = await JSZip.loadAsync(validDocx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const fragment = fc.oneof(
      hostileText.map((t) => `<w:p><w:r><w:t>${t.replace(/[<&]/g, ' ')}</w:t></w:r></w:p>`),
      hostileText,
      fc.integer({ min: 1, max: 2000 }).map((depth) => `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p/>`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { maxLength: 5 }), async (parts) => {
        zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${parts.join('')}`));
        await readChecked('.docx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      }),
      settings(40),
    );
  });

  void it('hand-made hostile cases: bombs, deep nesting, NUL bytes, BOMs, giant lines', async () => {
    const giantLine = 'Accord de réadmission avec le Mali '.repeat(300_000);
    const longLine = giantLine.slice(0, 1_000_000);
    const cases: [string, Uint8Array | string][] = [
      // Bombs that are cheap to build (the bigger ones are in limits.test.ts).
      ['.docx', await inflatingDocx(4 * 1024 * 1024)],
      ['.docx', await lyingDocx(4 * 1024 * 1024)],
      ['.html', nestedHtml(3000, 'ul')],
      ['.md', nestedMarkdownLists(3000, 2_000_000)],
      ['.txt', Buffer.from([0x41, 0x00, 0x42, 0x0a])],
      ['.txt', Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])],
      ['.txt', Buffer.from([0xef, 0xbb, 0xbf])],
      ['.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8])],
      ['.html', Buffer.from([0xfe, 0xff, 0x00, 0x3c, 0x00])],
      ['.txt', giantLine],
      ['.md', longLine],
      ['.html', `<p>${longLine}</p>`],
      ['.txt', ' '.repeat(2_000_000)],
    ];
    for (const [ext, bytes] of cases) await readChecked(ext, bytes);
    // The giant line with a small character limit is refused before any parsing.
    await readChecked('.html', `<p>${giantLine}</p>`, 1000);
  });

  void it('the extraction pipeline on random and hostile text', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 3000 })), (text) => {
        const extracted = extractDocument(text);
        assert.ok(extracted.language === 'fr' || extracted.language === 'en');
        for (const mention of [...extracted.countries, ...extracted.dates, ...extracted.amounts]) {
          assert.ok(mention.start >= 0 && mention.end <= text.length && mention.start <= mention.end);
        }
        sampleHeap();
      }),
      settings(300),
    );
  });

  void it('saw both outcomes, and kept the heap bounded', () => {
    assert.ok(outcomes.read > 0 && outcomes.refused > 0, JSON.stringify(outcomes));
    assert.ok(refusals.has('document_over_limit'), JSON.stringify([...refusals]));
    assert.ok(peakHeap - heapAtStart < HEAP_GROWTH_LIMIT);
  });
});
