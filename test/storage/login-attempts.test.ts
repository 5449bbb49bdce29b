/**
 * The database login throttle on both engines, with a fake clock: failures counted per account and
 * per address across two throttles on one database (two server processes), the lock with its
 * Retry-After, the window's end (a new window starts at one), and a success clearing the account.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseLoginThrottle } from '../../src/presentation/auth/throttle.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

const LIMITS = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

for (const engine of ENGINES) {
  void describe(`database login throttle (${engine})`, () => {
    void it('shares counts between throttles, locks, ends the window and clears on success', async () => {
      const test = await openTestAtlas(engine);
      try {
        let now = Date.parse('2026-01-01T10:00:00Z');
        const clock = () => now;
        const one = new DatabaseLoginThrottle(test.atlas.store.loginAttempts, LIMITS, clock);
        const two = new DatabaseLoginThrottle(test.atlas.store.loginAttempts, LIMITS, clock);
        await one.failed('a@example.org', '10.0.0.1');
        await two.failed('a@example.org', '10.0.0.2');
        assert.equal(await one.retryAfter('a@example.org', '10.0.0.1'), 0);
        now += 10_000;
        await one.failed('a@example.org', '10.0.0.1');
        assert.equal(await two.retryAfter('a@example.org', '10.0.0.9'), 50, 'locked until the window ends');
        assert.equal(await two.retryAfter('b@example.org', '10.0.0.1'), 0, 'another account is free');
        // Per address: five failures over several accounts lock the address.
        for (const account of ['c', 'd', 'e']) await two.failed(`${account}@example.org`, '10.0.0.1');
        assert.equal(await one.retryAfter('f@example.org', '10.0.0.1'), 50);
        // The window ends: the lock is gone and the next failure starts a new window at one.
        now += 50_000;
        assert.equal(await one.retryAfter('a@example.org', '10.0.0.1'), 0);
        await one.failed('a@example.org', '10.0.0.3');
        const rows = await test.atlas.db.selectFrom('login_attempts').selectAll().execute();
        assert.equal(Number(rows.find((r) => r.key === 'a:a@example.org')?.failures), 1);
        assert.ok(!rows.some((r) => r.key === 'ip:10.0.0.1'), 'ended windows are swept');
        // A success clears the account's count (not the address's).
        await two.failed('a@example.org', '10.0.0.3');
        await two.failed('a@example.org', '10.0.0.3');
        assert.ok((await one.retryAfter('a@example.org', '10.0.0.4')) > 0);
        await one.succeeded('a@example.org');
        assert.equal(await two.retryAfter('a@example.org', '10.0.0.4'), 0);
      } finally {
        await test.dispose();
      }
    });
  });
}
