/**
 * Synthetic IATI activities for the IATI benchmark: deterministic (a seeded generator), shaped like
 * a trust fund's projects — two-language titles and descriptions, organisations, dates, a recipient
 * country, sectors, budgets, commitments, disbursements, expenditure and a result with an indicator.
 */
import type { IatiActivity } from '../src/domain/iati/model.ts';

const COUNTRIES = ['ML', 'NE', 'SN', 'MA', 'TN', 'EG', 'MR', 'GM', 'NG', 'ET'];
const THEMES: readonly (readonly [string, string])[] = [
  ['Gestion des migrations', 'Migration management'],
  ['Réintégration des migrants de retour', 'Reintegration of returning migrants'],
  ['Emploi des jeunes', 'Youth employment'],
  ['Gestion des frontières', 'Border management'],
  ['Protection des personnes déplacées', 'Protection of displaced people'],
];

/** A small deterministic generator (mulberry32), so every run writes the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Activity number `n` (paths are left empty: the writer does not write them, the reader sets them). */
export function syntheticActivity(n: number): IatiActivity {
  const next = random(n + 1);
  const country = COUNTRIES[n % COUNTRIES.length]!;
  const [fr, en] = THEMES[n % THEMES.length]!;
  const year = 2015 + (n % 8);
  const committed = Math.round(next() * 20_000_000) + 100_000;
  const disbursed = Math.round(committed * next() * 100) / 100;
  const spent = Math.round(disbursed * next() * 100) / 100;
  const value = (v: number, date: string) => ({
    value: v,
    currency: 'EUR',
    currencyInherited: true,
    valueDate: date,
  });
  return {
    identifier: `XI-IATI-BENCH-T05-${country}-${String(n).padStart(7, '0')}`,
    path: '',
    defaultCurrency: 'EUR',
    defaultLang: 'fr',
    lastUpdated: '2024-01-01T00:00:00Z',
    reportingOrg: {
      ref: 'XI-IATI-BENCH',
      type: '40',
      names: [
        { lang: null, text: 'Fonds fiduciaire d’exemple' },
        { lang: 'en', text: 'Example Trust Fund' },
      ],
      path: '',
    },
    titles: [
      { lang: null, text: `${fr} (${country}, projet ${n})` },
      { lang: 'en', text: `${en} (${country}, project ${n})` },
    ],
    descriptions: [
      {
        type: '1',
        narratives: [
          {
            lang: null,
            text: `Appui à la ${fr.toLowerCase()} dans le pays ${country}, phase ${(n % 3) + 1}.`,
          },
          { lang: 'en', text: `Support to ${en.toLowerCase()} in ${country}, phase ${(n % 3) + 1}.` },
        ],
        path: '',
      },
    ],
    status: String((n % 4) + 1),
    participatingOrgs: [
      {
        ref: 'XI-IATI-BENCH',
        type: '40',
        role: '1',
        names: [{ lang: 'en', text: 'Example Trust Fund' }],
        path: '',
      },
      { ref: null, type: '40', role: '4', names: [{ lang: 'en', text: `Implementer ${n % 50}` }], path: '' },
    ],
    dates: [
      { type: '1', isoDate: `${year}-01-15`, path: '' },
      { type: '3', isoDate: `${year + 3}-12-31`, path: '' },
    ],
    recipientCountries: [{ code: country, percentage: 100, path: '' }],
    sectors: [
      { vocabulary: '1', code: '15190', percentage: 70, path: '' },
      { vocabulary: '1', code: '16020', percentage: 30, path: '' },
    ],
    budgets: [
      {
        type: '1',
        status: '2',
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        ...value(committed, `${year}-01-01`),
        path: '',
      },
    ],
    transactions: [
      [2, `${year}-02-01`, committed],
      [3, `${year + 1}-06-30`, disbursed],
      [4, `${year + 2}-03-31`, spent],
    ].map(([type, date, amount]) => ({
      type: type as number,
      date: date as string,
      ...value(amount as number, date as string),
      description: [],
      providerOrg: null,
      receiverOrg: null,
      path: '',
    })),
    results: [
      {
        type: '1',
        title: [{ lang: 'en', text: 'People supported' }],
        indicators: [
          {
            measure: '1',
            ascending: true,
            title: [
              { lang: null, text: 'Personnes accompagnées' },
              { lang: 'en', text: 'People supported' },
            ],
            baseline: { year, isoDate: `${year}-01-01`, value: 0 },
            periods: [
              {
                start: `${year}-01-01`,
                end: `${year}-12-31`,
                target: 1000 + (n % 500),
                actual: Math.round(next() * 1500),
                path: '',
              },
            ],
            path: '',
          },
        ],
        path: '',
      },
    ],
  };
}
