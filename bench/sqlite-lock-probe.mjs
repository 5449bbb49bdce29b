/**
 * A probe for `npm run bench:ingest -- --profile`: loaded into every atlas process through
 * NODE_OPTIONS (`--import`), it times better-sqlite3's statements in that process and writes one
 * JSON summary per process to MDA_PROBE_DIR when it exits. What it tells apart, on SQLite:
 * - waiting for the write lock: the time spent in `begin immediate` (the busy handler's sleeps);
 * - holding it: from `begin immediate` to `commit`/`rollback` (the serial part of storing);
 * - writes outside a transaction (the job queue's claim and stage notes): each takes the lock on
 *   its own, so its time is its wait plus its (short) write;
 * - the process's CPU time (all its threads: the extraction thread too) and its wall time.
 * Plain JavaScript so that the built workers load it without tsx. Measurement only: it never
 * changes what a statement does.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.MDA_PROBE_DIR;
if (dir !== undefined && isMainThread) {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const Database = require('better-sqlite3');
  const scratch = new Database(':memory:');
  const Statement = Object.getPrototypeOf(scratch.prepare('select 1'));
  scratch.close();

  const started = performance.now();
  const summary = {
    pid: process.pid,
    argv: process.argv.slice(2).join(' '),
    transactions: 0,
    lockWaitMs: 0,
    lockWaits: [],
    holdMs: 0,
    holds: [],
    autocommitWrites: 0,
    autocommitWriteMs: 0,
    autocommitWriteTimes: [],
    busyErrors: 0,
    // Inside write transactions: time per statement (by its first words), and the rest (JavaScript
    // run while the lock is held: building rows, tokens, Kysely).
    statementsMs: {},
    statementsInHoldMs: 0,
    // Parsing and planning statements (better-sqlite3's prepare) while the lock is held.
    preparesInHold: 0,
    prepareInHoldMs: 0,
    // The commit (FTS5 writes its new index segment then, and merges older ones).
    commitMs: 0,
    commits: [],
    // CPU time of the process (all its threads) while the lock is held, and in the commit: with
    // one worker its extraction thread is idle then, so this is the storing's own CPU, which a
    // shared machine inflates far less than the wall time above.
    holdCpuMs: 0,
    commitCpuMs: 0,
  };
  const cpuNow = () => {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1000;
  };
  let begunCpu;
  const keys = new Map();
  let begunAt;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function probedPrepare(...args) {
    const at = performance.now();
    try {
      return prepare.apply(this, args);
    } finally {
      if (begunAt !== undefined) {
        summary.preparesInHold += 1;
        summary.prepareInHoldMs += performance.now() - at;
      }
    }
  };
  const WRITE = /^\s*(update|insert|delete|replace)\b/i;
  // A `begin immediate` refused as busy (the connection then tries again, see
  // storage/sqlite/connection.ts): the wait runs from the first refused attempt to the one that
  // succeeds, pauses between attempts included.
  let waitingSince;
  for (const method of ['run', 'get', 'all']) {
    const original = Statement[method];
    Statement[method] = function probed(...args) {
      const source = this.source;
      const at = performance.now();
      // Only for the commit: one system call per statement would weigh on a loop of small inserts.
      const atCpu = begunAt !== undefined && /^\s*(commit|rollback)/i.test(source) ? cpuNow() : undefined;
      let busy = false;
      try {
        return original.apply(this, args);
      } catch (error) {
        busy = String(error?.code ?? '').startsWith('SQLITE_BUSY');
        if (busy) summary.busyErrors += 1;
        throw error;
      } finally {
        const now = performance.now();
        if (/^\s*begin immediate/i.test(source)) {
          if (busy) {
            waitingSince ??= at;
          } else {
            const waited = now - (waitingSince ?? at);
            waitingSince = undefined;
            summary.transactions += 1;
            summary.lockWaitMs += waited;
            summary.lockWaits.push(Math.round(waited * 10) / 10);
            begunAt = now;
            begunCpu = cpuNow();
          }
        } else if (/^\s*(commit|rollback)/i.test(source) && begunAt !== undefined) {
          summary.holdMs += now - begunAt;
          summary.holds.push(Math.round((now - begunAt) * 10) / 10);
          summary.commitMs += now - at;
          summary.commits.push(Math.round((now - at) * 10) / 10);
          const cpu = cpuNow();
          summary.holdCpuMs += cpu - begunCpu;
          summary.commitCpuMs += cpu - (atCpu ?? cpu);
          begunAt = undefined;
        } else if (begunAt !== undefined) {
          let key = keys.get(source);
          if (key === undefined) {
            key = source.replace(/\s+/g, ' ').trim().slice(0, 48);
            keys.set(source, key);
          }
          summary.statementsMs[key] = (summary.statementsMs[key] ?? 0) + (now - at);
          summary.statementsInHoldMs += now - at;
        } else if (!this.database.inTransaction && WRITE.test(source)) {
          summary.autocommitWrites += 1;
          summary.autocommitWriteMs += now - at;
          summary.autocommitWriteTimes.push(Math.round((now - at) * 10) / 10);
        }
      }
    };
  }
  // CPU of each of the process's threads by name (Linux /proc), in ms: the main thread, the
  // extraction thread (a worker thread), V8's garbage-collection helpers, libuv's pool.
  const threadsCpuMs = () => {
    const byName = {};
    try {
      const tick = 1000 / 100;
      for (const tid of readdirSync('/proc/self/task')) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * tick;
        const key = tid === String(process.pid) ? 'main' : name;
        byName[key] = (byName[key] ?? 0) + ms;
      }
    } catch {
      // Not Linux.
    }
    return byName;
  };
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const report = {
      ...summary,
      threadsCpuMs: threadsCpuMs(),
      wallMs: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(report));
  });
}
