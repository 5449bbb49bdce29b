/**
 * Tables an export leaves out. Exports are published data packages, so the tables that hold
 * credentials (password hashes, sessions, API tokens, invitation links) never travel in one: after an import, people set their
 * password again (`mda user password`) or are invited again. `mda backup` copies everything.
 */
import type { TableInfo } from '../transfer/catalogue.ts';

export const UNPUBLISHED_TABLES: ReadonlySet<string> = new Set([
  'user_credentials',
  'sessions',
  'api_tokens',
  'invitations',
  // Who tried to sign in from where: account names and client addresses, never published.
  'login_attempts',
  // Not secret, but not published either: contributions nobody has verified yet, or rejected
  // (an accepted one travels as the instrument it became). `mda backup` keeps them.
  'contributions',
]);

/** The catalogue of what an export publishes. */
export const publishedTables = (tables: readonly TableInfo[]): TableInfo[] =>
  tables.filter((table) => !UNPUBLISHED_TABLES.has(table.name));
