/**
 * expandInputs on real folders: recursion, sorting, hidden and non-document files skipped,
 * document-like files the atlas cannot read reported, explicit files checked, each document once.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expandInputs, readDocument } from '../../src/readers/index.ts';
import { writeDocx, writePdf } from '../fixtures/documents.ts';

let dir: string;
const at = (...parts: string[]): string => join(dir, ...parts);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-expand-'));
  await mkdir(at('corpus', 'annexes', 'profond'), { recursive: true });
  await mkdir(at('corpus', '.git'));
  await writeFile(at('corpus', 'b-rabat.md'), '# Processus de Rabat\n\nGestion des frontières.');
  await writeFile(at('corpus', 'a-mali.txt'), 'La réadmission des ressortissants maliens.');
  await writeFile(at('corpus', 'C-page.HTML'), '<p>€ 7.4 billion</p>');
  await writePdf(at('corpus', 'annexes', 'inform.pdf'), { blocks: ['Migration diplomacy: € 7.4 billion.'] });
  await writeDocx(
    at('corpus', 'annexes', 'profond', 'communique.docx'),
    ['Coopération à Bamako.'],
    'Communiqué',
  );
  // Skipped: hidden entries and files that are clearly not documents.
  await writeFile(at('corpus', '.DS_Store'), 'x');
  await writeFile(at('corpus', '.git', 'HEAD.txt'), 'ref: refs/heads/main');
  await writeFile(at('corpus', 'carte.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(at('corpus', 'donnees.json'), '{}');
  await writeFile(at('corpus', 'LICENSE'), 'MIT');
  // Reported: documents in a format the atlas cannot read.
  await writeFile(at('corpus', 'annexes', 'ancien.doc'), 'x');
  // Links: one to a folder is not followed (no loop, no escape), one to a file is, listed once.
  await symlink(at('corpus'), at('corpus', 'annexes', 'boucle'));
  await symlink(at('corpus', 'annexes', 'inform.pdf'), at('corpus', 'lien-inform.pdf'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

void describe('expandInputs', () => {
  void it('walks a folder recursively, sorted, skipping hidden and non-document files', async () => {
    const { files, errors } = await expandInputs([at('corpus')]);
    assert.deepEqual(files, [
      at('corpus', 'C-page.HTML'),
      at('corpus', 'a-mali.txt'),
      at('corpus', 'annexes', 'inform.pdf'),
      at('corpus', 'annexes', 'profond', 'communique.docx'),
      at('corpus', 'b-rabat.md'),
    ]);
    assert.equal(errors.length, 1);
    // The link to inform.pdf sorts after it ("lien-" > "annexes/") and is dropped as the same file.
    assert.equal(errors[0]?.code, 'unknown_format');
    assert.ok(errors[0]?.message.includes(at('corpus', 'annexes', 'ancien.doc')));
    assert.match(errors[0]?.message ?? '', /legacy Word \.doc/);
  });

  void it('every file it lists can be read', async () => {
    const { files } = await expandInputs([at('corpus')]);
    const formats = await Promise.all(files.map(async (file) => (await readDocument(file)).format));
    assert.deepEqual(formats, ['html', 'text', 'pdf', 'docx', 'markdown']);
  });

  void it('keeps the order of named inputs, lists each document once, and reports bad named inputs', async () => {
    const { files, errors } = await expandInputs([
      at('corpus', 'b-rabat.md'),
      at('corpus', 'annexes'),
      at('absent.pdf'),
      at('corpus', 'donnees.json'),
      at('corpus', 'b-rabat.md'),
    ]);
    assert.deepEqual(files, [
      at('corpus', 'b-rabat.md'),
      at('corpus', 'annexes', 'inform.pdf'),
      at('corpus', 'annexes', 'profond', 'communique.docx'),
    ]);
    assert.deepEqual(
      errors.map((error) => error.code),
      ['unknown_format', 'unreadable_file', 'unknown_format'],
    );
    assert.ok(errors[1]?.message.includes(at('absent.pdf')));
    assert.match(errors[1]?.message ?? '', /no such file/);
    assert.ok(errors[2]?.message.includes(at('corpus', 'donnees.json')));
    assert.match(errors[2]?.message ?? '', /"\.json" is not supported/);
  });

  void it('returns nothing for an empty folder', async () => {
    await mkdir(at('vide'));
    assert.deepEqual(await expandInputs([at('vide')]), { files: [], errors: [] });
  });
});
