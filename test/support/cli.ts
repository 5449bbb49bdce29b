/** Runs the real `mda` CLI as a shell user would, for the CLI tests. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root: the CLI runs from there, as `npm run mda` does. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/cli/main.ts …args` from the project root; never rejects. */
export function mda(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      // An inherited MDA_DATA_DIR must not point the tests at a real atlas.
      { cwd: ROOT, env: { ...process.env, MDA_DATA_DIR: '' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
