/**
 * Every migration on both engines, one at a time: each step applies to the database the previous
 * step left (what an atlas created by an older release meets when it upgrades), and each `down`
 * (every migration has one) removes exactly the tables and columns its `up` made, after which the
 * `up` applies again. Indexes are not compared: 0400's `down` keeps its indexes (they are
 * harmless without it). The database the steps built is then opened as an atlas: nothing left to
 * migrate, and the store answers.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { openAtlas } from '../../src/storage/database.ts';
import { atlasMigrations } from '../../src/storage/migrations/index.ts';
import { openPostgres } from '../../src/storage/postgres/connection.ts';
import type { Database } from '../../src/storage/schema.ts';
import { openSqlite } from '../../src/storage/sqlite/connection.ts';
import { createTestDatabase, testEngines, type Engine } from '../support/engines.ts';

/** Tables and their columns, by name: what a step adds or a `down` must take away again. */
async function schemaOf(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = await db.introspection.getTables();
  return Object.fromEntries(
    tables
      .map((t) => [t.name, t.columns.map((c) => c.name).sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** A bare connection, with no migration run, and where the atlas opener would find it. */
async function bareDatabase(engine: Engine): Promise<{
  readonly db: Kysely<Database>;
  readonly target: { file: string } | { database: string };
  readonly dispose: () => Promise<void>;
}> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'mda-migrations-'));
    const file = join(dir, 'atlas.sqlite');
    const { db } = openSqlite(file);
    return { db, target: { file }, dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const database = await createTestDatabase();
  const { db } = await openPostgres(database.url);
  return { db, target: { database: database.url }, dispose: database.drop };
}

for (const engine of testEngines()) {
  void describe(`migrations one at a time (${engine})`, () => {
    void it('each step applies to what the previous one left; every down undoes its up', async () => {
      const migrations = atlasMigrations(engine);
      const names = Object.keys(migrations);
      assert.deepEqual(names, [...names].sort(), 'the list is in the order the migrator runs it');
      assert.deepEqual(
        names.filter((name) => migrations[name]?.down === undefined),
        [],
        'every migration can be undone',
      );
      const bare = await bareDatabase(engine);
      let dbOpen = true;
      try {
        const migrator = new Migrator({
          db: bare.db,
          provider: { getMigrations: () => Promise.resolve(migrations) },
        });
        for (const name of names) {
          const hasDown = migrations[name]?.down !== undefined;
          // The schema is read only around the steps with a down (reading it is slow on PostgreSQL).
          const before = hasDown ? await schemaOf(bare.db) : undefined;
          const step = await migrator.migrateTo(name);
          assert.equal(step.error, undefined, `${name}: ${String(step.error)}`);
          assert.deepEqual(
            step.results?.map((r) => [r.migrationName, r.status]),
            [[name, 'Success']],
            `${name} runs alone, after the ones before it`,
          );
          if (before !== undefined) {
            const after = await schemaOf(bare.db);
            const down = await migrator.migrateDown();
            assert.equal(down.error, undefined, `${name} down: ${String(down.error)}`);
            assert.deepEqual(await schemaOf(bare.db), before, `${name} down restores the schema before it`);
            const again = await migrator.migrateTo(name);
            assert.equal(again.error, undefined, `${name} again after its down: ${String(again.error)}`);
            assert.deepEqual(await schemaOf(bare.db), after, `${name} again builds the same schema`);
          }
        }
        const states = await migrator.getMigrations();
        assert.ok(
          states.every((s) => s.executedAt !== undefined),
          'every migration applied',
        );
        await bare.db.destroy();
        dbOpen = false;

        // The atlas opener accepts the database the steps built: nothing left to do, and it answers.
        const atlas = await openAtlas(bare.target);
        try {
          assert.deepEqual(atlas.migrated, []);
          const stats = await atlas.store.stats();
          assert.equal(stats.documents, 0);
        } finally {
          await atlas.store.close();
        }
      } finally {
        if (dbOpen) await bare.db.destroy();
        await bare.dispose();
      }
    });

    void it('the postings best-first index is built on PostgreSQL only, and dropped where SQLite has it', async () => {
      const migrations = atlasMigrations(engine);
      const bare = await bareDatabase(engine);
      try {
        const migrator = new Migrator({
          db: bare.db,
          provider: { getMigrations: () => Promise.resolve(migrations) },
        });
        const hasIndex = async (): Promise<boolean> => {
          const found =
            engine === 'sqlite'
              ? await sql`select name from sqlite_master where type = 'index' and name = 'ix_search_postings_score'`.execute(
                  bare.db,
                )
              : await sql`select indexname from pg_indexes where indexname = 'ix_search_postings_score'`.execute(
                  bare.db,
                );
          return found.rows.length === 1;
        };
        assert.equal((await migrator.migrateTo('3000_postings_by_score')).error, undefined);
        assert.equal(await hasIndex(), engine === 'postgres', 'after 3000');
        // An atlas migrated by the earlier build of 3000, which made the index on SQLite too.
        if (engine === 'sqlite') {
          await sql`create index ix_search_postings_score on search_postings (term, kind, score desc, entry)`.execute(
            bare.db,
          );
        }
        assert.equal((await migrator.migrateToLatest()).error, undefined);
        assert.equal(await hasIndex(), engine === 'postgres', 'after every migration');
      } finally {
        await bare.db.destroy();
        await bare.dispose();
      }
    });
  });
}
