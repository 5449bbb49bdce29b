/**
 * Migration 2300: restricted records. A document, an instrument or a single claim may be restricted
 * to one organisation (`restricted_to`, an organisation id; null: public). Everything derived from
 * them (field rows, statements, analyses, search rows…) inherits the visibility by join in the read
 * model (storage/store/visibility.ts), not by a copied column. The indexes serve the filter's
 * `restricted_to is null or restricted_to in (…)`. Portable types only.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const TABLES = ['documents', 'instruments', 'claims'] as const;

export const restrictedRecordsMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    for (const table of TABLES) {
      await db.schema.alterTable(table).addColumn('restricted_to', 'text').execute();
      await db.schema.createIndex(`${table}_restricted_to`).on(table).column('restricted_to').execute();
    }
  },
  async down(db: AnyDb): Promise<void> {
    for (const table of TABLES) {
      await db.schema.dropIndex(`${table}_restricted_to`).execute();
      await db.schema.alterTable(table).dropColumn('restricted_to').execute();
    }
  },
};
