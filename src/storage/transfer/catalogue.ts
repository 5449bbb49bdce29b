/**
 * What an export or import needs to know about the database, read from the database itself rather
 * than from code: the data tables, their columns in table order, primary and foreign keys. Columns
 * added by a later migration therefore travel without any change here. Each engine reads its own
 * catalogue (storage/sqlite/catalogue.ts); the types are portable.
 */

/** Portable column types, as the Frictionless Table Schema names them. */
export type ColumnType = 'string' | 'integer' | 'number';

export interface ColumnInfo {
  readonly name: string;
  readonly type: ColumnType;
  /** NOT NULL (or part of the primary key). */
  readonly required: boolean;
  /** The database supplies a value when an insert omits the column (a default or an auto id). */
  readonly hasDefault: boolean;
}

export interface ForeignKeyInfo {
  readonly columns: readonly string[];
  readonly table: string;
  readonly references: readonly string[];
}

export interface TableInfo {
  readonly name: string;
  /** In the table's own column order. */
  readonly columns: readonly ColumnInfo[];
  /** Empty when the table has none (rows are then ordered by every column). */
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKeyInfo[];
}

/** Reads the data tables of an open database (derived tables such as search indexes excluded). */
export type ReadCatalogue = () => Promise<readonly TableInfo[]>;

/**
 * Tables in an order where every table comes after the tables it references (so inserts never
 * meet a missing parent), ties broken by name so the order is the same on every run.
 */
export function dependencyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (pending.length > 0) {
    const index = pending.findIndex((table) =>
      table.foreignKeys.every(
        (fk) => fk.table === table.name || placed.has(fk.table) || !byName.has(fk.table),
      ),
    );
    // A reference cycle cannot be ordered; keep the remaining tables in name order.
    const [next] = pending.splice(index === -1 ? 0 : index, 1);
    if (next === undefined) break;
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}
