/**
 * How a CLI run ends when it cannot finish normally: a stop signal (Ctrl+C, a service manager's
 * SIGTERM) or an unexpected failure. The exit codes are the README's: 70 for an internal failure
 * (sysexits EX_SOFTWARE), 128 + the signal number for a run stopped by a signal, as shells report it.
 */

/** Exit code for usage errors (sysexits EX_USAGE). */
export const EXIT_USAGE = 64;
/** Exit code for unexpected failures (sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
export type StopSignal = keyof typeof SIGNAL_NUMBERS;

/** 130 for SIGINT, 143 for SIGTERM. */
export const exitCodeForSignal = (signal: StopSignal): number => 128 + SIGNAL_NUMBERS[signal];

/** Thrown to end a command early when a stop signal arrived; the run exits with 128 + its number. */
export class Interrupted extends Error {
  constructor(readonly signal: StopSignal) {
    super(`stopped by ${signal}`);
    this.name = 'Interrupted';
  }
}

/**
 * Calls `onStop` on the first SIGINT or SIGTERM instead of ending the process at once, so the
 * command can finish its current step and close the database. A second signal ends the process
 * immediately (every document is one transaction: nothing half-written is kept). Returns a function
 * that removes the handlers.
 */
export function onStopSignal(onStop: (signal: StopSignal) => void): () => void {
  let stopping = false;
  const handler = (signal: StopSignal): void => {
    if (stopping) process.exit(exitCodeForSignal(signal));
    stopping = true;
    onStop(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** The one stderr line for an unexpected failure (with the stack when MDA_DEBUG=1). */
export function internalFailureLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.MDA_DEBUG === '1' && error instanceof Error ? `\n${error.stack ?? ''}` : '';
  return `error: internal failure: ${message}${stack}`;
}
