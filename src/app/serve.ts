/**
 * Runs the atlas as a web application: opens the store (the SQLite file in a data folder, or a
 * PostgreSQL server), ingests the built-in corpus on first run, builds the search index and serves
 * the JSON API with the web pages. What `mda serve` and `mda start` call. This is the composition
 * root: the only module that puts the API (src/http) and the pages (src/web) together.
 */
import { startServer, type LogOptions, type RunningServer, type WriteLimit } from '../http/server.ts';
import { ensureBuiltInCorpus } from '../services/corpus.ts';
import { startWorkerLoops } from '../services/worker-loops.ts';
import type { IngestBatchResult } from '../services/ingest.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import type { BusyRetry } from '../storage/busy.ts';
import { openAtlas } from '../storage/database.ts';
import { webPages } from '../web/routes.ts';
import type { UploadLimits } from '../http/jobs/routes.ts';
import type { ResponseCacheOptions } from '../http/response-cache.ts';
import type { ExchangeRates } from '../domain/iati/chain.ts';

export interface ServeOptions {
  /** The data folder (`--data DIR`); defaults to MDA_DATA_DIR, then `<project>/data`. */
  readonly dataDir?: string;
  /**
   * `--database`: a `postgres://` URL or a SQLite file path. Without it (and without `dataDir`),
   * DATABASE_URL is used when set.
   */
  readonly database?: string;
  /** Where DATABASE_URL is read (default: the process environment). */
  readonly env?: NodeJS.ProcessEnv;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on (default 127.0.0.1: the atlas is a local tool). */
  readonly host?: string;
  /** Ingest the built-in corpus when the database has no document yet (default true). */
  readonly ingestCorpus?: boolean;
  /** The request log: JSON lines with request ids, at `info` on standard output unless told. */
  readonly log?: LogOptions;
  /** Host names served besides the loopback names (`--allowed-hosts`, MDA_ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
  readonly writeLimit?: WriteLimit;
  readonly uploadLimits?: UploadLimits;
  /**
   * How long one attempt waits for another process's write lock (SQLite's busy timeout; default
   * 1000 ms: the server's thread is blocked meanwhile, so it waits briefly and retries instead).
   */
  readonly busyTimeoutMs?: number;
  readonly busyRetry?: BusyRetry;
  /**
   * Worker loops run in the server for the ingestion jobs (uploads through the API): default 1;
   * 0 leaves the jobs to separate `mda worker` processes.
   */
  readonly workers?: number;
  /** Told when a worker loop cannot reach the queue (it retries after a pause). */
  readonly onWorkerError?: (error: unknown) => void;
  /** Told about first-run ingestion before it starts, with the number of files. */
  readonly onIngestStart?: (files: number) => void;
  /** A user-supplied exchange-rate table (`--rates`) for the money chain, labelled where applied. */
  readonly rates?: ExchangeRates;
  /** The read API's response cache (default on); false turns it off (the benchmark compares both). */
  readonly responseCache?: ResponseCacheOptions | false;
}

export interface ServedAtlas {
  readonly server: RunningServer;
  /** The open store (statistics for the start-up message). */
  readonly store: AtlasStore;
  /** The first-run ingestion, or null when the database already held documents. */
  readonly ingested: IngestBatchResult | null;
  /** Where the data lives: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/** Opens, seeds (first run), indexes and serves the atlas. */
export async function serveAtlas(options: ServeOptions): Promise<ServedAtlas> {
  const atlas = await openAtlas({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.database === undefined ? {} : { database: options.database }),
    ...(options.env === undefined ? {} : { env: options.env }),
    // A request should not hold the server's one thread for the full 5 s a command waits.
    serving: { busyTimeoutMs: options.busyTimeoutMs ?? 1000 },
  });
  try {
    const ingested =
      options.ingestCorpus === false
        ? null
        : await ensureBuiltInCorpus(
            atlas.store,
            options.onIngestStart === undefined ? {} : { onStart: options.onIngestStart },
          );
    const server = await startServer({
      store: atlas.store,
      pages: webPages,
      port: options.port,
      host: options.host ?? '127.0.0.1',
      ...(options.log === undefined ? {} : { log: options.log }),
      ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
      ...(options.writeLimit === undefined ? {} : { writeLimit: options.writeLimit }),
      ...(options.uploadLimits === undefined ? {} : { uploadLimits: options.uploadLimits }),
      ...(options.busyRetry === undefined ? {} : { busyRetry: options.busyRetry }),
      ...(options.rates === undefined ? {} : { rates: options.rates }),
      ...(options.responseCache === undefined ? {} : { responseCache: options.responseCache }),
    });
    const workers = startWorkerLoops(atlas.store, options.workers ?? 1, {
      ...(options.onWorkerError === undefined ? {} : { onError: options.onWorkerError }),
    });
    return {
      server,
      store: atlas.store,
      ingested,
      location: atlas.location,
      async close() {
        // The workers finish the document they hold (one transaction each) before the store closes.
        await Promise.all([workers.stop(), server.close()]);
        await atlas.store.close();
      },
    };
  } catch (error) {
    await atlas.store.close();
    throw error;
  }
}
