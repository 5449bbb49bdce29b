/**
 * Writes the whole atlas as a data package (see datapackage.ts), generically: tables and columns
 * come from the database's catalogue, rows are ordered by primary key, so the same data always
 * gives the same bytes. Everything is read in one transaction (one consistent snapshot while the
 * server keeps writing) into a temporary folder that is renamed into place at the end.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { sql, type Kysely } from 'kysely';
import { AtlasError } from '../../domain/errors.ts';
import type { Database } from '../schema.ts';
import { byCodePoint, engineOf } from '../engine.ts';
import { dependencyOrder, type TableInfo } from './catalogue.ts';
import {
  CSV_DIALECT,
  CSV_NULL,
  DATA_LICENCE,
  DESCRIPTOR_FILE,
  FORMAT_VERSION,
  fieldTypeOf,
  formatOf,
  isJsonType,
  tableSchema,
} from './datapackage.ts';

export interface TableCount {
  readonly table: string;
  readonly rows: number;
}

export interface ExportSummary {
  readonly dir: string;
  readonly tables: readonly TableCount[];
}

type Row = Record<string, unknown>;
/** A view of the database where any table name is accepted (the tables come from the catalogue). */
type AnyTables = Kysely<Record<string, Row>>;

/** A string value equal to the CSV null marker: that table is written as JSON Lines instead. */
class AmbiguousInCsv extends Error {}

