/**
 * What a reviewer may assert about an instrument: the shape of a corrected value per property,
 * checked before it becomes a claim. Pure: no I/O.
 */
import { z } from 'zod';
import { invalidInput } from './errors.ts';
import { ACTOR_ID_PATTERN } from './actors.ts';
import { LEGAL_FORMS, PARTY_ROLES } from './model.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from './taxonomy.ts';

export { LEGAL_FORMS };
const DATE_ROLES = ['signature', 'launch', 'meeting', 'end', 'adoption', 'mentioned'] as const;

const isoPartial = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** Properties of an instrument that hold one value (the preferred claim wins). */
export const SINGLE_VALUED = ['type', 'title', 'legal_form', 'binding'] as const;
/** Properties with several values (each value is kept unless reviewers rejected it). */
export const MULTI_VALUED = ['party', 'topic', 'approach', 'date', 'amount'] as const;
export type ReviewableProperty = (typeof SINGLE_VALUED)[number] | (typeof MULTI_VALUED)[number];

const VALUE_SCHEMAS: Readonly<Record<ReviewableProperty, z.ZodType>> = {
  type: z.enum(INSTRUMENT_TYPES),
  title: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(500)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
  legal_form: z.enum(LEGAL_FORMS),
  binding: z.boolean(),
  party: z.object({
    actorId: z.string().regex(ACTOR_ID_PATTERN, 'must be an actor id'),
    role: z.enum(PARTY_ROLES as unknown as [string, ...string[]]),
  }),
  topic: z.enum(TOPICS),
  approach: z.enum(APPROACHES),
  date: z.object({
    value: isoPartial,
    precision: z.enum(['year', 'month', 'day']),
    role: z.enum(DATE_ROLES),
  }),
  amount: z.object({
    value: z.number().finite().min(0).max(1e15),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    approximate: z.boolean(),
  }),
};

export const isReviewable = (property: string): property is ReviewableProperty => property in VALUE_SCHEMAS;

/** The corrected value, checked against its property's shape; throws invalid_input. */
export function correctedValue(property: string, raw: unknown): unknown {
  if (!isReviewable(property)) throw invalidInput('property', `${property} cannot be corrected`);
  const parsed = VALUE_SCHEMAS[property].safeParse(raw);
  if (!parsed.success) {
    throw invalidInput('value', parsed.error.issues.map((i) => i.message).join('; '));
  }
  return parsed.data;
}

/** The key under which two values of a multi-valued property are the same value. */
export function valueKey(property: string, value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const v = value as Record<string, unknown>;
  switch (property) {
    case 'party':
      return `${String(v.actorId)}|${String(v.role)}`;
    case 'date':
      return `${String(v.value)}|${String(v.role)}`;
    case 'amount':
      return `${String(v.value)}|${String(v.currency)}`;
    default:
      return JSON.stringify(value);
  }
}
