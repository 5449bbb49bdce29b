/**
 * Runs the real `mda` CLI for the tests: `mda(…args)` runs the program in this process on captured
 * streams (the same parsing, validation, messages and exit codes as the shell command, without a
 * Node start-up per call); `mdaProcess(…args)` runs `node bin/mda.js` as a shell user would, for the
 * tests where the process boundary is the point (signals, exit codes of the process, the launcher).
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run.ts';

/** The project root: the CLI runs from there, as `npm run mda` does. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The launcher a shell user runs. */
export const BIN = fileURLToPath(new URL('../../bin/mda.js', import.meta.url));

// An inherited MDA_DATA_DIR must not point the tests at a real atlas; relative paths in the tests
// are taken from the project root, as for `npm run mda`.
delete process.env.MDA_DATA_DIR;
process.chdir(ROOT);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
class Captured {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

// One in-process run at a time. Separate `mda` processes wait for each other's database locks;
// runs sharing this thread cannot (better-sqlite3 waits synchronously, so the holder never gets to
// finish), and concurrent processes are not what these tests are about.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `mda …args` in this process, after the runs already started; never rejects. */
export function mda(...args: string[]): Promise<Run> {
  const run = queue.then(async () => {
    const stdout = new Captured();
    const stderr = new Captured();
    const code = await runCli(['node', 'mda', ...args], { stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  });
  queue = run;
  return run;
}

/** The environment of a spawned `mda`: never a real atlas, plus what the test sets. */
const childEnv = (env: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  MDA_DATA_DIR: '',
  ...env,
});

/** Runs `node bin/mda.js …args` from the project root and waits for it; never rejects. */
export function mdaProcess(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env) }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `node [nodeArgs] bin/mda.js …args` and returns the running child (stdout and stderr piped). */
export function spawnMda(
  args: readonly string[],
  options: { env?: Record<string, string>; nodeArgs?: readonly string[] } = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: ROOT,
    env: childEnv(options.env ?? {}),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
