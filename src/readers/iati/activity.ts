/**
 * One `iati-activity` element tree → an IatiActivity record, then checked with zod. Numbers and
 * dates must read as the standard writes them (xsd:decimal, xsd:date): anything else is refused
 * with the element path, never guessed. A value without a currency takes the activity's
 * `default-currency`, and says so.
 */
import { z } from 'zod';
import type {
  Budget,
  IatiActivity,
  IatiOrg,
  Indicator,
  IndicatorPeriod,
  Narrative,
  Result,
  Transaction,
} from '../../domain/iati/model.ts';
import type { XmlElement } from './xml-stream.ts';

/** A record that does not say what the standard requires; the message names the element path. */
export class IatiRecordError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const child = (el: XmlElement, name: string): XmlElement | undefined =>
  el.children.find((c) => c.name === name);
const childrenOf = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);
const attr = (el: XmlElement | undefined, name: string): string | null => {
  const value = el?.attrs[name]?.trim();
  return value === undefined || value === '' ? null : value;
};

function narratives(el: XmlElement | undefined): Narrative[] {
  if (el === undefined) return [];
  return childrenOf(el, 'narrative')
    .map((n) => ({ lang: attr(n, 'xml:lang'), text: n.text.trim().replace(/\s+/g, ' ') }))
    .filter((n) => n.text !== '');
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function decimal(text: string, path: string): number {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) {
    throw new IatiRecordError(
      path,
      `unreadable number ${JSON.stringify(trimmed.slice(0, 40))} (expected digits with a "." decimal point)`,
    );
  }
  return Number(trimmed);
}

