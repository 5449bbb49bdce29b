/**
 * Words the money rules read: currency signs, codes and names (French and English) with their
 * ISO 4217 code, scale words ("millions", "bn", "Mio.", "M"), and the hedges that make a sum
 * approximate ("more than", "près de").
 */

/** Signs and codes written before a number: "€ 7.4 billion", "USD 578 million", "US$ 3m". */
const PREFIX_CURRENCIES: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['U.S.$', 'USD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['NZ$', 'NZD'],
  ['€', 'EUR'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['FCFA', 'XOF'],
];

/** ISO 4217 codes read wherever written ("EUR 200 million", "10 MEUR", "5 000 CHF"). */
const ISO_CODES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'CNY',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'TRY',
  'XOF',
  'XAF',
  'MAD',
  'TND',
  'DZD',
  'EGP',
  'NGN',
  'GHS',
  'KES',
  'ETB',
  'SDG',
  'LYD',
  'MRU',
  'GMD',
  'GNF',
  'SLL',
  'LBP',
  'JOD',
  'INR',
  'PKR',
  'BDT',
  'AFN',
  'IQD',
  'UAH',
  'GEL',
  'MDL',
  'RSD',
  'ALL',
  'MKD',
  'BAM',
  'ZAR',
] as const;

/**
 * Names written after a number, lower case: "millions d'euros", "5 milliards de dollars",
 * "francs CFA". Longer names first so "dollars canadiens" wins over "dollars".
 */
const NAME_CURRENCIES: readonly (readonly [string, string])[] = [
  ['dollars américains', 'USD'],
  ['dollars des états-unis', 'USD'],
  ['dollars us', 'USD'],
  ['us dollars', 'USD'],
  ['u.s. dollars', 'USD'],
  ['dollars canadiens', 'CAD'],
  ['canadian dollars', 'CAD'],
  ['dollars australiens', 'AUD'],
  ['australian dollars', 'AUD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['francs cfa', 'XOF'],
  ['franc cfa', 'XOF'],
  ['f cfa', 'XOF'],
  ['fcfa', 'XOF'],
  ['francs suisses', 'CHF'],
  ['swiss francs', 'CHF'],
  ['livres sterling', 'GBP'],
  ['livre sterling', 'GBP'],
  ['pounds sterling', 'GBP'],
  ['pounds', 'GBP'],
  ['pound', 'GBP'],
  ['dirhams', 'MAD'],
  ['dirham', 'MAD'],
  ['dinars tunisiens', 'TND'],
  ['tunisian dinars', 'TND'],
  ['yens', 'JPY'],
  ['yen', 'JPY'],
  ['us$', 'USD'],
  ['€', 'EUR'],
  ['$', 'USD'],
  ['£', 'GBP'],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const byLength = (a: string, b: string): number => b.length - a.length;
const flexibleSpaces = (s: string): string => escape(s).replace(/ /gu, '\\s+');

const CODE_BY_SURFACE: ReadonlyMap<string, string> = new Map([
  ...PREFIX_CURRENCIES.map(([s, c]) => [s.toLowerCase(), c] as const),
  ...ISO_CODES.map((c) => [c.toLowerCase(), c] as const),
  ...NAME_CURRENCIES,
]);

/**
 * The units a currency written before a number starts with, as the body of a character class: a
 * sum starts with one of them or a digit, so the amount pattern leaves every other place at once.
 */
export const PREFIX_CURRENCY_FIRST_UNITS: string = [
  ...new Set([...PREFIX_CURRENCIES.map(([s]) => s), ...ISO_CODES].map((s) => s.charAt(0))),
]
  .map((unit) => unit.replace(/[\\\]^-]/gu, '\\$&'))
  .join('');

/** Regex source of a currency before a number (signs, then upper-case ISO codes). */
export const PREFIX_CURRENCY_SOURCE: string = [
  ...[...PREFIX_CURRENCIES.map(([s]) => s)].sort(byLength).map(escape),
  `(?:${ISO_CODES.join('|')})(?![\\p{L}-])`,
].join('|');

/** Regex source of a currency after a number or a scale: names, signs and ISO codes. */
export const SUFFIX_CURRENCY_SOURCE: string = [
  `(?:${[...NAME_CURRENCIES.map(([s]) => s)].sort(byLength).map(flexibleSpaces).join('|')})(?![\\p{L}])`,
  `(?:${ISO_CODES.join('|')})(?![\\p{L}])`,
].join('|');

/** Central African CFA franc context: the XAF franc, not the West African XOF. */
const CEMAC =
  /CEMAC|BEAC|Afrique\s+centrale|Central\s+Africa|Cameroun|Cameroon|Gabon|Tchad|Chad|Congo|Guinée\s+équatoriale|Equatorial\s+Guinea|Centrafrique|Central\s+African\s+Republic/iu;

/**
 * ISO 4217 code of a currency as written, or null. ISO codes count only in upper case ("EUR", not
 * "eur"), names in any case. `around` is nearby text, read to tell the Central African CFA franc.
 */
export function currencyOf(surface: string, around: string): string | null {
  const compact = surface.replace(/\s+/gu, ' ').trim();
  const lower = compact.toLowerCase();
  const code = CODE_BY_SURFACE.get(lower);
  if (code === undefined) return null;
  if (/^[a-z]{3}$/u.test(lower) && compact !== compact.toUpperCase()) return null;
  if (code === 'XOF' && CEMAC.test(around)) return 'XAF';
  return code;
}

/** Scale word → power of ten. French "billion" is 10¹², as French writes it. */
export function scaleOf(word: string, language: 'fr' | 'en'): number | null {
  const w = word.replace(/\.$/u, '');
  if (w === 'M' || w === 'm') return 6;
  if (w === 'k' || w === 'K') return 3;
  if (w === 'b') return 9;
  const lower = w.toLowerCase();
  if (/^(?:thousand|mille|milliers?)$/u.test(lower)) return 3;
  if (/^(?:millions?|mio|mln|mn)$/u.test(lower)) return 6;
  if (/^(?:milliards?|mds?|mrds?|md|bn)$/u.test(lower)) return 9;
  if (/^billions?$/u.test(lower)) return language === 'fr' ? 12 : 9;
  if (/^trillions?$/u.test(lower)) return language === 'fr' ? 18 : 12;
  return null;
}

/** Regex source of a scale word after a number: "millions", "bn", "Mio.", "M" (as in "2,5 M€"). */
export const SCALE_SOURCE =
  '(?:thousand|mille|milliers?|millions?|milliards?|billions?|trillions?|mln|mio\\.?|mrds?\\.?|mds?|mn|bn|[kKmMb])(?![\\p{L}])|(?:Mds?|Mrd|M|k|K)(?=(?:EUR|USD|CHF|GBP)(?![\\p{L}]))';

/** Scales that make a bare number money in a sentence about money: "(pour 53.6 M)", "(91.5 M)". */
export const MONEY_SCALE = /^(?:M|Mio\.?|mio\.?|millions?|milliards?|billions?|bn|mn|Mds?|Mrds?\.?)$/u;

/** Hedges just before a sum: it is approximate ("more than € 210 million", "près de 5 M€"). */
export const APPROXIMATE_BEFORE =
  /(?:\b(?:more|less|fewer)\s+than|\bover|\bunder|\babout|\baround|\bapproximately|\bnearly|\balmost|\bup\s+to|\bsome|\bat\s+least|\broughly|\ban\s+estimated|\bestimated\s+at|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\benviron|\bquelque|\bjusqu['’]à|\bau\s+moins|\bau-delà\s+de|\bd['’]environ|\bapproximativement|[~≈±])\s*$/iu;
