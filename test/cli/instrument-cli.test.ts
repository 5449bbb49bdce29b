/**
 * `mda instrument merge|split|link|links` and `mda eval --reviewed` through the real CLI (in
 * process): only a user with the reviewer role acts (`--as`), bad options get one clear error and
 * change nothing, and the changes are what the store tests check in depth.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openAtlasStore } from '../../src/storage/database.ts';
import { mda } from '../support/cli.ts';

const SIGNED =
  'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.';
const CONCLUDED =
  'Statement\n\nSpain and Mauritania concluded a memorandum of understanding on migration cooperation in March 2025.';
const AGREEMENT =
  'Press release\n\nThe readmission agreement between Spain and Mauritania was signed in 2003 in Madrid.';

interface Listed {
  items: { id: string; title: string }[];
  total: number;
}

void describe('mda instrument and mda eval --reviewed', () => {
  let dir = '';
  const ids: Record<string, string> = {};
  const count = async () =>
    (JSON.parse((await mda('--data', dir, 'instruments', '--json')).stdout) as Listed).total;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-instrument-cli-'));
    for (const [name, text] of Object.entries({ SIGNED, CONCLUDED, AGREEMENT })) {
      await writeFile(join(dir, `${name.toLowerCase()}.en.txt`), text);
    }
    const ingest = await mda('--data', dir, 'ingest', dir);
    assert.equal(ingest.code, 0, ingest.stderr);
    const listed = JSON.parse((await mda('--data', dir, 'instruments', '--json')).stdout) as Listed;
    const find = (title: string) => listed.items.find((i) => i.title === title)?.id ?? '';
    ids.keep = find('Memorandum of understanding Spain–Mauritania on return and readmission');
    ids.duplicate = find('Memorandum of understanding Spain–Mauritania');
    ids.agreement = find('Readmission agreement Spain–Mauritania');
    assert.ok(ids.keep && ids.duplicate && ids.agreement, JSON.stringify(listed.items));
    const store = await openAtlasStore({ dataDir: dir });
    try {
      await store.people.addUser({ email: 'rev@example.org', name: 'Rev', role: 'reviewer' }, 'cli');
      await store.people.addUser({ email: 'con@example.org', name: 'Con', role: 'contributor' }, 'cli');
    } finally {
      await store.close();
    }
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  void it('refuses anyone but a reviewer, and bad options, changing nothing', async () => {
    const before = await count();
    const contributor = await mda(
      '--data',
      dir,
      'instrument',
      'merge',
      ids.keep!,
      ids.duplicate!,
      '--why',
      'same',
      '--as',
      'con@example.org',
    );
    assert.equal(contributor.code, 77);
    assert.match(contributor.stderr, /con@example\.org is a contributor: this needs the reviewer role/);
    const stranger = await mda(
      '--data',
      dir,
      'instrument',
      'merge',
      ids.keep!,
      ids.duplicate!,
      '--why',
      'same',
      '--as',
      'who@example.org',
    );
    assert.equal(stranger.code, 77);
    assert.match(stranger.stderr, /no user who@example\.org/);
    const noWhy = await mda(
      '--data',
      dir,
      'instrument',
      'merge',
      ids.keep!,
      ids.duplicate!,
      '--as',
      'rev@example.org',
    );
    assert.equal(noWhy.code, 64);
    assert.match(noWhy.stderr, /--why/);
    const badRelation = await mda(
      '--data',
      dir,
      'instrument',
      'link',
      ids.keep!,
      ids.agreement!,
      '--relation',
      'cousin_of',
      '--source',
      'https://example.org/a',
      '--as',
      'rev@example.org',
    );
    assert.equal(badRelation.code, 64);
    assert.match(badRelation.stderr, /supersedes/);
    const twoSources = await mda(
      '--data',
      dir,
      'instrument',
      'link',
      ids.keep!,
      ids.agreement!,
      '--relation',
      'supersedes',
      '--source',
      'https://example.org/a',
      '--document',
      'doc_x',
      '--span',
      '1-5',
      '--as',
      'rev@example.org',
    );
    assert.equal(twoSources.code, 64);
    assert.match(twoSources.stderr, /one of them/);
    const badSpan = await mda(
      '--data',
      dir,
      'instrument',
      'link',
      ids.keep!,
      ids.agreement!,
      '--relation',
      'supersedes',
      '--document',
      'doc_x',
      '--span',
      '9-3',
      '--as',
      'rev@example.org',
    );
    assert.equal(badSpan.code, 64);
    assert.match(badSpan.stderr, /END must be after START/);
    assert.equal(await count(), before);
    const noMode = await mda('--data', dir, 'eval');
    assert.equal(noMode.code, 64);
    assert.match(noMode.stderr, /--reviewed/);
  });

  void it('merges, links and splits as the reviewer; the old id still shows the kept record', async () => {
    const before = await count();
    const merge = await mda(
      '--data',
      dir,
      'instrument',
      'merge',
      ids.keep!,
      ids.duplicate!,
      '--why',
      'one memorandum',
      '--as',
      'rev@example.org',
      '--json',
    );
    assert.equal(merge.code, 0, merge.stderr);
    assert.equal((JSON.parse(merge.stdout) as { kept: string }).kept, ids.keep);
    assert.equal(await count(), before - 1);
    const shown = await mda('--data', dir, 'show', ids.duplicate!, '--json');
    assert.equal(shown.code, 0, shown.stderr);
    const detail = JSON.parse(shown.stdout) as {
      id: string;
      claims: { id: number; evidence: { documentId: string } }[];
    };
    assert.equal(detail.id, ids.keep);
    const text = await mda('--data', dir, 'show', ids.duplicate!);
    assert.match(text.stdout, new RegExp(`^${ids.duplicate} was merged into ${ids.keep}:`));

    const link = await mda(
      '--data',
      dir,
      'instrument',
      'link',
      ids.duplicate!,
      ids.agreement!,
      '--relation',
      'supersedes',
      '--source',
      'https://example.org/note',
      '--why',
      'the note says so',
      '--as',
      'rev@example.org',
    );
    assert.equal(link.code, 0, link.stderr);
    assert.match(link.stdout, new RegExp(`${ids.keep} supersedes ${ids.agreement}`));
    const links = await mda('--data', dir, 'instrument', 'links', ids.agreement!, '--json');
    const listed = JSON.parse(links.stdout) as { items: { relation: string; evidence: { url?: string } }[] };
    assert.deepEqual(
      listed.items.map((l) => [l.relation, l.evidence.url]),
      [['supersedes', 'https://example.org/note']],
    );

    const first = detail.claims[0]!.evidence.documentId;
    const moving = detail.claims.filter((c) => c.evidence.documentId !== first).map((c) => c.id);
    const split = await mda(
      '--data',
      dir,
      'instrument',
      'split',
      ids.keep!,
      '--claims',
      moving.join(','),
      '--why',
      'two after all',
      '--as',
      'rev@example.org',
    );
    assert.equal(split.code, 0, split.stderr);
    assert.match(
      split.stdout,
      new RegExp(`${moving.length} claims of ${ids.keep} moved to a new instrument ins_`),
    );
    assert.equal(await count(), before);
  });

  void it('scores the extractor against the reviews: a table, or JSON', async () => {
    const empty = await mda('--data', dir, 'eval', '--reviewed');
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stdout, /no reviewed facts yet/);
    const store = await openAtlasStore({ dataDir: dir });
    try {
      const claims = (await store.getInstrument(ids.agreement!)).claims;
      const reviewer = await store.people.findUserByEmail('rev@example.org');
      await store.review.accept(claims.find((c) => c.property === 'type')!.id, `user:${reviewer!.id}`);
    } finally {
      await store.close();
    }
    const table = await mda('--data', dir, 'eval', '--reviewed');
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^type\s+1\s+0\s+1\s+0\s+0\s+1\.000\s+1\.000\s+1\.000$/m);
    const json = await mda('--data', dir, 'eval', '--reviewed', '--json');
    const scores = JSON.parse(json.stdout) as {
      all: { precision: number; recall: number };
      documents: number;
    };
    assert.deepEqual([scores.all.precision, scores.all.recall, scores.documents], [1, 1, 1]);
  });
});
