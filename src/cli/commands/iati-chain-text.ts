/** The money chain as terminal lines, in the chosen language; "not stated" where there is no data. */
import type { FundingChain, StageAmounts } from '../../domain/iati/chain.ts';
import type { ChainStage } from '../../domain/iati/codes.ts';
import { narrativeIn } from '../../domain/iati/model.ts';
import type { Language } from '../../domain/model.ts';
import { formatMoney } from '../../web/format.ts';
import { oneLine } from '../output.ts';

const WORDS = {
  en: {
    none: 'No IATI activity in scope: committed, disbursed and spent not stated.',
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
    via: { cited: 'cited', matched: 'match confirmed', manual: 'linked by hand', country: 'recipient' },
    colon: ':',
  },
  fr: {
    none: 'Aucune activité IATI : engagé, décaissé et dépensé non précisés.',
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
    via: { cited: 'cité', matched: 'rapprochement confirmé', manual: 'lien manuel', country: 'bénéficiaire' },
    colon: ' :',
  },
} as const;

type Stated = StageAmounts & { readonly stated: readonly ChainStage[]; readonly currency?: string };

/** "N activities" with the right number. */
const activityCount = (n: number, lang: Language): string =>
  lang === 'fr' ? `${n} activité${n > 1 ? 's' : ''}` : `${n} activit${n === 1 ? 'y' : 'ies'}`;

export function chainLines(chain: FundingChain, lang: Language): string[] {
  const w = WORDS[lang];
  const money = (value: number, currency: string) => formatMoney(value, currency, lang);
  const notStated = lang === 'fr' ? 'non précisé' : 'not stated';
  const stage = (row: Stated, s: ChainStage, currency = row.currency ?? '') =>
    row.stated.includes(s) ? money(row[s], currency) : notStated;
  if (chain.activities.length === 0 && chain.announced.length === 0) return [w.none];
  const lines = [`${activityCount(chain.activities.length, lang)}${w.colon}`];
  for (const a of chain.activities) {
    const via = w.via[a.via as keyof typeof w.via] ?? a.via;
    lines.push(`  ${a.identifier}  ${oneLine(narrativeIn(a.titles, lang) ?? '—')}  [${via}]`);
  }
  for (const row of chain.byYear) {
    lines.push(
      `${w.year} ${row.year}  ${w.committed} ${stage(row, 'committed')}, ${w.disbursed} ${stage(row, 'disbursed')}, ${w.spent} ${stage(row, 'spent')}`,
    );
  }
  for (const t of chain.totals) {
    lines.push(
      `${w.total} ${t.currency}  ${w.committed} ${stage(t, 'committed')}, ${w.disbursed} ${stage(t, 'disbursed')}, ${w.spent} ${stage(t, 'spent')}, ${w.budget} ${t.budgetStated ? money(t.budget, t.currency) : notStated}`,
    );
  }
  if (chain.common !== null) {
    const c = chain.common;
    lines.push(
      `${w.common} ${c.currency} ${w.with} ${oneLine(c.source)}${w.colon} ${w.committed} ${stage(c.total, 'committed', c.currency)}, ${w.disbursed} ${stage(c.total, 'disbursed', c.currency)}, ${w.spent} ${stage(c.total, 'spent', c.currency)}`,
    );
    if (c.missing.length > 0) lines.push(`  ${w.missing}${w.colon} ${c.missing.join(', ')}`);
  }
  for (const check of chain.announced) {
    const a = check.announced;
    lines.push(
      `${w.announced} ${money(a.value, a.currency)} (${a.instrumentId}, "${oneLine(a.quote)}") → ${w.matched[check.matchedTo]}${w.colon} ${w.committed} ${money(check.committed, a.currency)}, ${w.gap} ${money(check.gap, a.currency)}`,
    );
  }
  return lines;
}
