/**
 * The PostgreSQL catalogue for export and import (the counterpart of storage/sqlite/catalogue.ts):
 * the base tables of the current schema with their columns in table order, primary and foreign
 * keys, read from pg_catalog; without the derived search table and the migrator's bookkeeping.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { ColumnInfo, ColumnType, ForeignKeyInfo, TableInfo } from '../transfer/catalogue.ts';

/** Tables that hold no atlas data: the search index (rebuilt on import) and Kysely's records. */
const isDerived = (name: string): boolean =>
  name === 'search_entries' || name === 'search_postings' || name.startsWith('kysely_');

/** PostgreSQL types reduced to the portable ones. */
export function portableType(type: string): ColumnType {
  if (/^(integer|bigint|smallint)$/.test(type)) return 'integer';
  if (/^(real|double precision|numeric)/.test(type)) return 'number';
  return 'string';
}

interface ColumnRow {
  table_name: string;
  name: string;
  type: string;
  not_null: boolean;
  has_default: boolean;
}

interface KeyRow {
  table_name: string;
  kind: string;
  name: string;
  columns: string[];
  foreign_table: string | null;
  foreign_columns: string[] | null;
}

/** Every data table of the database's current schema. */
export async function postgresCatalogue(db: Kysely<Database>): Promise<TableInfo[]> {
  const columns = await sql<ColumnRow>`select c.relname as table_name, a.attname as name,
      format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null, a.atthasdef as has_default
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<KeyRow>`select c.relname as table_name, k.contype as kind, k.conname as name,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
      f.relname as foreign_table,
      case when k.contype = 'f' then array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) end as foreign_columns
    from pg_constraint k join pg_class c on c.oid = k.conrelid left join pg_class f on f.oid = k.confrelid
    where c.relnamespace = current_schema()::regnamespace and k.contype in ('p', 'f')
    order by c.relname, k.conname`.execute(db);
  const tables = new Map<
    string,
    { columns: ColumnInfo[]; primaryKey: string[]; foreignKeys: ForeignKeyInfo[] }
  >();
  for (const row of columns.rows) {
    if (isDerived(row.table_name)) continue;
    const table = tables.get(row.table_name) ?? { columns: [], primaryKey: [], foreignKeys: [] };
    table.columns.push({
      name: row.name,
      type: portableType(row.type),
      required: row.not_null,
      hasDefault: row.has_default,
    });
    tables.set(row.table_name, table);
  }
  for (const key of keys.rows) {
    const table = tables.get(key.table_name);
    if (table === undefined) continue;
    if (key.kind === 'p') table.primaryKey.push(...key.columns);
    else if (key.foreign_table !== null) {
      table.foreignKeys.push({
        columns: key.columns,
        table: key.foreign_table,
        references: key.foreign_columns ?? key.columns,
      });
    }
  }
  return [...tables.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, table]) => ({ name, ...table }));
}

/**
 * After rows were imported with their own ids, moves each serial column's sequence past the
 * largest id, so the next insert does not collide with an imported row.
 */
export async function resetSequences(db: Kysely<Database>): Promise<void> {
  const serials = await sql<{ table_name: string; column_name: string; sequence: string }>`select
      c.relname as table_name, a.attname as column_name,
      pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attnum > 0
      -- A dropped column stays in pg_attribute under a placeholder name (migration 3100 drops one).
      and not a.attisdropped
      and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`.execute(db);
  for (const row of serials.rows) {
    await sql`select setval(${row.sequence}::regclass,
      coalesce((select max(${sql.ref(row.column_name)}) from ${sql.table(row.table_name)}), 0) + 1, false)`.execute(
      db,
    );
  }
}
