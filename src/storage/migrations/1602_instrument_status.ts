/**
 * Migration 1602: instrument statuses in the words the atlas now uses. Rows stored before say
 * `unknown` (nothing read the status then), which becomes `not_stated`; the old `proposed` and
 * `active` become `announced` and `in_force`. Statuses are read from the text at the next
 * ingestion of a document (with the words that state them as evidence).
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const RENAMED: readonly (readonly [string, string])[] = [
  ['unknown', 'not_stated'],
  ['proposed', 'announced'],
  ['active', 'in_force'],
];

export const instrumentStatusMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    for (const [from, to] of RENAMED) {
      await db.updateTable('instruments').set({ status: to }).where('status', '=', from).execute();
    }
  },
  async down(db: AnyDb): Promise<void> {
    for (const [from, to] of RENAMED) {
      await db.updateTable('instruments').set({ status: from }).where('status', '=', to).execute();
    }
  },
};
