/** Reading the field rows of a page of instruments (parties, dates, money, topics, approaches). */
import type { Kysely } from 'kysely';
import type { InstrumentSummary } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import { emptyFields, instrumentFromRow } from '../store/presenters.ts';
import { loadInstrumentFields } from '../store/queries.ts';

type Db = Kysely<Database>;

/** The field rows (parties, dates, amounts, topics, approaches) of several instruments at once. */
export { loadInstrumentFields };

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
