/**
 * `mda backup FILE`, `mda export DIR` and `mda import DIR`: a copy of the database file taken while
 * the server runs, and the whole atlas as a data package (CSV and JSON Lines described by
 * datapackage.json) that an empty atlas can load back.
 */
import type { Command } from 'commander';
import type { TableCount } from '../../storage/transfer/export.ts';
import { globalsOf, withStore } from '../context.ts';
import { out } from '../output.ts';

/** "1234 rows in 31 tables (claims 980, documents 4, …)": the largest tables first. */
export function describeCounts(tables: readonly TableCount[]): string {
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  const largest = [...tables]
    .filter((table) => table.rows > 0)
    .sort((a, b) => b.rows - a.rows || (a.table < b.table ? -1 : 1))
    .slice(0, 6)
    .map((table) => `${table.table} ${table.rows}`);
  return `${rows} rows in ${tables.length} tables${largest.length > 0 ? ` (${largest.join(', ')}${tables.length > 6 ? ', …' : ''})` : ''}`;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('copy the database to FILE (online backup: safe while the server runs)')
    .argument('<file>', 'the backup file to write (must not exist)')
    .action(async (file: string, _raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const result = await withStore(globals, (store) => store.backup(file));
      out(`backup written: ${result.file} (${result.bytes} bytes)`);
    });

  program
    .command('export')
    .description('write the whole atlas to DIR as a data package (datapackage.json, CSV and JSON Lines)')
    .argument('<dir>', 'a new or empty folder')
    .action(async (dir: string, _raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const result = await withStore(globals, (store) => store.exportTo(dir));
      out(`exported ${describeCounts(result.tables)} to ${result.dir}`);
    });

  program
    .command('import')
    .description('load a data package written by `mda export` into an empty atlas')
    .argument('<dir>', 'the folder holding datapackage.json')
    .action(async (dir: string, _raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const result = await withStore(globals, (store) => store.importFrom(dir));
      out(`imported ${describeCounts(result.tables)} from ${result.dir}; search index rebuilt`);
    });
}
