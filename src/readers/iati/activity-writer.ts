/**
 * Writes IATI activity XML (standard 2.03) from activity records: the inverse of `activity.ts`, so
 * the importer reads a written file back to the same records (round-trip tested). Elements come in
 * the standard's order and in the order the record keeps them, so each value's element path is
 * the one it was read from (but for the activity's position in the file). Written as a stream, one
 * activity at a time: memory stays flat whatever the number of activities.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type {
  Budget,
  IatiActivity,
  IatiOrg,
  Indicator,
  Narrative,
  Result,
  Transaction,
} from '../../domain/iati/model.ts';

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/** A number as xsd:decimal: never in exponent form (1e21, 1e-7), which the reader refuses. */
export function decimalText(value: number): string {
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** ` name="value"` for each attribute that has a value (null and undefined are left out). */
function attrs(pairs: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeAttr(typeof value === 'number' ? decimalText(value) : value)}"`;
  }
  return out;
}

function narratives(list: readonly Narrative[], indent: string): string {
  return list
    .map((n) => `${indent}<narrative${attrs({ 'xml:lang': n.lang })}>${escapeText(n.text)}</narrative>\n`)
    .join('');
}

/** An element holding narratives: `<title>…</title>`, or `<title/>` when it has none. */
function withNarratives(name: string, extra: string, list: readonly Narrative[], indent: string): string {
  if (list.length === 0) return `${indent}<${name}${extra}/>\n`;
  return `${indent}<${name}${extra}>\n${narratives(list, `${indent}  `)}${indent}</${name}>\n`;
}

function org(name: string, value: IatiOrg, extra: Record<string, string | null>, indent: string): string {
  return withNarratives(name, attrs({ ref: value.ref, type: value.type, ...extra }), value.names, indent);
}

function valueElement(
  v: { value: number; currency: string; currencyInherited: boolean; valueDate: string | null },
  indent: string,
): string {
  const currency = v.currencyInherited ? null : v.currency;
  return `${indent}<value${attrs({ currency, 'value-date': v.valueDate })}>${decimalText(v.value)}</value>\n`;
}

function budget(b: Budget, i: string): string {
  return (
    `${i}<budget${attrs({ type: b.type, status: b.status })}>\n` +
    `${i}  <period-start iso-date="${b.periodStart}"/>\n` +
    `${i}  <period-end iso-date="${b.periodEnd}"/>\n` +
    valueElement(b, `${i}  `) +
    `${i}</budget>\n`
  );
}

function transaction(t: Transaction, i: string): string {
  const inner = `${i}  `;
  return (
    `${i}<transaction>\n` +
    `${inner}<transaction-type code="${t.type}"/>\n` +
    `${inner}<transaction-date iso-date="${t.date}"/>\n` +
    valueElement(t, inner) +
    (t.description.length > 0 ? withNarratives('description', '', t.description, inner) : '') +
    (t.providerOrg === null ? '' : org('provider-org', t.providerOrg, {}, inner)) +
    (t.receiverOrg === null ? '' : org('receiver-org', t.receiverOrg, {}, inner)) +
    `${i}</transaction>\n`
  );
}

function indicator(ind: Indicator, i: string): string {
  const inner = `${i}  `;
  const ascending = ind.ascending === null ? null : ind.ascending ? '1' : '0';
  const baseline =
    ind.baseline === null
      ? ''
      : `${inner}<baseline${attrs({ year: ind.baseline.year, 'iso-date': ind.baseline.isoDate, value: ind.baseline.value })}/>\n`;
  const periods = ind.periods
    .map(
      (p) =>
        `${inner}<period>\n` +
        `${inner}  <period-start iso-date="${p.start}"/>\n` +
        `${inner}  <period-end iso-date="${p.end}"/>\n` +
        (p.target === null ? '' : `${inner}  <target${attrs({ value: p.target })}/>\n`) +
        (p.actual === null ? '' : `${inner}  <actual${attrs({ value: p.actual })}/>\n`) +
        `${inner}</period>\n`,
    )
    .join('');
  return (
    `${i}<indicator${attrs({ measure: ind.measure, ascending })}>\n` +
    withNarratives('title', '', ind.title, inner) +
    baseline +
    periods +
    `${i}</indicator>\n`
  );
}

function result(r: Result, i: string): string {
  return (
    `${i}<result${attrs({ type: r.type })}>\n` +
    withNarratives('title', '', r.title, `${i}  `) +
    r.indicators.map((ind) => indicator(ind, `${i}  `)).join('') +
    `${i}</result>\n`
  );
}

/** One `<iati-activity>` element, indented for its place under `<iati-activities>`. */
export function activityXml(a: IatiActivity): string {
  const i = '    ';
  const head = attrs({
    'last-updated-datetime': a.lastUpdated,
    'xml:lang': a.defaultLang,
    'default-currency': a.defaultCurrency,
  });
  return (
    `  <iati-activity${head}>\n` +
    `${i}<iati-identifier>${escapeText(a.identifier)}</iati-identifier>\n` +
    (a.reportingOrg === null ? '' : org('reporting-org', a.reportingOrg, {}, i)) +
    withNarratives('title', '', a.titles, i) +
    a.descriptions
      .map((d) => withNarratives('description', attrs({ type: d.type }), d.narratives, i))
      .join('') +
    a.participatingOrgs.map((p) => org('participating-org', p, { role: p.role }, i)).join('') +
    (a.status === null ? '' : `${i}<activity-status code="${escapeAttr(a.status)}"/>\n`) +
    a.dates.map((d) => `${i}<activity-date${attrs({ type: d.type, 'iso-date': d.isoDate })}/>\n`).join('') +
    a.recipientCountries
      .map((c) => `${i}<recipient-country${attrs({ code: c.code, percentage: c.percentage })}/>\n`)
      .join('') +
    a.sectors
      .map(
        (s) =>
          `${i}<sector${attrs({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage })}/>\n`,
      )
      .join('') +
    a.budgets.map((b) => budget(b, i)).join('') +
    a.transactions.map((t) => transaction(t, i)).join('') +
    a.results.map((r) => result(r, i)).join('') +
    `  </iati-activity>\n`
  );
}

export const IATI_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n';
export const IATI_FOOTER = '</iati-activities>\n';

/**
 * Writes the activities to `file` as they come (waiting when the disk is slower), with no
 * generation time in the root, so the same activities always give the same bytes. `flag: 'wx'`
 * refuses an existing file. Returns how many activities were written.
 */
export async function writeIatiFile(
  file: string,
  activities: AsyncIterable<IatiActivity> | Iterable<IatiActivity>,
  options: { readonly overwrite?: boolean } = {},
): Promise<number> {
  const out = createWriteStream(file, { flags: options.overwrite === true ? 'w' : 'wx' });
  const failed = once(out, 'error').then(([error]) => {
    throw error as Error;
  });
  failed.catch(() => undefined);
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  let count = 0;
  try {
    await Promise.race([once(out, 'open'), failed]);
    await write(IATI_HEADER);
    for await (const activity of activities) {
      await write(activityXml(activity));
      count += 1;
    }
    await write(IATI_FOOTER);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
  return count;
}
