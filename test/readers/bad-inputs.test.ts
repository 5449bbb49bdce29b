/**
 * Every kind of bad input gives one AtlasError with a stable code and a message naming the file;
 * no raw library error escapes readDocument.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AtlasErrorCode } from '../../src/domain/errors.ts';
import { AtlasError } from '../../src/domain/errors.ts';
import { DEFAULT_MAX_BYTES, readDocument } from '../../src/readers/index.ts';
import { writeDocx, writePdf } from '../fixtures/documents.ts';

const run = promisify(execFile);
let dir: string;
const at = (name: string): string => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-bad-inputs-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reads `file` and checks the AtlasError: its code, the file in its message, and an expected reason. */
async function assertFails(
  file: string,
  code: AtlasErrorCode,
  reason: RegExp,
  maxBytes?: number,
): Promise<void> {
  await assert.rejects(readDocument(file, { maxBytes }), (error: unknown) => {
    assert.ok(error instanceof AtlasError, `expected an AtlasError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(error.message.includes(file), `message does not name the file: ${error.message}`);
    assert.match(error.message, reason);
    assert.ok(!error.message.includes('\n'), 'one line');
    return true;
  });
}

void describe('files that cannot be read', () => {
  void it('a missing file', async () => {
    await assertFails(at('absent.txt'), 'unreadable_file', /no such file/);
  });

  void it('a directory where a file is expected', async () => {
    await mkdir(at('dossier.txt'));
    await assertFails(at('dossier.txt'), 'unreadable_file', /directory/);
  });

  void it('a path through a file', async () => {
    await writeFile(at('plain.txt'), 'texte');
    await assertFails(join(at('plain.txt'), 'child.txt'), 'unreadable_file', /not a directory/);
  });

  void it('a file without read permission', async () => {
    // Folders others may enter, so what is refused is reading the file itself.
    await chmod(dir, 0o755);
    const open = at('open');
    await mkdir(open);
    await chmod(open, 0o755);
    const file = join(open, 'secret.txt');
    await writeFile(file, 'La réadmission');
    await chmod(file, 0o000);
    if (process.getuid?.() !== 0) {
      await assertFails(file, 'unreadable_file', /permission denied/);
      return;
    }
    // root reads anything, so the check runs in a child process that loads the readers as root
    // (wherever the clone lives, even in a folder only root can enter), then gives up its rights
    // for those of the unprivileged user "nobody" before it reads the file.
    const readers = fileURLToPath(new URL('../../src/readers/index.ts', import.meta.url));
    const script =
      `const { readDocument } = await import(${JSON.stringify(readers)});` +
      `process.setgroups([]); process.setgid(65534); process.setuid(65534);` +
      `try { await readDocument(process.argv[1]); console.log(JSON.stringify({ uid: process.getuid() })); }` +
      `catch (e) { console.log(JSON.stringify({ uid: process.getuid(), code: e.code, message: e.message })); }`;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, file],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
      },
    );
    const result = JSON.parse(stdout) as { uid: number; code?: string; message?: string };
    assert.equal(result.uid, 65534, 'the read ran as nobody');
    assert.equal(result.code, 'unreadable_file');
    assert.ok(result.message?.includes(file));
    assert.match(result.message ?? '', /permission denied/);
  });
});

void describe('formats the atlas does not read', () => {
  void it('an unknown extension with text content', async () => {
    await writeFile(at('notes.csv'), 'pays;montant\nMali;145');
    await assertFails(at('notes.csv'), 'unknown_format', /"\.csv" is not supported/);
  });

  void it('a text file without an extension', async () => {
    await writeFile(at('LISEZMOI'), 'La réadmission');
    await assertFails(at('LISEZMOI'), 'unknown_format', /has no extension/);
  });

  void it('a legacy Word .doc (OLE container)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512, 1),
    ]);
    await writeFile(at('ancien.doc'), ole);
    await assertFails(at('ancien.doc'), 'unknown_format', /legacy Office/);
  });

  void it('binary content (NUL bytes) in a .txt', async () => {
    await writeFile(at('binaire.txt'), Buffer.from([0x41, 0x00, 0x42, 0x00, 0x07, 0x00]));
    await assertFails(at('binaire.txt'), 'unknown_format', /binary content/);
  });

  void it('an image named .txt', async () => {
    await writeFile(at('scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await assertFails(at('scan.txt'), 'unknown_format', /image/);
  });
});

void describe('text in the wrong encoding', () => {
  void it('Windows-1252 / Latin-1 bytes are refused, not guessed', async () => {
    await writeFile(at('latin1.txt'), Buffer.from('La réadmission des ressortissants maliens', 'latin1'));
    await assertFails(
      at('latin1.txt'),
      'wrong_encoding',
      /not valid UTF-8 .*Windows-1252.* 0xE9 at offset 4/,
    );
  });

  void it('the same for Markdown and HTML', async () => {
    await writeFile(at('latin1.md'), Buffer.from('# Côte', 'latin1'));
    await assertFails(at('latin1.md'), 'wrong_encoding', /UTF-8/);
    await writeFile(at('latin1.html'), Buffer.from('<p>Coopération</p>', 'latin1'));
    await assertFails(at('latin1.html'), 'wrong_encoding', /UTF-8/);
  });
});

void describe('documents without text', () => {
  void it('an empty file and a whitespace-only file', async () => {
    await writeFile(at('vide.txt'), '');
    await assertFails(at('vide.txt'), 'empty_document', /no text/);
    await writeFile(at('blanc.md'), ' \n\t\r\n\u00a0\u200b\n');
    await assertFails(at('blanc.md'), 'empty_document', /no text/);
  });

  void it('HTML with only markup and scripts', async () => {
    await writeFile(
      at('vide.html'),
      '<html><head><script>x()</script></head><body><img src="a.png"></body></html>',
    );
    await assertFails(at('vide.html'), 'empty_document', /no text/);
  });

  void it('a PDF with no text layer (scanned)', async () => {
    await writePdf(at('scan.pdf'), { blocks: [], noText: true });
    await assertFails(at('scan.pdf'), 'empty_document', /no text layer \(scanned PDF\?\)/);
  });

  void it('a DOCX with no text', async () => {
    await writeDocx(at('vide.docx'), []);
    await assertFails(at('vide.docx'), 'empty_document', /no text/);
  });
});

void describe('corrupt or mislabelled containers', () => {
  void it('a corrupt PDF', async () => {
    await writeFile(at('casse.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n');
    await assertFails(at('casse.pdf'), 'unreadable_file', /corrupt PDF/);
  });

  void it('a .pdf that is not a PDF', async () => {
    await writeFile(at('faux.pdf'), 'Ceci est du texte.');
    await assertFails(at('faux.pdf'), 'unreadable_file', /not a PDF/);
  });

  void it('a truncated DOCX', async () => {
    await writeDocx(at('entier.docx'), ['La réadmission des ressortissants maliens'], 'Titre');
    const whole = await readFile(at('entier.docx'));
    await writeFile(at('tronque.docx'), whole.subarray(0, Math.floor(whole.length / 2)));
    await assertFails(at('tronque.docx'), 'unreadable_file', /corrupt DOCX/);
  });

  void it('a .docx that is not a ZIP, and a ZIP that is not a .docx', async () => {
    await writeFile(at('faux.docx'), 'Ceci est du texte.');
    await assertFails(at('faux.docx'), 'unreadable_file', /not a Word \.docx/);
    await writeFile(
      at('archive.docx'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('content.xml')]),
    );
    await assertFails(at('archive.docx'), 'unknown_format', /ZIP archive that is not a Word/);
  });
});

void describe('size limit', () => {
  void it('is checked before reading, with the default of 50 MiB', async () => {
    const file = at('enorme.txt');
    await writeFile(file, '');
    // A sparse file: over the limit on stat, yet nothing to read.
    await truncate(file, DEFAULT_MAX_BYTES + 1);
    await assertFails(
      file,
      'document_too_large',
      new RegExp(`${DEFAULT_MAX_BYTES + 1} bytes .* ${DEFAULT_MAX_BYTES} bytes`),
    );
  });

  void it('is configurable', async () => {
    await writeFile(at('moyen.txt'), 'La réadmission des ressortissants maliens');
    await assertFails(at('moyen.txt'), 'document_too_large', /over the limit of 10 bytes/, 10);
    assert.equal((await readDocument(at('moyen.txt'), { maxBytes: 1000 })).format, 'text');
  });

  void it('rejects a limit that is not a positive whole number', async () => {
    await assert.rejects(readDocument(at('moyen.txt'), { maxBytes: -5 }), { code: 'invalid_input' });
  });
});
