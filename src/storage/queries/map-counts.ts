/** Instruments per state for the map, counting only the type or topic the reader chose. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface MapFilter {
  readonly type?: string | undefined;
  readonly topic?: string | undefined;
}

export function mapCounts(db: Kysely<Database>, filter: MapFilter): Promise<Map<string, number>> {
  return countsOfKind(db, 'state', filter);
}

/**
 * Instruments per organization (the EU, IOM…), with the same choice of type or topic: the
 * organizations are actors of the map and the lists too, though they have no territory.
 */
export function organizationCounts(
  db: Kysely<Database>,
  filter: MapFilter = {},
): Promise<Map<string, number>> {
  return countsOfKind(db, 'organization', filter);
}

async function countsOfKind(
  db: Kysely<Database>,
  kind: 'state' | 'organization',
  filter: MapFilter,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('instrument_parties')
    .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
    .innerJoin('instruments', 'instruments.id', 'instrument_parties.instrument_id')
    .select(['actor_id', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
    .where('actors.kind', '=', kind);
  if (filter.type !== undefined) query = query.where('instruments.type', '=', filter.type);
  if (filter.topic !== undefined) {
    const topic = filter.topic;
    query = query.where('instrument_parties.instrument_id', 'in', (eb) =>
      eb.selectFrom('instrument_topics').select('instrument_id').where('topic', '=', topic),
    );
  }
  const rows = await query.groupBy('actor_id').execute();
  return new Map(rows.map((row) => [row.actor_id, Number(row.n)]));
}
