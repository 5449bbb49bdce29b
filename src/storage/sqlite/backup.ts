/**
 * Online backup of the SQLite file (SQLite's backup API through better-sqlite3): pages are copied
 * through the open connection, so what other processes committed, even still in the WAL and not yet
 * checkpointed, is in the copy, and writers are not stopped. The copy is written under a temporary
 * name, checked, then renamed, so a failed backup never leaves a half file under the asked name.
 * The copy is a single file in rollback-journal mode, ready to be copied anywhere.
 */
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AtlasError } from '../../domain/errors.ts';
import type { BackupSummary } from '../atlas-store.ts';
import { integrityCheck } from './connection.ts';

export async function backupSqlite(raw: BetterSqlite3.Database, target: string): Promise<BackupSummary> {
  const file = resolve(target);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new AtlasError('conflict', `${file} already exists: back up to a new file`, { file });
  await mkdir(dirname(file), { recursive: true });
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  try {
    await raw.backup(partial);
    // A rollback-journal copy is one self-contained file (no -wal/-shm beside it); the atlas
    // switches it back to WAL when it opens it after a restore.
    const copy = new BetterSqlite3(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = integrityCheck(copy);
      if (check !== 'ok') throw new Error(`the copy failed integrity_check: ${check}`);
    } finally {
      copy.close();
    }
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof AtlasError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AtlasError(
      'storage_failure',
      `backup to ${file} failed (${reason})`,
      { file },
      { cause: error },
    );
  }
}
