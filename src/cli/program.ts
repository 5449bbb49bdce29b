/** The `mda` command tree (commander): global options and every subcommand. */
import { Command, Option } from 'commander';
import { registerBackup } from './commands/backup.ts';
import { registerBrowse } from './commands/browse.ts';
import { registerCommitments } from './commands/commitments.ts';
import { registerCompare } from './commands/compare.ts';
import { registerCoordination } from './commands/coordination.ts';
import { registerDocuments } from './commands/documents.ts';
import { registerExtract } from './commands/extract.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerReanalyse } from './commands/reanalyse.ts';
import { registerStart } from './commands/start.ts';
import { registerServe } from './commands/serve.ts';
import { registerWatch } from './commands/watch.ts';

/** Builds a fresh program (tests and the entry point each get their own). */
export function buildProgram(): Command {
  const program = new Command('mda')
    .description('Migration Diplomacy Atlas: a sourced knowledge base of migration diplomacy instruments')
    .version('0.1.0')
    .addOption(
      new Option(
        '--data <dir>',
        'data folder holding atlas.sqlite (default: $MDA_DATA_DIR or <project>/data)',
      ),
    )
    .addOption(
      new Option('--lang <lang>', 'language of labels and names in the output')
        .choices(['fr', 'en'])
        .default('en'),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerIngest(program);
  registerExtract(program);
  registerBrowse(program);
  registerDocuments(program);
  registerStart(program);
  registerServe(program);
  registerCompare(program);
  registerCoordination(program);
  registerCommitments(program);
  registerWatch(program);
  registerReanalyse(program);
  registerBackup(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}
