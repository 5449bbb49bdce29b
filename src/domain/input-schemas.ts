/**
 * Field schemas for what users type (HTTP queries and bodies, CLI options, analyses' inputs), shared
 * so that a country code, a date or a piece of text is checked the same way on every path in.
 */
import { z } from 'zod';
import { isStateCode } from './actors.ts';

const ALPHA2 = 'must be an ISO 3166-1 alpha-2 code';

/** ISO 3166-1 alpha-2 code shape, any case in, upper case out (a path's `/countries/XX` is then a 404). */
export const countryCode = z
  .string({ error: ALPHA2 })
  .trim()
  .regex(/^[A-Za-z]{2}$/, ALPHA2)
  .transform((value) => value.toUpperCase())
  .meta({ description: 'ISO 3166-1 alpha-2 code of a state (e.g. ML, MA)', example: 'ML' });

/**
 * A country a user names as a filter or enters with a value. "XX" has the right shape but names no
 * state: refused with a 400 rather than an empty list or a value attached to nothing.
 */
export const stateCode = countryCode.refine(
  isStateCode,
  'is not the ISO 3166-1 alpha-2 code of a known state',
);

/** Whether a year, month and day form a day of the calendar (no 30 February). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM-DD, a real day of the calendar. */
export const isoDay = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return isCalendarDay(y, m, d);
  }, 'is not a day of the calendar');

/** YYYY, YYYY-MM or YYYY-MM-DD (a year, a month or a real day). */
export const partialDate = z
  .string({ error: 'must be YYYY, YYYY-MM or YYYY-MM-DD' })
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    return d === undefined || isCalendarDay(y as number, m as number, d);
  }, 'is not a day of the calendar');

/** Control characters (C0 and C1, NUL included) have no place in a name, a note or a search. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F]/u;

/**
 * Text a user enters, trimmed, between `min` and `max` characters, without control characters
 * (line breaks and tabs only where `multiline`).
 */
export function userText(max: number, options: { readonly min?: number; readonly multiline?: boolean } = {}) {
  const forbidden = options.multiline === true ? CONTROL : CONTROL_OR_NEWLINE;
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(
      options.min ?? 1,
      `must have at least ${options.min ?? 1} character${(options.min ?? 1) > 1 ? 's' : ''}`,
    )
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => !forbidden.test(value),
      options.multiline === true
        ? 'must not contain control characters'
        : 'must be one line without control characters',
    );
}

/** Largest magnitude accepted for a number a user enters (a quadrillion: far beyond any budget or count). */
export const MAX_MAGNITUDE = 1e15;

/** A finite number a user enters, bounded so that sums and charts stay meaningful. */
export const boundedNumber = z
  .number({ error: 'must be a number' })
  .finite('must be a finite number')
  .min(-MAX_MAGNITUDE, `must be between -${MAX_MAGNITUDE} and ${MAX_MAGNITUDE}`)
  .max(MAX_MAGNITUDE, `must be between -${MAX_MAGNITUDE} and ${MAX_MAGNITUDE}`);

/**
 * A whole number written in decimal digits only (no `0x10`, `1e3`, `+` or spaces; a minus is read to say "too small"), from a query
 * string, between `min` and `max` (`rangeMessage` replaces the "at least"/"at most" wording).
 */
export function decimalInteger(min: number, max: number, rangeMessage?: string) {
  return z
    .string({ error: 'must be a number (decimal digits only)' })
    .regex(/^-?\d{1,15}$/, 'must be a number (decimal digits only)')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, rangeMessage ?? `must be at least ${min}`)
        .max(max, rangeMessage ?? `must be at most ${max}`),
    );
}

/** A web address a reader can open: http or https only (no `javascript:`, no `file:`). */
export const webUrl = z
  .string({ error: 'must be a URL' })
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

/**
 * Changes to a document's source fields (CLI `mda document set`, `PATCH /api/documents/:id`). A
 * field left out is unchanged; `null` clears it (a cleared title goes back to the reader's title).
 */
export const documentSourceFields = {
  title: userText(500).nullable().optional(),
  publisher: userText(300).nullable().optional(),
  date: partialDate.nullable().optional(),
  url: webUrl.nullable().optional(),
  lang: z.enum(['fr', 'en'], { error: 'must be fr or en' }).optional(),
};

/** Whether a change set changes anything (a request with no field is refused, not ignored). */
export const changesSomething = (changes: Record<string, unknown>): boolean =>
  Object.keys(documentSourceFields).some((key) => changes[key] !== undefined);

export const NO_SOURCE_CHANGE = 'give at least one of title, publisher, date, url, lang';

export const documentSourceChanges = z
  .strictObject(documentSourceFields)
  .refine(changesSomething, { message: NO_SOURCE_CHANGE });

export type DocumentSourceChanges = z.output<typeof documentSourceChanges>;
