/**
 * IATI records ↔ table rows. Writing flattens an activity into its tables (positions as `seq`,
 * narratives as JSON); reading puts the same activity back together, so that what is exported as
 * IATI XML reads back identically.
 */
import type { Insertable, Selectable } from 'kysely';
import type { IatiActivity, IatiOrg, Narrative, Result } from '../../domain/iati/model.ts';
import type { Database } from '../schema.ts';

type Row<T extends keyof Database> = Insertable<Database[T]>;
type Stored<T extends keyof Database> = Selectable<Database[T]>;

export interface ActivityRows {
  readonly activity: Row<'iati_activities'>;
  readonly participating: Row<'iati_participating_orgs'>[];
  readonly dates: Row<'iati_activity_dates'>[];
  readonly countries: Row<'iati_recipient_countries'>[];
  readonly sectors: Row<'iati_sectors'>[];
  readonly budgets: Row<'iati_budgets'>[];
  readonly transactions: Row<'iati_transactions'>[];
  readonly results: Row<'iati_results'>[];
  readonly indicators: Row<'iati_indicators'>[];
  readonly periods: Row<'iati_indicator_periods'>[];
}

/** The child tables in the order they are written (parents first) and the keys of `ActivityRows`. */
export const CHILD_TABLES = [
  ['iati_participating_orgs', 'participating'],
  ['iati_activity_dates', 'dates'],
  ['iati_recipient_countries', 'countries'],
  ['iati_sectors', 'sectors'],
  ['iati_budgets', 'budgets'],
  ['iati_transactions', 'transactions'],
  ['iati_results', 'results'],
  ['iati_indicators', 'indicators'],
  ['iati_indicator_periods', 'periods'],
] as const;

const json = (value: unknown): string => JSON.stringify(value);
const orgJson = (org: IatiOrg | null): string | null =>
  org === null ? null : json({ ref: org.ref, type: org.type, names: org.names });

export function activityRows(activity: IatiActivity, fileId: string): ActivityRows {
  const id = activity.identifier;
  const results: Row<'iati_results'>[] = [];
  const indicators: Row<'iati_indicators'>[] = [];
  const periods: Row<'iati_indicator_periods'>[] = [];
  activity.results.forEach((result, r) => {
    results.push({
      activity_id: id,
      seq: r + 1,
      path: result.path,
      type: result.type,
      title: json(result.title),
    });
    result.indicators.forEach((indicator, i) => {
      indicators.push({
        activity_id: id,
        result_seq: r + 1,
        seq: i + 1,
        path: indicator.path,
        measure: indicator.measure,
        ascending: indicator.ascending === null ? null : indicator.ascending ? 1 : 0,
        title: json(indicator.title),
        has_baseline: indicator.baseline === null ? 0 : 1,
        baseline_year: indicator.baseline?.year ?? null,
        baseline_date: indicator.baseline?.isoDate ?? null,
        baseline_value: indicator.baseline?.value ?? null,
      });
      indicator.periods.forEach((period, p) => {
        periods.push({
          activity_id: id,
          result_seq: r + 1,
          indicator_seq: i + 1,
          seq: p + 1,
          path: period.path,
          period_start: period.start,
          period_end: period.end,
          target: period.target,
          actual: period.actual,
        });
      });
    });
  });
  return {
    activity: {
      id,
      file_id: fileId,
      path: activity.path,
      default_currency: activity.defaultCurrency,
      default_lang: activity.defaultLang,
      last_updated: activity.lastUpdated,
      status: activity.status,
      reporting_org_ref: activity.reportingOrg?.ref ?? null,
      reporting_org_type: activity.reportingOrg?.type ?? null,
      reporting_org_names: activity.reportingOrg === null ? null : json(activity.reportingOrg.names),
      reporting_org_path: activity.reportingOrg?.path ?? null,
      titles: json(activity.titles),
      descriptions: json(activity.descriptions),
    },
    participating: activity.participatingOrgs.map((org, i) => ({
      activity_id: id,
      seq: i + 1,
      path: org.path,
      role: org.role,
      ref: org.ref,
      type: org.type,
      names: json(org.names),
    })),
    dates: activity.dates.map((date, i) => ({
      activity_id: id,
      seq: i + 1,
      path: date.path,
      type: date.type,
      iso_date: date.isoDate,
    })),
    countries: activity.recipientCountries.map((country, i) => ({
      activity_id: id,
      seq: i + 1,
      path: country.path,
      code: country.code,
      percentage: country.percentage,
    })),
    sectors: activity.sectors.map((sector, i) => ({
      activity_id: id,
      seq: i + 1,
      path: sector.path,
      vocabulary: sector.vocabulary,
      code: sector.code,
      percentage: sector.percentage,
    })),
    budgets: activity.budgets.map((budget, i) => ({
      activity_id: id,
      seq: i + 1,
      path: budget.path,
      type: budget.type,
      status: budget.status,
      period_start: budget.periodStart,
      period_end: budget.periodEnd,
      value: budget.value,
      currency: budget.currency,
      currency_inherited: budget.currencyInherited ? 1 : 0,
      value_date: budget.valueDate,
    })),
    transactions: activity.transactions.map((t, i) => ({
      activity_id: id,
      seq: i + 1,
      path: t.path,
      type: t.type,
      date: t.date,
      value: t.value,
      currency: t.currency,
      currency_inherited: t.currencyInherited ? 1 : 0,
      value_date: t.valueDate,
      description: json(t.description),
      provider_org: orgJson(t.providerOrg),
      receiver_org: orgJson(t.receiverOrg),
    })),
    results,
    indicators,
    periods,
  };
}

