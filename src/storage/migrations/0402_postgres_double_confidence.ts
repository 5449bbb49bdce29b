/**
 * Migration 0402 (PostgreSQL only): claims.confidence as a double. Migration 0300 declared it
 * `real`, which SQLite stores as an 8-byte float but PostgreSQL as a 4-byte one, so 0.85 came back
 * as 0.8500000238…: a figure shown differently per engine and an export that changed on a move.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const postgresDoubleConfidenceMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table claims alter column confidence type double precision`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table claims alter column confidence type real`.execute(db);
  },
};
