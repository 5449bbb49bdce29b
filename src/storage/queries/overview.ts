/**
 * Aggregates for the overview screens: instruments per state (the map), per year and type (the
 * timeline), actors linked by shared instruments (the network) and the latest instruments.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** Number of instruments each state is party to, keyed by alpha-2 code. */
export async function instrumentsByState(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('instrument_parties')
    .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
    .select(['actor_id', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
    .where('actors.kind', '=', 'state')
    .groupBy('actor_id')
    .execute();
  return new Map(rows.map((row) => [row.actor_id, Number(row.n)]));
}

export interface TimelinePoint {
  readonly year: number;
  readonly type: string;
  readonly count: number;
}

/** Instruments per first year and type, optionally only those a given actor is party to. */
export async function instrumentTimeline(db: Db, actor?: string): Promise<TimelinePoint[]> {
  let query = db
    .selectFrom('instruments')
    .select(['first_year', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('first_year', 'is not', null);
  if (actor !== undefined) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('instrument_parties').select('instrument_id').where('actor_id', '=', actor),
    );
  }
  const rows = await query.groupBy(['first_year', 'type']).orderBy('first_year').execute();
  return rows.map((row) => ({ year: Number(row.first_year), type: row.type, count: Number(row.n) }));
}

export interface NetworkNode {
  readonly id: string;
  readonly kind: string;
  readonly instruments: number;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  /** Number of instruments both actors are party to. */
  readonly weight: number;
}

export interface ActorNetwork {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

/** The actors with most instruments (at most `maxNodes`) and the instruments they share. */
export async function actorNetwork(db: Db, maxNodes = 60): Promise<ActorNetwork> {
  const nodes = await db
    .selectFrom('instrument_parties')
    .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
    .select(['actor_id', 'actors.kind', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
    .groupBy(['actor_id', 'actors.kind'])
    .orderBy('n', 'desc')
    .orderBy('actor_id')
    .limit(maxNodes)
    .execute();
  const ids = nodes.map((node) => node.actor_id);
  if (ids.length < 2) {
    return {
      nodes: nodes.map((n) => ({ id: n.actor_id, kind: n.kind, instruments: Number(n.n) })),
      edges: [],
    };
  }
  const edges = await db
    .selectFrom('instrument_parties as a')
    .innerJoin('instrument_parties as b', (join) =>
      join.onRef('a.instrument_id', '=', 'b.instrument_id').onRef('a.actor_id', '<', 'b.actor_id'),
    )
    .select([
      'a.actor_id as source',
      'b.actor_id as target',
      (eb) => eb.fn.count<number>('a.instrument_id').distinct().as('n'),
    ])
    .where('a.actor_id', 'in', ids)
    .where('b.actor_id', 'in', ids)
    .groupBy(['a.actor_id', 'b.actor_id'])
    .execute();
  return {
    nodes: nodes.map((node) => ({ id: node.actor_id, kind: node.kind, instruments: Number(node.n) })),
    edges: edges.map((edge) => ({ source: edge.source, target: edge.target, weight: Number(edge.n) })),
  };
}

/** Counts the web dashboard shows beside `AtlasStore.stats`. */
export async function extraCounts(db: Db): Promise<{ actors: number; countries: number }> {
  const [actors, countries] = await Promise.all([
    db
      .selectFrom('instrument_parties')
      .select((eb) => eb.fn.count<number>('actor_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('instrument_parties')
      .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
      .select((eb) => eb.fn.count<number>('actor_id').distinct().as('n'))
      .where('actors.kind', '=', 'state')
      .executeTakeFirstOrThrow(),
  ]);
  return { actors: Number(actors.n), countries: Number(countries.n) };
}
