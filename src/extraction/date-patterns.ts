/**
 * The one precompiled pattern that finds date candidates in a single linear pass: day dates and
 * day lists ("11 et 12 novembre 2015", "23–25 January 2024", "April 10, 2024"), numeric dates
 * ("12/03/2018", "2024-04-10"), numeric months ("07.2017"), months ("juillet 2019", "July–August 2019"), year ranges
 * ("2018-2020", "2019/2020") and years ("en 2013", "mid-2024"). Each alternative has its own named
 * groups so the caller knows which form matched.
 */
import { MONTH_SOURCE } from './date-lexicon.ts';
import { firstUnitsClass } from './text.ts';

const MONTH = `(?<![\\p{L}])(?:${MONTH_SOURCE})\\.?(?![\\p{L}])`;
const YEAR = '(?:19|20|21)\\d\\d(?!\\d)';
/** Superscript digits: a footnote marker ("2020¹"), never part of a date. */
const SUPERSCRIPT = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';
/**
 * The year closing a month or day date, which may carry a footnote marker that PDF text turned
 * into plain digits glued to it ("23 septembre 20201." for "2020¹"): after a month word, a five- or
 * six-digit number ending a phrase is a year and its note number, never a year of its own.
 */
const MARKED_YEAR = `(?:19|20|21)\\d\\d(?:(?!\\d)|(?=\\d{1,2}(?:[.,;:)](?!\\d)|\\s|$)))`;
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:er|ᵉʳ|st|nd|rd|th)?(?!\\d)';
/** Between the days of a list or a range: "11 et 12", "23–25", "1, 2 and 3", "du 3 au 5". */
const LIST_SEP = `(?:\\s*,\\s*(?:(?:et|and)\\s+)?|\\s+(?:et|and|to|au|à|through|until)\\s+|\\s*[-–—&]\\s*)`;
const DAY_ITEM = `${DAY}(?:\\s+(?:of\\s+)?${MONTH})?`;
/** A year range's prefix written before a year: "mid-2024", "fin-2019". */
const YEAR_PREFIX = '(?:(?:mid|early|late|end|mi|fin|début)-)';

const ALTERNATIVES = [
  // "11 Décembre 2016", "11 et 12 novembre 2015", "23–25 January 2024", "10th of April 2024".
  `(?<dayList>${DAY_ITEM}(?:${LIST_SEP}${DAY_ITEM}){0,5})\\s+(?:(?:de|of)\\s+)?(?<dayMonth>${MONTH}),?\\s+(?<dayYear>${MARKED_YEAR})`,
  // "April 10, 2024", "January 23–25, 2024".
  `(?<mdMonth>${MONTH})\\s+(?<mdDays>${DAY}(?:${LIST_SEP}${DAY}){0,5}),?\\s+(?<mdYear>${MARKED_YEAR})`,
  // "12/03/2018", "12.03.2018" (day first, as in EU documents of both languages).
  `(?<numDay>[0-3]?\\d)(?<numSep>[./-])(?<numMonth>[0-3]?\\d)\\k<numSep>(?<numYear>${YEAR})`,
  // "07.2017", "06/2018": a month and year in figures, as chronologies head their entries.
  `(?<nmMonth>0[1-9]|1[0-2])[./](?<nmYear>${YEAR})`,
  // "2024-04-10".
  `(?<isoYear>${YEAR})-(?<isoMonth>[01]\\d)-(?<isoDay>[0-3]\\d)(?!\\d)`,
  // "juillet 2019", "mois de Septembre 2017", "July–August 2019", "Sept. 2017".
  `(?<months>${MONTH}(?:\\s*(?:[-–—/]|et|and|to|à|au)\\s*${MONTH})?)\\s+(?:(?:de|of)\\s+)?(?<monthYear>${MARKED_YEAR})`,
  // "2018-2020", "2019/2020", "2018-20", "mid-2019–2024".
  `(?<rangePrefix>${YEAR_PREFIX})?(?<rangeFrom>${YEAR})\\s*(?<rangeSep>[-–—/])\\s*(?<rangeTo>${YEAR}|\\d\\d(?!\\d))`,
  // "2013", "mid-2024".
  `(?<yearPrefix>${YEAR_PREFIX})?(?<year>${YEAR})`,
];

