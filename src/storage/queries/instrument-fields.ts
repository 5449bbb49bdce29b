/** Reading the field rows of a page of instruments (parties, dates, money, topics, approaches). */
import type { Kysely } from 'kysely';
import type { InstrumentSummary } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import { emptyFields, instrumentFromRow, type InstrumentFields } from '../store/presenters.ts';

type Db = Kysely<Database>;

/** Loads parties, dates, amounts, topics and approaches of a page of instruments in one query each. */
export async function loadInstrumentFields(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, InstrumentFields>> {
  const fields = new Map<string, InstrumentFields>(ids.map((id) => [id, emptyFields()]));
  if (ids.length === 0) return fields;
  const get = (id: string): InstrumentFields => fields.get(id) ?? emptyFields();
  const [parties, dates, amounts, topics, approaches, documents] = await Promise.all([
    db
      .selectFrom('instrument_parties')
      .select(['instrument_id', 'actor_id', 'role'])
      .where('instrument_id', 'in', ids)
      .orderBy('actor_id')
      .execute(),
    db
      .selectFrom('instrument_dates')
      .select(['instrument_id', 'value', 'precision', 'role'])
      .where('instrument_id', 'in', ids)
      .orderBy('value')
      .execute(),
    db
      .selectFrom('instrument_amounts')
      .select(['instrument_id', 'value', 'currency', 'approximate'])
      .where('instrument_id', 'in', ids)
      .execute(),
    db
      .selectFrom('instrument_topics')
      .select(['instrument_id', 'topic'])
      .where('instrument_id', 'in', ids)
      .execute(),
    db
      .selectFrom('instrument_approaches')
      .select(['instrument_id', 'approach'])
      .where('instrument_id', 'in', ids)
      .execute(),
    db
      .selectFrom('instrument_documents')
      .select(['instrument_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('instrument_id', 'in', ids)
      .groupBy('instrument_id')
      .execute(),
  ]);
  for (const row of parties) get(row.instrument_id).parties.push(row);
  for (const row of dates) get(row.instrument_id).dates.push(row);
  for (const row of amounts) get(row.instrument_id).amounts.push(row);
  for (const row of topics) get(row.instrument_id).topics.push(row.topic);
  for (const row of approaches) get(row.instrument_id).approaches.push(row.approach);
  for (const row of documents) get(row.instrument_id).documentCount = Number(row.n);
  return fields;
}

/** The summaries of instruments, in the order of the ids given. */
export async function instrumentsInOrder(db: Db, ids: readonly string[]): Promise<InstrumentSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('instruments').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const fields = await loadInstrumentFields(db, ids);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [instrumentFromRow(row, fields.get(id) ?? emptyFields())];
  });
}
