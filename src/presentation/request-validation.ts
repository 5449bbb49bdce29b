/**
 * Request validation at the HTTP boundary, shared by the JSON API (src/http) and the web pages
 * (src/web): zod schemas parse query strings and path parameters, and the first problem becomes an
 * `invalid_input` AtlasError naming the field (`country: must be an ISO 3166-1 alpha-2 code`).
 */
import { z } from 'zod';
import { countryCode as sharedCountryCode, decimalInteger, stateCode } from '../domain/input-schemas.ts';
import { invalidInput, type AtlasError } from '../domain/errors.ts';
import { ACTOR_ID_PATTERN } from '../domain/actors.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../domain/taxonomy.ts';

/** The AtlasError for the first issue of a zod error, with the offending field's name. */
export function zodToAtlasError(error: z.ZodError): AtlasError {
  const issue = error.issues[0];
  if (issue === undefined) return invalidInput('request', 'is invalid');
  if (issue.code === 'unrecognized_keys') {
    return invalidInput(issue.keys[0] ?? 'request', 'is not a known parameter');
  }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
  return invalidInput(field, issue.message);
}

/** Parses `input` with `schema`, throwing an invalid_input AtlasError on the first problem. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw zodToAtlasError(result.error);
  return result.data;
}

// --- Reusable field schemas (messages are the API's documented wording) ---------------------

/** ISO 3166-1 alpha-2 code shape (paths: an unknown code is then a 404); shared with the analyses. */
export const countryCode = sharedCountryCode;

/**
 * A country used as a filter (GET) or entered with a value (POST): the one schema, so "XX" gets the
 * same 400 everywhere instead of an empty list or a value attached to no state.
 */
export const countryFilter = stateCode;

/** An actor id: a state's alpha-2 code, an organization code (EU, IOM) or a grouping slug. */
export const actorId = z
  .string()
  .trim()
  .regex(ACTOR_ID_PATTERN, 'must be an actor id (ISO alpha-2 code, organization code or org:CODE)')
  .meta({
    description:
      'Actor id, one namespace per kind: ISO 3166-1 alpha-2 for a state (AU is Australia), the taxonomy code for an organization (EU, IOM), org:CODE when that code is also a state’s (org:AU, the African Union), a lower-case slug for a group of states',
    example: 'EU',
  });

/** A year between 1900 and 2100, written in decimal digits. */
export const year = decimalInteger(1900, 2100, 'must be a year between 1900 and 2100').meta({
  description: 'A year (1900 to 2100)',
});

/** One code of a taxonomy list; the refusal lists the valid codes. */
const oneOf = (values: readonly string[]) =>
  z.enum(values as readonly [string, ...string[]], { error: `must be one of: ${values.join(', ')}` });
export const instrumentType = oneOf(INSTRUMENT_TYPES);
export const topic = oneOf(TOPICS);
export const approach = oneOf(APPROACHES);

/** A query's `from`/`to` years, checked together: `to` must not be before `from`. */
export const yearRangeRefinement: [
  (query: { readonly from?: number | undefined; readonly to?: number | undefined }) => boolean,
  { message: string; path: PropertyKey[] },
] = [
  (query) => query.from === undefined || query.to === undefined || query.from <= query.to,
  { message: 'must not be before from', path: ['to'] },
];

/** Search words (`q`): trimmed, not empty, at most 200 characters. */
export const searchWords = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** Interface language. */
export const language = z.enum(['fr', 'en'], { error: 'must be fr or en' });

/** Maximum page size for JSON pages; downloads (format=csv|json) may ask for more. */
export const MAX_PAGE = 500;
export const MAX_DOWNLOAD = 10_000;

/** limit/offset pagination parameters (decimal digits only: `0x10` or `1e3` are refused). */
export const pagination = {
  limit: decimalInteger(1, MAX_DOWNLOAD)
    .optional()
    .meta({ description: `Page size (default 50, at most ${MAX_PAGE}; downloads up to ${MAX_DOWNLOAD})` }),
  offset: decimalInteger(0, Number.MAX_SAFE_INTEGER, 'must be 0 or more')
    .default(0)
    .meta({ description: 'Number of items to skip' }),
  format: z
    .enum(['json', 'csv'], { error: 'must be json or csv' })
    .optional()
    .meta({ description: 'Download the list as a file (csv or json); the Accept header text/csv works too' }),
  lang: z.enum(['fr', 'en'], { error: 'must be fr or en' }).optional().meta({
    description: 'Language of the CSV column names (default: the lang cookie, then Accept-Language, then en)',
  }),
};
