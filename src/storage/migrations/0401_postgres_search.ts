/**
 * Migration 0401 (PostgreSQL only; SQLite has its FTS5 table from 0100): the search index as a
 * table of passages and instrument records with a weighted `tsvector` and a GIN index.
 *
 * The vector holds the tokens of the project's own analyser (storage/search/analyzer.ts) rather
 * than PostgreSQL's French or English stems: Snowball, in PostgreSQL as in JavaScript, stems
 * "réadmission" and "réadmissions" differently, which the analyser corrects by stripping plurals
 * first; and the bilingual concept tokens exist only there. Both engines therefore index and query
 * exactly the same tokens. The `mda_fold` configuration (the `simple` parser, no stop words, then
 * `unaccent`) folds what reaches it the way the analyser does, as a second guard.
 *
 * Weights stand for the FTS5 columns: A title, B body, C stems, D concepts.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const postgresSearchMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`do $$ begin
      if not exists (select 1 from pg_ts_config where cfgname = 'mda_fold') then
        create text search configuration mda_fold (copy = simple);
        alter text search configuration mda_fold
          alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
          with unaccent, simple;
      end if;
    end $$`.execute(db);
    await sql`create table search_entries (
      id bigserial primary key,
      kind text not null,
      ref_id text not null,
      document_id text,
      span_start integer,
      span_end integer,
      language text not null,
      title text not null,
      body text not null,
      vector tsvector not null
    )`.execute(db);
    await sql`create index ix_search_vector on search_entries using gin (vector)`.execute(db);
    await sql`create index ix_search_ref on search_entries (kind, ref_id)`.execute(db);
    await sql`create index ix_search_document on search_entries (document_id)`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`drop table if exists search_entries`.execute(db);
    await sql`drop text search configuration if exists mda_fold`.execute(db);
  },
};
