/**
 * Safe terminal output through the real CLI: a file whose name holds a newline, a forged "error:"
 * line and an ANSI escape gives exactly one error line, with the name escaped.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mda, ROOT } from '../support/cli.ts';

void describe('mda output with hostile file names', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-names-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  void it('prints one escaped error line for a name with a newline and an ANSI escape', async () => {
    const docs = join(dir, 'docs');
    const hostileName = 'note\nerror: forged.txt: fake\u001b[2J.txt';
    await copyFile(join(ROOT, 'corpus/mali-eu-high-level-dialogue-2016.fr.txt'), join(dir, 'good.txt'));
    await mkdir(docs);
    await writeFile(join(docs, hostileName), '');
    const run = await mda('--data', join(dir, 'data'), 'ingest', docs, join(dir, 'good.txt'));
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stderr.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1, `exactly one stderr line:\n${run.stderr}`);
    assert.equal(
      lines[0],
      `error: ${join(docs, 'note\\nerror: forged.txt: fake\\x1b[2J.txt')}: the document has no text`,
    );
    assert.ok(!run.stderr.includes('\u001b'), 'no raw escape character');
    assert.match(run.stdout, /^1 added, 0 unchanged, 1 failed;/);
  });
});
