/**
 * The `mda` process (what bin/mda.js loads): runs the CLI on the process's arguments and streams.
 * A failure that escapes the command (an exception thrown from a timer or an event handler, a
 * rejected promise nobody awaited) ends the process with 70, the internal-failure code, never
 * with 1, which means "some files of a batch failed".
 */
import { escapeTerminalLine } from '../domain/escape-terminal.ts';
import { runCli } from './run.ts';
import { EXIT_INTERNAL, internalFailureLine } from './signals.ts';

function crash(error: unknown): void {
  process.stderr.write(`${escapeTerminalLine(internalFailureLine(error))}\n`);
  process.exit(EXIT_INTERNAL);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

process.exitCode = await runCli(process.argv);
