/**
 * Importing IATI activity files, for the CLI and the API alike: each file is read with the one
 * streaming reader and stored in one transaction, so a bad file gets one clear error and stores
 * nothing, and the files before and after it are imported. A file already imported (same SHA-256)
 * is `unchanged`. Per-file results, as ingestion reports documents.
 */
import { AtlasError } from '../../domain/errors.ts';
import { iatiFileFacts, readIatiFile, type IatiReadOptions } from '../../readers/iati/reader.ts';
import type { AtlasStore } from '../../storage/atlas-store.ts';

export interface IatiImportItem {
  readonly file: string;
  readonly status: 'imported' | 'unchanged' | 'failed';
  /** The stored file's id (`iatf_…`), also for an unchanged file. */
  readonly fileId?: string;
  readonly activities?: number;
  /** Activities stored earlier from another file that this file replaced. */
  readonly replaced?: number;
  readonly error?: AtlasError;
}

export interface IatiImportOptions extends IatiReadOptions {
  /** The name stored for the file (an upload's name); default its base name. */
  readonly name?: string;
  /** Where the file came from, as stored (an upload's `api:NAME`); default the path read. */
  readonly sourcePath?: string;
  readonly batchSize?: number;
}

/** Imports one file; an AtlasError (bad file, unknown path) becomes a `failed` item, busy is rethrown. */
export async function importIatiFile(
  store: AtlasStore,
  file: string,
  options: IatiImportOptions = {},
): Promise<IatiImportItem> {
  try {
    const facts = await iatiFileFacts(file, options);
    const known = await store.iati.findFileByHash(facts.sha256);
    if (known !== undefined) {
      return { file, status: 'unchanged', fileId: known.id, activities: known.activities, replaced: 0 };
    }
    const { version, activities } = await readIatiFile(file, options);
    const summary = await store.iati.importFile(
      {
        name: options.name ?? facts.name,
        sourcePath: options.sourcePath ?? file,
        sha256: facts.sha256,
        bytes: facts.bytes,
        version,
      },
      activities,
      options.batchSize === undefined ? {} : { batchSize: options.batchSize },
    );
    return {
      file,
      status: 'imported',
      fileId: summary.fileId,
      activities: summary.activities,
      replaced: summary.replaced,
    };
  } catch (error) {
    // A locked database stops the batch (the CLI says to run it again); any other refusal is this file's.
    if (error instanceof AtlasError && error.code !== 'busy') return { file, status: 'failed', error };
    throw error;
  }
}

/** Imports the files one after the other, reporting each as it is done. */
export async function importIatiFiles(
  store: AtlasStore,
  files: readonly string[],
  options: IatiImportOptions & { readonly onItem?: (item: IatiImportItem) => void } = {},
): Promise<IatiImportItem[]> {
  const items: IatiImportItem[] = [];
  for (const file of files) {
    const item = await importIatiFile(store, file, options);
    items.push(item);
    options.onItem?.(item);
  }
  return items;
}
