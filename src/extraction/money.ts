/**
 * Amount mentions: every sum of money in a document, normalised to units of an ISO 4217 currency
 * ("145,1 millions d’euros" → 145100000 EUR, "€ 7.4 billion" → 7400000000 EUR). Pure: text in,
 * mentions out, one precompiled pattern over the text.
 *
 * A scaled number without a currency ("(pour 53.6 M)") is money only in a sentence about money: it
 * takes the currency of the nearest sum before it in the same or the previous sentence.
 */
import type { Language } from '../domain/model.ts';
import { NUMBER_SOURCE, amountValue } from './amount-number.ts';
import {
  APPROXIMATE_BEFORE,
  MONEY_SCALE,
  prefixCurrencyFirstUnits,
  PREFIX_CURRENCY_SOURCE,
  SCALE_SOURCE,
  SUFFIX_CURRENCY_SOURCE,
  codeNeedsMagnitude,
  currencyOf,
  scaleOf,
} from './money-lexicon.ts';
import { readAmountRoles } from './money-roles.ts';
import type { AmountMention } from './types.ts';

const NUM = `(?:${NUMBER_SOURCE})`;
const SCALE = `(?:${SCALE_SOURCE})`;
/**
 * A number written in whole units with thousands groups ("USD 2,750,000") takes no scale word: the
 * scale after "and" belongs to the next sum ("USD 2,750,000 and 1.5 million euros").
 */
const WHOLE_UNITS_BEFORE = "(?<!\\d[ \\u00A0\\u202F\\u2009.,'’]\\d{3})";
/**
 * The second end of a range: "EUR 10-20 million", "between € 5 and 8 million". After "and"/"et" a
 * scale must follow, or "€ 5,000 and 10,000 euros" would read as one range.
 */
const RANGE_END = (name: string): string =>
  `(?:\\s*(?:-|–|to|à)\\s*(?<${name}>${NUM})|${WHOLE_UNITS_BEFORE}\\s+(?:and|et)\\s+(?<${name}And>${NUM})(?=\\s?${SCALE}))`;
const OF = `(?:d['’]\\s?|de\\s+|of\\s+)`;
/** "un milliard d'euros", "one million dollars", "a billion euros": the number one in words, before a scale word. */
const ONE_WORDS = ['un', 'une', 'one', 'a'] as const;
const ONE_BEFORE_SCALE = `(?:${ONE_WORDS.join('|')})(?=\\s+(?:thousand|mille|millions?|milliards?|billions?|trillions?)(?![\\p{L}]))`;
/**
 * Two sums in whole units sharing the currency after the second ("15,000 and 20,000 baht",
 * "12 000 ou 15 000 dinars"): both numbers written with thousands groups, so a year ("in 2019 and
 * 5,000 euros") is never read as the first.
 */
const GROUPED = "\\d{1,3}(?:[ \\u00A0\\u202F\\u2009.,'’]\\d{3})+(?:[.,]\\d+)?(?!\\d)";
const COORDINATED_END = `(?<=\\d[ \\u00A0\\u202F\\u2009.,'’]\\d{3})\\s+(?:and|et|or|ou)\\s+(?<sufNumAlso>${GROUPED})`;

const AMOUNT_PATTERN = new RegExp(
  `(?=[0-9${prefixCurrencyFirstUnits(ONE_WORDS)}])(?<![\\p{L}\\p{N}_.,])(?:` +
    // "€ 7.4 billion", "EUR 200 million", "US$ 3m", "EUR 10-20 million".
    `(?<preCur>${PREFIX_CURRENCY_SOURCE})\\s?(?<preNum>${NUM})${RANGE_END('preNum2')}?(?:\\s?(?<preScale>${SCALE}))?` +
    // "145.1 millions d'euros", "5 milliards de dollars", "2,5 M€", "10 MEUR", "1 000 000 FCFA".
    `|(?:(?<sufNum>${NUM})|(?<sufOne>${ONE_BEFORE_SCALE}))(?:${RANGE_END('sufNum2')}|${COORDINATED_END})?\\s?(?:(?<sufScale>${SCALE})\\s?)?${OF}?(?<sufCur>${SUFFIX_CURRENCY_SOURCE})` +
    // "(pour 53.6 M)": money only when a sum with a currency came just before.
    `|(?<bareNum>${NUM})\\s?(?<bareScale>${SCALE})` +
    `)`,
  'giu',
);

