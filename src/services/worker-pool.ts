/**
 * A pool of worker processes over one batch of jobs (`mda ingest --workers N`): keeps N workers
 * alive while the batch has work, and watches them die. A worker that ends by a signal (kill -9,
 * the kernel's out-of-memory killer) or with an unexpected exit code is reported with the files it
 * held; its jobs are handed back to the queue at once (not after the lease) and parked on their last
 * attempt, and a fresh worker takes its place. Workers that keep dying before taking any job (a
 * database they cannot open) end the batch as a crash instead of looping.
 *
 * The pool only starts processes through the `start` function it is given (the CLI knows how to
 * run `mda worker`) and hears from them through their exit and their IPC messages.
 */
import type { ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import type { AtlasStore } from '../storage/atlas-store.ts';
import type { Job, JobError } from '../storage/jobs/job-queue.ts';

/** The environment variable that tells `mda worker` to report each finished job over IPC. */
export const WORKER_REPORTS_ENV = 'MDA_WORKER_REPORTS';

/** What a worker sends its pool after each job. */
export interface WorkerJobMessage {
  readonly type: 'job';
  readonly job: Job;
}

export const isWorkerJobMessage = (message: unknown): message is WorkerJobMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'job' &&
  typeof (message as { job?: unknown }).job === 'object';

/** A worker process that stopped abnormally, and the jobs it held. */
export interface WorkerLoss {
  readonly workerId: string;
  readonly pid: number | undefined;
  /** "killed by SIGKILL (out of memory, or killed)", "exited with code 70: …". */
  readonly cause: string;
  /** Its jobs as they are now: queued again, or parked on their last attempt. */
  readonly jobs: readonly Job[];
}

export interface PoolOptions {
  readonly batch: string;
  readonly workers: number;
  /** Starts `mda worker --batch <batch> --once --id <workerId>` (or an equivalent). */
  readonly start: (workerId: string) => ChildProcess;
  readonly onJob?: (job: Job) => void;
  readonly onWorkerLost?: (loss: WorkerLoss) => void;
  /** How often the pool checks the batch besides worker exits (ms). */
  readonly pollMs?: number;
}

export interface PoolOutcome {
  /** Set when the workers kept dying before doing anything: why (the batch did not finish). */
  readonly crash?: string;
  readonly stopped: boolean;
}

export interface WorkerPool {
  readonly done: Promise<PoolOutcome>;
  /** Stop signal: workers finish their current document, the batch's waiting jobs are dropped. */
  stop(): void;
}

/** Exit codes of a worker that ended normally: 0, or 1 when some of its jobs failed. */
const NORMAL_EXITS = new Set([0, 1]);
/** Abnormal exits in a row, with no job taken, before the pool gives up. */
const MAX_FRUITLESS_EXITS = 3;

/** Why a worker stopped, in words. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  if (signal !== null) {
    const hint =
      signal === 'SIGKILL' ? ' (out of memory, or killed)' : signal === 'SIGABRT' ? ' (out of memory)' : '';
    return `killed by ${signal}${hint}`;
  }
  // V8 aborts with 134 when the main thread's heap runs out.
  const last =
    stderrTail
      .trim()
      .split('\n')
      .at(-1)
      ?.replace(/^error: /, '') ?? '';
  return `exited with code ${code ?? '?'}${code === 134 ? ' (out of memory)' : ''}${last === '' ? '' : `: ${last}`}`;
}

export function startWorkerPool(store: AtlasStore, options: PoolOptions): WorkerPool {
  const live = new Map<string, ChildProcess>();
  const pollMs = options.pollMs ?? 500;
  let generation = 0;
  let fruitless = 0;
  let stopping = false;
  let wake: (() => void) | undefined;
  const exits: { workerId: string; pid: number | undefined; cause: string; normal: boolean }[] = [];

  const nudge = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  function spawnWorker(): void {
    generation += 1;
    const workerId = `${hostname()}:${process.pid}:w${generation}`;
    const child = options.start(workerId);
    live.set(workerId, child);
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-2000);
    });
    child.on('message', (message) => {
      if (isWorkerJobMessage(message)) options.onJob?.(message.job);
    });
    child.once('exit', (code, signal) => {
      live.delete(workerId);
      const normal = signal === null && code !== null && NORMAL_EXITS.has(code);
      exits.push({ workerId, pid: child.pid, cause: describeExit(code, signal, stderrTail), normal });
      nudge();
    });
    // A process that could not be started at all (no such executable) exits through 'error'.
    child.once('error', (error) => {
      if (!live.has(workerId)) return;
      live.delete(workerId);
      exits.push({ workerId, pid: child.pid, cause: `could not start: ${error.message}`, normal: false });
      nudge();
    });
  }

  async function handleExit(exit: (typeof exits)[number]): Promise<string | undefined> {
    if (exit.normal) return undefined;
    const reason: JobError = {
      code: 'worker_lost',
      message: `the worker ingesting it stopped: ${exit.cause}`,
    };
    const jobs = await store.jobs.releaseWorker(exit.workerId, reason);
    options.onWorkerLost?.({ workerId: exit.workerId, pid: exit.pid, cause: exit.cause, jobs });
    fruitless = jobs.length === 0 ? fruitless + 1 : 0;
    return fruitless >= MAX_FRUITLESS_EXITS ? `the workers keep stopping (${exit.cause})` : undefined;
  }

  async function run(): Promise<PoolOutcome> {
    for (let i = 0; i < options.workers; i += 1) spawnWorker();
    for (;;) {
      for (const exit of exits.splice(0)) {
        const crash = await handleExit(exit);
        if (crash !== undefined) {
          stopping = true;
          await store.jobs.cancelQueued(options.batch);
          for (const child of live.values()) child.kill('SIGTERM');
          await Promise.all([...live.values()].map((child) => exited(child)));
          for (const exit of exits.splice(0)) await handleExit(exit);
          return { crash, stopped: false };
        }
      }
      if (stopping) {
        if (live.size === 0) {
          // A worker that died after the stop leaves its job running: hand it back all the same.
          for (const exit of exits.splice(0)) await handleExit(exit);
          // A worker stopping hands back the job it had claimed for after its current one
          // (worker.ts): never started, dropped like the others (a dead worker's stays queued).
          await store.jobs.cancelQueued(options.batch, { neverAttempted: true });
          return { stopped: true };
        }
      } else {
        const counts = await store.jobs.counts(options.batch);
        const left = counts.queued + counts.running;
        if (left === 0 && live.size === 0) return { stopped: false };
        while (live.size < Math.min(options.workers, left)) spawnWorker();
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(nudge, pollMs).unref();
      });
    }
  }

  return {
    done: run(),
    stop() {
      if (stopping) return;
      stopping = true;
      void store.jobs.cancelQueued(options.batch).finally(() => {
        for (const child of live.values()) child.kill('SIGTERM');
        nudge();
      });
    },
  };
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
