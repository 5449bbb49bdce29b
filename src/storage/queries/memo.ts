/**
 * Caches whole-atlas aggregates (statistics, network, map counts) until the data changes. The atlas
 * is read-mostly: a cheap version key (last claim id, document and instrument counts) tells when an
 * ingest, in this process or another, has written since the value was computed.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { viewerOfHandle } from '../store/visibility.ts';
import { engineVersionOf } from '../store/kept-counts.ts';
import { viewerKey } from '../../domain/viewer.ts';

const caches = new WeakMap<Kysely<Database>, Map<string, { version: string; value: Promise<unknown> }>>();

/**
 * A key that changes whenever documents, instruments or claims are added or removed, or a change
 * is logged (a restriction set or lifted changes what each viewer sees, and is always logged).
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const result = await sql<{
    claims: number | null;
    documents: number;
    instruments: number;
    changes: number | null;
  }>`select
    (select max(id) from claims) as claims, (select count(*) from documents) as documents,
    (select count(*) from instruments) as instruments, (select max(id) from audit_log) as changes`.execute(
    db,
  );
  const row = result.rows[0];
  return `${row?.claims ?? 0}:${row?.documents ?? 0}:${row?.instruments ?? 0}:${row?.changes ?? 0}`;
}

/**
 * The cached value of `compute` for `name`, recomputed when the data version changed. Each viewer
 * (restricted records, store/visibility.ts) has its own values: the key holds who reads.
 */
export async function memoByVersion<T>(
  db: Kysely<Database>,
  name: string,
  compute: () => Promise<T>,
): Promise<T> {
  const key = `${viewerKey(viewerOfHandle(db))}|${name}`;
  // The engine's own version when the store has one (SQLite's data_version with the connection's
  // changes, PostgreSQL's commit notices): read in memory, it moves with every committed write. The
  // key computed in SQL counts every instrument, which through the visibility rule and at 100,000
  // instruments cost each cached profile 4 ms of PostgreSQL CPU on every request.
  const engine = engineVersionOf(db);
  const version = engine === null ? `sql:${await dataVersion(db)}` : `engine:${engine}`;
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  cache.set(key, { version, value });
  value.catch(() => cache.delete(key));
  return value;
}
