/**
 * Date mentions: every calendar date, month or year written in a document, at the precision
 * written, with a flag for those inside bibliographic citations ("last accessed on 27 July 2024",
 * "Adamson, F. B. (2019)"), which date a source rather than an event. Pure: text in, mentions out.
 *
 * One precompiled pattern finds candidates (see date-patterns.ts); a day date must exist in the
 * calendar ("31 février 2016" is not a date); month-year and year forms are read here too.
 */
import type { DatePrecision, Language, Span } from '../domain/model.ts';
import {
  ACCESSED_BEFORE,
  BIBLIOGRAPHY_ON_LINE,
  COUNT_NOUN_AFTER,
  MAX_YEAR,
  MIN_YEAR,
  NAME_YEAR_AFTER,
  HORIZON_HEAD_AFTER,
  HORIZON_HEAD_BEFORE,
  isHorizonYear,
  MONTH_SOURCE,
  NAME_YEAR_BEFORE,
  NOT_A_YEAR_AFTER,
  NOT_A_YEAR_BEFORE,
  QUANTITY_BEFORE,
  SAME_YEAR_AFTER,
  monthOf,
} from './date-lexicon.ts';
import {
  DAY_ITEM_PARTS,
  LIST_SPLIT,
  MONTH_WORD,
  YEARLESS_PATTERN,
  scanDateMatches,
} from './date-patterns.ts';
import type { DateMention } from './types.ts';

interface DateValue {
  readonly value: string;
  readonly precision: DatePrecision;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function plausibleYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Whether the day exists in the Gregorian calendar ("30 February 2024" does not). This used to ask
 * chrono-node's strict parser; a test checks that both agree on every day number the patterns can
 * capture (0–99), month and leap rule, and loading chrono cost a third of `mda extract`'s start-up.
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return Number.isInteger(day) && day >= 1 && day <= length && month >= 1 && month <= 12;
}

function dayValue(year: number, month: number, day: number): DateValue | null {
  if (!plausibleYear(year) || month < 1 || month > 12 || !isCalendarDay(year, month, day)) {
    return null;
  }
  return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

const yearValue = (year: number): DateValue => ({ value: String(year), precision: 'year' });

/** Days of a list "11 et 12", "23 January to 25", each with its own month or the list's month. */
function dayList(list: string, month: number, year: number): DateValue[] {
  const values: DateValue[] = [];
  for (const item of list.split(LIST_SPLIT)) {
    const parts = DAY_ITEM_PARTS.exec(item.trim())?.groups;
    if (parts?.day === undefined) continue;
    const own = parts.month === undefined ? null : monthOf(parts.month);
    const value = dayValue(year, own ?? month, Number(parts.day));
    if (value !== null) values.push(value);
  }
  return values;
}

/** Whether a bare year (or year range) is a count, an amount, a page or a code instead. */
function isNotAYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 40);
  if (NOT_A_YEAR_BEFORE.test(before) || NOT_A_YEAR_AFTER.test(after)) return true;
  // "COM (2020) 609": a number in brackets followed by another number is a document code.
  if (text[start - 1] === '(' && /^\)\s*\d/u.test(after)) return true;
  if (COUNT_NOUN_AFTER.test(after)) return true;
  // "Agenda 2063", "the 2030 Agenda": the year is part of an instrument's name, not its date.
  if (NAME_YEAR_BEFORE.test(before) || NAME_YEAR_AFTER.test(after)) return true;
  if (
    isHorizonYear(text.slice(start, end)) &&
    (HORIZON_HEAD_AFTER.test(after) || HORIZON_HEAD_BEFORE.test(before))
  ) {
    return true;
  }
  return QUANTITY_BEFORE.test(before) && /^\s+\p{Ll}/u.test(after);
}

/**
 * Whether the document writes its numeric dates month first ("12/20/2018", as in the United States):
 * some have a second number above 12 and none a first one. Its other numeric dates ("06/07/2019")
 * are then read the same way; day first stays the rule otherwise. Read from the scan's own matches.
 */
