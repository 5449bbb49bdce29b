/**
 * The data version on PostgreSQL: one connection LISTENs on `atlas_data_changed` (the notices of
 * migration 2500) and counts what it hears. A notice arrives only after its transaction committed,
 * so a version read before a query never names data older than the query saw; reading it costs
 * nothing (no round trip). The connection is opened on the first ask, so commands that never ask
 * (ingest, export) hold no extra connection. While it is not listening — before the first LISTEN
 * is confirmed, after an error — the version is null: "cannot tell", and callers must not cache.
 * Each (re)connection starts a new epoch, since notices may have been missed in between.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';

export interface ChangeWatch {
  /** `epoch:notices`, or null while not listening (it starts listening on the first call). */
  version(): string | null;
  close(): Promise<void>;
}

export function createChangeWatch(url: string): ChangeWatch {
  let client: pg.Client | null = null;
  let listening = false;
  let epoch = 0;
  let notices = 0;
  let closed = false;

  const drop = (lost: pg.Client) => {
    if (client !== lost) return;
    listening = false;
    client = null;
    lost.end().catch(() => undefined);
  };

  const connect = () => {
    const next = new pg.Client({ connectionString: url, application_name: 'mda-change-watch' });
    client = next;
    next.on('notification', () => {
      notices++;
    });
    next.on('error', () => drop(next));
    next.on('end', () => drop(next));
    next
      .connect()
      .then(() => next.query('listen atlas_data_changed'))
      .then(() => {
        if (client !== next || closed) return;
        epoch++;
        listening = true;
      })
      .catch(() => drop(next));
  };

  return {
    version() {
      if (closed) return null;
      if (client === null) connect();
      return listening ? `${epoch}:${notices}` : null;
    },
    async close() {
      closed = true;
      const open = client;
      client = null;
      listening = false;
      await open?.end().catch(() => undefined);
    },
  };
}

/** Puts the change notice trigger on the tables that lack it (those of migrations after 2500). */
export async function watchTables(db: Kysely<Database>): Promise<void> {
  await sql`select atlas_watch_tables() where to_regprocedure('atlas_watch_tables()') is not null`.execute(
    db,
  );
}
