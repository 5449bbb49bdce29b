/** `mda ingest PATH...`: store files and folders, with a progress bar on a terminal and a summary. */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { IngestBatchResult, IngestItem, IngestProgress } from '../../services/ingest.ts';
import { summariseBatch } from '../../services/batch-summary.ts';
import { invalidInput } from '../../domain/errors.ts';
import { globalsOf, withStore } from '../context.ts';
import { setExitCode, stderrIsTerminal } from '../io.ts';
import { IngestOptions, parseOptions, type GlobalOptions } from '../options.ts';
import { err, oneLine, out, printJson } from '../output.ts';
import { Interrupted, onStopSignal, type StopSignal } from '../signals.ts';

/**
 * The one stderr line for a failed file: `error: <file>: <reason>`, with every control character of
 * the name and the reason escaped (a name may hold a newline or an ANSI sequence).
 */
export function errorLine(item: IngestItem): string {
  const message = item.error?.message ?? 'failed';
  return oneLine(
    message.startsWith(`${item.file}:`) ? `error: ${message}` : `error: ${item.file}: ${message}`,
  );
}

/** "3 added, 1 unchanged, 0 failed; 12 instruments added (2 merged), 480 claims". */
export function batchSummary(batch: IngestBatchResult): string {
  const s = summariseBatch(batch);
  return `${s.added} added, ${s.unchanged} unchanged, ${s.failed} failed; ${s.instrumentsAdded} instruments added (${s.instrumentsMerged} merged into known ones), ${s.claims} claims added`;
}

/** One line per watch that fired: `watch <id> (<name>): <instrument title> [<instrument id>] in <document>`. */
export function watchHitLines(batch: IngestBatchResult): string[] {
  return batch.results.flatMap((item) =>
    (item.watchHits ?? []).map(
      (hit) =>
        `watch ${hit.watchId} (${oneLine(hit.watchName)}): ${oneLine(hit.instrumentTitle)} [${hit.instrumentId}] in ${oneLine(item.file)} — ${hit.reasons.join(', ')}`,
    ),
  );
}

/** The `mda` launcher, which worker processes run (the same path from src/ and from dist/). */
const MDA_BIN = new URL('../../../bin/mda.js', import.meta.url);

/** Global options a worker process needs to open the same atlas. */
function globalArgs(globals: GlobalOptions): string[] {
  return [
    ...(globals.data === undefined ? [] : ['--data', globals.data]),
    ...(globals.database === undefined ? [] : ['--database', globals.database]),
  ];
}

