/** Request and response shapes of the contribution endpoints (manual records with sources). */
import { z } from 'zod';
import {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATES,
  ContributedCommitmentSchema,
  ContributedEventSchema,
  ContributedInstrumentSchema,
  RejectionReason,
} from '../../domain/contributions.ts';
import { pagination } from '../validation.ts';

export const ContributionBody = ContributedInstrumentSchema;
export const EventContributionBody = ContributedEventSchema;
export const CommitmentContributionBody = ContributedCommitmentSchema;

export const ContributionQuery = z.strictObject({
  state: z
    .enum(CONTRIBUTION_STATES, { error: `must be one of ${CONTRIBUTION_STATES.join(', ')}` })
    .optional()
    .meta({ description: 'pending, accepted or rejected; all when absent' }),
  ...pagination,
});

export const ContributionParams = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^con_[0-9a-f-]{36}$/, 'must be a contribution id (con_…)'),
});

export const RejectBody = z.strictObject({ reason: RejectionReason });

export const ContributionSchema = z.object({
  id: z.string(),
  kind: z.enum(CONTRIBUTION_KINDS),
  record: z.union([ContributedInstrumentSchema, ContributedEventSchema, ContributedCommitmentSchema]),
  assertedBy: z.string().meta({ description: 'user:<id> of the contributor' }),
  state: z.enum(CONTRIBUTION_STATES),
  reviewedBy: z.string().nullable(),
  reason: z.string().nullable(),
  instrumentId: z.string().nullable().meta({ description: 'The published instrument, once accepted' }),
  recordId: z.string().nullable().meta({
    description: 'The published record once accepted: ins_… instrument, ev_… event, st_… commitment',
  }),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
