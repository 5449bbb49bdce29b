/**
 * Login throttling: failed sign-ins counted per account (the email tried) and per client address
 * in a fixed window. Past the limit, sign-in answers 429 with Retry-After before any password is
 * checked, so guessing costs the attacker the window and costs the server no scrypt work. A
 * success clears the account's count. The server keeps the counts in the database
 * (`DatabaseLoginThrottle`), so that several server processes on one atlas share them: an attacker
 * spreading guesses over the processes behind a proxy gets no more tries. `LoginThrottle` keeps
 * them in one process's memory (same limits, same answers).
 */
import type { LoginAttemptStore } from '../../storage/people/login-attempts.ts';

/** What sign-in needs of a throttle, in memory or in the database. */
export interface Throttle {
  /** Seconds to wait before this account may be tried from this address again, or 0. */
  retryAfter(account: string, address: string): number | Promise<number>;
  failed(account: string, address: string): void | Promise<void>;
  succeeded(account: string): void | Promise<void>;
}

export interface ThrottleLimits {
  /** Failed sign-ins allowed for one account in the window. */
  readonly perAccount: number;
  /** Failed sign-ins allowed from one client address in the window (any accounts). */
  readonly perAddress: number;
  readonly windowMs: number;
}

/** 5 wrong passwords per account, 20 per address, per 15 minutes (OWASP's order of magnitude). */
export const DEFAULT_LOGIN_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Entries kept at most; expired ones are swept first (a flood of addresses cannot grow memory). */
const MAX_ENTRIES = 50_000;

interface Window {
  failures: number;
  resetAt: number;
}

export class LoginThrottle implements Throttle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before this account may be tried from this address again, or 0. */
  retryAfter(account: string, address: string): number {
    const wait = (key: string, limit: number): number => {
      const w = this.current(key);
      return w !== undefined && w.failures >= limit ? Math.ceil((w.resetAt - this.now()) / 1000) : 0;
    };
    return Math.max(
      wait(`a:${account}`, this.limits.perAccount),
      wait(`ip:${address}`, this.limits.perAddress),
    );
  }

  failed(account: string, address: string): void {
    for (const key of [`a:${account}`, `ip:${address}`]) {
      const w = this.current(key) ?? { failures: 0, resetAt: this.now() + this.limits.windowMs };
      w.failures += 1;
      this.windows.set(key, w);
    }
    if (this.windows.size > MAX_ENTRIES) this.sweep();
  }

  succeeded(account: string): void {
    this.windows.delete(`a:${account}`);
  }

  private current(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w !== undefined && w.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size <= MAX_ENTRIES) break;
      this.windows.delete(key);
    }
  }
}

/** The same throttle with its counts in the database, shared by every server process. */
export class DatabaseLoginThrottle implements Throttle {
  constructor(
    private readonly attempts: LoginAttemptStore,
    private readonly limits: ThrottleLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  async retryAfter(account: string, address: string): Promise<number> {
    const now = this.now();
    const limit = (key: string) => (key.startsWith('a:') ? this.limits.perAccount : this.limits.perAddress);
    const windows = await this.attempts.windows([`a:${account}`, `ip:${address}`], now);
    return Math.max(
      0,
      ...windows.filter((w) => w.failures >= limit(w.key)).map((w) => Math.ceil((w.resetAt - now) / 1000)),
    );
  }

  failed(account: string, address: string): Promise<void> {
    return this.attempts.fail([`a:${account}`, `ip:${address}`], this.limits.windowMs, this.now());
  }

  succeeded(account: string): Promise<void> {
    return this.attempts.clear(`a:${account}`);
  }
}