export interface StoredChildren {
  readonly participating: Stored<'iati_participating_orgs'>[];
  readonly dates: Stored<'iati_activity_dates'>[];
  readonly countries: Stored<'iati_recipient_countries'>[];
  readonly sectors: Stored<'iati_sectors'>[];
  readonly budgets: Stored<'iati_budgets'>[];
  readonly transactions: Stored<'iati_transactions'>[];
  readonly results: Stored<'iati_results'>[];
  readonly indicators: Stored<'iati_indicators'>[];
  readonly periods: Stored<'iati_indicator_periods'>[];
}

const narrativesOf = (text: string | null): Narrative[] =>
  text === null ? [] : (JSON.parse(text) as Narrative[]);
const orgOf = (text: string | null): IatiOrg | null => (text === null ? null : (JSON.parse(text) as IatiOrg));
const bySeq = <T extends { seq: number }>(rows: T[]): T[] => [...rows].sort((a, b) => a.seq - b.seq);

/** Puts one activity back together from its rows (children already filtered to this activity). */
export function activityFromRows(row: Stored<'iati_activities'>, children: StoredChildren): IatiActivity {
  const results: Result[] = bySeq(children.results).map((result) => ({
    type: result.type,
    title: narrativesOf(result.title),
    path: result.path,
    indicators: bySeq(children.indicators.filter((i) => i.result_seq === result.seq)).map((indicator) => ({
      measure: indicator.measure,
      ascending: indicator.ascending === null ? null : indicator.ascending === 1,
      title: narrativesOf(indicator.title),
      baseline:
        indicator.has_baseline === 1
          ? {
              year: indicator.baseline_year,
              isoDate: indicator.baseline_date,
              value: indicator.baseline_value,
            }
          : null,
      path: indicator.path,
      periods: bySeq(
        children.periods.filter((p) => p.result_seq === result.seq && p.indicator_seq === indicator.seq),
      ).map((p) => ({
        start: p.period_start,
        end: p.period_end,
        target: p.target,
        actual: p.actual,
        path: p.path,
      })),
    })),
  }));
  return {
    identifier: row.id,
    path: row.path,
    defaultCurrency: row.default_currency,
    defaultLang: row.default_lang,
    lastUpdated: row.last_updated,
    reportingOrg:
      row.reporting_org_path === null
        ? null
        : {
            ref: row.reporting_org_ref,
            type: row.reporting_org_type,
            names: narrativesOf(row.reporting_org_names),
            path: row.reporting_org_path,
          },
    titles: narrativesOf(row.titles),
    descriptions: JSON.parse(row.descriptions) as IatiActivity['descriptions'],
    status: row.status,
    participatingOrgs: bySeq(children.participating).map((o) => ({
      ref: o.ref,
      type: o.type,
      names: narrativesOf(o.names),
      role: o.role,
      path: o.path,
    })),
    dates: bySeq(children.dates).map((d) => ({ type: d.type, isoDate: d.iso_date, path: d.path })),
    recipientCountries: bySeq(children.countries).map((c) => ({
      code: c.code,
      percentage: c.percentage,
      path: c.path,
    })),
    sectors: bySeq(children.sectors).map((s) => ({
      vocabulary: s.vocabulary,
      code: s.code,
      percentage: s.percentage,
      path: s.path,
    })),
    budgets: bySeq(children.budgets).map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.period_start,
      periodEnd: b.period_end,
      value: b.value,
      currency: b.currency,
      currencyInherited: b.currency_inherited === 1,
      valueDate: b.value_date,
      path: b.path,
    })),
    transactions: bySeq(children.transactions).map((t) => ({
      type: t.type,
      date: t.date,
      value: t.value,
      currency: t.currency,
      currencyInherited: t.currency_inherited === 1,
      valueDate: t.value_date,
      description: narrativesOf(t.description),
      providerOrg: orgOf(t.provider_org),
      receiverOrg: orgOf(t.receiver_org),
      path: t.path,
    })),
    results,
  };
}
