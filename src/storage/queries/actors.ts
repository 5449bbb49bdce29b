/** Actor lists with how many instruments each is party to (the API's `GET /api/actors`). */
import type { Kysely } from 'kysely';
import type { Page, PageRequest } from '../atlas-store.ts';
import { engineOf } from '../engine.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** An actor as listed: names in both languages and its instrument count. */
export interface ActorListItem {
  readonly id: string;
  readonly kind: string;
  readonly name: { readonly en: string; readonly fr: string };
  readonly instrumentCount: number;
}

export interface ActorQuery {
  readonly kind?: string;
  /** Part of a name, English or French, case-insensitive. */
  readonly q?: string;
  /** Only actors party to at least one instrument. */
  readonly withInstruments?: boolean;
}

function filtered(db: Db, filter: ActorQuery) {
  let query = db.selectFrom('actors').leftJoin(
    (eb) =>
      eb
        .selectFrom('instrument_parties')
        .select(['actor_id', (e) => e.fn.count<number>('instrument_id').distinct().as('n')])
        .groupBy('actor_id')
        .as('counts'),
    (join) => join.onRef('counts.actor_id', '=', 'actors.id'),
  );
  if (filter.kind !== undefined) query = query.where('actors.kind', '=', filter.kind);
  if (filter.withInstruments === true) query = query.where('counts.n', '>', 0);
  if (filter.q !== undefined) {
    const pattern = `%${filter.q.replace(/[%_]/g, '')}%`;
    // SQLite's LIKE ignores (ASCII) case; PostgreSQL's does not, its ILIKE does.
    const like = engineOf(db) === 'postgres' ? 'ilike' : 'like';
    query = query.where((eb) =>
      eb.or([
        eb('actors.name_en', like, pattern),
        eb('actors.name_fr', like, pattern),
        eb('actors.id', like, pattern),
      ]),
    );
  }
  return query;
}

/** One page of actors, most instruments first, then by English name. */
export async function queryActors(
  db: Db,
  filter: ActorQuery,
  page: PageRequest,
): Promise<Page<ActorListItem>> {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .select(['actors.id', 'actors.kind', 'actors.name_en', 'actors.name_fr', 'counts.n'])
    .orderBy((eb) => eb.fn.coalesce('counts.n', eb.lit(0)), 'desc')
    .orderBy('actors.name_en')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: { en: row.name_en, fr: row.name_fr },
      instrumentCount: Number(row.n ?? 0),
    })),
    total: Number(total.n),
    limit: page.limit,
    offset: page.offset,
  };
}

/** English and French names of every stored actor, for labelling views. */
export async function actorNames(db: Db): Promise<Map<string, { en: string; fr: string; kind: string }>> {
  const rows = await db.selectFrom('actors').select(['id', 'kind', 'name_en', 'name_fr']).execute();
  return new Map(rows.map((row) => [row.id, { en: row.name_en, fr: row.name_fr, kind: row.kind }]));
}
