/** `mda reanalyse`: runs the analyses over stored documents (those pending, or all with --all). */
import type { Command } from 'commander';
import { z } from 'zod';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { err, out, printJson } from '../output.ts';

const ReanalyseOptions = z.object({ all: z.boolean().default(false), json: z.boolean().default(false) });

export function registerReanalyse(program: Command): void {
  program
    .command('reanalyse')
    .description(
      'run the analyses (positions, commitments, indicators…) over stored documents not yet analysed',
    )
    .option('--all', 'every stored document, not only those pending')
    .option('--json', 'print the analysed document ids as JSON')
    .action(async (raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const o = parseOptions(ReanalyseOptions, raw);
      const { reanalyseDocuments } = await import('../../services/reanalyse.ts');
      const result = await withStore(globals, async (store) => {
        let all: string[] | undefined;
        if (o.all) {
          all = [];
          // Page through every stored document: one page would stop silently at its limit.
          for (let offset = 0; ; offset += 500) {
            const page = await store.listDocuments({ limit: 500, offset });
            all.push(...page.items.map((d) => d.id));
            if (page.items.length === 0 || all.length >= page.total) break;
          }
        }
        return reanalyseDocuments(store, all);
      });
      for (const { error } of result.failed) err(`error: ${error.message}`);
      if (result.failed.length > 0) process.exitCode = 1;
      if (o.json) return printJson(result.analysed);
      out(`${result.analysed.length} documents analysed, ${result.failed.length} failed`);
    });
}
