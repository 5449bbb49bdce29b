/**
 * Migration 2600: two indexes the API's hot reads lacked, measured at 100,000 instruments.
 *
 * - On every engine, `(type, first_date, id)` on instruments: a list filtered by type comes back in
 *   its default order (most recent first) by walking that index, instead of walking the whole
 *   `(first_date, id)` index and dropping the other types, or sorting every match.
 * - On PostgreSQL only, a GIN index of the instrument records' vectors alone (`kind = 'instrument'`):
 *   the instrument text filter (`q`) then looks up a third of the entries, and never the passages'
 *   vectors, which are the larger ones. SQLite's FTS5 table has no partial index to offer.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageEngine } from '../engine.ts';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function listAndTextIndexesMigration(engine: StorageEngine): Migration {
  return {
    async up(db: AnyDb): Promise<void> {
      await db.schema
        .createIndex('ix_q_instruments_type_sort')
        .on('instruments')
        .columns(['type', 'first_date', 'id'])
        .execute();
      if (engine === 'postgres') {
        await sql`create index ix_search_instrument_vector on search_entries using gin (vector)
          where kind = 'instrument'`.execute(db);
      }
    },
    async down(db: AnyDb): Promise<void> {
      if (engine === 'postgres') await db.schema.dropIndex('ix_search_instrument_vector').execute();
      await db.schema.dropIndex('ix_q_instruments_type_sort').execute();
    },
  };
}
