/**
 * `mda contribute` through the real CLI (in process): a contributor adds an instrument citing a
 * web page, it is absent from `mda instruments` while pending, a reader is refused, bad options
 * get one clear error and store nothing, and a reviewer's accept publishes it (reject keeps it out).
 * Runs on both engines (`--data` for SQLite, `--database` for PostgreSQL); the HTTP test checks the
 * same store in depth.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openAtlasStore } from '../../src/storage/database.ts';
import { mda } from '../support/cli.ts';
import { cliTestAtlas, testEngines } from '../support/engines.ts';

const MEMO =
  'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.';

interface Listed {
  items: { id: string; title: string }[];
}
interface Contribution {
  id: string;
  state: string;
  instrumentId: string | null;
}

for (const engine of testEngines()) {
  void describe(`mda contribute (${engine})`, () => {
    let atlas: Awaited<ReturnType<typeof cliTestAtlas>>;
    let dir = '';
    const titles = async () =>
      (JSON.parse((await mda(...atlas.args, 'instruments', '--json')).stdout) as Listed).items.map(
        (i) => i.title,
      );
    const contribute = (title: string, as: string, ...extra: string[]) =>
      mda(
        ...atlas.args,
        'contribute',
        'instrument',
        '--as',
        as,
        '--type',
        'labour_agreement',
        '--title',
        title,
        '--legal-form',
        'agreement',
        '--party',
        'SN:signatory',
        '--party',
        'ES:signatory',
        '--date',
        '2024-06-03:signature',
        '--amount',
        '1000000:EUR',
        '--topic',
        'legal_migration',
        ...extra,
        '--json',
      );

    before(async () => {
      atlas = await cliTestAtlas(engine);
      dir = atlas.dir;
      await writeFile(join(dir, 'memo.en.txt'), MEMO);
      const ingest = await mda(...atlas.args, 'ingest', join(dir, 'memo.en.txt'));
      assert.equal(ingest.code, 0, ingest.stderr);
      const store = await openAtlasStore(atlas.open);
      try {
        await store.people.addUser({ email: 'rev@example.org', name: 'Rev', role: 'reviewer' }, 'cli');
        await store.people.addUser({ email: 'con@example.org', name: 'Con', role: 'contributor' }, 'cli');
        await store.people.addUser({ email: 'read@example.org', name: 'Read', role: 'reader' }, 'cli');
      } finally {
        await store.close();
      }
    });
    after(async () => {
      await atlas.dispose();
    });

    void it('refuses a reader and bad options, storing nothing', async () => {
      const source = ['--source', 'https://example.org/pact'];
      const reader = await contribute('Circular pact', 'read@example.org', ...source);
      assert.equal(reader.code, 77);
      assert.match(reader.stderr, /read@example\.org is a reader: this needs the contributor role/);
      const noSource = await contribute('Circular pact', 'con@example.org');
      assert.notEqual(noSource.code, 0);
      assert.match(noSource.stderr, /cite the source/);
      const badParty = await contribute('Circular pact', 'con@example.org', ...source, '--party', 'Senegal');
      assert.notEqual(badParty.code, 0);
      assert.match(badParty.stderr, /VALUE:ROLE/);
      const listed = await mda(...atlas.args, 'contribute', 'list', '--json');
      assert.deepEqual((JSON.parse(listed.stdout) as { items: unknown[] }).items, []);
    });

    void it('publishes an accepted contribution and never a rejected one', async () => {
      const added = await contribute(
        'Senegal–Spain circular labour pact',
        'con@example.org',
        '--source',
        'https://example.org/pact',
        '--quote',
        'Senegal and Spain signed a circular labour migration pact on 3 June 2024.',
      );
      assert.equal(added.code, 0, added.stderr);
      const pending = JSON.parse(added.stdout) as Contribution;
      assert.equal(pending.state, 'pending');
      assert.ok(!(await titles()).includes('Senegal–Spain circular labour pact'));

      const accepted = await mda(
        ...atlas.args,
        'contribute',
        'accept',
        pending.id,
        '--as',
        'rev@example.org',
        '--json',
      );
      assert.equal(accepted.code, 0, accepted.stderr);
      assert.equal((JSON.parse(accepted.stdout) as Contribution).state, 'accepted');
      assert.ok((await titles()).includes('Senegal–Spain circular labour pact'));

      const other = JSON.parse(
        (
          await contribute(
            'Senegal–Spain seasonal pact',
            'con@example.org',
            '--source',
            'https://example.org/x',
          )
        ).stdout,
      ) as Contribution;
      const byContributor = await mda(
        ...atlas.args,
        'contribute',
        'reject',
        other.id,
        '--why',
        'no',
        '--as',
        'con@example.org',
      );
      assert.equal(byContributor.code, 77);
      const rejected = await mda(
        ...atlas.args,
        'contribute',
        'reject',
        other.id,
        '--why',
        'the page does not name it',
        '--as',
        'rev@example.org',
      );
      assert.equal(rejected.code, 0, rejected.stderr);
      assert.match(rejected.stdout, /rejected/);
      assert.ok(!(await titles()).includes('Senegal–Spain seasonal pact'));
    });
  });
}
