/**
 * `mda migrate [--status] [--database URL]`: brings the atlas's schema up to date on either engine
 * and says which migrations it applied; `--status` lists each migration, applied (with when) or
 * pending, and applies nothing. Every command migrates on opening too: this one lets an
 * administrator do it at a chosen moment (before starting the servers of a team) and see it done.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { globalsOf } from '../context.ts';
import { parseOptions, type GlobalOptions } from '../options.ts';
import { oneLine, out } from '../output.ts';

const MigrateOptions = z.object({
  status: z.boolean().default(false),
  json: z.boolean().default(false),
});

/** Where the atlas is, as the global options name it (the same choice as every command). */
function openOptionsOf(globals: GlobalOptions) {
  return {
    ...(globals.data === undefined ? {} : { dataDir: globals.data }),
    ...(globals.database === undefined ? {} : { database: globals.database }),
  };
}

export async function runMigrate(raw: unknown, command: Command): Promise<void> {
  const options = parseOptions(MigrateOptions, raw);
  const globals = globalsOf(command);
  const { atlasMigrationStatus, openAtlas } = await import('../../storage/database.ts');
  if (options.status) {
    const status = await atlasMigrationStatus(openOptionsOf(globals));
    if (options.json) {
      out(JSON.stringify(status, null, 2));
      return;
    }
    const pending = status.migrations.filter((m) => m.appliedAt === null).length;
    out(`database: ${oneLine(status.location)} (${status.engine})`);
    for (const migration of status.migrations) {
      out(
        `${migration.appliedAt === null ? 'pending' : 'applied'}  ${migration.name}${migration.appliedAt === null ? '' : `  ${migration.appliedAt}`}`,
      );
    }
    out(
      pending === 0
        ? `up to date: ${status.migrations.length} migrations applied`
        : `${pending} of ${status.migrations.length} migrations pending (run mda migrate)`,
    );
    return;
  }
  const atlas = await openAtlas(openOptionsOf(globals));
  try {
    if (options.json) {
      out(
        JSON.stringify({ engine: atlas.engine, location: atlas.location, applied: atlas.migrated }, null, 2),
      );
      return;
    }
    out(`database: ${oneLine(atlas.location)} (${atlas.engine})`);
    out(
      atlas.migrated.length === 0
        ? 'up to date: no migration to apply'
        : `applied ${atlas.migrated.length} migration${atlas.migrated.length === 1 ? '' : 's'}: ${atlas.migrated.join(', ')}`,
    );
  } finally {
    await atlas.store.close();
  }
}
