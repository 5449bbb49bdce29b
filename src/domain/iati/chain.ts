/**
 * The money chain of an instrument or a country: what the linked IATI activities committed,
 * disbursed and spent, by year and in the currencies they report, the results they report, and
 * how what documents announced compares with it. Pure: the service gathers the records, this
 * computes. Sums are never mixed across currencies; a common currency appears only when the user
 * supplied exchange rates, labelled with their source, and what they do not cover is listed.
 */
import { CHAIN_STAGES, type ChainStage } from './codes.ts';
import type { Budget, Narrative, Result } from './model.ts';

export interface ChainTransaction {
  readonly type: number;
  readonly date: string;
  readonly value: number;
  readonly currency: string;
  readonly path: string;
}

/** One activity as the chain sees it, with the file and element path its figures come from. */
export interface ChainActivity {
  readonly identifier: string;
  readonly titles: readonly Narrative[];
  readonly status: string | null;
  readonly file: string;
  readonly path: string;
  readonly transactions: readonly ChainTransaction[];
  readonly budgets: readonly Budget[];
  readonly results: readonly Result[];
  /** How the activity is tied to the scope: a link's method (cited, matched, manual) or `country`. */
  readonly via: string;
  /** The instruments it is linked to (an announced amount is checked against these activities only). */
  readonly instruments: readonly string[];
}

/** An amount a document states for the instrument ("145.1 million euros"), with its evidence. */
export interface AnnouncedAmount {
  readonly instrumentId: string;
  readonly value: number;
  readonly currency: string;
  readonly approximate: boolean;
  readonly documentId: string;
  /** Null for a document with no title of its own. */
  readonly documentTitle: string | null;
  readonly span: { readonly start: number; readonly end: number };
  readonly quote: string;
}

/** User-supplied rates into one currency: `rates` keyed `FROM|YEAR` or `FROM|*` (any year). */
export interface ExchangeRates {
  readonly target: string;
  /** Where the rates come from (the file the user gave), shown next to every converted figure. */
  readonly source: string;
  readonly rates: ReadonlyMap<string, number>;
}

export interface StageAmounts {
  readonly committed: number;
  readonly disbursed: number;
  readonly spent: number;
}

export interface ChainYear extends StageAmounts {
  readonly year: number;
  readonly currency: string;
  /** The stages at least one transaction reports: a stage not listed is "not stated", not zero. */
  readonly stated: readonly ChainStage[];
}

export interface CurrencyTotal extends StageAmounts {
  readonly currency: string;
  /** Sum of the activities' budgets in this currency (revised budgets replace original ones). */
  readonly budget: number;
  readonly stated: readonly ChainStage[];
  /** Whether any activity gives a budget in this currency (else the budget is "not stated"). */
  readonly budgetStated: boolean;
}

/** How an announced amount compares with the activity data. */
export interface AnnouncementCheck {
  readonly announced: AnnouncedAmount;
  /** `activity`: one activity's commitments match it; `activities`: all linked activities together; `none`. */
  readonly matchedTo: 'activity' | 'activities' | 'none';
  readonly activities: readonly string[];
  /** Committed in the announced currency by the matched activities (all linked ones when none matched). */
  readonly committed: number;
  readonly disbursed: number;
  /** announced − committed (positive: less committed than announced). */
  readonly gap: number;
}

export interface ChainResult {
  readonly activity: string;
  readonly result: Result;
}

export interface CommonCurrency {
  readonly currency: string;
  readonly source: string;
  /** `stated`: the stages some converted transaction reports (the others are "not stated"). */
  readonly byYear: readonly (StageAmounts & {
    readonly year: number;
    readonly stated: readonly ChainStage[];
  })[];
  readonly total: StageAmounts & { readonly stated: readonly ChainStage[] };
  /** `EUR 2019`-style pairs with no rate: left out of the common-currency figures, never guessed. */
  readonly missing: readonly string[];
}

