/**
 * Where the atlas keeps its data. The default is the project's own `data/` folder, resolved from
 * this file rather than the working directory, so `mda` run from anywhere uses the same database.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The database file's name inside a data folder. */
export const DATABASE_FILE_NAME = 'atlas.sqlite';

/**
 * The data folder: an explicit `--data DIR` first, then the `MDA_DATA_DIR` environment variable,
 * then `<project>/data`. Relative paths are taken from the working directory, as a shell user expects.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen =
    explicit ?? (env.MDA_DATA_DIR !== undefined && env.MDA_DATA_DIR !== '' ? env.MDA_DATA_DIR : undefined);
  return chosen === undefined ? join(PROJECT_ROOT, 'data') : resolve(chosen);
}

/** The database file inside a data folder. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}
