/** Request and response shapes of the review endpoints. */
import { z } from 'zod';
import { INSTRUMENT_TYPES } from '../../domain/taxonomy.ts';
import { MULTI_VALUED, SINGLE_VALUED } from '../../domain/review.ts';
import { ClaimSchema } from '../common-schema.ts';
import { countryFilter, pagination } from '../validation.ts';

const PROPERTIES = [...SINGLE_VALUED, ...MULTI_VALUED] as const;
const STATES = ['unreviewed', 'confirmed', 'rejected', 'corrected', 'superseded'] as const;

export const QueueQuery = z.strictObject({
  country: countryFilter.optional().meta({ description: 'Instruments with this party state' }),
  type: z.enum(INSTRUMENT_TYPES, { error: 'must be an instrument type code' }).optional(),
  document: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Facts read from this document' }),
  property: z.enum(PROPERTIES, { error: `must be one of ${PROPERTIES.join(', ')}` }).optional(),
  state: z
    .enum(STATES, { error: `must be one of ${STATES.join(', ')}` })
    .optional()
    .meta({ description: 'Default unreviewed' }),
  ...pagination,
});

export const ClaimParams = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be a claim number')
    .transform(Number),
});

const Reason = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const DecisionBody = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ decision: z.literal('accept'), reason: Reason.optional() }),
    z.strictObject({
      decision: z.literal('correct'),
      value: z.unknown().meta({ description: "The right value, in the property's shape" }),
      reason: Reason.optional(),
    }),
    z.strictObject({ decision: z.literal('reject'), reason: Reason.min(1, 'is required to reject a fact') }),
  ],
  { error: 'decision must be accept, correct or reject' },
);

export const ReviewItemSchema = ClaimSchema.extend({
  instrument: z.object({ id: z.string(), title: z.string(), type: z.string() }).nullable(),
  supersedes: z.number().int().nullable(),
  reviewReason: z.string().nullable(),
});
