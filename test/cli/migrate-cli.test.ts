/**
 * `mda migrate` on both engines: `--status` on a new atlas lists every migration as pending and
 * creates nothing; `migrate` applies them all and names them; a second run applies none; `--status`
 * then shows each as applied.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { atlasMigrations } from '../../src/storage/migrations/index.ts';
import { mda } from '../support/cli.ts';
import { createTestDatabase, testEngines } from '../support/engines.ts';

interface Status {
  engine: string;
  location: string;
  migrations: { name: string; appliedAt: string | null }[];
}

for (const engine of testEngines()) {
  void describe(`mda migrate on ${engine}`, () => {
    let dir: string;
    let where: string[];
    let database: { drop(): Promise<void> } | undefined;
    const expected = Object.keys(atlasMigrations(engine)).sort();

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-migrate-'));
      if (engine === 'postgres') {
        const created = await createTestDatabase();
        database = created;
        where = ['--database', created.url];
      } else {
        where = ['--data', dir];
      }
    });
    after(async () => {
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    });

    void test('--status on a new atlas: every migration pending, nothing created', async () => {
      const run = await mda(...where, 'migrate', '--status', '--json');
      assert.equal(run.code, 0, run.stderr);
      const status = JSON.parse(run.stdout) as Status;
      assert.equal(status.engine, engine);
      assert.deepEqual(
        status.migrations.map((m) => m.name),
        expected,
      );
      assert.ok(status.migrations.every((m) => m.appliedAt === null));
      if (engine === 'sqlite') assert.equal(existsSync(join(dir, 'atlas.sqlite')), false);
      const text = await mda(...where, 'migrate', '--status');
      assert.match(text.stdout, new RegExp(`^pending  ${expected[0]}$`, 'm'));
      assert.match(text.stdout, new RegExp(`${expected.length} of ${expected.length} migrations pending`));
    });

    void test('applies every pending migration and names them, then none', async () => {
      const first = await mda(...where, 'migrate');
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`\\(${engine}\\)`));
      assert.match(
        first.stdout,
        new RegExp(`^applied ${expected.length} migrations: ${expected.join(', ')}$`, 'm'),
      );
      const again = await mda(...where, 'migrate', '--json');
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual((JSON.parse(again.stdout) as { applied: string[] }).applied, []);
      const status = JSON.parse((await mda(...where, 'migrate', '--status', '--json')).stdout) as Status;
      assert.ok(
        status.migrations.every((m) => m.appliedAt !== null && !Number.isNaN(Date.parse(m.appliedAt))),
      );
      const text = await mda(...where, 'migrate', '--status');
      assert.match(text.stdout, new RegExp(`up to date: ${expected.length} migrations applied`));
    });
  });
}

void test('mda migrate names an unreachable PostgreSQL server and how to start one', async () => {
  const run = await mda('--database', 'postgres://postgres:postgres@127.0.0.1:1/atlas', 'migrate');
  assert.notEqual(run.code, 0);
  assert.match(
    run.stderr,
    /cannot connect to the PostgreSQL database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/atlas/,
  );
  assert.match(run.stderr, /npm run pg:start/);
});

void test('mda migrate on a PostgreSQL server without that database says how to create it', async () => {
  const { url, drop } = await createTestDatabase();
  await drop();
  const run = await mda('--database', url, 'migrate');
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /does not exist/);
  assert.match(run.stderr, /create it first \(`createdb NAME`/);
});
