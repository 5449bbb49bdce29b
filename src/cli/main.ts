/**
 * Entry point of the `mda` CLI. Turns outcomes into exit codes a shell can rely on: 0 success,
 * 1 some files of a batch failed, 64 usage errors, and AtlasError.exitCode for the rest (66 not
 * found, 65 bad input data, 70 internal). Expected errors print one `error: …` line, never a stack
 * (set MDA_DEBUG=1 to see stacks of unexpected errors).
 */
import { CommanderError } from 'commander';
import { AtlasError } from '../domain/errors.ts';
import { err } from './output.ts';
import { buildProgram } from './program.ts';

/** Exit code for usage errors (sysexits EX_USAGE). */
export const EXIT_USAGE = 64;
/** Exit code for unexpected failures (sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** Runs the CLI on `argv` (node-style, with the two leading entries); resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text).
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof AtlasError) {
      err(`error: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    err(`error: internal failure: ${message}`);
    if (process.env.MDA_DEBUG === '1' && error instanceof Error) {
      process.stderr.write(`${error.stack ?? ''}\n`);
    }
    return EXIT_INTERNAL;
  }
}

process.exitCode = await runCli(process.argv);
