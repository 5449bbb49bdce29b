/**
 * The export format: a Frictionless Data package (https://specs.frictionlessdata.io/): a
 * `datapackage.json` describing one file per table, CSV for flat tables and JSON Lines for tables
 * with JSON values, each with its Table Schema (fields and types, keys), size and SHA-256 hash.
 * `format_version` names this layout; an import refuses any other.
 */
import { z } from 'zod';
import { JSON_COLUMNS } from '../schema.ts';
import type { ColumnInfo, TableInfo } from './catalogue.ts';

export const FORMAT_VERSION = 'mda-export/1';
export const DESCRIPTOR_FILE = 'datapackage.json';
/** How CSV files write SQL NULL (an empty field is an empty string), as PostgreSQL's COPY does. */
export const CSV_NULL = '\\N';

/** The licence of the atlas's own data (structure, extracted facts, user entries). */
export const DATA_LICENCE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const;

export const FieldType = z.enum(['string', 'integer', 'number', 'any', 'object', 'array']);
export type FieldType = z.infer<typeof FieldType>;

const Field = z.object({
  name: z.string().min(1),
  type: FieldType,
  constraints: z.object({ required: z.boolean().optional() }).optional(),
});
export type Field = z.infer<typeof Field>;

const Resource = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a table name (lower case letters, digits, _)'),
  // A bare file name: an import never reads outside the package's folder.
  path: z.string().regex(/^[a-z][a-z0-9_]*\.(csv|jsonl)$/, 'a file name ending in .csv or .jsonl'),
  format: z.enum(['csv', 'jsonl']),
  bytes: z.number().int().nonnegative().optional(),
  hash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>')
    .optional(),
  schema: z.object({
    fields: z.array(Field).min(1),
    primaryKey: z.array(z.string()).optional(),
    missingValues: z.array(z.string()).optional(),
  }),
});
export type Resource = z.infer<typeof Resource>;

/** What an import requires of datapackage.json (other Frictionless properties are allowed). */
export const DataPackage = z.object({
  profile: z.literal('tabular-data-package'),
  format_version: z.string(),
  resources: z.array(Resource),
});
export type DataPackage = z.infer<typeof DataPackage>;

/** The field type a column has in the export: its JSON shape, or its portable SQL type. */
export function fieldTypeOf(table: string, column: ColumnInfo): FieldType {
  return JSON_COLUMNS[table]?.[column.name] ?? column.type;
}

export const isJsonType = (type: FieldType): boolean =>
  type === 'any' || type === 'object' || type === 'array';

/** A table with JSON values goes to JSON Lines (nested values stay nested); the rest to CSV. */
export function formatOf(table: TableInfo): 'csv' | 'jsonl' {
  return table.columns.some((column) => isJsonType(fieldTypeOf(table.name, column))) ? 'jsonl' : 'csv';
}

/** The Table Schema of a table, as written in datapackage.json. */
export function tableSchema(table: TableInfo, format: 'csv' | 'jsonl'): Record<string, unknown> {
  return {
    fields: table.columns.map((column) => ({
      name: column.name,
      type: fieldTypeOf(table.name, column),
      ...(column.required ? { constraints: { required: true } } : {}),
    })),
    ...(table.primaryKey.length > 0 ? { primaryKey: table.primaryKey } : {}),
    ...(table.foreignKeys.length > 0
      ? {
          // In the table's column order: the engines list their keys in different orders.
          foreignKeys: [...table.foreignKeys]
            .sort((a, b) => columnIndex(table, a.columns[0]) - columnIndex(table, b.columns[0]))
            .map((fk) => ({
              fields: fk.columns,
              reference: { resource: fk.table, fields: fk.references },
            })),
        }
      : {}),
    ...(format === 'csv' ? { missingValues: [CSV_NULL] } : {}),
  };
}

/** The CSV dialect every export writes (Frictionless CSV Dialect). */
export const CSV_DIALECT = {
  delimiter: ',',
  lineTerminator: '\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true,
} as const;

/** Where a column stands in its table (keys naming an unknown column go last). */
function columnIndex(table: TableInfo, name: string | undefined): number {
  const index = table.columns.findIndex((column) => column.name === name);
  return index === -1 ? table.columns.length : index;
}
