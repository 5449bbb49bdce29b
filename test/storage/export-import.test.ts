/**
 * Backup, export and import on both engines (a SQLite file, a fresh PostgreSQL database): the ingested corpus plus what users enter
 * (an indicator value, a watch and its hit, a commitment status and its history, a reviewed
 * claim) is exported, imported into an empty atlas and exported again, byte for byte the same;
 * bad packages are refused with a clear error and store nothing. The online backup test stays
 * SQLite-only: it copies one SQLite file (with rows still in another connection's WAL); a
 * PostgreSQL atlas is backed up by the server's own tools (pg_dump), not by `store.backup`.
 */
import assert from 'node:assert/strict';
import { copyFile, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { parseIndicatorInput } from '../../src/analysis/indicators.ts';
import { parseWatch } from '../../src/analysis/watches.ts';
import { AtlasError } from '../../src/domain/errors.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { sql } from 'kysely';
import { openAtlasDatabase, type OpenAtlas } from '../../src/storage/database.ts';
import type { Database } from '../../src/storage/schema.ts';
import { integrityCheck } from '../../src/storage/sqlite/connection.ts';
import { openTestAtlas, testEngines, type Engine } from '../support/engines.ts';

const MAURITANIA_RETURN = [
  'Joint communiqué',
  '',
  'On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants, with reintegration support.',
].join('\n');

const count = async (atlas: OpenAtlas, table: keyof Database): Promise<number> =>
  Number(
    (
      await atlas.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A table's columns in their declared order, as the engine's catalogue lists them. */
async function columnsOf(atlas: OpenAtlas, table: string): Promise<string[]> {
  const rows =
    atlas.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(
          atlas.db,
        )
      : await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
          atlas.db,
        );
  return rows.rows.map((r) => r.name);
}

/** Every file of a folder by name, with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return files;
}

for (const engine of testEngines()) {
  void describe(`export and import of the whole atlas (${engine})`, () => {
    let dir: string;
    let source: OpenAtlas;
    let exported: string;
    let commitmentId: string;
    const disposers: (() => Promise<void>)[] = [];
    const open = async (on: Engine, corpus = false): Promise<OpenAtlas> => {
      const opened = await openTestAtlas(on, { corpus });
      disposers.push(opened.dispose);
      return opened.atlas;
    };

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-export-'));
      source = await open(engine, true);
      const { store } = source;
      await store.analyses.addWatch(
        parseWatch({
          id: 'mr-return',
          name: 'Mauritania, return',
          country: 'MR',
          topic: 'return_readmission',
        }),
      );
      // A user text that reads as the CSV null marker: the watches table must still round-trip.
      await store.analyses.addWatch(parseWatch({ id: 'backslash-n', name: '\\N', country: 'ML' }));
      await writeFile(join(dir, 'mauritania.en.txt'), MAURITANIA_RETURN);
      const matching = await ingestFile(join(dir, 'mauritania.en.txt'), store);
      assert.equal(matching.watchHits?.length, 1);
      await store.analyses.addIndicator(
        parseIndicatorInput({
          indicator: 'returns from Spain to Mauritania',
          value: 1234.5,
          unit: 'people',
          date: '2025',
          country: 'MR',
          enteredBy: 'analyst',
          note: 'Ministerio del Interior, 2025',
        }),
      );
      commitmentId = (
        await source.db
          .selectFrom('statements')
          .select('id')
          .where('kind', '=', 'commitment')
          .orderBy('id')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
      await store.analyses.setCommitmentStatus(commitmentId, 'in_progress', 'user:analyst', 'under way');
      // A reviewed claim, and an empty string that must stay an empty string (not become NULL).
      await source.db.updateTable('claims').set({ review_state: 'accepted' }).where('id', '=', 1).execute();
      await sql`update events set place = '' where id = (select min(id) from events)`.execute(source.db);
      // People, their review decisions and the audit log travel; their credentials do not.
      const org = await store.people.addOrganisation('Ministère de l’Intérieur', 'cli');
      const reviewer = await store.people.addUser(
        {
          email: 'rev@example.org',
          name: 'Rev',
          role: 'reviewer',
          organisationId: org.id,
          password: 'a long passphrase',
        },
        'cli',
      );
      await store.people.createToken(reviewer.id, 'script', 'review', 'cli');
      const queue = await store.review.queue({}, { limit: 3, offset: 0 });
      const [first, second, third] = queue.items;
      assert.ok(first && second && third);
      await store.review.accept(first.id, `user:${reviewer.id}`);
      await store.review.reject(second.id, `user:${reviewer.id}`, 'not in the text');
      if (third.property === 'title') {
        await store.review.correct(third.id, 'Corrected title', `user:${reviewer.id}`);
      } else await store.review.reject(third.id, `user:${reviewer.id}`, 'wrong');
      exported = join(dir, 'export-1');
      const summary = await store.exportTo(exported);
      assert.ok(summary.tables.some((t) => t.table === 'claims' && t.rows > 900));
    });
    after(async () => {
      for (const dispose of disposers) await dispose();
      await rm(dir, { recursive: true, force: true });
    });

    void it('writes a Frictionless data package with every data table and no derived one', async () => {
      const descriptor = JSON.parse(await readFile(join(exported, 'datapackage.json'), 'utf8')) as {
        profile: string;
        format_version: string;
        licenses: { name: string }[];
        sources: { title: string; path: string }[];
        resources: { name: string; path: string; format: string; schema: { fields: { name: string }[] } }[];
      };
      assert.equal(descriptor.profile, 'tabular-data-package');
      assert.equal(descriptor.format_version, 'mda-export/1');
      assert.equal(descriptor.licenses[0]?.name, 'CC-BY-4.0');
      assert.equal(descriptor.sources.length, 5);
      const names = descriptor.resources.map((r) => r.name);
      for (const table of [
        'documents',
        'actors',
        'instruments',
        'instrument_parties',
        'links',
        'claims',
        'statements',
        'events',
        'indicator_values',
        'watches',
        'watch_hits',
        'commitment_status_history',
        'country_positions',
      ]) {
        assert.ok(names.includes(table), table);
      }
      assert.ok(!names.some((name) => name.startsWith('search_index') || name.startsWith('kysely')));
      for (const table of ['users', 'organisations', 'audit_log']) assert.ok(names.includes(table), table);
      for (const secret of ['user_credentials', 'sessions', 'api_tokens', 'invitations']) {
        assert.ok(!names.includes(secret), `${secret} holds credentials and is not exported`);
      }
      // Parents before children, so an import never meets a missing parent.
      assert.ok(names.indexOf('documents') < names.indexOf('claims'));
      assert.ok(names.indexOf('claims') < names.indexOf('instrument_parties'));
      const byName = new Map(descriptor.resources.map((r) => [r.name, r]));
      assert.equal(byName.get('documents')?.format, 'csv');
      assert.equal(byName.get('claims')?.format, 'jsonl');
      assert.equal(byName.get('watches')?.format, 'jsonl', 'a "\\N" text moves its table to JSON Lines');
      // Columns come from the database, in table order.
      const claimColumns = await columnsOf(source, 'claims');
      assert.deepEqual(
        byName.get('claims')?.schema.fields.map((f) => f.name),
        claimColumns,
      );
      const firstClaim = (await readFile(join(exported, 'claims.jsonl'), 'utf8')).split('\n')[0] ?? '';
      assert.match(firstClaim, /^\{"id":1,.*"review_state":"accepted"/);
    });

    void it('imports into an empty atlas, and exports again byte for byte the same', async () => {
      const target = await open(engine);
      const summary = await target.store.importFrom(exported);
      assert.equal(summary.tables.find((t) => t.table === 'documents')?.rows, 5);
      const again = join(dir, 'export-2');
      await target.store.exportTo(again);
      const [first, second] = [await filesOf(exported), await filesOf(again)];
      assert.deepEqual([...second.keys()], [...first.keys()]);
      for (const [name, bytes] of first) assert.ok(bytes.equals(second.get(name)!), `${name} is identical`);

      if (engine === 'sqlite') {
        // SQLite checks foreign keys only when asked; PostgreSQL refused any orphan at import.
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(target.db);
        assert.deepEqual(
          check.rows.map((r) => r.integrity_check),
          ['ok'],
        );
        assert.deepEqual((await sql`pragma foreign_key_check`.execute(target.db)).rows, []);
      }
      for (const table of [
        'documents',
        'claims',
        'instruments',
        'watch_hits',
        'commitment_status_history',
      ] as const) {
        assert.equal(await count(target, table), await count(source, table), table);
      }
      const entered = await target.db
        .selectFrom('indicator_values')
        .select(['value', 'entered_by', 'source_note'])
        .where('entered_by', '=', 'analyst')
        .executeTakeFirst();
      assert.deepEqual(entered && { ...entered, value: Number(entered.value) }, {
        value: 1234.5,
        entered_by: 'analyst',
        source_note: 'Ministerio del Interior, 2025',
      });
      const status = await target.db
        .selectFrom('statements')
        .select('status')
        .where('id', '=', commitmentId)
        .executeTakeFirst();
      assert.deepEqual(status, { status: 'in_progress' });
      const watch = await target.store.analyses.listWatches();
      assert.ok(watch.some((w) => w.name === '\\N'));
      const place = await target.db
        .selectFrom('events')
        .select('place')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      assert.deepEqual(place, { place: '' });
      const claimOf = (atlas: OpenAtlas) =>
        atlas.db
          .selectFrom('claims')
          .select(['review_state', 'value'])
          .where('id', '=', 1)
          .executeTakeFirst();
      assert.deepEqual(await claimOf(target), await claimOf(source));
      // The search index was rebuilt from the imported rows.
      const hits = await target.store.search({ q: 'réadmission' }, { limit: 5, offset: 0 });
      assert.ok(hits.total > 0);
      // New rows get fresh ids after the imported ones.
      await target.store.analyses.addWatch(parseWatch({ id: 'after-import', name: 'after', country: 'TN' }));

      await assert.rejects(target.store.importFrom(exported), (error: unknown) => {
        assert.ok(error instanceof AtlasError && error.code === 'conflict');
        assert.match(error.message, /not empty.*import only into an empty atlas/);
        return true;
      });
    });

    void it('refuses bad packages with a clear error and stores nothing', async () => {
      const target = await open(engine);
      const actors = await count(target, 'actors');
      let n = 0;
      /** A copy of the good export, changed by `spoil`. */
      const spoiled = async (spoil: (pkg: string) => Promise<void>): Promise<string> => {
        n += 1;
        const pkg = join(dir, `spoiled-${n}`);
        await cp(exported, pkg, { recursive: true });
        await spoil(pkg);
        return pkg;
      };
      const descriptorOf = async (pkg: string) =>
        JSON.parse(await readFile(join(pkg, 'datapackage.json'), 'utf8')) as {
          format_version: string;
          resources: { name: string; bytes?: number; hash?: string }[];
        };
      /** Edits a CSV file and drops its size and hash, so only the row check can catch it. */
      const editCsv = (table: string, edit: (lines: string[]) => void) => async (pkg: string) => {
        const file = join(pkg, `${table}.csv`);
        const lines = (await readFile(file, 'utf8')).split('\n');
        edit(lines);
        await writeFile(file, lines.join('\n'));
        const descriptor = await descriptorOf(pkg);
        const resource = descriptor.resources.find((r) => r.name === table)!;
        delete resource.bytes;
        delete resource.hash;
        await writeFile(join(pkg, 'datapackage.json'), JSON.stringify(descriptor));
      };
      const cases: [string, () => Promise<string>, AtlasError['code'], RegExp][] = [
        ['missing folder', () => Promise.resolve(join(dir, 'nowhere')), 'not_found', /no datapackage\.json/],
        [
          'missing table file',
          () => spoiled((pkg) => rm(join(pkg, 'statements.csv'))),
          'invalid_data',
          /statements\.csv: listed in datapackage\.json but missing/,
        ],
        [
          'datapackage.json not JSON',
          () =>
            spoiled((pkg) => writeFile(join(pkg, 'datapackage.json'), '{"profile": "tabular-data-package",')),
          'invalid_data',
          /datapackage\.json: not valid JSON/,
        ],
        [
          'datapackage.json without resources',
          () =>
            spoiled((pkg) =>
              writeFile(
                join(pkg, 'datapackage.json'),
                JSON.stringify({ profile: 'tabular-data-package', format_version: 'mda-export/1' }),
              ),
            ),
          'invalid_data',
          /resources/,
        ],
        [
          'wrong format_version',
          () =>
            spoiled(async (pkg) => {
              const descriptor = await descriptorOf(pkg);
              descriptor.format_version = 'mda-export/99';
              await writeFile(join(pkg, 'datapackage.json'), JSON.stringify(descriptor));
            }),
          'invalid_data',
          /format_version "mda-export\/99" is not supported \(this atlas reads mda-export\/1\)/,
        ],
        [
          'a CSV row with a field too many',
          () =>
            spoiled(
              editCsv('instruments', (lines) => {
                lines[3] = `${lines[3]},extra`;
              }),
            ),
          'invalid_data',
          /instruments\.csv: malformed CSV \(.*line 4/,
        ],
        [
          'a CSV row with text in an integer field',
          () =>
            spoiled(
              editCsv('document_amounts', (lines) => {
                // claim_id, the last column, is an integer.
                lines[1] = lines[1]!.replace(/,\d+$/, ',many');
              }),
            ),
          'invalid_data',
          /document_amounts\.csv: line 2, field claim_id: .*expected (int|number)/,
        ],
        [
          'a file changed after export',
          () =>
            spoiled(async (pkg) => {
              const file = join(pkg, 'watches.jsonl');
              await writeFile(file, (await readFile(file, 'utf8')).replace('Mauritania', 'Mauretania'));
            }),
          'invalid_data',
          /watches\.jsonl: its content does not match the hash/,
        ],
      ];
      for (const [name, make, code, message] of cases) {
        const pkg = await make();
        await assert.rejects(
          target.store.importFrom(pkg),
          (error: unknown) => {
            assert.ok(error instanceof AtlasError, `${name}: an AtlasError`);
            assert.equal(error.code, code, `${name}: ${error.message}`);
            assert.match(error.message, message, name);
            return true;
          },
          name,
        );
        assert.equal(await count(target, 'documents'), 0, `${name}: nothing stored`);
        assert.equal(await count(target, 'claims'), 0, `${name}: nothing stored`);
        assert.equal(await count(target, 'actors'), actors, `${name}: the actor registry kept`);
      }
    });

    void it('refuses to export into a folder that is not empty', async () => {
      await assert.rejects(source.store.exportTo(exported), /is not empty/);
    });
  });
}

