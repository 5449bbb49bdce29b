/**
 * Migration 3100 (PostgreSQL only): the search entries lose their `tsvector`. Since migration 2900
 * every query matches and ranks from the kept postings, and the vector's GIN indexes went then; the
 * vector itself was still computed for every passage and instrument record stored — four
 * `to_tsvector('mda_fold', …)` runs a row, each through the `unaccent` dictionary — which was about
 * a third of the PostgreSQL backend's CPU per ingested document and most of the entry rows' bytes
 * (5.4 of 7 MB at 400 documents), all inside the document's transaction. The tests that compare the
 * postings with PostgreSQL's own full-text matching build the vectors from the rows when they run.
 * `down` puts the column back empty (the code of 2900 writes it and reads it nowhere).
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const searchEntriesWithoutVectorMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await sql`alter table search_entries drop column if exists vector`.execute(db);
  },
  async down(db: AnyDb): Promise<void> {
    await sql`alter table search_entries add column vector tsvector not null default ''::tsvector`.execute(
      db,
    );
  },
};
