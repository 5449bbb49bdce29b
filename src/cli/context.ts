/**
 * What every command needs: the validated global options and a store opened on the chosen data
 * folder, always closed afterwards.
 */
import type { Command } from 'commander';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { GlobalOptions, parseOptions } from './options.ts';

/** The global options (`--data`, `--lang`) as seen from a subcommand. */
export function globalsOf(command: Command): GlobalOptions {
  return parseOptions(GlobalOptions, command.optsWithGlobals());
}

/** Opens the store for `--data`, runs `work`, closes the store even when `work` throws. */
export async function withStore<T>(
  globals: GlobalOptions,
  work: (store: AtlasStore) => Promise<T>,
): Promise<T> {
  // Loaded here, not at the top: commands that open no store (extract) skip SQLite and Kysely.
  const { openAtlasStore } = await import('../storage/database.ts');
  const store = await openAtlasStore({
    ...(globals.data === undefined ? {} : { dataDir: globals.data }),
    ...(globals.database === undefined ? {} : { database: globals.database }),
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