void describe('online backup', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-backup-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  void it('copies rows another connection committed that are still only in the WAL', async () => {
    const writer = await openAtlasDatabase({ dataDir: join(dir, 'data') });
    const reader = await openAtlasDatabase({ dataDir: join(dir, 'data') });
    try {
      // The schema goes into the main file; then no checkpoint: the writer's commits stay in atlas.sqlite-wal.
      writer.raw.pragma('wal_checkpoint(TRUNCATE)');
      writer.raw.pragma('wal_autocheckpoint = 0');
      reader.raw.pragma('wal_autocheckpoint = 0');
      for (let i = 0; i < 20; i += 1) {
        await writer.store.analyses.addWatch(parseWatch({ id: `w${i}`, name: `watch ${i}`, country: 'SN' }));
      }
      assert.ok((await stat(`${writer.file}-wal`)).size > 0, 'the commits are in the WAL');
      // The database file alone does not have them yet: a plain copy of it would lose them.
      const plain = join(dir, 'plain-copy.sqlite');
      await copyFile(writer.file, plain);
      const copied = new BetterSqlite3(plain);
      assert.deepEqual(copied.prepare("select count(*) as n from watches where id like 'w%'").get(), {
        n: 0,
      });
      copied.close();

      const file = join(dir, 'backups', 'atlas-backup.sqlite');
      const result = await reader.store.backup(file);
      assert.equal(result.file, file);
      assert.ok(result.bytes > 0);
      const copy = new BetterSqlite3(file, { readonly: true });
      try {
        assert.equal(integrityCheck(copy), 'ok');
        assert.deepEqual(copy.prepare("select count(*) as n from watches where id like 'w%'").get(), {
          n: 20,
        });
      } finally {
        copy.close();
      }
      await assert.rejects(reader.store.backup(file), (error: unknown) => {
        assert.ok(error instanceof AtlasError && error.code === 'conflict');
        assert.match(error.message, /already exists/);
        return true;
      });
      assert.deepEqual(await readdir(join(dir, 'backups')), ['atlas-backup.sqlite']);
    } finally {
      await reader.store.close();
      await writer.store.close();
    }
  });
});
