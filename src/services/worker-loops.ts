/**
 * Worker loops inside another process (the server's `serve --workers N`): each loop takes jobs from
 * the queue like `mda worker`, with its own extraction thread, so the server's thread only stores.
 * A failure of the loop itself (the database unreachable for a moment) is reported and the loop
 * goes on after a pause; `stop` lets each loop finish its current document.
 */
import type { AtlasStore } from '../storage/atlas-store.ts';
import type { Job } from '../storage/jobs/job-queue.ts';
import { createExtractSandbox } from './extract-sandbox.ts';
import { newWorkerId, runWorker, timingFromEnv } from './worker.ts';

export interface WorkerLoops {
  /** Finishes the current documents, then stops every loop and its thread. */
  stop(): Promise<void>;
}

export interface WorkerLoopOptions {
  readonly pollMs?: number;
  readonly leaseMs?: number;
  readonly onJob?: (job: Job) => void;
  readonly onError?: (error: unknown) => void;
}

export function startWorkerLoops(
  store: AtlasStore,
  count: number,
  options: WorkerLoopOptions = {},
): WorkerLoops {
  let stopping = false;
  const timing = { ...timingFromEnv(), ...options };
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, timing.pollMs).unref());
  const loops = Array.from({ length: count }, async () => {
    const sandbox = createExtractSandbox();
    try {
      while (!stopping) {
        try {
          await runWorker(store, {
            workerId: newWorkerId(),
            sandbox,
            pollMs: timing.pollMs,
            leaseMs: timing.leaseMs,
            shouldStop: () => stopping,
            ...(options.onJob === undefined ? {} : { onJob: options.onJob }),
          });
        } catch (error) {
          if (stopping) break;
          options.onError?.(error);
          await pause();
        }
      }
    } finally {
      await sandbox.close();
    }
  });
  return {
    async stop() {
      stopping = true;
      await Promise.allSettled(loops);
    },
  };
}
