/**
 * Where a CLI run writes and the exit code it ends with. The `mda` process runs on its own stdout
 * and stderr; tests run the same program in-process on buffers, several runs at once, so each run's
 * streams and exit code live in AsyncLocalStorage rather than in process-wide state.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The part of a writable stream the CLI uses. */
export interface OutputStream {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

interface Run {
  readonly io: CliIo;
  exitCode: number;
}

const runs = new AsyncLocalStorage<Run>();

/** The streams of the current run (the process's own outside any run). */
export function currentIo(): CliIo {
  return runs.getStore()?.io ?? { stdout: process.stdout, stderr: process.stderr };
}

/** True when the current run writes to the process's own stderr and that is a terminal. */
export function stderrIsTerminal(): boolean {
  return currentIo().stderr === process.stderr && process.stderr.isTTY;
}

/** Sets the current run's exit code (1 when some files of a batch failed) without ending it. */
export function setExitCode(code: number): void {
  const run = runs.getStore();
  if (run === undefined) process.exitCode = code;
  else run.exitCode = code;
}

/** Runs `work` with `io` as the current streams; resolves to the exit code it set (0 by default). */
export async function withRun(io: CliIo, work: () => Promise<void>): Promise<number> {
  const run: Run = { io, exitCode: 0 };
  await runs.run(run, work);
  return run.exitCode;
}
