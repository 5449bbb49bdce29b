/**
 * Migration 1600: what each amount of an instrument is. `role` (total, part, tranche,
 * disbursement, pledge; null where the text does not say), `part_of` (the value of the amount of
 * the same instrument and currency this one is a share of: the link from a part to its total) and
 * `role_claim_id` (the claim whose quote is the words that say the role, its evidence).
 *
 * Rows stored before have no roles. The atlas used to count a total once when an instrument's
 * other amounts in a currency added up to its largest ("145.1 M€ … 53.6 M + 91.5 M"); that reading
 * is written into the rows here (largest `total`, the others `part` of it), so old atlases keep
 * their sums. Their role evidence is the amount claims themselves (`role_claim_id` null).
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface AmountRow {
  readonly instrument_id: string;
  readonly value: number;
  readonly currency: string;
}

/** The old "largest equals the sum of the rest" reading, per instrument and currency. */
function breakdowns(rows: readonly AmountRow[]): { total: AmountRow; parts: AmountRow[] }[] {
  const groups = new Map<string, AmountRow[]>();
  for (const row of rows) {
    const key = `${row.instrument_id}|${row.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: { total: AmountRow; parts: AmountRow[] }[] = [];
  for (const group of groups.values()) {
    if (group.length < 3) continue;
    const sorted = [...group].sort((a, b) => b.value - a.value);
    const [total, ...parts] = sorted;
    const rest = parts.reduce((sum, row) => sum + Number(row.value), 0);
    if (total !== undefined && Math.abs(rest - total.value) <= total.value * 0.005) {
      out.push({ total, parts });
    }
  }
  return out;
}

export const amountRolesMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema.alterTable('instrument_amounts').addColumn('role', 'text').execute();
    await db.schema.alterTable('instrument_amounts').addColumn('part_of', 'double precision').execute();
    await db.schema
      .alterTable('instrument_amounts')
      .addColumn('role_claim_id', 'integer', (c) => c.references('claims.id'))
      .execute();
    const rows = (await db
      .selectFrom('instrument_amounts')
      .select(['instrument_id', 'value', 'currency'])
      .execute()) as AmountRow[];
    for (const { total, parts } of breakdowns(rows)) {
      const at = (row: AmountRow) =>
        db
          .updateTable('instrument_amounts')
          .where('instrument_id', '=', row.instrument_id)
          .where('value', '=', row.value)
          .where('currency', '=', row.currency);
      await at(total).set({ role: 'total' }).execute();
      for (const part of parts) await at(part).set({ role: 'part', part_of: total.value }).execute();
    }
  },
  async down(db: AnyDb): Promise<void> {
    for (const column of ['role_claim_id', 'part_of', 'role']) {
      await db.schema.alterTable('instrument_amounts').dropColumn(column).execute();
    }
  },
};