/** Exports every data table into `dir`, which must not exist or be empty. */
export async function exportAtlas(
  db: Kysely<Database>,
  catalogue: readonly TableInfo[],
  target: string,
): Promise<ExportSummary> {
  const dir = resolve(target);
  await refuseNonEmpty(dir);
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}.partial-`));
  try {
    const tables = dependencyOrder(catalogue);
    // PostgreSQL gives each statement its own snapshot unless the transaction asks for one. On
    // SQLite a read-only transaction stays deferred (a snapshot, not the write lock: see
    // sqlite/connection.ts), so writers go on while the export reads.
    const snapshot =
      engineOf(db) === 'postgres'
        ? db.transaction().setIsolationLevel('repeatable read')
        : db.transaction().setAccessMode('read only');
    const { resources, counts, sources } = await snapshot.execute(async (trx) => {
      const written: Record<string, unknown>[] = [];
      const counted: TableCount[] = [];
      for (const table of tables) {
        const { resource, rows } = await writeTable(trx as unknown as AnyTables, table, staging);
        written.push(resource);
        counted.push({ table: table.name, rows });
      }
      return { resources: written, counts: counted, sources: await documentSources(trx, tables) };
    });
    const descriptor = {
      profile: 'tabular-data-package',
      name: 'migration-diplomacy-atlas',
      title: 'Migration Diplomacy Atlas',
      description:
        'Every table of a Migration Diplomacy Atlas: documents with their text, actors, instruments and ' +
        'their parties, claims with evidence and review state, statements, events, links, analyses, ' +
        'user-entered indicator values, watches and hits, commitment statuses and their history. ' +
        'The documents are third-party texts and keep their own terms; `sources` names each one.',
      format_version: FORMAT_VERSION,
      licenses: [DATA_LICENCE],
      sources,
      resources,
    };
    await writeFile(join(staging, DESCRIPTOR_FILE), `${JSON.stringify(descriptor, null, 2)}\n`);
    await rmdir(dir).catch(() => undefined);
    await rename(staging, dir);
    return { dir, tables: counts };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function refuseNonEmpty(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new AtlasError('unreadable_file', `${dir}: cannot be used for the export (${error.message})`, {
      file: dir,
    });
  });
  if (entries.length > 0) {
    throw new AtlasError('conflict', `${dir} is not empty: export into a new or empty folder`, { file: dir });
  }
}

/** Each stored document as a Frictionless source, for attribution. */
async function documentSources(db: Kysely<Database>, tables: readonly TableInfo[]): Promise<Row[]> {
  if (!tables.some((table) => table.name === 'documents')) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'title', 'source_path'])
    .orderBy(byCodePoint(db, 'id'))
    .execute();
  return rows.map((row) => ({ title: row.title, path: row.source_path, document_id: row.id }));
}

/** Streams one table's rows in primary-key order. */
async function* tableRows(db: AnyTables, table: TableInfo): AsyncGenerator<Row> {
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((column) => column.name);
  const text = new Set(
    table.columns.filter((column) => column.type === 'string').map((column) => column.name),
  );
  let query = db.selectFrom(table.name).selectAll();
  for (const column of order) {
    query = query.orderBy(text.has(column) ? byCodePoint(db, column) : sql.ref(column));
  }
  if (engineOf(db) === 'sqlite') {
    yield* query.stream(500);
    return;
  }
  // The pg driver streams only through a cursor package; pages of the snapshot do the same job.
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const rows = await query.limit(EXPORT_PAGE).offset(offset).execute();
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
  }
}

const EXPORT_PAGE = 5000;

async function writeTable(
  db: AnyTables,
  table: TableInfo,
  dir: string,
): Promise<{ resource: Record<string, unknown>; rows: number }> {
  let format = formatOf(table);
  let rows: number;
  try {
    rows = await writeRows(db, table, dir, format);
  } catch (error) {
    if (!(error instanceof AmbiguousInCsv)) throw error;
    await rm(join(dir, `${table.name}.csv`), { force: true });
    format = 'jsonl';
    rows = await writeRows(db, table, dir, format);
  }
  const path = `${table.name}.${format}`;
  const file = join(dir, path);
  const resource = {
    name: table.name,
    path,
    profile: 'tabular-data-resource',
    format,
    mediatype: format === 'csv' ? 'text/csv' : 'application/jsonl',
    encoding: 'utf-8',
    bytes: (await stat(file)).size,
    hash: `sha256:${await sha256File(file)}`,
    ...(format === 'csv' ? { dialect: CSV_DIALECT } : {}),
    ...(table.name === 'documents'
      ? {
          description: 'Third-party documents: each keeps its publisher’s terms (see the package’s sources).',
        }
      : {}),
    schema: tableSchema(table, format),
  };
  return { resource, rows };
}

async function writeRows(
  db: AnyTables,
  table: TableInfo,
  dir: string,
  format: 'csv' | 'jsonl',
): Promise<number> {
  let count = 0;
  const types = table.columns.map((column) => fieldTypeOf(table.name, column));
  const names = table.columns.map((column) => column.name);
  const checked = (row: Row): unknown[] =>
    names.map((name, i) =>
      exportValue(table.name, name, types[i] === undefined ? false : isJsonType(types[i]), row[name]),
    );
  const file = createWriteStream(join(dir, `${table.name}.${format}`));
  try {
    await pipeRows(db, table, format, file, names, checked, () => (count += 1));
  } catch (error) {
    // The pipeline destroys the stream, but fs opens it asynchronously: without waiting for its
    // 'close', the caller's rm() of the abandoned CSV can run before the file is even created.
    if (!file.closed) await once(file, 'close');
    throw error;
  }
  return count;
}

async function pipeRows(
  db: AnyTables,
  table: TableInfo,
  format: 'csv' | 'jsonl',
  file: WriteStream,
  names: string[],
  checked: (row: Row) => unknown[],
  counted: () => void,
): Promise<void> {
  if (format === 'csv') {
    const records = async function* (): AsyncGenerator<unknown[]> {
      yield names;
      for await (const row of tableRows(db, table)) {
        counted();
        yield checked(row).map((value) => {
          if (value === null) return CSV_NULL;
          if (value === CSV_NULL) throw new AmbiguousInCsv();
          return value;
        });
      }
    };
    await pipeline(Readable.from(records()), stringify({ record_delimiter: 'unix' }), file);
  } else {
    const lines = async function* (): AsyncGenerator<string> {
      for await (const row of tableRows(db, table)) {
        counted();
        const values = checked(row);
        yield `${JSON.stringify(Object.fromEntries(names.map((name, i) => [name, values[i]])))}\n`;
      }
    };
    await pipeline(Readable.from(lines()), file);
  }
}

/** A stored value as the export writes it; refuses what would not come back the same. */
function exportValue(table: string, column: string, json: boolean, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new AtlasError(
      'storage_failure',
      `${table}.${column}: ${value} cannot be exported (not a finite number)`,
    );
  }
  if (typeof value === 'bigint' || (typeof value === 'object' && !json)) {
    throw new AtlasError('storage_failure', `${table}.${column}: a ${typeof value} value cannot be exported`);
  }
  if (!json) return value;
  if (typeof value !== 'string') {
    throw new AtlasError('storage_failure', `${table}.${column}: a JSON column holds a ${typeof value}`);
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new AtlasError('storage_failure', `${table}.${column}: a stored value is not valid JSON`);
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
