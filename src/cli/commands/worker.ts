/**
 * `mda worker [--batch ID] [--once]`: takes ingestion jobs from the queue in the atlas database and
 * runs them, one at a time, until SIGINT or SIGTERM (or, with `--once`, until none is left). A stop
 * signal lets the current document finish and be stored; a second one hands the job back to the
 * queue at once and ends the process (the document's transaction is never half-written).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Job } from '../../storage/jobs/job-queue.ts';
import { globalsOf, withStore } from '../context.ts';
import { setExitCode } from '../io.ts';
import { parseOptions } from '../options.ts';
import { err, oneLine, out } from '../output.ts';
import { exitCodeForSignal, type StopSignal } from '../signals.ts';

const WorkerOptions = z.object({
  batch: z.string().trim().min(1, 'must not be empty').optional(),
  once: z.boolean().default(false),
  id: z
    .string()
    .regex(/^[\w.:@-]{1,120}$/, 'letters, digits and . : @ - _ only (at most 120)')
    .optional(),
  maxBytes: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31)
    .optional(),
  maxChars: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 28)
    .optional(),
});

/** One stdout line per finished job, or one `error:` line on stderr. */
export function jobLine(job: Job): { stream: 'out' | 'err'; text: string } {
  const source = oneLine(job.source);
  switch (job.state) {
    case 'done':
      return {
        stream: 'out',
        text: `${job.id}  ${source}: ${job.result?.status ?? 'done'} (${job.documentId ?? '?'})`,
      };
    case 'failed':
    case 'parked':
    case 'queued':
    case 'running': {
      const message = oneLine(job.error?.message ?? job.state);
      const reason = message.startsWith(`${source}:`) ? message.slice(source.length + 1).trim() : message;
      const state =
        job.state === 'parked'
          ? ` (parked after ${job.attempts} attempts; \`mda jobs retry ${job.id}\` once fixed)`
          : job.state === 'queued'
            ? ` (queued again: attempt ${job.attempts} of ${job.maxAttempts} used)`
            : '';
      return {
        stream: 'err',
        text: `${job.state === 'queued' ? 'warning' : 'error'}: ${source}: ${reason}${state}`,
      };
    }
  }
}

export async function runWorkerCommand(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(WorkerOptions, raw);
  const { newWorkerId, runWorker } = await import('../../services/worker.ts');
  const { createExtractSandbox } = await import('../../services/extract-sandbox.ts');
  const { WORKER_REPORTS_ENV } = await import('../../services/worker-pool.ts');
  const workerId = options.id ?? newWorkerId();
  // Run by `mda ingest --workers N`: each finished job goes to the pool over IPC too.
  const report = process.env[WORKER_REPORTS_ENV] === 'ipc' ? process.send?.bind(process) : undefined;
  const sandbox = createExtractSandbox();
  let stop: StopSignal | undefined;
  let failures = 0;
  await withStore(globals, async (store) => {
    const onSignal = (signal: StopSignal): void => {
      if (stop === undefined) {
        stop = signal;
        err(`${signal}: stopping after the current document (again to stop at once)`);
        return;
      }
      // Second signal: give the job back now rather than after its lease, then end.
      const reason = {
        code: 'worker_lost',
        message: `the worker was stopped by ${signal} during the attempt`,
      };
      void store.jobs
        .releaseWorker(workerId, reason)
        .catch(() => undefined)
        .finally(() => process.exit(exitCodeForSignal(signal)));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      err(
        `worker ${workerId}: taking jobs${options.batch === undefined ? '' : ` of batch ${options.batch}`}`,
      );
      const { processed } = await runWorker(store, {
        workerId,
        ...(options.batch === undefined ? {} : { batch: options.batch }),
        untilBatchDone: options.once,
        maxBytes: options.maxBytes,
        maxCharacters: options.maxChars,
        sandbox,
        shouldStop: () => stop !== undefined,
        onJob: (job) => {
          const line = jobLine(job);
          if (line.stream === 'out') out(line.text);
          else err(line.text);
          if (job.state === 'failed' || job.state === 'parked') failures += 1;
          report?.({ type: 'job', job });
        },
      });
      err(`worker ${workerId}: ${processed} job${processed === 1 ? '' : 's'} processed`);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await sandbox.close();
    }
  });
  // Stopped by a signal, it ends as `serve` does: cleanly, 0. Jobs that failed: 1, as for ingest.
  if (failures > 0) setExitCode(1);
}

