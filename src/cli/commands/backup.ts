/**
 * `mda backup FILE`, `mda export DIR` and `mda import DIR`: a copy of the database file taken while
 * the server runs, and the whole atlas as a data package (CSV and JSON Lines described by
 * datapackage.json) that an empty atlas can load back.
 */
import type { Command } from 'commander';
import type { TableCount } from '../../storage/transfer/export.ts';
import { globalsOf, withStore } from '../context.ts';
import { oneLine, out } from '../output.ts';

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

export async function runBackup(file: string, _raw: unknown, command: Command): Promise<void> {
  const result = await withStore(globalsOf(command), (store) => store.backup(file));
  out(`backup written: ${oneLine(result.file)} (${result.bytes} bytes)`);
}

export async function runExport(dir: string, _raw: unknown, command: Command): Promise<void> {
  const result = await withStore(globalsOf(command), (store) => store.exportTo(dir));
  out(`exported ${describeCounts(result.tables)} to ${oneLine(result.dir)}`);
}

export async function runImport(dir: string, _raw: unknown, command: Command): Promise<void> {
  const result = await withStore(globalsOf(command), (store) => store.importFrom(dir));
  out(`imported ${describeCounts(result.tables)} from ${oneLine(result.dir)}; search index rebuilt`);
}
