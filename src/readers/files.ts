/**
 * File-system side of the readers: loading one document's bytes with the size checked first, and
 * expanding the files and folders a user names into the list of documents to ingest.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AtlasError } from '../domain/errors.ts';
import { documentTooLarge, unknownFormat, unreadableFile } from '../domain/errors.ts';
import { formatFromExtension, unsupportedDocumentHint, unsupportedExtension } from './detect-format.ts';

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** An `unreadable_file` error naming the file, for a failed file-system call. */
export function fileSystemFailure(file: string, error: unknown): AtlasError {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const reason = FS_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
  return unreadableFile(file, reason, error);
}

async function statOrFail(file: string): Promise<Stats> {
  try {
    return await stat(file);
  } catch (error) {
    throw fileSystemFailure(file, error);
  }
}

/**
 * A document's bytes, after checking (before reading anything) that `file` is a regular file of at
 * most `maxBytes`. Throws `unreadable_file` or `document_too_large`.
 */
export async function loadDocumentBytes(file: string, maxBytes: number): Promise<Buffer> {
  const stats = await statOrFail(file);
  if (stats.isDirectory()) throw unreadableFile(file, 'it is a directory, not a file');
  if (!stats.isFile()) throw unreadableFile(file, 'not a regular file');
  if (stats.size > maxBytes) throw documentTooLarge(file, stats.size, maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fileSystemFailure(file, error);
  }
  // The file may have grown between the check and the read.
  if (bytes.length > maxBytes) throw documentTooLarge(file, bytes.length, maxBytes);
  return bytes;
}

/** The documents found in the named inputs, and one error per input (or folder entry) that failed. */
export interface ExpandedInputs {
  readonly files: string[];
  readonly errors: AtlasError[];
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands files and folders into the documents to read. A folder is walked recursively (links to
 * files followed, links to folders not); its entries come out sorted by path; hidden entries (".git",
 * ".DS_Store") are skipped, and so are files that are clearly not documents (images, data, code). A document-like file the atlas cannot read (.doc,
 * .odt, .rtf…) inside a folder is reported rather than skipped, so nothing is lost silently. A file
 * named explicitly must have a supported extension. Each document is listed once.
 */
export async function expandInputs(paths: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const errors: AtlasError[] = [];
  const seenFiles = new Set<string>();
  // Keyed by real path, so a file named twice or reached through a link is listed once.
  const add = async (file: string): Promise<void> => {
    const key = await realpath(file).catch(() => resolve(file));
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(file);
  };
  for (const input of paths) {
    let stats: Stats;
    try {
      stats = await stat(input);
    } catch (error) {
      errors.push(fileSystemFailure(input, error));
      continue;
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      await walkFolder(input, found, errors);
      for (const file of found.sort(byCodeUnits)) await add(file);
    } else if (!stats.isFile()) {
      errors.push(unreadableFile(input, 'not a regular file'));
    } else if (formatFromExtension(input) === undefined) {
      errors.push(unsupportedExtension(input));
    } else {
      await add(input);
    }
  }
  return { files, errors };
}

async function walkFolder(folder: string, found: string[], errors: AtlasError[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    errors.push(fileSystemFailure(folder, error));
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      await walkFolder(path, found, errors);
      continue;
    }
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Links to files are followed; links to folders are not, so a walk stays inside the folder
      // named and cannot loop.
      try {
        isFile = (await stat(path)).isFile();
      } catch (error) {
        errors.push(fileSystemFailure(path, error));
        continue;
      }
    }
    if (!isFile) continue;
    if (formatFromExtension(path) !== undefined) {
      found.push(path);
    } else {
      const hint = unsupportedDocumentHint(path);
      if (hint !== undefined) errors.push(unknownFormat(path, hint));
    }
  }
}
