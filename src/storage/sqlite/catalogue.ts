/**
 * The SQLite catalogue for export and import: ordinary tables only (`pragma table_list` tells FTS5
 * virtual and shadow tables apart, and those hold the derived search index), without SQLite's and
 * the migrator's own bookkeeping tables.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { ColumnInfo, ColumnType, ForeignKeyInfo, TableInfo } from '../transfer/catalogue.ts';

/**
 * Tables that hold no atlas data: SQLite's own, Kysely's migration records, and the search index's
 * postings (derived from the records like the FTS5 table, rebuilt after an import).
 */
const isBookkeeping = (name: string): boolean =>
  name.startsWith('sqlite_') || name.startsWith('kysely_') || name === 'search_postings';

/** SQLite's type affinity rules (section 3.1 of its datatype page), reduced to the portable types. */
export function affinityType(declared: string): ColumnType {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'number';
  return 'string';
}

interface ColumnRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

interface ForeignKeyRow {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
}

/** Every data table of the database, with columns in table order and its keys. */
export async function sqliteCatalogue(db: Kysely<Database>): Promise<TableInfo[]> {
  const list = await sql<{ name: string; type: string }>`select name, type from pragma_table_list
    where schema = 'main' and type = 'table' order by name`.execute(db);
  const tables: TableInfo[] = [];
  for (const { name } of list.rows) {
    if (isBookkeeping(name)) continue;
    const columns = await sql<ColumnRow>`select name, type, "notnull", dflt_value, pk
      from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<ForeignKeyRow>`select id, seq, "table", "from", "to"
      from pragma_foreign_key_list(${name}) order by id, seq`.execute(db);
    const primaryKey = columns.rows
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    // A single INTEGER PRIMARY KEY is the rowid: SQLite numbers it when an insert leaves it out.
    const rowidKey = primaryKey.length === 1 ? primaryKey[0] : undefined;
    tables.push({
      name,
      columns: columns.rows.map((column): ColumnInfo => ({
        name: column.name,
        type: affinityType(column.type),
        required: column.notnull === 1 || column.pk > 0,
        hasDefault:
          column.dflt_value !== null || (column.name === rowidKey && column.type.toUpperCase() === 'INTEGER'),
      })),
      primaryKey,
      foreignKeys: groupForeignKeys(keys.rows),
    });
  }
  return tables;
}

function groupForeignKeys(rows: readonly ForeignKeyRow[]): ForeignKeyInfo[] {
  const byId = new Map<number, { table: string; columns: string[]; references: string[] }>();
  for (const row of rows) {
    const key = byId.get(row.id) ?? { table: row.table, columns: [], references: [] };
    key.columns.push(row.from);
    // `to` is null when the reference names the parent's primary key implicitly.
    key.references.push(row.to ?? row.from);
    byId.set(row.id, key);
  }
  return [...byId.values()];
}
