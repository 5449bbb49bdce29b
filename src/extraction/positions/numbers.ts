/**
 * Counts written in words or digits, English and French ("seventeen", "dix-sept", "vingt et un",
 * "23"): the numbers a synthesis states before "countries".
 */

const EN_UNITS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const FR_UNITS: Readonly<Record<string, number>> = {
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
};
const FR_TENS: Readonly<Record<string, number>> = {
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
};

/** "one"/"un"/"une" are left out on purpose: as words they are mostly articles ("un pays"). */
const WORDS = [
  ...Object.keys(EN_UNITS),
  ...Object.keys(EN_TENS),
  ...Object.keys(FR_UNITS),
  ...Object.keys(FR_TENS),
  'quatre-vingts?',
  'one',
  'un',
  'une',
]
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Approximate counts: French collective nouns ("une dizaine", "une vingtaine") and "a dozen". Their
 * value is the round number; a list may differ from it by a little without contradicting it.
 */
const APPROXIMATE: Readonly<Record<string, number>> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  dozen: 12,
};
const APPROXIMATE_SOURCE = `(?:une|a)[ \\t]+(?:${Object.keys(APPROXIMATE).join('|')})(?:[ \\t]+(?:de|of)|[ \\t]+d['’])?`;

/** A hedge before a count ("about ten", "environ dix"): the count is approximate. */
const HEDGE_SOURCE = `(?:about|around|roughly|approximately|some|environ|quelque|près de)[ \\t]+`;

/**
 * Source of a regex matching a count: digits (1–3), number words joined by hyphens, spaces or
 * "et" ("dix-sept", "vingt et un", "twenty-three"), or an approximate count ("une dizaine d’",
 * "a dozen"). Use with the `i` and `u` flags.
 */
export const COUNT_SOURCE = `(?:(?:${HEDGE_SOURCE})?(?:${APPROXIMATE_SOURCE}|\\d{1,3}|(?:${WORDS})(?:(?:-| |-et-| et )(?:${WORDS}))*))`;

const APPROXIMATE_START = new RegExp(`^(?:${APPROXIMATE_SOURCE}|${HEDGE_SOURCE})`, 'iu');

/**
 * Whether a count phrase starts with an approximate count ("une dizaine d’États membres", "a dozen
 * countries"). Read from the quoted phrase, so stored claims need no extra field.
 */
export function isApproximateCount(phrase: string): boolean {
  return APPROXIMATE_START.test(phrase.trim());
}

/**
 * Whether a list of `listed` items fits a stated count: exactly, or within a fifth (at least 2)
 * of an approximate one ("une dizaine" fits 8 to 12).
 */
export function countFits(stated: number, listed: number, approximate: boolean): boolean {
  if (!approximate) return stated === listed;
  return Math.abs(stated - listed) <= Math.max(2, Math.round(stated / 5));
}

function wordValue(word: string): number | null {
  const w = word.toLowerCase();
  if (w === 'one' || w === 'un' || w === 'une') return 1;
  if (w === 'quatre-vingt' || w === 'quatre-vingts') return 80;
  return EN_UNITS[w] ?? EN_TENS[w] ?? FR_UNITS[w] ?? FR_TENS[w] ?? null;
}

/**
 * The value of a count matched by `COUNT_SOURCE`, or null when it is not a count (a lone
 * "one"/"un"/"une", which are articles more often than numbers).
 */
export function parseCount(written: string): number | null {
  const s = written
    .trim()
    .toLowerCase()
    .replace(new RegExp(`^${HEDGE_SOURCE}`, 'u'), '');
  if (/^\d+$/.test(s)) return Number(s);
  const approximate = /^(?:une|a)\s+(\p{L}+)/u.exec(s);
  if (approximate) return APPROXIMATE[approximate[1] as string] ?? null;
  if (s === 'one' || s === 'un' || s === 'une') return null;
  // "quatre-vingt" is one word for the parser; protect it before splitting on hyphens.
  const parts = s
    .replace(/quatre-vingt(s?)/g, 'quatre_vingt$1')
    .split(/-et-| et |-| /)
    .filter((p) => p !== '');
  let total = 0;
  for (const part of parts) {
    const v = wordValue(part.replace('_', '-'));
    if (v === null) return null;
    total += v;
  }
  return total > 0 ? total : null;
}
