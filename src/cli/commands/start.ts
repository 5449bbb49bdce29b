/**
 * `mda start` (`npm start`): on first run, ingest the built-in corpus; print what the atlas holds;
 * then serve the web pages and the API and print the URL (`--no-serve` stops after the summary).
 */
import type { Command } from 'commander';
import { globalsOf, withStore } from '../context.ts';
import { err, out } from '../output.ts';
import { batchSummary, errorLine } from './ingest.ts';
import { statsText } from './browse.ts';
import { runServer, serveOptions, type RawServeOptions } from './serve.ts';

export async function runStart(raw: RawServeOptions & { serve: boolean }, command: Command): Promise<void> {
  const globals = globalsOf(command);
  if (raw.serve) {
    await runServer(globals, serveOptions(raw), true);
    return;
  }
  const { ensureBuiltInCorpus } = await import('../../services/corpus.ts');
  await withStore(globals, async (store) => {
    const batch = await ensureBuiltInCorpus(store);
    if (batch !== null) {
      for (const item of batch.results) if (item.status === 'failed') err(errorLine(item));
      out(`built-in corpus: ${batchSummary(batch)}`);
    }
    out(`database: ${store.location}`);
    out(statsText(await store.stats(), globals.lang));
  });
}
