/**
 * Totals kept per data version. Every page of the instrument list and of a search tells how many
 * records match, and counting them read every match on every request (100,000 instruments: 5.8 ms
 * of PostgreSQL CPU for the plain list, 9 ms for a country, up to 124 ms for two words), while the
 * page itself reads 50 rows. The count of a question changes only when the data does, so it is kept
 * under the engine's data version (AtlasStore.dataVersion: SQLite's data_version with the
 * connection's own changes, PostgreSQL's commit notices), the same key as the API's response cache.
 *
 * Exactness: the version is read before the count is computed, and a version moves only once a
 * commit is visible (PostgreSQL's notice is sent after its transaction committed), so a kept count
 * is never older than the version it is kept under; any committed write, of this process or
 * another, moves the version and every kept count is dropped. Where the engine cannot tell its
 * version (null: PostgreSQL's listening connection not up), nothing is kept and every call counts.
 * Each viewer has its own counts (restricted records are not counted for those who may not see them).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { viewerKey } from '../../domain/viewer.ts';
import { viewerOfHandle } from './visibility.ts';

type Db = Kysely<Database>;

/** Counts kept at most per version (distinct filters and queries; each a few bytes). */
const MAX_KEPT = 20_000;

interface Keeper {
  readonly version: () => string | null;
  kept: string | null;
  readonly values: Map<string, Promise<unknown>>;
}

const keepers = new WeakMap<Db, Keeper>();

/** The version source of a store's handles: one shared set of kept counts for all of them. */
export function keepCountsFor(handles: readonly Db[], version: () => string | null): void {
  const keeper: Keeper = { version, kept: null, values: new Map() };
  for (const handle of handles) keepers.set(handle, keeper);
}

/**
 * The engine's data version of a handle's store (the one its kept counts are kept under), or null
 * when the handle has none (a transaction's, the CLI's plain one) or the engine cannot tell now.
 */
export function engineVersionOf(db: Db): string | null {
  return keepers.get(db)?.version() ?? null;
}

/** Computes counts under the kept values of `db`'s store, if it has a version (see `keptCount`). */
export type CountKeeper = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

/**
 * The keeper of a handle: `compute`'s kept answer for `key` under the current data version and the
 * handle's viewer, or a fresh one. A handle without a version source (a transaction's, the CLI's
 * plain one) always computes.
 */
export function countKeeperOf(db: Db): CountKeeper {
  const keeper = keepers.get(db);
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    // Read before the work: a change committed meanwhile moves the version and is seen next time.
    const current = keeper?.version() ?? null;
    if (keeper === undefined || current === null) return compute();
    if (keeper.kept !== current) {
      keeper.values.clear();
      keeper.kept = current;
    }
    const full = `${viewerKey(viewerOfHandle(db))}|${key}`;
    const found = keeper.values.get(full);
    if (found !== undefined) return found as Promise<T>;
    if (keeper.values.size >= MAX_KEPT) keeper.values.clear();
    const value = compute();
    keeper.values.set(full, value);
    value.catch(() => {
      if (keeper.values.get(full) === value) keeper.values.delete(full);
    });
    return value;
  };
}