function optionalDecimal(text: string | null, path: string): number | null {
  return text === null ? null : decimal(text, path);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

function isoDate(value: string | null, path: string): string {
  if (value === null) throw new IatiRecordError(path, 'missing iso-date');
  const match = ISO_DATE.exec(value);
  const day = match === null ? null : new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  if (
    match === null ||
    day === null ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== value.slice(0, 10)
  ) {
    throw new IatiRecordError(
      path,
      `unreadable date ${JSON.stringify(value.slice(0, 40))} (expected YYYY-MM-DD)`,
    );
  }
  return value.slice(0, 10);
}

function required(el: XmlElement | undefined, parent: XmlElement, name: string): XmlElement {
  if (el === undefined) throw new IatiRecordError(parent.path, `missing ${name}`);
  return el;
}

function org(el: XmlElement | undefined): IatiOrg | null {
  if (el === undefined) return null;
  return { ref: attr(el, 'ref'), type: attr(el, 'type'), names: narratives(el) };
}

function money(el: XmlElement, defaultCurrency: string | null) {
  const own = attr(el, 'currency');
  const currency = own ?? defaultCurrency;
  if (currency === null) {
    throw new IatiRecordError(
      el.path,
      'no currency (neither a currency attribute nor the activity’s default-currency)',
    );
  }
  return {
    value: decimal(el.text, el.path),
    currency,
    currencyInherited: own === null,
    valueDate:
      attr(el, 'value-date') === null ? null : isoDate(attr(el, 'value-date'), `${el.path}/@value-date`),
  };
}

function budget(el: XmlElement, defaultCurrency: string | null): Budget {
  const start = required(child(el, 'period-start'), el, 'period-start');
  const end = required(child(el, 'period-end'), el, 'period-end');
  return {
    type: attr(el, 'type'),
    status: attr(el, 'status'),
    periodStart: isoDate(attr(start, 'iso-date'), start.path),
    periodEnd: isoDate(attr(end, 'iso-date'), end.path),
    ...money(required(child(el, 'value'), el, 'value'), defaultCurrency),
    path: el.path,
  };
}

function transaction(el: XmlElement, defaultCurrency: string | null): Transaction {
  const type = required(child(el, 'transaction-type'), el, 'transaction-type');
  const code = attr(type, 'code');
  if (code === null || !/^(1[0-3]|[1-9])$/.test(code)) {
    throw new IatiRecordError(
      type.path,
      `transaction-type code ${JSON.stringify(code ?? '')} is not one of 1–13`,
    );
  }
  const date = required(child(el, 'transaction-date'), el, 'transaction-date');
  return {
    type: Number(code),
    date: isoDate(attr(date, 'iso-date'), date.path),
    ...money(required(child(el, 'value'), el, 'value'), defaultCurrency),
    description: narratives(child(el, 'description')),
    providerOrg: org(child(el, 'provider-org')),
    receiverOrg: org(child(el, 'receiver-org')),
    path: el.path,
  };
}

function period(el: XmlElement): IndicatorPeriod {
  const start = required(child(el, 'period-start'), el, 'period-start');
  const end = required(child(el, 'period-end'), el, 'period-end');
  // 2.03 allows several targets and actuals (by dimension or location); the first is the headline.
  const target = child(el, 'target');
  const actual = child(el, 'actual');
  return {
    start: isoDate(attr(start, 'iso-date'), start.path),
    end: isoDate(attr(end, 'iso-date'), end.path),
    target: target === undefined ? null : optionalDecimal(attr(target, 'value'), `${target.path}/@value`),
    actual: actual === undefined ? null : optionalDecimal(attr(actual, 'value'), `${actual.path}/@value`),
    path: el.path,
  };
}

function indicator(el: XmlElement): Indicator {
  const baseline = child(el, 'baseline');
  const ascending = attr(el, 'ascending');
  const year = attr(baseline, 'year');
  return {
    measure: attr(el, 'measure') ?? '1',
    ascending: ascending === null ? null : ascending === '1' || ascending === 'true',
    title: narratives(child(el, 'title')),
    baseline:
      baseline === undefined
        ? null
        : {
            year: year === null ? null : Math.trunc(decimal(year, `${baseline.path}/@year`)),
            isoDate:
              attr(baseline, 'iso-date') === null
                ? null
                : isoDate(attr(baseline, 'iso-date'), `${baseline.path}/@iso-date`),
            value: optionalDecimal(attr(baseline, 'value'), `${baseline.path}/@value`),
          },
    periods: childrenOf(el, 'period').map(period),
    path: el.path,
  };
}

function result(el: XmlElement): Result {
  return {
    type: attr(el, 'type') ?? '9',
    title: narratives(child(el, 'title')),
    indicators: childrenOf(el, 'indicator').map(indicator),
    path: el.path,
  };
}

/** Maps an activity tree to a record; throws IatiRecordError naming the element at fault. */
export function activityFromXml(el: XmlElement): IatiActivity {
  const identifierEl = child(el, 'iati-identifier');
  const identifier = identifierEl?.text.trim() ?? '';
  if (identifier === '') throw new IatiRecordError(el.path, 'missing iati-identifier');
  const defaultCurrency = attr(el, 'default-currency');
  const reporting = child(el, 'reporting-org');
  return {
    identifier,
    path: el.path,
    defaultCurrency,
    defaultLang: attr(el, 'xml:lang'),
    lastUpdated: attr(el, 'last-updated-datetime'),
    reportingOrg: reporting === undefined ? null : { ...org(reporting)!, path: reporting.path },
    titles: narratives(child(el, 'title')),
    descriptions: childrenOf(el, 'description').map((d) => ({
      type: attr(d, 'type'),
      narratives: narratives(d),
      path: d.path,
    })),
    status: attr(child(el, 'activity-status'), 'code'),
    participatingOrgs: childrenOf(el, 'participating-org').map((p) => {
      const role = attr(p, 'role');
      if (role === null) throw new IatiRecordError(p.path, 'participating-org without a role');
      return { ...org(p)!, role, path: p.path };
    }),
    dates: childrenOf(el, 'activity-date').map((d) => ({
      type: attr(d, 'type') ?? '',
      isoDate: isoDate(attr(d, 'iso-date'), d.path),
      path: d.path,
    })),
    recipientCountries: childrenOf(el, 'recipient-country').map((c) => ({
      code: (attr(c, 'code') ?? '').toUpperCase(),
      percentage: optionalDecimal(attr(c, 'percentage'), `${c.path}/@percentage`),
      path: c.path,
    })),
    sectors: childrenOf(el, 'sector').map((s) => ({
      vocabulary: attr(s, 'vocabulary') ?? '1',
      code: attr(s, 'code') ?? '',
      percentage: optionalDecimal(attr(s, 'percentage'), `${s.path}/@percentage`),
      path: s.path,
    })),
    budgets: childrenOf(el, 'budget').map((b) => budget(b, defaultCurrency)),
    transactions: childrenOf(el, 'transaction').map((t) => transaction(t, defaultCurrency)),
    results: childrenOf(el, 'result').map(result),
  };
}

// The boundary check on the mapped record: codes the atlas keys on must have their shape.
const Path = z.string().startsWith('/');
const NarrativeSchema = z.object({ lang: z.string().nullable(), text: z.string().min(1) });
const Currency = z.string().regex(/^[A-Z]{3}$/, 'a currency code (three capitals, ISO 4217)');
const Value = {
  value: z.number().finite(),
  currency: Currency,
  currencyInherited: z.boolean(),
  valueDate: z.string().nullable(),
};
const Org = { ref: z.string().nullable(), type: z.string().nullable(), names: z.array(NarrativeSchema) };

export const IatiActivitySchema = z.object({
  identifier: z.string().min(1).max(500),
  path: Path,
  defaultCurrency: Currency.nullable(),
  defaultLang: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  reportingOrg: z.object({ ...Org, path: Path }).nullable(),
  titles: z.array(NarrativeSchema),
  descriptions: z.array(
    z.object({ type: z.string().nullable(), narratives: z.array(NarrativeSchema), path: Path }),
  ),
  status: z
    .string()
    .regex(/^[1-6]$/, 'an activity-status code 1–6')
    .nullable(),
  participatingOrgs: z.array(
    z.object({ ...Org, role: z.string().regex(/^[1-4]$/, 'a role code 1–4'), path: Path }),
  ),
  dates: z.array(
    z.object({
      type: z.string().regex(/^[1-4]$/, 'an activity-date type 1–4'),
      isoDate: z.string(),
      path: Path,
    }),
  ),
  recipientCountries: z.array(
    z.object({
      code: z.string().regex(/^[A-Z]{2}$/, 'a country code (ISO 3166-1 alpha-2)'),
      percentage: z.number().nullable(),
      path: Path,
    }),
  ),
  sectors: z.array(
    z.object({
      vocabulary: z.string(),
      code: z.string().min(1, 'a sector code'),
      percentage: z.number().nullable(),
      path: Path,
    }),
  ),
  budgets: z.array(
    z.object({
      ...Value,
      type: z.string().nullable(),
      status: z.string().nullable(),
      periodStart: z.string(),
      periodEnd: z.string(),
      path: Path,
    }),
  ),
  transactions: z.array(
    z.object({
      ...Value,
      type: z.number().int().min(1).max(13),
      date: z.string(),
      description: z.array(NarrativeSchema),
      providerOrg: z.object(Org).nullable(),
      receiverOrg: z.object(Org).nullable(),
      path: Path,
    }),
  ),
  results: z.array(z.any()),
});

/** The zod check; the first issue becomes an IatiRecordError at the element it concerns. */
export function checkActivity(activity: IatiActivity): IatiActivity {
  const parsed = IatiActivitySchema.safeParse(activity);
  if (parsed.success) return activity;
  const issue = parsed.error.issues[0]!;
  // The issue's path leads into the record; the nearest object with a `path` names the element.
  let at: unknown = activity;
  let where = activity.path;
  for (const key of issue.path) {
    at = (at as Record<PropertyKey, unknown>)[key];
    const own = (at as { path?: unknown } | undefined)?.path;
    if (typeof own === 'string') where = own;
  }
  const field = String(issue.path[issue.path.length - 1] ?? '');
  throw new IatiRecordError(where, `${field}: ${issue.message}`);
}
