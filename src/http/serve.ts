/**
 * Runs the atlas as a web application: opens the database in a data folder, ingests the built-in
 * corpus on first run, builds the search index and listens. What `mda serve` and `mda start` call.
 */
import { ensureBuiltInCorpus } from '../services/corpus.ts';
import type { IngestBatchResult } from '../services/ingest.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { openAtlasDatabase } from '../storage/database.ts';
import { ensureSearchIndex } from '../storage/queries/search.ts';
import { kyselyWithStatementCache } from '../storage/sqlite/statement-cache.ts';
import type { BusyRetry } from '../storage/busy.ts';
import type { ExchangeRates } from '../domain/iati/chain.ts';
import { startServer, type LogOptions, type RunningServer, type WriteLimit } from './server.ts';

export interface ServeOptions {
  /** The data folder (`--data DIR`); defaults to MDA_DATA_DIR, then `<project>/data`. */
  readonly dataDir?: string;
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
  /**
   * How long one attempt waits for another process's write lock (SQLite's busy timeout; default
   * 1000 ms: the server's thread is blocked meanwhile, so it waits briefly and retries instead).
   */
  readonly busyTimeoutMs?: number;
  readonly busyRetry?: BusyRetry;
  /** Told about first-run ingestion before it starts, with the number of files. */
  readonly onIngestStart?: (files: number) => void;
  /** A user-supplied exchange-rate table (`--rates`) for the money chain, labelled where applied. */
  readonly rates?: ExchangeRates;
}

export interface ServedAtlas {
  readonly server: RunningServer;
  /** The open store (statistics for the start-up message). */
  readonly store: AtlasStore;
  /** The first-run ingestion, or null when the database already held documents. */
  readonly ingested: IngestBatchResult | null;
  readonly databaseFile: string;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/** Opens, seeds (first run), indexes and serves the atlas. */
export async function serveAtlas(options: ServeOptions): Promise<ServedAtlas> {
  const atlas = await openAtlasDatabase(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  try {
    const ingested =
      options.ingestCorpus === false
        ? null
        : await ensureBuiltInCorpus(
            atlas.store,
            options.onIngestStart === undefined ? {} : { onStart: options.onIngestStart },
          );
    // The read queries run through a handle that keeps their statements prepared.
    const db = kyselyWithStatementCache(atlas.raw);
    // Ingestion above may wait the full 5 s; a request should not hold the one thread that long.
    atlas.raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 1000}`);
    await ensureSearchIndex(db);
    const server = await startServer({
      store: atlas.store,
      db,
      port: options.port,
      host: options.host ?? '127.0.0.1',
      ...(options.log === undefined ? {} : { log: options.log }),
      ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
      ...(options.writeLimit === undefined ? {} : { writeLimit: options.writeLimit }),
      ...(options.busyRetry === undefined ? {} : { busyRetry: options.busyRetry }),
      ...(options.rates === undefined ? {} : { rates: options.rates }),
    });
    return {
      server,
      store: atlas.store,
      ingested,
      databaseFile: atlas.file,
      async close() {
        await server.close();
        await atlas.store.close();
      },
    };
  } catch (error) {
    await atlas.store.close();
    throw error;
  }
}
