/**
 * Migration 2800: `(title, id)` on instruments, on every engine. The list's title order
 * (`sort=title`, offered by the API and the search page) sorted every instrument for each page:
 * 7.5 ms of PostgreSQL CPU a page at 10,000 instruments, 0.5 ms walking this index (the same as the
 * date orders, which walk `(first_date, id)`). Measured with the varied addresses of `bench:api`.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const titleSortIndexMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema
      .createIndex('ix_q_instruments_title_sort')
      .on('instruments')
      .columns(['title', 'id'])
      .execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropIndex('ix_q_instruments_title_sort').execute();
  },
};
