/**
 * Failed sign-ins in the database (migration 2400), shared by every server process on the atlas:
 * the login throttle (presentation/auth/throttle.ts) reads and counts through here. A failure is
 * one upsert per key, atomic on both engines (INSERT … ON CONFLICT DO UPDATE), so two processes
 * counting at once lose no attempt. Times are ISO text, which sorts as time does.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface LoginWindow {
  readonly key: string;
  readonly failures: number;
  /** Epoch milliseconds at which the window ends. */
  readonly resetAt: number;
}

export interface LoginAttemptStore {
  /** The live windows of these keys at `now` (ended ones count as none). */
  windows(keys: readonly string[], now: number): Promise<LoginWindow[]>;
  /** One more failure for each key; a key without a live window starts one of `windowMs`. */
  fail(keys: readonly string[], windowMs: number, now: number): Promise<void>;
  /** Forgets a key's failures (a successful sign-in). */
  clear(key: string): Promise<void>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function createLoginAttemptStore(db: Kysely<Database>): LoginAttemptStore {
  return {
    async windows(keys, now) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('login_attempts')
        .selectAll()
        .where('key', 'in', keys)
        .where('reset_at', '>', iso(now))
        .execute();
      return rows.map((r) => ({ key: r.key, failures: Number(r.failures), resetAt: Date.parse(r.reset_at) }));
    },

    async fail(keys, windowMs, now) {
      const current = iso(now);
      const reset = iso(now + windowMs);
      await db.transaction().execute(async (trx) => {
        // Ended windows go first, so the table holds live windows only (a flood of addresses
        // cannot grow it beyond one window's worth).
        await trx.deleteFrom('login_attempts').where('reset_at', '<=', current).execute();
        for (const key of keys) {
          await trx
            .insertInto('login_attempts')
            .values({ key, failures: 1, reset_at: reset })
            .onConflict((oc) =>
              oc.column('key').doUpdateSet({
                failures: sql<number>`case when login_attempts.reset_at <= ${current} then 1 else login_attempts.failures + 1 end`,
                reset_at: sql<string>`case when login_attempts.reset_at <= ${current} then ${reset} else login_attempts.reset_at end`,
              }),
            )
            .execute();
        }
      });
    },

    async clear(key) {
      await db.deleteFrom('login_attempts').where('key', '=', key).execute();
    },
  };
}
