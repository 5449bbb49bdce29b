/**
 * Runs the `mda` program on an argument vector and turns the outcome into an exit code a shell can
 * rely on: 0 success, 1 some files of a batch failed, 64 usage errors, AtlasError.exitCode for the
 * rest (66 not found, 65 bad input data, 70 internal), 128 + N when stopped by signal N. Expected
 * errors print one `error: …` line, never a stack (MDA_DEBUG=1 shows the stacks of unexpected ones).
 * No process state is touched, so tests run the real CLI in-process with their own streams.
 */
import { CommanderError } from 'commander';
import { AtlasError } from '../domain/errors.ts';
import { escapeTerminalLine } from '../domain/escape-terminal.ts';
import { currentIo, setExitCode, withRun, type CliIo } from './io.ts';
import { buildProgram } from './program.ts';
import { EXIT_INTERNAL, EXIT_USAGE, Interrupted, exitCodeForSignal, internalFailureLine } from './signals.ts';

/** Runs the CLI on `argv` (node-style, with the two leading entries); resolves to the exit code. */
export function runCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  return withRun(io, async () => {
    try {
      await buildProgram().parseAsync([...argv]);
    } catch (error) {
      setExitCode(exitCodeOf(error));
    }
  });
}

// Written here rather than through output.ts, which loads the taxonomy and the actor registry; a
// message may quote a file name, so it is escaped to one line all the same.
const err = (line: string): void => {
  currentIo().stderr.write(`${escapeTerminalLine(line)}\n`);
};

/** Prints the one line an error deserves (commander has printed its own) and picks the exit code. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
  if (error instanceof AtlasError) {
    err(`error: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof Interrupted) {
    err(`error: ${error.message}; what was stored before it is kept`);
    return exitCodeForSignal(error.signal);
  }
  err(internalFailureLine(error));
  return EXIT_INTERNAL;
}
