/**
 * Loads a data package written by `exportAtlas` into an EMPTY atlas, in one transaction: every
 * file is checked against its declared size and hash, every row against the Table Schema declared
 * in datapackage.json (zod), and the declared schema against this database's own tables. Any
 * failure rolls everything back. The derived search index is rebuilt afterwards (`afterImport`).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CsvError, parse } from 'csv-parse';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { AtlasError, invalidData, notFound } from '../../domain/errors.ts';
import { fillTitleSources } from '../migrations/2700_title_source.ts';
import type { Database } from '../schema.ts';
import { dependencyOrder, type TableInfo } from './catalogue.ts';
import {
  DataPackage,
  DESCRIPTOR_FILE,
  FORMAT_VERSION,
  fieldTypeOf,
  isJsonType,
  type Field,
  type FieldType,
  type Resource,
} from './datapackage.ts';
import { sha256File, type TableCount } from './export.ts';

/** Tables the atlas fills itself when it opens (the actor registry): replaced by the package's rows. */
const SEEDED_TABLES = new Set(['actors']);

export interface ImportSummary {
  readonly dir: string;
  readonly tables: readonly TableCount[];
}

/** Imports the package in `source` into the (empty) database. */
export async function importAtlas(
  db: Kysely<Database>,
  catalogue: readonly TableInfo[],
  source: string,
  afterImport: (trx: Kysely<Database>) => Promise<void>,
): Promise<ImportSummary> {
  const dir = resolve(source);
  const descriptor = await readDescriptor(dir);
  const tables = new Map(catalogue.map((table) => [table.name, table]));
  const plan = planImport(descriptor, tables);
  for (const { resource } of plan) await checkFile(dir, resource);
  const counts = await db.transaction().execute(async (trx) => {
    await refuseNonEmpty(trx, catalogue);
    const counted: TableCount[] = [];
    for (const { table, resource } of plan) {
      if (SEEDED_TABLES.has(table.name)) await sql`delete from ${sql.table(table.name)}`.execute(trx);
      counted.push({ table: table.name, rows: await loadResource(trx, dir, table, resource) });
    }
    // A package made before a column existed leaves it null: classified by that column's own rule.
    await fillTitleSources(trx);
    await afterImport(trx);
    return counted;
  });
  return { dir, tables: counts };
}

