/**
 * Money that adds up: what each amount of an instrument is (a total, a part of another amount, a
 * tranche, a disbursement, a pledge) and the one way the atlas sums them. Every page, analysis,
 * API answer and CSV export that shows a sum of money calls `instrumentTotals` or `moneyBySource`,
 * so a figure is computed once and reads the same everywhere. Pure: no I/O.
 */
import type { Money, PartyRole } from './model.ts';

/**
 * What an amount is, as the text says it:
 * - `total`: the whole ("a total of", "un montant global de", or an amount its breakdown follows);
 * - `part`: a share of a total written in the text ("dont 53,6 M…", "of which €50 million…");
 * - `tranche`: one instalment of a larger sum ("a first tranche of", "une première tranche de");
 * - `disbursement`: money paid out ("€12 million disbursed", "décaissés");
 * - `pledge`: money promised ("pledged", "annonce de contribution").
 * `null`: the text gives the amount without saying which.
 */
export type AmountRole = 'total' | 'part' | 'tranche' | 'disbursement' | 'pledge';
export const AMOUNT_ROLES = [
  'total',
  'part',
  'tranche',
  'disbursement',
  'pledge',
] as const satisfies readonly AmountRole[];

/** An amount of an instrument with its role and, when it is a share of another, that amount. */
export interface InstrumentAmount extends Money {
  readonly role: AmountRole | null;
  /**
   * The value of the amount this one is a share of (same instrument, same currency): the link from
   * a part, tranche or disbursement to its total. `null` when the text gives no whole.
   */
  readonly partOf: number | null;
}

/** Sums per ISO 4217 currency. */
export type TotalsByCurrency = Readonly<Record<string, number>>;

/** Sums of millions carry float error (145.1 + 53.6): sums are kept to the cent. */
function addTo(sum: Record<string, number>, currency: string, value: number): void {
  sum[currency] = roundToCent((sum[currency] ?? 0) + value);
}

const roundToCent = (value: number): number => Math.round(value * 100) / 100;

/** Loose amounts (from stored rows or older callers) with the role fields filled. */
function withRoles(amounts: readonly (Money & Partial<InstrumentAmount>)[]): InstrumentAmount[] {
  return amounts.map((a) => ({ ...a, role: a.role ?? null, partOf: a.partOf ?? null }));
}

/**
 * Whether an amount is already counted by the amount it is a share of: its `partOf` names an
 * amount of the same instrument and currency. A share whose whole the instrument does not hold
 * (the text gave only the part) counts by itself.
 */
export function isCountedElsewhere(amount: InstrumentAmount, amounts: readonly InstrumentAmount[]): boolean {
  if (amount.partOf === null) return false;
  return amounts.some(
    (other) => other !== amount && other.currency === amount.currency && other.value === amount.partOf,
  );
}

/**
 * An instrument's money per currency, each sum counted once: the amounts that are not a share of
 * another of its amounts. "145.1 M€, dont 53.6 M et 91.5 M" is 145.1 M€, not 290.2 M€.
 */
export function instrumentTotals(amounts: readonly (Money & Partial<InstrumentAmount>)[]): TotalsByCurrency {
  const roled = withRoles(amounts);
  const out: Record<string, number> = {};
  for (const amount of roled) {
    if (!isCountedElsewhere(amount, roled)) addTo(out, amount.currency, amount.value);
  }
  return out;
}

/** The parties and amounts of an instrument, as `moneyBySource` reads them. */
export interface FundedInstrument {
  readonly id: string;
  readonly parties: readonly { readonly actorId: string; readonly role: PartyRole }[];
  readonly amounts: readonly (Money & Partial<InstrumentAmount>)[];
}

/**
 * Who puts an instrument's money in, toward a partner: the donors the text names, else the
 * parties other than the partner (an EU–Tunisia memorandum's money is the EU's). Sorted ids.
 */
export function fundersOf(instrument: FundedInstrument, partner: string | null): string[] {
  const others = instrument.parties.filter((p) => p.actorId !== partner && p.role !== 'beneficiary');
  const donors = others.filter((p) => p.role === 'donor');
  return [...new Set((donors.length > 0 ? donors : others).map((p) => p.actorId))].sort();
}

/** Money toward a partner from one funder, or from several together (never split between them). */
export interface MoneySource {
  /** The funder, or the first of several funding together; null when the text names none. */
  readonly source: string | null;
  /** The other funders of the same instruments (empty when `source` funds alone). */
  readonly sharedWith: readonly string[];
  readonly currency: string;
  readonly total: number;
  /** Instruments whose money this row sums. */
  readonly instruments: readonly string[];
}

/**
 * The money of instruments toward a partner, by who funds it and currency; each instrument's
 * money counted once (`instrumentTotals`) and given to one row. Largest first.
 */
export function moneyBySource(
  instruments: readonly FundedInstrument[],
  partner: string | null,
): MoneySource[] {
  const rows = new Map<string, { funders: string[]; currency: string; total: number; ids: string[] }>();
  for (const instrument of instruments) {
    const funders = fundersOf(instrument, partner);
    for (const [currency, value] of Object.entries(instrumentTotals(instrument.amounts))) {
      const key = `${funders.join(',')}|${currency}`;
      const row = rows.get(key) ?? { funders, currency, total: 0, ids: [] };
      row.total = roundToCent(row.total + value);
      if (!row.ids.includes(instrument.id)) row.ids.push(instrument.id);
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map((row) => ({
      source: row.funders[0] ?? null,
      sharedWith: row.funders.slice(1),
      currency: row.currency,
      total: row.total,
      instruments: row.ids,
    }))
    .sort(
      (a, b) =>
        b.total - a.total ||
        a.currency.localeCompare(b.currency) ||
        (a.source ?? '').localeCompare(b.source ?? ''),
    );
}

/** Several totals added per currency (each already counted once). */
export function sumTotals(totals: readonly TotalsByCurrency[]): TotalsByCurrency {
  const out: Record<string, number> = {};
  for (const t of totals) for (const [currency, value] of Object.entries(t)) addTo(out, currency, value);
  return out;
}

/** The sum of money-by-source rows per currency: all the money toward the partner, once. */
export function sourcesTotal(rows: readonly MoneySource[]): TotalsByCurrency {
  const out: Record<string, number> = {};
  for (const row of rows) addTo(out, row.currency, row.total);
  return out;
}