/**
 * Global pattern over a whole text. Starts and ends are guarded so a year inside a number, a code
 * ("2024/1359", "52011DC0743") or a word is not a candidate. ASCII digits after a match are left to
 * each alternative (all end on "no digit follows" but a year carrying a glued note number), and a
 * superscript footnote marker right after a date ("2020¹") does not block it.
 */
export const DATE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_/\\\\.,:-])(?:${ALTERNATIVES.join('|')})(?!(?![0-9]|${SUPERSCRIPT})[\\p{L}\\p{N}_]|[/\\\\]\\d|[.,]\\d|-\\d)`,
  'giu',
);

/** Splits a matched day list into its items: "11 et 12", "23 January to 25". */
export const LIST_SPLIT = new RegExp(LIST_SEP, 'iu');

/** One day item of a list: the day and its own month when written ("23 January"). */
export const DAY_ITEM_PARTS = new RegExp(
  `^(?<day>\\d{1,2})\\D*?(?:\\s+(?:of\\s+)?(?<month>${MONTH}))?$`,
  'iu',
);

/** The months of a month list: "July–August". */
export const MONTH_WORD = new RegExp(MONTH, 'giu');

/** Longest reach of a match before its first year digit ("23 September, 24 September and 25 September 2024"). */
const MAX_LEAD = 120;
const YEAR_SCAN = /(?:19|20|21)\d\d/g;

/**
 * Every match of {@link DATE_PATTERN} in text order, the same as a full `matchAll`, but the costly
 * pattern only runs near four-digit numbers that could be years (every date form contains one), so
 * the pass runs at the speed of a literal search over text without years.
 */
export function* scanDateMatches(text: string): Generator<RegExpExecArray> {
  const pattern = new RegExp(DATE_PATTERN.source, DATE_PATTERN.flags);
  const years = new RegExp(YEAR_SCAN.source, 'g');
  let done = 0;
  for (;;) {
    years.lastIndex = done;
    const year = years.exec(text);
    if (year === null) return;
    // No match can start before `done` (already consumed) or further than MAX_LEAD before its year.
    pattern.lastIndex = Math.max(done, year.index - MAX_LEAD);
    const match = pattern.exec(text);
    if (match === null) return;
    yield match;
    done = match.index + match[0].length;
  }
}

/**
 * The units a month word starts with, as the body of a character class: every match of the yearless
 * pattern starts with a day's digit or with one of them, so a look-ahead on them lets the engine
 * leave every other place of the text at once (it halves the pattern's time). Should a word of the
 * lexicon not start with a plain, required letter, any letter is allowed: the look-ahead then only skips less.
 */
function monthFirstUnits(): string {
  const words = MONTH_SOURCE.split('|');
  // A first letter made optional by a quantifier ("f?evr") would not be where a match starts.
  return words.every((word) => /^\p{L}(?![?*{])/u.test(word)) ? firstUnitsClass(words) : '\\p{L}';
}

/**
 * A day and month, or a month, with no year after it: "On 3 March,", "le 3 mars", "March 3", "en
 * juillet de la même année", and the months of a span "de mars à juin" (`spanMonth`). The caller dates it from an earlier year and drops any match a year
 * follows (those the main pattern reads).
 */
export const YEARLESS_PATTERN = new RegExp(
  `(?=[0-9${monthFirstUnits()}])(?<![\\p{L}\\p{N}_/.,:-])(?:(?<day>${DAY})\\s+(?:(?:de|of)\\s+)?(?<month>${MONTH})|(?<mdMonth>${MONTH})\\s+(?<mdDay>${DAY})|(?<=(?:\\b(?:in|en|au mois de|mois de|dès|from|since|depuis)\\s+))(?<bareMonth>${MONTH})|(?<=(?<![\\p{L}])(?:de|à|au|to|until|till|through|jusqu.en)\\s+)(?<spanMonth>${MONTH}))(?!\\s*,?\\s*(?:de\\s+|of\\s+)?(?:19|20|21)\\d\\d)(?![\\p{L}\\p{N}])`,
  'giu',
);