export async function runIngest(paths: string[], raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(IngestOptions, raw);
  const bar = stderrIsTerminal()
    ? new SingleBar(
        {
          stream: process.stderr,
          format: 'ingest [{bar}] {value}/{total} {file}',
          clearOnComplete: true,
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : null;
  const failures: IngestItem[] = [];
  // Ctrl+C or SIGTERM ends the batch between two documents, each one committed or not started.
  let stop: StopSignal | undefined;
  let onStop = (): void => undefined;
  const release = onStopSignal((signal) => {
    stop = signal;
    err(`${signal}: stopping after the current document (again to stop at once)`);
    onStop();
  });
  const hooks = {
    onStart: (total: number) => bar?.start(total, 0, { file: '' }),
    onProgress: ({ done, item }: IngestProgress) => {
      if (item.status === 'failed') {
        if (bar === null) err(errorLine(item));
        else failures.push(item);
      }
      bar?.update(done, { file: oneLine(item.file) });
      if (stop !== undefined && options.workers === undefined) throw new Interrupted(stop);
    },
  };
  const limits = {
    maxBytes: options.maxBytes,
    maxCharacters: options.maxChars,
  };
  // The operator of the local file restricts what it stores (the audit log names the command line).
  const restriction =
    options.restrictedTo === undefined ? undefined : { organisation: options.restrictedTo, actor: 'cli' };
  if (restriction !== undefined && options.workers !== undefined) {
    throw invalidInput(
      '--restricted-to',
      'is not available with --workers: ingest restricted documents in this process',
    );
  }
  let ingest: Promise<IngestBatchResult>;
  let cleanup = (): Promise<void> => Promise.resolve();
  if (options.workers === undefined) {
    // Loaded on use: read-only commands start faster without the extraction rules.
    const { ingestPaths } = await import('../../services/ingest.ts');
    const { createExtractSandbox } = await import('../../services/extract-sandbox.ts');
    // One extraction thread for the whole batch, under the heap limit (MDA_EXTRACT_HEAP_MB): a
    // document that runs it out of memory is refused alone, with one line, and the batch goes on.
    const sandbox = createExtractSandbox();
    cleanup = () => sandbox.close();
    ingest = withStore(globals, (store) =>
      ingestPaths(paths, store, { ...limits, sandbox, ...hooks, restriction }),
    );
  } else {
    const workers = options.workers;
    const { ingestWithWorkers } = await import('../../services/ingest-workers.ts');
    const { WORKER_REPORTS_ENV } = await import('../../services/worker-pool.ts');
    const { jobLine } = await import('./worker.ts');
    const { fork } = await import('node:child_process');
    const limitArgs = [
      ...(limits.maxBytes === undefined ? [] : ['--max-bytes', String(limits.maxBytes)]),
      ...(limits.maxCharacters === undefined ? [] : ['--max-chars', String(limits.maxCharacters)]),
    ];
    ingest = withStore(globals, async (store) => {
      const batch = await ingestWithWorkers(paths, store, {
        workers,
        ...hooks,
        // Each worker is `mda worker` in its own process: its own heap, core and database connection.
        start: (batchId, workerId) =>
          fork(
            MDA_BIN,
            [...globalArgs(globals), 'worker', '--batch', batchId, '--once', '--id', workerId, ...limitArgs],
            {
              execArgv: [],
              // Their own process group: Ctrl+C reaches the supervisor only, which stops each
              // worker once (SIGTERM: finish the current document); a second signal to a worker
              // would hand its job back mid-document.
              detached: true,
              stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
              env: { ...process.env, [WORKER_REPORTS_ENV]: 'ipc' },
            },
          ),
        onWorkerLost: (loss) => {
          // One line per file the dead worker held; a file parked by it is reported with the others.
          for (const job of loss.jobs) if (job.state === 'queued') err(jobLine(job).text);
          if (loss.jobs.length === 0) {
            err(`warning: a worker stopped (${loss.cause}); another takes its place`);
          }
        },
        onPool: (pool) => {
          onStop = () => pool.stop();
          if (stop !== undefined) pool.stop();
        },
      });
      if (batch.stopped && stop !== undefined) throw new Interrupted(stop);
      return batch;
    });
  }
  // Stop the bar (and give the cursor back) whatever happens.
  const batch = await ingest.finally(async () => {
    bar?.stop();
    release();
    await cleanup();
  });
  for (const item of failures) err(errorLine(item));
  if (options.json) {
    printJson({
      results: batch.results.map((item) => ({
        file: item.file,
        status: item.status,
        documentId: item.documentId,
        counts: item.counts,
        watchHits: item.watchHits,
        error: item.error === undefined ? undefined : { code: item.error.code, message: item.error.message },
      })),
      summary: summariseBatch(batch),
    });
  } else {
    out(batchSummary(batch));
    for (const line of watchHitLines(batch)) out(line);
  }
  if (batch.results.some((item) => item.error?.code === 'busy')) {
    const left = batch.notAttempted?.length ?? 0;
    // With --workers every file was tried (a busy one was retried, then parked): nothing was left out.
    const untried =
      batch.notAttempted === undefined ? '' : `${left} more file${left === 1 ? '' : 's'} not tried; `;
    err(`error: the database stayed busy (another process is writing); ${untried}run the same command again`);
    setExitCode(75);
  } else if (batch.results.some((item) => item.status === 'failed')) setExitCode(1);
}
