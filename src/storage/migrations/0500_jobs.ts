/**
 * Migration 0500: the ingestion job queue, kept in the atlas database so that jobs survive a restart
 * and every worker process (on any machine reaching a PostgreSQL atlas) shares it. A job is claimed
 * with a lease; a worker that dies (kill -9, out of memory) stops renewing it and the job is claimed
 * again after the lease expires. Portable SQL only: the same table on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const jobsMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Jobs enqueued together (one `mda ingest --workers N` run); null for single uploads.
      .addColumn('batch', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      // What the user knows the job by: the file path or the uploaded file's name.
      .addColumn('source', 'text', (c) => c.notNull())
      // JSON: what the worker needs (a path, or an upload's bytes); emptied once the job has ended.
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('stage', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('document_id', 'text')
      // JSON: the outcome (added or unchanged, counts, watch hits) once done.
      .addColumn('result', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    // The claim query: the oldest claimable job of a state.
    await db.schema.createIndex('jobs_state_created').on('jobs').columns(['state', 'created_at']).execute();
    await db.schema.createIndex('jobs_batch_state').on('jobs').columns(['batch', 'state']).execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropTable('jobs').execute();
  },
};
