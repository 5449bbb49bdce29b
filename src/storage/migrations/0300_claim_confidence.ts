/**
 * Migration 0300: how sure the extractor was of each claim (0–1), so that reviewers can start from
 * the least sure. Nullable: claims stored before, and claims entered by people, have none.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const claimConfidenceMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('claims').addColumn('confidence', 'real').execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.alterTable('claims').dropColumn('confidence').execute();
  },
};
