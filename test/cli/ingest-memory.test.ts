/**
 * A document that runs the extraction out of memory (issue 7): under a small extraction heap
 * (MDA_EXTRACT_HEAP_MB=32), a 6 MB text made of corpus sentences — within every reader limit, far
 * over the heap — is refused with one line naming the file and the limit, the good file after it is
 * stored, and the exit code is 1 ("some files failed"), not a crash. Runs the real CLI in this
 * process: if the heap ran out in this process rather than in the extraction thread, the test runner
 * itself would abort.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { mda, ROOT } from '../support/cli.ts';

const HEAP_MB = 32;

void test('a document over the extraction heap is refused alone, with one line; the rest of the batch goes in', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mda-heap-'));
  const previous = process.env.MDA_EXTRACT_HEAP_MB;
  process.env.MDA_EXTRACT_HEAP_MB = String(HEAP_MB);
  try {
    const sentences = await readFile(join(ROOT, 'corpus', 'mali-eu-high-level-dialogue-2016.fr.txt'), 'utf8');
    const huge = join(dir, 'huge.txt');
    await writeFile(huge, `${sentences}\n\n`.repeat(Math.ceil(6_000_000 / sentences.length)));
    const good = join(dir, 'good.txt');
    await copyFile(join(ROOT, 'corpus', 'rabat-process-border-management-meeting.fr.txt'), good);

    const run = await mda('--data', join(dir, 'data'), 'ingest', huge, good);

    assert.equal(run.code, 1, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(
      lines[0] ?? '',
      new RegExp(`^error: ${huge}: reading and extracting it ran out of memory \\(limit ${HEAP_MB} MB\\)`),
    );
    assert.match(run.stdout, /^1 added, 0 unchanged, 1 failed;/);
    const documents = await mda('--data', join(dir, 'data'), 'documents', '--json');
    const page = JSON.parse(documents.stdout) as { total: number; items: { sourcePath: string }[] };
    assert.equal(page.total, 1);
    assert.equal(page.items[0]?.sourcePath, good);
  } finally {
    if (previous === undefined) delete process.env.MDA_EXTRACT_HEAP_MB;
    else process.env.MDA_EXTRACT_HEAP_MB = previous;
    await rm(dir, { recursive: true, force: true });
  }
});
