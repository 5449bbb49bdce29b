/**
 * Validation of command-line options at the boundary (zod): country codes, taxonomy codes, limits.
 * A bad value becomes an `invalid_input` AtlasError (exit 64) whose message lists what is accepted.
 */
import { z } from 'zod';
import { stateCode } from '../domain/input-schemas.ts';
import { actorById } from '../domain/actors.ts';
import { invalidInput } from '../domain/errors.ts';
import type { Language } from '../domain/model.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../domain/taxonomy.ts';

const codeOf = <T extends readonly [string, ...string[]]>(codes: T, what: string) =>
  z.enum(codes, { error: () => `unknown ${what}; valid codes: ${codes.join(', ')}` });

/** ISO 3166-1 alpha-2, upper case, a state of the registry ("ml" is accepted and becomes "ML"). */
/** A state's ISO alpha-2 code: the same check as the API's filters and bodies. */
export const CountryCode = stateCode;

/** Any party of the registry: a state (alpha-2) or a taxonomy organization code (EU, IOM…). */
export const ActorCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => actorById(value) !== undefined, {
    error: 'expected a state (ISO alpha-2 such as ML) or an organization code such as EU, IOM, UNHCR',
  });

export const LanguageOption = z.enum(['fr', 'en'], { error: () => 'expected fr or en' });

/** The options shared by every command. */
export const GlobalOptions = z.object({
  data: z.string().min(1).optional(),
  database: z.string().min(1).optional(),
  lang: LanguageOption.default('en'),
});
export type GlobalOptions = {
  readonly data?: string | undefined;
  /** `--database`: a postgres:// URL or a SQLite file (else DATABASE_URL, else the data folder). */
  readonly database?: string | undefined;
  readonly lang: Language;
};

const positiveInt = (max: number) =>
  z.coerce
    .number({ error: () => 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

export const InstrumentsOptions = z.object({
  country: CountryCode.optional(),
  party: ActorCode.optional(),
  type: codeOf(INSTRUMENT_TYPES, 'instrument type').optional(),
  topic: codeOf(TOPICS, 'topic').optional(),
  approach: codeOf(APPROACHES, 'approach').optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  limit: positiveInt(10_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  json: z.boolean().default(false),
});

export const IngestOptions = z.object({
  json: z.boolean().default(false),
  maxBytes: positiveInt(2 ** 31).optional(),
  // The extraction cannot fold a text longer than the engine's largest string (2^29 units).
  maxChars: positiveInt(2 ** 28).optional(),
  workers: positiveInt(64).optional(),
  restrictedTo: z.string().trim().min(1).max(200).optional(),
});

export const JsonOption = z.object({ json: z.boolean().default(false) });

/** Parses `raw` with `schema`, or throws invalid_input naming the first bad option (`--type: …`). */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const flag = path === '' ? 'options' : `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const given =
    issue !== undefined && path !== '' && typeof raw === 'object' && raw !== null
      ? (raw as Record<string, unknown>)[path]
      : undefined;
  const shown = typeof given === 'string' || typeof given === 'number' ? ` "${given}"` : '';
  throw invalidInput(flag, `invalid value${shown}: ${issue?.message ?? 'invalid'}`);
}
