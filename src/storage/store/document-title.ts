/**
 * A document's title as readers see it: the stored `title` unless it is only the file's name
 * (`title_source = 'file_name'`), in which case there is no title and pages name the file instead.
 * The SQL form serves queries that join documents to what they support (claims, links, search).
 */
import { basename, extname } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import type { TitleSource } from '../atlas-store.ts';

const SOURCES: ReadonlySet<string> = new Set<TitleSource>(['text', 'metadata', 'person', 'file_name']);

/** The last part of a stored source path (either separator), e.g. `dialogue-2016.fr.txt`. */
export function fileNameOf(sourcePath: string): string {
  return basename(sourcePath.replace(/\\/g, '/'));
}

/** True when `title` is the file's name or its name without the extension. */
export function isFileNameTitle(title: string, sourcePath: string): boolean {
  const name = fileNameOf(sourcePath);
  return title === name || title === name.slice(0, name.length - extname(name).length);
}

/** Where a title found at ingestion came from: the text, else the file's metadata, else its name. */
export function ingestedTitleSource(stated: boolean, title: string, sourcePath: string): TitleSource {
  if (stated) return 'text';
  return isFileNameTitle(title, sourcePath) ? 'file_name' : 'metadata';
}

/** The stored source, or (a row not yet classified) the rule of migration 2700 for a file name. */
export function titleSourceOf(row: {
  readonly title: string;
  readonly title_source: string | null;
  readonly source_path: string;
}): TitleSource {
  if (row.title_source !== null && SOURCES.has(row.title_source)) return row.title_source as TitleSource;
  return isFileNameTitle(row.title, row.source_path) ? 'file_name' : 'text';
}

/** The title shown, or null for a document that has none. */
export function shownTitle(row: {
  readonly title: string;
  readonly title_source: string | null;
  readonly source_path: string;
}): string | null {
  return titleSourceOf(row) === 'file_name' ? null : row.title;
}

/** `documents.title`, or null where it is only the file's name (for joined queries). */
export function shownTitleSql(): RawBuilder<string | null> {
  return sql<
    string | null
  >`case when documents.title_source = 'file_name' then null else documents.title end`;
}
