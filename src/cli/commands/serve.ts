/**
 * `mda serve --port N [--data DIR | --database URL]`: the web pages and the JSON API on the
 * embedded database or a PostgreSQL server (`--database postgres://…` or DATABASE_URL), with the
 * built-in corpus ingested on first run. Runs until Ctrl+C (SIGINT) or SIGTERM.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { globalsOf } from '../context.ts';
import { parseOptions, type GlobalOptions } from '../options.ts';
import { err, out } from '../output.ts';
import { DEFAULT_PORT } from '../program.ts';
import { EXIT_INTERNAL, internalFailureLine, onStopSignal } from '../signals.ts';
import { statsText } from './browse.ts';
import { batchSummary, errorLine } from './ingest.ts';

export const ServeOptions = z.object({
  port: z.coerce
    .number({ error: () => 'expected a port number' })
    .int('expected a port number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535'),
  host: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  allowedHosts: z
    .string()
    .regex(
      /^[A-Za-z0-9.:[\],-]*$/,
      'must be host names separated by commas (e.g. atlas.example.org,10.0.0.5:3000)',
    )
    .transform(parseHostList),
  logFile: z.string().trim().min(1, 'must not be empty').optional(),
  rates: z.string().trim().min(1, 'must name a CSV file').optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be fatal, error, warn, info, debug, trace or silent',
  }),
  workers: z.coerce
    .number({ error: () => 'expected a whole number' })
    .int('expected a whole number')
    .min(0, 'must be between 0 and 16')
    .max(16, 'must be between 0 and 16')
    .default(1),
});

/** Raw `serve`/`start` options as commander gives them. */
export interface RawServeOptions {
  readonly port?: string;
  readonly host?: string;
  readonly allowedHosts?: string;
  readonly logFile?: string;
  readonly logLevel?: string;
  readonly workers?: string;
  /** `--rates FILE.csv`: an exchange-rate table for the money chain. */
  readonly rates?: string;
}

/** The port from `--port`, else `$PORT` (what `npm start` honours), else 3000. */
export function chosenPort(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | number {
  if (flag !== undefined) return flag;
  return env.PORT !== undefined && env.PORT !== '' ? env.PORT : DEFAULT_PORT;
}

/** Comma-separated host names, trimmed and lower-cased. */
function parseHostList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
}

/**
 * Parses `--port`/`--host`/`--allowed-hosts`/`--log-file`/`--log-level`, with the environment's
 * fallbacks (`$PORT`, MDA_ALLOWED_HOSTS, MDA_LOG_FILE, MDA_LOG_LEVEL).
 */
export function serveOptions(
  raw: RawServeOptions,
  env: NodeJS.ProcessEnv = process.env,
): z.output<typeof ServeOptions> {
  const fromEnv = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const logFile = raw.logFile ?? fromEnv(env.MDA_LOG_FILE);
  return parseOptions(ServeOptions, {
    ...raw,
    port: chosenPort(raw.port, env),
    allowedHosts: raw.allowedHosts ?? env.MDA_ALLOWED_HOSTS ?? '',
    logLevel: raw.logLevel ?? fromEnv(env.MDA_LOG_LEVEL) ?? 'info',
    ...(logFile === undefined ? {} : { logFile }),
  });
}

/**
 * Opens the atlas, ingests the built-in corpus on first run, starts the server and prints the URL;
 * stops cleanly on SIGINT/SIGTERM. Resolves once listening (the server keeps the process alive).
 */
export async function runServer(
  globals: GlobalOptions,
  options: z.output<typeof ServeOptions>,
  showStats: boolean,
): Promise<void> {
  const { serveAtlas } = await import('../../app/serve.ts');
  const { readExchangeRates } = await import('../../readers/exchange-rates.ts');
  const rates = options.rates === undefined ? undefined : await readExchangeRates(options.rates);
  const served = await serveAtlas({
    ...(rates === undefined ? {} : { rates }),
    ...(globals.data === undefined ? {} : { dataDir: globals.data }),
    ...(globals.database === undefined ? {} : { database: globals.database }),
    port: options.port,
    host: options.host,
    allowedHosts: options.allowedHosts,
    log: { level: options.logLevel, ...(options.logFile === undefined ? {} : { file: options.logFile }) },
    onIngestStart: (files) => err(`first run: ingesting the built-in corpus (${files} files)…`),
    workers: options.workers,
    onWorkerError: (error) =>
      err(`error: ingestion worker: ${internalFailureLine(error).replace(/^error: /, '')}`),
  });
  if (served.ingested !== null) {
    for (const item of served.ingested.results) if (item.status === 'failed') err(errorLine(item));
    out(`built-in corpus: ${batchSummary(served.ingested)}`);
  }
  out(`database: ${served.location}`);
  if (showStats) out(statsText(await served.store.stats(), globals.lang));
  out(`Migration Diplomacy Atlas: ${served.server.url}/  (Ctrl+C to stop)`);
  out(`request log: ${options.logFile ?? 'standard output'} (level ${options.logLevel})`);
  out(
    options.workers === 0
      ? 'uploads: queued for `mda worker` processes (--workers 0)'
      : `uploads: ingested by ${options.workers} worker${options.workers === 1 ? '' : 's'} in this server`,
  );
  if (rates !== undefined) {
    out(`money chain: a common currency ${rates.target} is added with the rates of ${rates.source}`);
  }
  // Stop listening and close the database, then end the process: no request is cut mid-write.
  onStopSignal((signal) => {
    err(`${signal}: stopping the server`);
    served.close().then(
      () => process.exit(0),
      (error: unknown) => {
        err(internalFailureLine(error));
        process.exit(EXIT_INTERNAL);
      },
    );
  });
}

export async function runServe(raw: RawServeOptions, command: Command): Promise<void> {
  await runServer(globalsOf(command), serveOptions(raw), false);
}
