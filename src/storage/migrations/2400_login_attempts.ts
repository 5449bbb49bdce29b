/**
 * Migration 2400: failed sign-ins kept in the database, so that every server process on one atlas
 * counts the same attempts (presentation/auth/throttle.ts). One row per key (`a:<email>` or
 * `ip:<address>`): the failures in the current window and when that window ends (ISO text, which
 * sorts as time does on both engines). Portable types only.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const loginAttemptsMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('login_attempts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('reset_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_reset_at').on('login_attempts').column('reset_at').execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropTable('login_attempts').execute();
  },
};
