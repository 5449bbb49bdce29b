/** `mda start` (`npm start`): first-run ingestion of the built-in corpus, then the summary. */
import type { Command } from 'commander';
import { globalsOf, withStore } from '../context.ts';
import { err, out } from '../output.ts';
import { batchSummary, errorLine } from './ingest.ts';
import { statsText } from './browse.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('on first run, ingest the built-in corpus; print what the atlas holds')
    .action(async (_raw: unknown, command: Command) => {
      const globals = globalsOf(command);
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
