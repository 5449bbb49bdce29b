/**
 * Versioned schema migrations, run on every open. Kysely's Migrator applies them in name order
 * (`0001_initial`, `0002_…`) and records each in `kysely_migration`; migrations are listed in code
 * (no folder scan) so they work the same under tsx, a bundler or a test runner.
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { AtlasError } from '../../domain/errors.ts';
import type { Database } from '../schema.ts';
import type { StorageEngine } from '../engine.ts';
import { initialMigration } from './0001_initial.ts';
import { searchIndexMigration } from './0100_search_index.ts';
import { analysesMigration } from './0200_analyses.ts';
import { analysedDocumentsMigration } from './0201_analysed_documents.ts';
import { claimConfidenceMigration } from './0300_claim_confidence.ts';
import { queryIndexesMigration } from './0400_query_indexes.ts';
import { postgresSearchMigration } from './0401_postgres_search.ts';
import { postgresDoubleConfidenceMigration } from './0402_postgres_double_confidence.ts';
import { jobsMigration } from './0500_jobs.ts';
import { documentSourcesMigration } from './0700_document_sources.ts';
import { iatiMigration } from './0800_iati.ts';
import { peopleMigration } from './0900_people.ts';
import { amountRolesMigration } from './1600_amount_roles.ts';
import { actorIdsMigration } from './1601_actor_ids.ts';
import { instrumentStatusMigration } from './1602_instrument_status.ts';
import { curationMigration } from './1900_curation.ts';
import { watchOwnerMigration } from './2000_watch_owner.ts';
import { contributionsMigration } from './2200_contributions.ts';
import { restrictedRecordsMigration } from './2300_restricted_records.ts';
import { loginAttemptsMigration } from './2400_login_attempts.ts';
import { changeNoticesMigration } from './2500_change_notices.ts';
import { listAndTextIndexesMigration } from './2600_list_and_text_indexes.ts';
import { titleSourceMigration } from './2700_title_source.ts';
import { titleSortIndexMigration } from './2800_title_sort_index.ts';
import { searchPostingsMigration } from './2900_search_postings.ts';
import { postingsByScoreMigration } from './3000_postings_by_score.ts';
import { searchEntriesWithoutVectorMigration } from './3100_search_entries_without_vector.ts';
import { sqlitePostingsWithoutScoreIndexMigration } from './3200_sqlite_postings_without_score_index.ts';

/** Which SQL engine a migration is written for (only auto-numbered ids differ). */
export type { StorageEngine } from '../engine.ts';

/** All migrations by name. Append new ones; never edit one that has shipped. */
export function atlasMigrations(engine: StorageEngine): Record<string, Migration> {
  return {
    '0001_initial': initialMigration(engine),
    // SQLite only: FTS5 search index and the API's query indexes (PostgreSQL gets its own later).
    ...(engine === 'sqlite' ? { '0100_search_index': searchIndexMigration } : {}),
    '0200_analyses': analysesMigration(engine),
    '0201_analysed_documents': analysedDocumentsMigration,
    '0300_claim_confidence': claimConfidenceMigration,
    '0400_query_indexes': queryIndexesMigration,
    // PostgreSQL only: its search index (SQLite's is the FTS5 table of 0100) and a double confidence.
    ...(engine === 'postgres'
      ? {
          '0401_postgres_search': postgresSearchMigration,
          '0402_postgres_double_confidence': postgresDoubleConfidenceMigration,
        }
      : {}),
    '0500_jobs': jobsMigration,
    '0700_document_sources': documentSourcesMigration,
    '0800_iati': iatiMigration,
    '0900_people': peopleMigration(engine),
    '1600_amount_roles': amountRolesMigration,
    '1601_actor_ids': actorIdsMigration,
    '1602_instrument_status': instrumentStatusMigration,
    '1900_curation': curationMigration(engine),
    '2000_watch_owner': watchOwnerMigration,
    '2200_contributions': contributionsMigration,
    '2300_restricted_records': restrictedRecordsMigration,
    '2400_login_attempts': loginAttemptsMigration,
    // PostgreSQL only: committed writes notify listeners (the API's response cache; SQLite has data_version).
    ...(engine === 'postgres' ? { '2500_change_notices': changeNoticesMigration } : {}),
    // The typed list's index on both engines; PostgreSQL also indexes the instrument records' vectors alone.
    '2600_list_and_text_indexes': listAndTextIndexesMigration(engine),
    '2700_title_source': titleSourceMigration,
    '2800_title_sort_index': titleSortIndexMigration,
    // The search index's kept postings, on both engines: matching and ranking read them alone.
    '2900_search_postings': searchPostingsMigration(engine),
    // The postings best first: PostgreSQL reads them so; on SQLite the migration does nothing.
    '3000_postings_by_score': postingsByScoreMigration(engine),
    // PostgreSQL only: the search entries' vectors go (no query reads them; computing them was a third of a stored document's server CPU).
    ...(engine === 'postgres'
      ? { '3100_search_entries_without_vector': searchEntriesWithoutVectorMigration }
      : {}),
    // SQLite only: the best-first index goes where an earlier build of 3000 made it (see 3000).
    ...(engine === 'sqlite'
      ? { '3200_sqlite_postings_without_score_index': sqlitePostingsWithoutScoreIndexMigration }
      : {}),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: StorageEngine) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(atlasMigrations(this.engine));
  }
}

/** A migration of this engine's list and when it ran (null: pending). */
export interface MigrationState {
  readonly name: string;
  /** ISO time the migration was applied, or null while pending. */
  readonly appliedAt: string | null;
}

/** Every migration of the engine, in order, applied or pending; applies nothing. */
export async function migrationStates(
  db: Kysely<Database>,
  engine: StorageEngine,
): Promise<MigrationState[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(engine) });
  const infos = await migrator.getMigrations();
  return infos.map((info) => ({
    name: info.name,
    appliedAt: info.executedAt === undefined ? null : info.executedAt.toISOString(),
  }));
}

/** Brings the database to the latest schema; throws a storage_failure AtlasError if a step fails. */
export async function migrateToLatest(db: Kysely<Database>, engine: StorageEngine): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new AtlasError(
      'storage_failure',
      `schema migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        migration: failed,
      },
      { cause: error },
    );
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