async function readDescriptor(dir: string): Promise<DataPackage> {
  const file = join(dir, DESCRIPTOR_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw notFound('export', `${file} (no datapackage.json: not an atlas export?)`);
    throw new AtlasError('unreadable_file', `${file}: cannot be read (${String(code)})`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidData(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const version = (json as { format_version?: unknown } | null)?.format_version;
  if (typeof json === 'object' && json !== null && version !== FORMAT_VERSION) {
    throw invalidData(
      file,
      `format_version ${JSON.stringify(version ?? null)} is not supported (this atlas reads ${FORMAT_VERSION})`,
    );
  }
  const parsed = DataPackage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidData(file, `${issue?.path.join('.') || 'descriptor'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

interface Step {
  readonly table: TableInfo;
  readonly resource: Resource;
}

/** Matches resources to this database's tables, in an order where parents come first. */
function planImport(descriptor: DataPackage, tables: ReadonlyMap<string, TableInfo>): Step[] {
  const file = DESCRIPTOR_FILE;
  const byTable = new Map<string, Resource>();
  for (const resource of descriptor.resources) {
    const table = tables.get(resource.name);
    if (table === undefined) {
      throw invalidData(
        file,
        `resource "${resource.name}" is not a table of this atlas (an export from a newer version?)`,
      );
    }
    if (byTable.has(resource.name)) throw invalidData(file, `resource "${resource.name}" is listed twice`);
    if (!resource.path.endsWith(`.${resource.format}`)) {
      throw invalidData(
        file,
        `resource "${resource.name}": path ${resource.path} does not match format ${resource.format}`,
      );
    }
    const columns = new Map(table.columns.map((column) => [column.name, column]));
    const declared = new Set<string>();
    for (const field of resource.schema.fields) {
      const column = columns.get(field.name);
      if (column === undefined) {
        throw invalidData(file, `${resource.name}.${field.name} is not a column of this atlas`);
      }
      if (declared.has(field.name)) throw invalidData(file, `${resource.name}.${field.name} is listed twice`);
      declared.add(field.name);
      const expected = fieldTypeOf(table.name, column);
      if (field.type !== expected) {
        throw invalidData(
          file,
          `${resource.name}.${field.name} is declared ${field.type}; this atlas stores ${expected}`,
        );
      }
    }
    for (const column of table.columns) {
      if (column.required && !column.hasDefault && !declared.has(column.name)) {
        throw invalidData(file, `${resource.name}: the required column ${column.name} is missing`);
      }
    }
    byTable.set(resource.name, resource);
  }
  return dependencyOrder([...tables.values()].filter((table) => byTable.has(table.name))).map((table) => ({
    table,
    resource: byTable.get(table.name)!,
  }));
}

/** The file exists and has the declared size and hash (a truncated or edited file is refused). */
async function checkFile(dir: string, resource: Resource): Promise<void> {
  const file = join(dir, resource.path);
  const size = await stat(file).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) throw invalidData(file, `listed in ${DESCRIPTOR_FILE} but missing`);
  if (resource.bytes !== undefined && resource.bytes !== size) {
    throw invalidData(
      file,
      `${size} bytes where ${DESCRIPTOR_FILE} declares ${resource.bytes} (truncated or changed?)`,
    );
  }
  if (resource.hash !== undefined && resource.hash !== `sha256:${await sha256File(file)}`) {
    throw invalidData(file, `its content does not match the hash in ${DESCRIPTOR_FILE} (changed?)`);
  }
}

async function refuseNonEmpty(db: Kysely<Database>, catalogue: readonly TableInfo[]): Promise<void> {
  const filled: string[] = [];
  for (const table of catalogue) {
    if (SEEDED_TABLES.has(table.name)) continue;
    const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) filled.push(`${n} ${table.name}`);
  }
  if (filled.length > 0) {
    throw new AtlasError(
      'conflict',
      `this atlas is not empty (${filled.slice(0, 4).join(', ')}${filled.length > 4 ? ', …' : ''}): ` +
        'import only into an empty atlas, for example a new --data folder',
    );
  }
}

/** The zod schema of one declared field (values already typed: numbers, JSON, null). */
function fieldSchema(field: Field): z.ZodType {
  const base: Record<FieldType, z.ZodType> = {
    string: z.string(),
    integer: z.int(),
    number: z.number(),
    any: z.json(),
    object: z.record(z.string(), z.json()),
    array: z.array(z.json()),
  };
  const schema = base[field.type];
  return field.constraints?.required === true ? schema : schema.nullable();
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

/** A CSV cell as a typed value for the zod check; text that is not what the field says stays text. */
function csvValue(raw: string, field: Field, missing: ReadonlySet<string>): unknown {
  if (missing.has(raw)) return null;
  if (field.type === 'integer' && INTEGER.test(raw)) return Number(raw);
  if (field.type === 'number' && NUMBER.test(raw)) return Number(raw);
  if (isJsonType(field.type)) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return Symbol('not JSON');
    }
  }
  return raw;
}

/** Reads, validates and inserts one resource; returns its row count. */
async function loadResource(
  db: Kysely<Database>,
  dir: string,
  table: TableInfo,
  resource: Resource,
): Promise<number> {
  const file = join(dir, resource.path);
  const fields = resource.schema.fields;
  const rowSchema = z.strictObject(
    Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)])),
  );
  const names = fields.map((field) => field.name);
  const batchSize = Math.max(1, Math.min(500, Math.floor(30_000 / names.length)));
  let batch: unknown[][] = [];
  let firstLine = 0;
  let count = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const values = batch.map((row) => sql`(${sql.join(row)})`);
    try {
      await sql`insert into ${sql.table(table.name)} (${sql.join(names.map((name) => sql.ref(name)))})
        values ${sql.join(values)}`.execute(db);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw invalidData(file, `the rows from line ${firstLine} on could not be stored (${reason})`);
    }
    batch = [];
  };
  const accept = async (line: number, candidate: Record<string, unknown>): Promise<void> => {
    const parsed = rowSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      throw invalidData(
        file,
        `line ${line}${where === '' ? '' : `, field ${where}`}: ${issue?.message ?? 'invalid'}`,
      );
    }
    if (batch.length === 0) firstLine = line;
    const row = parsed.data as Record<string, unknown>;
    batch.push(
      fields.map((field) => {
        const value = row[field.name];
        return isJsonType(field.type) && value !== null ? JSON.stringify(value) : value;
      }),
    );
    count += 1;
    if (batch.length >= batchSize) await flush();
  };

  if (resource.format === 'csv') await readCsv(file, resource, names, accept);
  else await readJsonLines(file, accept);
  await flush();
  return count;
}

type Accept = (line: number, row: Record<string, unknown>) => Promise<void>;

async function readCsv(
  file: string,
  resource: Resource,
  names: readonly string[],
  accept: Accept,
): Promise<void> {
  const missing = new Set(resource.schema.missingValues ?? ['']);
  const parser = createReadStream(file).pipe(parse({ info: true }));
  let header = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (header) {
        header = false;
        if (record.join(',') !== names.join(',')) {
          throw invalidData(
            file,
            `the header (${record.join(', ')}) does not list the declared fields (${names.join(', ')})`,
          );
        }
        continue;
      }
      const row: Record<string, unknown> = {};
      resource.schema.fields.forEach((field, i) => {
        row[field.name] = csvValue(record[i] ?? '', field, missing);
      });
      await accept(info.lines, row);
    }
  } catch (error) {
    if (error instanceof CsvError) throw invalidData(file, `malformed CSV (${error.message})`);
    throw error;
  }
  if (header) throw invalidData(file, 'empty file (no header line)');
}

async function readJsonLines(file: string, accept: Accept): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw invalidData(
        file,
        `line ${number}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw invalidData(file, `line ${number}: expected one JSON object per line`);
    }
    await accept(number, row as Record<string, unknown>);
  }
}