const JobsListOptions = z.object({
  state: z
    .enum(['queued', 'running', 'done', 'failed', 'parked'], {
      error: () => 'expected queued, running, done, failed or parked',
    })
    .optional(),
  batch: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  json: z.boolean().default(false),
});

/** The job id argument, checked before the database is opened. */
async function jobIdArgument(id: string): Promise<string> {
  if (/^job_[0-9a-z]{10,40}$/.test(id)) return id;
  const { invalidInput } = await import('../../domain/errors.ts');
  throw invalidInput('<id>', `"${oneLine(id)}" is not a job id (job_…), as listed by \`mda jobs\``);
}

/** One line per job: id, state, attempts, source and the last error. */
function jobRow(job: Job): string {
  const error = job.error === null ? '' : `  ${oneLine(job.error.code)}: ${oneLine(job.error.message)}`;
  const stage = job.state === 'running' && job.stage !== null ? ` (${job.stage})` : '';
  return `${job.id}  ${(job.state + stage).padEnd(20)} ${job.attempts}/${job.maxAttempts}  ${oneLine(job.source)}${error}`;
}

export async function runJobsList(raw: unknown, command: Command): Promise<void> {
  const options = parseOptions(JobsListOptions, raw);
  await withStore(globalsOf(command), async (store) => {
    const page = await store.jobs.list({
      limit: options.limit,
      offset: options.offset,
      ...(options.state === undefined ? {} : { state: options.state }),
      ...(options.batch === undefined ? {} : { batch: options.batch }),
    });
    if (options.json) {
      const { printJson } = await import('../output.ts');
      printJson(page);
      return;
    }
    const counts = await store.jobs.counts(options.batch);
    out(
      `jobs: ${counts.queued} queued, ${counts.running} running, ${counts.done} done, ${counts.failed} failed, ${counts.parked} parked`,
    );
    for (const job of page.items) out(jobRow(job));
    if (page.total > page.offset + page.items.length) {
      out(
        `… ${page.total - page.offset - page.items.length} more (--offset ${page.offset + page.items.length})`,
      );
    }
  });
}

export async function runJobsShow(id: string, raw: unknown, command: Command): Promise<void> {
  const jobId = await jobIdArgument(id);
  const { json } = parseOptions(z.object({ json: z.boolean().default(false) }), raw);
  await withStore(globalsOf(command), async (store) => {
    const job = await store.jobs.get(jobId);
    if (job === undefined) {
      const { notFound } = await import('../../domain/errors.ts');
      throw notFound('job', jobId);
    }
    if (json) {
      const { printJson } = await import('../output.ts');
      printJson(job);
      return;
    }
    out(`job:       ${job.id}`);
    out(`source:    ${oneLine(job.source)}`);
    out(`state:     ${job.state}${job.stage === null ? '' : ` (${job.stage})`}`);
    out(`attempts:  ${job.attempts} of ${job.maxAttempts}`);
    if (job.batch !== null) out(`batch:     ${job.batch}`);
    if (job.error !== null) out(`error:     ${oneLine(job.error.code)}: ${oneLine(job.error.message)}`);
    if (job.documentId !== null) out(`document:  ${job.documentId} (${job.result?.status ?? ''})`);
    out(`created:   ${job.createdAt}`);
    out(`updated:   ${job.updatedAt}`);
    if (job.finishedAt !== null) out(`finished:  ${job.finishedAt}`);
  });
}

export async function runJobsRetry(id: string, _raw: unknown, command: Command): Promise<void> {
  const jobId = await jobIdArgument(id);
  await withStore(globalsOf(command), async (store) => {
    const { notFound, AtlasError } = await import('../../domain/errors.ts');
    const before = await store.jobs.get(jobId);
    if (before === undefined) throw notFound('job', jobId);
    if (before.state !== 'failed' && before.state !== 'parked') {
      throw new AtlasError(
        'conflict',
        `job ${jobId} is ${before.state}: only failed or parked jobs can be retried`,
        { id: jobId, state: before.state },
      );
    }
    const job = await store.jobs.retry(jobId);
    out(
      `${jobId}: queued again (${oneLine(job?.source ?? before.source)}); a running \`mda worker\` will take it`,
    );
  });
}
