/**
 * A Kysely handle whose SQLite connection reuses prepared statements. Kysely's SQLite driver
 * prepares every query anew; the API runs the same few dozen statements over and over, so keeping
 * them prepared saves a parse and plan per query (a bounded cache: `in (?, ?, …)` lists vary).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.ts';

const CACHE_SIZE = 256;

/**
 * The connection with `prepare` answered from a least-recently-used cache of statements. A cached
 * statement still being iterated (a streamed query, as an export reads) is not handed out again:
 * that one call gets a statement of its own.
 */
export function cachingConnection(raw: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string): BetterSqlite3.Statement => {
    const hit = cache.get(source);
    if (hit?.busy === true) return raw.prepare(source);
    if (hit !== undefined) {
      // Re-inserting moves the statement to the most-recent end of the Map's order.
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const statement = raw.prepare(source);
    cache.set(source, statement);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    return statement;
  };
  return new Proxy(raw, {
    get(target, property, receiver) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A Kysely over an open better-sqlite3 connection, with statement reuse. Do not destroy it: the owner closes the connection. */
export function kyselyWithStatementCache(raw: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingConnection(raw) }) });
}
