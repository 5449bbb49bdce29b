/**
 * `mda start` (`npm start`): on first run, ingest the built-in corpus; print what the atlas holds;
 * then serve the web pages and the API and print the URL (`--no-serve` stops after the summary).
 */
import type { Command } from 'commander';
import { globalsOf, withStore } from '../context.ts';
import { err, out } from '../output.ts';
import { batchSummary, errorLine } from './ingest.ts';
import { statsText } from './browse.ts';
import { addServeOptions, DEFAULT_PORT, runServer, serveOptions, type RawServeOptions } from './serve.ts';

export function registerStart(program: Command): void {
  const start = program
    .command('start')
    .description('on first run, ingest the built-in corpus; print what the atlas holds; serve it on the web')
    .option('--port <n>', `port to listen on (default: $PORT, else ${DEFAULT_PORT})`);
  addServeOptions(start)
    .option('--no-serve', 'stop after the summary instead of starting the server')
    .action(async (raw: RawServeOptions & { serve: boolean }, command: Command) => {
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
    });
}
