/**
 * Runs the atlas as a web application: opens the database in a data folder, ingests the built-in
 * corpus on first run, builds the search index and listens. What `mda serve` and `mda start` call.
 */
import { ensureBuiltInCorpus } from '../services/corpus.ts';
import type { IngestBatchResult } from '../services/ingest.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { openAtlasDatabase } from '../storage/database.ts';
import { ensureSearchIndex } from '../storage/sqlite/search-index.ts';
import { kyselyWithStatementCache } from '../storage/sqlite/statement-cache.ts';
import { startServer, type RunningServer } from './server.ts';

export interface ServeOptions {
  /** The data folder (`--data DIR`); defaults to MDA_DATA_DIR, then `<project>/data`. */
  readonly dataDir?: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on (default 127.0.0.1: the atlas is a local tool). */
  readonly host?: string;
  /** Ingest the built-in corpus when the database has no document yet (default true). */
  readonly ingestCorpus?: boolean;
  /** Log requests as JSON lines. */
  readonly logger?: boolean;
  /** Told about first-run ingestion before it starts, with the number of files. */
  readonly onIngestStart?: (files: number) => void;
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
    await ensureSearchIndex(db);
    const server = await startServer({
      store: atlas.store,
      db,
      port: options.port,
      host: options.host ?? '127.0.0.1',
      logger: options.logger ?? false,
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