function writesMonthFirst(matches: readonly RegExpExecArray[]): boolean {
  let monthFirst = false;
  for (const m of matches) {
    if (m.groups?.numDay === undefined || m.groups.numMonth === undefined) continue;
    const [first, second] = [Number(m.groups.numDay), Number(m.groups.numMonth)];
    if (first > 12 && second <= 12) return false;
    if (second > 12 && first <= 12) monthFirst = true;
  }
  return monthFirst;
}

/** Values of one pattern match, or an empty list when the match is not a date after all. */
function readMatch(match: RegExpExecArray, text: string, monthFirst = false): DateValue[] {
  const g = match.groups ?? {};
  const start = match.index;
  const end = start + match[0].length;
  if (g.dayList !== undefined && g.dayMonth !== undefined && g.dayYear !== undefined) {
    const month = monthOf(g.dayMonth);
    const year = Number(g.dayYear);
    if (month !== null) return dayList(g.dayList, month, year);
    return plausibleYear(year) ? [yearValue(year)] : [];
  }
  if (g.mdMonth !== undefined && g.mdDays !== undefined && g.mdYear !== undefined) {
    const month = monthOf(g.mdMonth);
    const year = Number(g.mdYear);
    if (month !== null) return dayList(g.mdDays, month, year);
    return plausibleYear(year) ? [yearValue(year)] : [];
  }
  if (g.numDay !== undefined && g.numMonth !== undefined && g.numYear !== undefined) {
    const [day, month] = [Number(g.numDay), Number(g.numMonth)];
    // Day first, as EU documents write in both languages; month first when the day slot can't be
    // one, or when the document writes its dates month first.
    const value =
      month <= 12 && !(monthFirst && day <= 12)
        ? dayValue(Number(g.numYear), month, day)
        : dayValue(Number(g.numYear), day, month);
    return value === null ? [] : [value];
  }
  if (g.nmMonth !== undefined && g.nmYear !== undefined) {
    // "n° 06/2018" is a text's number, not a month.
    const year = Number(g.nmYear);
    if (!plausibleYear(year) || NOT_A_YEAR_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return [];
    return [{ value: `${year}-${g.nmMonth}`, precision: 'month' }];
  }
  if (g.isoYear !== undefined && g.isoMonth !== undefined && g.isoDay !== undefined) {
    const value = dayValue(Number(g.isoYear), Number(g.isoMonth), Number(g.isoDay));
    return value === null ? [] : [value];
  }
  if (g.months !== undefined && g.monthYear !== undefined) {
    const year = Number(g.monthYear);
    if (!plausibleYear(year)) return [];
    const months = [...g.months.matchAll(MONTH_WORD)].map((m) => monthOf(m[0]));
    if (months.some((m) => m === null)) return isNotAYear(text, end - 4, end) ? [] : [yearValue(year)];
    return months.map((m) => ({ value: `${year}-${pad(m ?? 0)}`, precision: 'month' }));
  }
  if (g.rangeFrom !== undefined && g.rangeTo !== undefined) {
    const from = Number(g.rangeFrom);
    let to = Number(g.rangeTo);
    if (g.rangeTo.length === 2) to = from - (from % 100) + to;
    const sensible =
      g.rangeSep === '/' ? to === from + 1 : to > from && (g.rangeTo.length === 4 || to - from <= 15);
    if (!sensible || !plausibleYear(from) || !plausibleYear(to) || isNotAYear(text, start, end)) return [];
    return [yearValue(from), yearValue(to)];
  }
  if (g.year !== undefined) {
    const year = Number(g.year);
    if (!plausibleYear(year) || isNotAYear(text, start, end)) return [];
    return [yearValue(year)];
  }
  return [];
}

/** Whether the whitespace-delimited token around a span is a URL or a file name: not prose. */
function inUrl(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < 300 && !/\s/u.test(text[from - 1] ?? ' ')) from--;
  let to = end;
  while (to < text.length && to - end < 300 && !/\s/u.test(text[to] ?? ' ')) to++;
  return /https?:|www\.|\.(?:pdf|html?|aspx?|php)\b|uri=|doi\.org/iu.test(text.slice(from, to));
}

