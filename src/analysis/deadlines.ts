/**
 * Deadlines of commitments as written ("avant le mois de Septembre 2017", "by the end of 2025",
 * "d'ici 2030") and the date arithmetic of the tracker: when a deadline falls, whether it is past.
 */
import type { DatePrecision, PartialDate } from '../domain/model.ts';
import type { Deadline } from '../domain/analysis-model.ts';
import { foldText } from '../extraction/text.ts';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};
const MONTH = Object.keys(MONTHS).join('|');
const CUE = String.raw`(before|by|until|no later than|not later than|avant|d'ici|au plus tard|jusqu'(?:a|en|au))`;
const FILLER = String.raw`(?:(?:the|la|le|l'|fin|end of|le mois de|the month of|the end of|la fin de|fin de|mois de|de)\s+)*`;
const DEADLINE_RE = new RegExp(
  String.raw`\b${CUE}\s+${FILLER}(?:(\d{1,2})(?:er)?\s+)?(?:(${MONTH})\s+)?(\d{4})\b`,
  'g',
);

/**
 * The deadline a sentence sets, or null. "Before"/"avant" excludes the date named; "by", "d'ici",
 * "until" include it, as does "the end of".
 */
export function findDeadline(sentence: string): Deadline | null {
  const folded = foldText(sentence);
  DEADLINE_RE.lastIndex = 0;
  const m = DEADLINE_RE.exec(folded);
  if (!m) return null;
  const cue = m[1] as string;
  const day = m[2];
  const month = m[3] ? MONTHS[m[3]] : undefined;
  const year = m[4] as string;
  const endOf = /\b(?:end of|fin)\b/.test(m[0]);
  let value = year;
  let precision: DatePrecision = 'year';
  if (month !== undefined) {
    value = `${year}-${String(month).padStart(2, '0')}`;
    precision = 'month';
    if (day !== undefined) {
      value = `${value}-${day.padStart(2, '0')}`;
      precision = 'day';
    }
  }
  const inclusive = endOf || !/^(?:before|avant)$/.test(cue);
  return { value, precision, inclusive, quote: sentence.slice(m.index, m.index + m[0].length) };
}

/** First and last calendar day of a partial date, as `YYYY-MM-DD`. */
export function dateBounds(date: PartialDate): { first: string; last: string } {
  const [y, mo] = date.value.split('-');
  if (date.precision === 'day') return { first: date.value, last: date.value };
  if (date.precision === 'month') {
    const lastDay = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { first: `${y}-${mo}-01`, last: `${y}-${mo}-${String(lastDay).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last day a deadline is still met: the day before the named date for "before", the last day
 * of the named period otherwise.
 */
export function lastDayAllowed(deadline: Deadline): string {
  const { first, last } = dateBounds(deadline);
  if (deadline.inclusive) return last;
  const d = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000);
  return d.toISOString().slice(0, 10);
}
