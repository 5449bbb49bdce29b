/** `mda ingest PATH...`: store files and folders, with a progress bar on a terminal and a summary. */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { IngestBatchResult, IngestItem } from '../../services/ingest.ts';
import { summariseBatch } from '../../services/batch-summary.ts';
import { globalsOf, withStore } from '../context.ts';
import { setExitCode, stderrIsTerminal } from '../io.ts';
import { IngestOptions, parseOptions } from '../options.ts';
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
  const release = onStopSignal((signal) => {
    stop = signal;
    err(`${signal}: stopping after the current document (again to stop at once)`);
  });
  // Loaded on use: read-only commands start faster without the extraction rules.
  const { ingestPaths } = await import('../../services/ingest.ts');
  const { createExtractSandbox } = await import('../../services/extract-sandbox.ts');
  // One extraction thread for the whole batch, under the heap limit (MDA_EXTRACT_HEAP_MB): a
  // document that runs it out of memory is refused alone, with one line, and the batch goes on.
  const sandbox = createExtractSandbox();
  const ingest = withStore(globals, (store) =>
    ingestPaths(paths, store, {
      maxBytes: options.maxBytes,
      maxCharacters: options.maxChars,
      sandbox,
      onStart: (total) => bar?.start(total, 0, { file: '' }),
      onProgress: ({ done, item }) => {
        if (item.status === 'failed') {
          if (bar === null) err(errorLine(item));
          else failures.push(item);
        }
        bar?.update(done, { file: oneLine(item.file) });
        if (stop !== undefined) throw new Interrupted(stop);
      },
    }),
  );
  // Stop the bar (and give the cursor back) whatever happens.
  const batch = await ingest.finally(async () => {
    bar?.stop();
    release();
    await sandbox.close();
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
    err(
      `error: the database stayed busy (another process is writing); ${left} more file${left === 1 ? '' : 's'} not tried; run the same command again`,
    );
    setExitCode(75);
  } else if (batch.results.some((item) => item.status === 'failed')) setExitCode(1);
}