/** After a bare scaled number, a noun says what is counted ("2 million migrants"): not money. */
const COUNTED_AFTER = /^\s*(?:d['’]|de\s+|of\s+)?\p{L}/u;
/** Words that may follow a bare sum without making it a count ("53.6 M pour", "91.5 M each"). */
const LINKING_AFTER =
  /^\s*(?:et|and|pour|for|dont|of\s+which|respectivement|respectively|chacun|chacune|each|au\s+total|in\s+total|en\s+total)\b/iu;
/** Sentence ends, to tell "the same or the previous sentence". */
const SENTENCE_END = /[.!?…](?:\s|$)(?!\s*\p{Ll})/gu;

/** Two sentences are rarely longer than this: keeps the look-back linear. */
const MAX_INHERIT_DISTANCE = 1200;

interface Priced {
  readonly end: number;
  readonly currency: string;
}

function sentenceEndsBetween(text: string, from: number, to: number): number {
  return [...text.slice(from, to).matchAll(SENTENCE_END)].length;
}

/** A price per unit ("USD 1.25 per hour", "2,50 € par jour"): small sums with cents are real there. */
const PER_UNIT_AFTER =
  /^\s*(?:\/|per\b|par\b|an?\s+(?:hour|day|week|month|year|person|head)\b|each\b|chacun|l['’]heure|de l['’]heure|hourly|daily|monthly)/iu;

/** Sums below this many units, written with decimals and without a scale word, lost their magnitude. */
const LEAST_PLAUSIBLE_SUM = 1000;

/**
 * Whether a sum written without a scale word ("EUR 1.8", "1,8 €") lost its magnitude: fewer than a
 * thousand units with decimals, not a price per unit. Such a figure is dropped rather than stored
 * as €1.80: the text meant millions or billions, and guessing which would invent a fact.
 */
function lostMagnitude(written: string, text: string, end: number, language: Language): boolean {
  const value = amountValue(written, 0, language);
  if (value === null || value >= LEAST_PLAUSIBLE_SUM || Number.isInteger(value)) return false;
  return !PER_UNIT_AFTER.test(text.slice(end, end + 24));
}

/** The sentence a sum is written in (at most 300 characters each side): where a shared noun's state is read. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 300), start);
  const ends = [...before.matchAll(SENTENCE_END)];
  const last = ends.at(-1);
  const from = last === undefined ? 0 : last.index + last[0].length;
  const after = text.slice(end, end + 300);
  const next = new RegExp(SENTENCE_END.source, 'u').exec(after);
  return before.slice(from) + text.slice(start, end) + (next === null ? after : after.slice(0, next.index));
}

function isApproximate(text: string, start: number): boolean {
  return APPROXIMATE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/**
 * Every sum of money in a text, in text order, with its value in units, its ISO 4217 currency and
 * whether a hedge ("more than", "environ") makes it approximate, and its role (total, part of a
 * total, tranche, disbursement, pledge) where the text says it. A range gives both ends.
 */
export function findAmounts(text: string, language: Language): AmountMention[] {
  const pattern = new RegExp(AMOUNT_PATTERN.source, AMOUNT_PATTERN.flags);
  const mentions: AmountMention[] = [];
  let lastPriced: Priced | null = null;
  for (const match of text.matchAll(pattern)) {
    const g = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const around = text.slice(Math.max(0, start - 300), end + 300);
    let currency: string | null = null;
    let numbers: (string | undefined)[] = [];
    let scaleWord: string | undefined;
    let currencyWritten: string | undefined;
    if (g.preCur !== undefined) {
      currency = currencyOf(g.preCur, around, text.slice(end, end + 30), sentenceAround(text, start, end));
      currencyWritten = g.preCur;
      numbers = [g.preNum, g.preNum2 ?? g.preNum2And];
      scaleWord = g.preScale;
    } else if (g.sufCur !== undefined) {
      currency = currencyOf(g.sufCur, around, text.slice(end, end + 30), sentenceAround(text, start, end));
      currencyWritten = g.sufCur;
      numbers = [
        g.sufNum ?? (g.sufOne === undefined ? undefined : '1'),
        g.sufNum2 ?? g.sufNum2And ?? g.sufNumAlso,
      ];
      scaleWord = g.sufScale;
    } else if (g.bareNum !== undefined && g.bareScale !== undefined && MONEY_SCALE.test(g.bareScale)) {
      const after = text.slice(end, end + 40);
      const counted = COUNTED_AFTER.test(after) && !LINKING_AFTER.test(after);
      const near = lastPriced !== null && start - lastPriced.end <= MAX_INHERIT_DISTANCE;
      if (!counted && near && lastPriced !== null && sentenceEndsBetween(text, lastPriced.end, start) <= 1) {
        currency = lastPriced.currency;
      }
      numbers = [g.bareNum];
      scaleWord = g.bareScale;
    }
    if (currency === null) continue;
    const scale = scaleWord === undefined ? 0 : scaleOf(scaleWord, language);
    if (scale === null) continue;
    // "EUR 1.8" where "million" was lost: a few units with decimals is no sum a state commits.
    if (
      scaleWord === undefined &&
      numbers.every((n) => n === undefined || lostMagnitude(n, text, end, language))
    ) {
      continue;
    }
    // "COP 28", "TOP 10": a code that is also a common acronym needs a scale word or a large sum.
    if (
      scaleWord === undefined &&
      currencyWritten !== undefined &&
      /^[A-Z]{3}$/u.test(currencyWritten) &&
      codeNeedsMagnitude(currencyWritten) &&
      numbers.every((n) => n === undefined || (amountValue(n, 0, language) ?? 0) < LEAST_PLAUSIBLE_SUM)
    ) {
      continue;
    }
    // Both ends of a range are approximate; two coordinated sums ("15,000 and 20,000 baht") are not.
    const approximate =
      isApproximate(text, start) || (numbers[1] !== undefined && g.sufNumAlso === undefined);
    for (const written of numbers) {
      if (written === undefined) continue;
      const value = amountValue(written, scale, language);
      if (value === null || value <= 0) continue;
      mentions.push({ start, end, quote: match[0], value, currency, approximate });
    }
    lastPriced = { end, currency };
  }
  // What each sum is (a total, a part of it, a tranche…), so a total and its breakdown count once.
  return readAmountRoles(text, mentions);
}
