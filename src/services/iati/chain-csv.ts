/**
 * The money chain as one CSV table, for the API's download and `mda iati chain --csv`: a `section`
 * column says what each row is — `year` (committed, disbursed, spent in one original currency),
 * `total` (per currency, with the budget), `common` (converted with the user's rate table, named in
 * `converted_with`) and `announced` (an amount a document states, what the activities committed in
 * that currency, and the gap). Numbers are plain (no thousands separators), dates ISO; a stage no transaction reports is an empty cell
 * (not stated), never 0.
 */
import { stringify } from 'csv-stringify/sync';
import type { FundingChain, StageAmounts } from '../../domain/iati/chain.ts';
import type { ChainStage } from '../../domain/iati/codes.ts';

const COLUMNS = [
  'section',
  'year',
  'currency',
  'committed',
  'disbursed',
  'spent',
  'budget',
  'announced',
  'gap',
  'matched_to',
  'activities',
  'instrument_id',
  'document_id',
  'quote',
  'converted_with',
] as const;

type Row = Partial<Record<(typeof COLUMNS)[number], string | number>>;

/** A cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text. */
const safe = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** A stage no transaction reports is an empty cell ("not stated"), never a 0. */
function stages(row: StageAmounts & { readonly stated: readonly ChainStage[] }): Row {
  const cell = (stage: ChainStage) => (row.stated.includes(stage) ? row[stage] : '');
  return { committed: cell('committed'), disbursed: cell('disbursed'), spent: cell('spent') };
}

export function chainCsv(chain: FundingChain): string {
  const rows: Row[] = [
    ...chain.byYear.map((r): Row => ({ section: 'year', year: r.year, currency: r.currency, ...stages(r) })),
    ...chain.totals.map((r): Row => ({
      section: 'total',
      currency: r.currency,
      ...stages(r),
      budget: r.budgetStated ? r.budget : '',
    })),
    ...(chain.common === null
      ? []
      : [
          ...chain.common.byYear.map((r): Row => ({
            section: 'common',
            year: r.year,
            currency: chain.common!.currency,
            ...stages(r),
            converted_with: chain.common!.source,
          })),
          {
            section: 'common',
            currency: chain.common.currency,
            ...stages(chain.common.total),
            converted_with: chain.common.source,
          },
        ]),
    ...chain.announced.map((check): Row => ({
      section: 'announced',
      currency: check.announced.currency,
      committed: check.committed,
      disbursed: check.disbursed,
      announced: check.announced.value,
      gap: check.gap,
      matched_to: check.matchedTo,
      activities: check.activities.join(' '),
      instrument_id: check.announced.instrumentId,
      document_id: check.announced.documentId,
      quote: safe(check.announced.quote),
    })),
  ];
  return stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: '\r\n' });
}