export interface FundingChain {
  readonly activities: readonly ChainActivity[];
  readonly byYear: readonly ChainYear[];
  readonly totals: readonly CurrencyTotal[];
  readonly results: readonly ChainResult[];
  readonly announced: readonly AnnouncementCheck[];
  readonly common: CommonCurrency | null;
}

const STAGE_OF = new Map<number, ChainStage>(
  Object.entries(CHAIN_STAGES).map(([stage, type]) => [type, stage as ChainStage]),
);

const zero = (): { committed: number; disbursed: number; spent: number } => ({
  committed: 0,
  disbursed: 0,
  spent: 0,
});

const STAGE_ORDER: readonly ChainStage[] = ['committed', 'disbursed', 'spent'];
const stagesOf = (stated: ReadonlySet<ChainStage>): ChainStage[] => STAGE_ORDER.filter((s) => stated.has(s));

/** Sums cents-exact enough for reporting: rounding to 2 decimals hides float noise. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

function stageTotals(activity: ChainActivity, currency: string): StageAmounts {
  const sums = zero();
  for (const t of activity.transactions) {
    const stage = STAGE_OF.get(t.type);
    if (stage !== undefined && t.currency === currency) sums[stage] += t.value;
  }
  return sums;
}

/** Budgets in one total per currency: a revised budget (type 2) replaces the original of its period. */
function budgetTotals(budgets: readonly Budget[]): Map<string, number> {
  const byPeriod = new Map<string, Budget>();
  for (const budget of budgets) {
    const key = `${budget.periodStart}|${budget.periodEnd}|${budget.currency}`;
    const known = byPeriod.get(key);
    if (known === undefined || (budget.type === '2' && known.type !== '2')) byPeriod.set(key, budget);
  }
  const totals = new Map<string, number>();
  for (const budget of byPeriod.values()) {
    totals.set(budget.currency, (totals.get(budget.currency) ?? 0) + budget.value);
  }
  return totals;
}

function rateFor(rates: ExchangeRates, currency: string, year: number): number | undefined {
  if (currency === rates.target) return 1;
  return rates.rates.get(`${currency}|${year}`) ?? rates.rates.get(`${currency}|*`);
}

function commonCurrency(byYear: readonly ChainYear[], rates: ExchangeRates): CommonCurrency {
  const years = new Map<
    number,
    { committed: number; disbursed: number; spent: number; stated: Set<ChainStage> }
  >();
  const missing = new Set<string>();
  const totalStated = new Set<ChainStage>();
  for (const row of byYear) {
    const rate = rateFor(rates, row.currency, row.year);
    if (rate === undefined) {
      missing.add(`${row.currency} ${row.year}`);
      continue;
    }
    const sums = years.get(row.year) ?? { ...zero(), stated: new Set<ChainStage>() };
    sums.committed += row.committed * rate;
    sums.disbursed += row.disbursed * rate;
    sums.spent += row.spent * rate;
    for (const stage of row.stated) {
      sums.stated.add(stage);
      totalStated.add(stage);
    }
    years.set(row.year, sums);
  }
  const total = zero();
  const rows = [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, sums]) => {
      total.committed += sums.committed;
      total.disbursed += sums.disbursed;
      total.spent += sums.spent;
      return {
        year,
        committed: round2(sums.committed),
        disbursed: round2(sums.disbursed),
        spent: round2(sums.spent),
        stated: stagesOf(sums.stated),
      };
    });
  return {
    currency: rates.target,
    source: rates.source,
    byYear: rows,
    total: {
      committed: round2(total.committed),
      disbursed: round2(total.disbursed),
      spent: round2(total.spent),
      stated: stagesOf(totalStated),
    },
    missing: [...missing].sort(),
  };
}

/**
 * Which activities an announced amount summarises: one activity whose commitments in that currency
 * are within 2 % of it, else all linked activities together when within 10 %; otherwise none, and
 * the gap is measured against all of them.
 */
