/**
 * Databases prepared once per test run (scripts/run-tests.sh runs prepare-templates.ts before the
 * test files and drops them afterwards): an atlas with every migration applied, and one with the
 * built-in corpus ingested, on each engine. Each test still gets its own database — a copy of the
 * file on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL — instead of migrating and ingesting
 * again, which was most of the suite's time. Without the variables (a test file run on its own with
 * `node --test`), the helpers migrate and ingest as before.
 */
import { copyFile } from 'node:fs/promises';
import type { Engine } from './engines.ts';

/** The environment variables naming the prepared databases, by engine and content. */
export const TEMPLATE_VARIABLES = {
  sqlite: { migrated: 'MDA_TEST_SQLITE_MIGRATED', corpus: 'MDA_TEST_SQLITE_CORPUS' },
  postgres: { migrated: 'MDA_TEST_PG_MIGRATED', corpus: 'MDA_TEST_PG_CORPUS' },
} as const;

export type TemplateContent = keyof (typeof TEMPLATE_VARIABLES)['sqlite'];

/** The prepared SQLite file or PostgreSQL database name, when this run prepared one. */
export function templateOf(
  engine: Engine,
  content: TemplateContent,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = env[TEMPLATE_VARIABLES[engine][content]];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Copies the prepared SQLite atlas to `file` (closed with its write-ahead log checkpointed, so the
 * one file is the whole database); false when the run prepared none.
 */
export async function copySqliteTemplate(content: TemplateContent, file: string): Promise<boolean> {
  const template = templateOf('sqlite', content);
  if (template === undefined) return false;
  await copyFile(template, file);
  return true;
}
