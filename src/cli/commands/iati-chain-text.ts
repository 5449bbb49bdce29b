/** The money chain as terminal lines, in the chosen language; "not stated" where there is no data. */
import type { FundingChain } from '../../domain/iati/chain.ts';
import { narrativeIn } from '../../domain/iati/model.ts';
import type { Language } from '../../domain/model.ts';
import { formatMoney } from '../../web/format.ts';
import { oneLine } from '../output.ts';

const WORDS = {
  en: {
    none: 'No IATI activity in scope: committed, disbursed and spent not stated.',
    activities: 'activities',
    year: 'year',
    committed: 'committed',
    disbursed: 'disbursed',
    spent: 'spent',
    budget: 'budget',
    total: 'total',
    common: 'converted into',
    with: 'with the rates of',
    missing: 'no rate (left out)',
    announced: 'announced',
    gap: 'gap',
    matched: { activity: 'one activity', activities: 'the activities together', none: 'no activity' },
  },
  fr: {
    none: 'Aucune activité IATI : engagé, décaissé et dépensé non indiqués.',
    activities: 'activités',
    year: 'année',
    committed: 'engagé',
    disbursed: 'décaissé',
    spent: 'dépensé',
    budget: 'budget',
    total: 'total',
    common: 'converti en',
    with: 'aux taux de',
    missing: 'sans taux (exclu)',
    announced: 'annoncé',
    gap: 'écart',
    matched: { activity: 'une activité', activities: 'les activités ensemble', none: 'aucune activité' },
  },
} as const;

export function chainLines(chain: FundingChain, lang: Language): string[] {
  const w = WORDS[lang];
  const money = (value: number, currency: string) => formatMoney(value, currency, lang);
  if (chain.activities.length === 0 && chain.announced.length === 0) return [w.none];
  const lines = [`${chain.activities.length} ${w.activities}:`];
  for (const a of chain.activities) {
    lines.push(`  ${a.identifier}  ${oneLine(narrativeIn(a.titles, lang) ?? '—')}  [${a.via}]`);
  }
  for (const row of chain.byYear) {
    lines.push(
      `${w.year} ${row.year}  ${w.committed} ${money(row.committed, row.currency)}, ${w.disbursed} ${money(row.disbursed, row.currency)}, ${w.spent} ${money(row.spent, row.currency)}`,
    );
  }
  for (const t of chain.totals) {
    lines.push(
      `${w.total} ${t.currency}  ${w.committed} ${money(t.committed, t.currency)}, ${w.disbursed} ${money(t.disbursed, t.currency)}, ${w.spent} ${money(t.spent, t.currency)}, ${w.budget} ${money(t.budget, t.currency)}`,
    );
  }
  if (chain.common !== null) {
    const c = chain.common;
    lines.push(
      `${w.common} ${c.currency} ${w.with} ${oneLine(c.source)}: ${w.committed} ${money(c.total.committed, c.currency)}, ${w.disbursed} ${money(c.total.disbursed, c.currency)}, ${w.spent} ${money(c.total.spent, c.currency)}`,
    );
    if (c.missing.length > 0) lines.push(`  ${w.missing}: ${c.missing.join(', ')}`);
  }
  for (const check of chain.announced) {
    const a = check.announced;
    lines.push(
      `${w.announced} ${money(a.value, a.currency)} (${a.instrumentId}, "${oneLine(a.quote)}") → ${w.matched[check.matchedTo]}: ${w.committed} ${money(check.committed, a.currency)}, ${w.gap} ${money(check.gap, a.currency)}`,
    );
  }
  return lines;
}