/** "Adamson, F. B. and", "Rietig V. and", "Laube, L.,": a reference's author list. */
const AUTHOR_INITIALS = /\p{Lu}[\p{Ll}'’-]+,?\s+\p{Lu}\.(?:\s*\p{Lu}\.)*(?:,|\s+(?:and|et|&)\s)/u;

/** Whether a span sits in a bibliographic reference or an "accessed on" phrase. */
function isCitation(text: string, start: number, end: number): boolean {
  if (ACCESSED_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  // The line so far, at most 300 characters back (a bounded look-back keeps the pass linear).
  const window = text.slice(Math.max(0, start - 300), start);
  const line = window.slice(window.lastIndexOf('\n') + 1);
  if (BIBLIOGRAPHY_ON_LINE.test(line)) return true;
  // A year right after a quoted title ("'Migration Diplomacy in World Politics', (2019)") or right
  // before a link or a journal name is the year of a reference.
  if (/['’"”»*],\s*\(?$/u.test(line)) return true;
  const after = text.slice(end, end + 200);
  if (
    /^\)?[,.]?\s*(?:<?https?:|www\.|\[[^\]\n]*\]\(https?:|\[https?|doi\b|DOI\b)|^\)?,\s*\*\p{L}/u.test(after)
  ) {
    return true;
  }
  // Author-year: "Adamson, F. B. and Tsourapas, G., (2019)", "Rietig V. and M. Walter-Franke (2023)".
  if (text[start - 1] === '(' && AUTHOR_INITIALS.test(line)) return true;
  return false;
}

/** Sorted, so containment is a binary search. */
function makeContains(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? 0) <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Spans may nest or overlap: look back over the few that start before.
    for (let i = found; i >= 0 && i > found - 8; i--) {
      const span = sorted[i];
      if (span !== undefined && span.start <= start && end <= span.end) return true;
    }
    return false;
  };
}

/**
 * Every date mention in a text, in text order. A list or range yields one mention per date ("11 et
 * 12 novembre 2015" → 2015-11-11 and 2015-11-12), each quoting the whole phrase. `citations` are the
 * spans of bibliographic footnotes; mentions inside them, or inside an "accessed on" phrase or a
 * reference pattern, get `inCitation: true`. The patterns read French and English forms alike: the
 * document's language is taken for callers' convenience and not needed.
 */
export function findDates(text: string, _language: Language, citations: readonly Span[] = []): DateMention[] {
  const inCitationSpan = makeContains(citations);
  const mentions: DateMention[] = [];
  const matches = [...scanDateMatches(text)];
  const monthFirst = writesMonthFirst(matches);
  for (const match of matches) {
    const start = match.index;
    const end = start + match[0].length;
    const values = readMatch(match, text, monthFirst);
    if (values.length === 0 || inUrl(text, start, end)) continue;
    const inCitation = inCitationSpan(start, end) || isCitation(text, start, end);
    for (const { value, precision } of values) {
      mentions.push({ start, end, quote: match[0], value, precision, inCitation });
    }
  }
  const yearless = yearlessDates(text, mentions);
  if (yearless.length === 0) return mentions;
  return [...mentions, ...yearless].sort((a, b) => a.start - b.start);
}

/** How far back a year may date a later month or day ("In 2019 … On 3 March, …"). */
const YEAR_REACH = 600;

/** How far back a date with its month may date a bare later month ("23 août 2021. … en décembre"). */
const MONTH_REACH = 300;

/**
 * Whether a bare month ("en décembre") follows, within a few sentences, a date of the same year
 * written with an earlier month: a chronology moving forward within its year.
 */
function laterInYear(anchor: DateMention, month: number, start: number): boolean {
  return (
    anchor.precision !== 'year' &&
    Number(anchor.value.slice(5, 7)) < month &&
    start - anchor.end <= MONTH_REACH
  );
}

const SPAN_OPEN = new RegExp(
  `^\\s+(?:à|au|to|until|till|through|jusqu.en)\\s+(?:${MONTH_SOURCE})(?![\\p{L}])`,
  'iu',
);
const SPAN_CLOSE = new RegExp(
  `(?:^|[^\\p{L}])(?:de|from)\\s+(?:${MONTH_SOURCE})\\s+(?:à|au|to|until|till|through|jusqu.en)\\s+$`,
  'iu',
);

/** Whether the month at start–end opens or closes a span of months: "de mars à juin", "from March to June". */
function inMonthSpan(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (/(?:^|[^\p{L}])(?:de|from)\s+$/iu.test(before)) return SPAN_OPEN.test(text.slice(end, end + 40));
  return SPAN_CLOSE.test(before);
}

/**
 * Whether a bare year names the thing it stands before rather than a time of the text: "the 2001
 * law" is a law, and a later "adopted on 7 July" belongs to the year the text is speaking of.
 */
function namesAThing(text: string, d: DateMention): boolean {
  if (d.precision !== 'year') return false;
  return (
    /(?:^|[^\p{L}])(?:the|its|their|this|that|a|an)\s+$/iu.test(
      text.slice(Math.max(0, d.start - 8), d.start),
    ) && /^\s+\p{Ll}/u.test(text.slice(d.end, d.end + 3))
  );
}

/**
 * Days and months written without a year, dated by the last year the text gave before them:
 * "In 2019 … On 3 March, …", "le 3 mars suivant", "juillet de la même année", "in July that year".
 * A bare month needs a same-year phrase, a span of months ("de mars à juin") or, a few sentences
 * before, a date of an earlier month ("23 août 2021 … en décembre"); "En juillet, …" after a bare
 * year is left unread. A day and month need an earlier date within a few sentences, outside
 * citations; a bare year naming a thing ("the 2001 law") dates nothing after it, and a day whose
 * month was last written with a year ("Août 2021. … en 2020 … le 12 août") takes that year.
 */
function yearlessDates(text: string, dated: readonly DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  const pattern = new RegExp(YEARLESS_PATTERN.source, YEARLESS_PATTERN.flags);
  let k = 0;
  let anchor: DateMention | undefined;
  // The last date written with its month ("Août 2021", "23 août 2021"), which a later day of the
  // same month belongs to even when a bare year was named in between.
  let monthAnchor: DateMention | undefined;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    while (k < dated.length && (dated[k] as DateMention).end <= start) {
      const d = dated[k] as DateMention;
      if (!d.inCitation && !namesAThing(text, d)) {
        anchor = d;
        if (d.precision !== 'year') monthAnchor = d;
      }
      k++;
    }
    // A year follows after all ("3 March, 2019" read by the main pattern) or the span is already a date.
    if (k < dated.length && (dated[k] as DateMention).start < end) continue;
    if (anchor === undefined || start - anchor.end > YEAR_REACH) continue;
    const month = monthOf(g.month ?? g.mdMonth ?? g.bareMonth ?? g.spanMonth ?? '');
    if (month === null) continue;
    const sameYear = SAME_YEAR_AFTER.exec(text.slice(end, end + 40));
    const day = g.day ?? g.mdDay;
    // A bare month needs a same-year phrase, a span of months or an earlier month of its year before it.
    const span = day === undefined && inMonthSpan(text, start, end);
    if (g.spanMonth !== undefined && !span) continue;
    if (day === undefined && sameYear === null && !span && !laterInYear(anchor, month, start)) continue;
    if (sameYear !== null) end += sameYear[0].length;
    const base =
      anchor.precision === 'year' &&
      monthAnchor !== undefined &&
      Number(monthAnchor.value.slice(5, 7)) === month &&
      start - monthAnchor.end <= YEAR_REACH
        ? monthAnchor
        : anchor;
    const year = Number(base.value.slice(0, 4));
    const value =
      day === undefined
        ? { value: `${year}-${pad(month)}`, precision: 'month' as const }
        : dayValue(year, month, Number.parseInt(day, 10));
    if (value === null || inUrl(text, start, end) || isCitation(text, start, end)) continue;
    out.push({ start, end, quote: text.slice(start, end), ...value, inCitation: false });
  }
  return out;
}
