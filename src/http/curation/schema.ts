/** Request and response shapes of the merge and split endpoints (a reviewer's work on instruments). */
import { z } from 'zod';
import { InstrumentId, Reason } from '../../domain/curation.ts';

export const InstrumentIdParams = z.strictObject({ id: InstrumentId });

export const MergeBody = z.strictObject({
  into: InstrumentId.meta({ description: 'The instrument kept: every claim and document moves to it' }),
  reason: Reason.meta({ description: 'Why the two are one (kept in the audit log)' }),
});

export const SplitBody = z.strictObject({
  claims: z
    .array(z.number().int().min(1))
    .min(1, 'choose the claims that go to the new instrument')
    .max(1000)
    .meta({
      description: 'Claim ids (as GET /api/instruments/:id lists them) that move to the new instrument',
    }),
  reason: Reason.meta({ description: 'Why the instrument was two (kept in the audit log)' }),
});

export const MergeResultSchema = z.object({
  kept: z.string(),
  merged: z.string().meta({ description: 'Now answers 308 to the kept instrument' }),
  claimsMoved: z.number().int(),
  documents: z.number().int().meta({ description: 'Documents the kept instrument is found in' }),
});

export const SplitResultSchema = z.object({
  source: z.string(),
  created: z.string(),
  claimsMoved: z.number().int(),
});
