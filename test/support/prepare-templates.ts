/**
 * Prepares the run's template databases (see templates.ts) and prints the `export NAME=value`
 * lines scripts/run-tests.sh evaluates; `drop` removes them again at the end of the run.
 *
 *   node --import tsx test/support/prepare-templates.ts create   # prints the exports
 *   node --import tsx test/support/prepare-templates.ts drop     # reads them from the environment
 *
 * The corpus template is made by `serveAtlas`, the same first-run path the HTTP fixture takes, so
 * a copy of it is exactly what a suite would otherwise ingest itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { serveAtlas } from '../../src/app/serve.ts';
import { openAtlas } from '../../src/storage/database.ts';
import { createTestDatabase, testEngines } from './engines.ts';
import { TEMPLATE_VARIABLES, templateOf, type TemplateContent } from './templates.ts';

const SERVER = process.env.MDA_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** Fills a migrated (or corpus) atlas at `target`, then closes it so it can be copied. */
async function fill(target: { file: string } | { database: string }, content: TemplateContent) {
  if (content === 'migrated') {
    const atlas = await openAtlas(target);
    await atlas.store.close();
    return;
  }
  const served = await serveAtlas({
    ...('file' in target ? { dataDir: dirname(target.file) } : { database: target.database }),
    log: { level: 'silent' },
    port: 0,
    host: '127.0.0.1',
    workers: 0,
  });
  const failed = served.ingested?.results.filter((r) => r.status === 'failed') ?? [];
  await served.close();
  if (failed.length > 0) {
    throw new Error(`corpus ingestion failed: ${failed.map((f) => f.error?.message).join('; ')}`);
  }
}

async function create(): Promise<void> {
  const lines: string[] = [];
  const engines = testEngines();
  if (engines.includes('sqlite')) {
    for (const content of ['migrated', 'corpus'] as const) {
      const dir = await mkdtemp(join(tmpdir(), `mda-template-${content}-`));
      const file = join(dir, 'atlas.sqlite');
      await fill({ file }, content);
      lines.push(`export ${TEMPLATE_VARIABLES.sqlite[content]}=${file}`);
    }
  }
  if (engines.includes('postgres')) {
    for (const content of ['migrated', 'corpus'] as const) {
      const database = await createTestDatabase();
      await fill({ database: database.url }, content);
      lines.push(`export ${TEMPLATE_VARIABLES.postgres[content]}=${new URL(database.url).pathname.slice(1)}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function drop(): Promise<void> {
  for (const content of ['migrated', 'corpus'] as const) {
    const file = templateOf('sqlite', content);
    if (file !== undefined) await rm(dirname(file), { recursive: true, force: true });
    const name = templateOf('postgres', content);
    if (name === undefined) continue;
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    try {
      await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    } finally {
      await client.end();
    }
  }
}

const command = process.argv[2];
if (command === 'create') await create();
else if (command === 'drop') await drop();
else {
  process.stderr.write('usage: prepare-templates.ts create|drop\n');
  process.exitCode = 64;
}