export function checkAnnouncement(
  announced: AnnouncedAmount,
  activities: readonly ChainActivity[],
): AnnouncementCheck {
  const totals = activities.map((activity) => ({
    id: activity.identifier,
    ...stageTotals(activity, announced.currency),
  }));
  const near = (value: number, tolerance: number): boolean =>
    announced.value > 0 && Math.abs(value - announced.value) <= announced.value * tolerance;
  const single = totals
    .filter((t) => near(t.committed, 0.02))
    .sort((a, b) => Math.abs(a.committed - announced.value) - Math.abs(b.committed - announced.value))[0];
  const all = totals.reduce(
    (sum, t) => ({ committed: sum.committed + t.committed, disbursed: sum.disbursed + t.disbursed }),
    { committed: 0, disbursed: 0 },
  );
  const check = (
    matchedTo: AnnouncementCheck['matchedTo'],
    ids: readonly string[],
    sums: { committed: number; disbursed: number },
  ): AnnouncementCheck => ({
    announced,
    matchedTo,
    activities: ids,
    committed: round2(sums.committed),
    disbursed: round2(sums.disbursed),
    gap: round2(announced.value - sums.committed),
  });
  if (single !== undefined) return check('activity', [single.id], single);
  if (totals.length > 0 && near(all.committed, 0.1)) {
    return check(
      'activities',
      totals.filter((t) => t.committed > 0).map((t) => t.id),
      all,
    );
  }
  return check(
    'none',
    totals.map((t) => t.id),
    all,
  );
}

/** The chain of a set of activities (see the module comment). */
export function computeChain(
  activities: readonly ChainActivity[],
  announced: readonly AnnouncedAmount[],
  rates?: ExchangeRates,
): FundingChain {
  type Sums = { committed: number; disbursed: number; spent: number; stated: Set<ChainStage> };
  const years = new Map<string, Sums & { year: number; currency: string }>();
  const totals = new Map<string, Sums & { budget: number; budgetStated: boolean }>();
  const newTotal = () => ({ ...zero(), stated: new Set<ChainStage>(), budget: 0, budgetStated: false });
  for (const activity of activities) {
    for (const t of activity.transactions) {
      const stage = STAGE_OF.get(t.type);
      if (stage === undefined) continue;
      const year = Number(t.date.slice(0, 4));
      const key = `${year}|${t.currency}`;
      const row = years.get(key) ?? { year, currency: t.currency, ...zero(), stated: new Set<ChainStage>() };
      row[stage] += t.value;
      row.stated.add(stage);
      years.set(key, row);
      const total = totals.get(t.currency) ?? newTotal();
      total[stage] += t.value;
      total.stated.add(stage);
      totals.set(t.currency, total);
    }
    for (const [currency, value] of budgetTotals(activity.budgets)) {
      const total = totals.get(currency) ?? newTotal();
      total.budget += value;
      total.budgetStated = true;
      totals.set(currency, total);
    }
  }
  const byYear = [...years.values()]
    .map((row) => ({
      year: row.year,
      currency: row.currency,
      committed: round2(row.committed),
      disbursed: round2(row.disbursed),
      spent: round2(row.spent),
      stated: stagesOf(row.stated),
    }))
    .sort((a, b) => a.year - b.year || a.currency.localeCompare(b.currency));
  return {
    activities,
    byYear,
    totals: [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, sums]) => ({
        currency,
        committed: round2(sums.committed),
        disbursed: round2(sums.disbursed),
        spent: round2(sums.spent),
        budget: round2(sums.budget),
        stated: stagesOf(sums.stated),
        budgetStated: sums.budgetStated,
      })),
    results: activities.flatMap((activity) =>
      activity.results.map((result) => ({ activity: activity.identifier, result })),
    ),
    announced: announced.map((amount) =>
      checkAnnouncement(
        amount,
        activities.filter((a) => a.instruments.includes(amount.instrumentId)),
      ),
    ),
    common: rates === undefined ? null : commonCurrency(byYear, rates),
  };
}
