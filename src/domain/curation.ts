/**
 * What a reviewer may do to the shape of the record set: merge two instruments that are one,
 * split one that was two, link two with a typed relation and its evidence. The inputs are checked
 * here, before any adapter touches the database. Pure: no I/O.
 */
import { z } from 'zod';
import { userText, webUrl } from './input-schemas.ts';
import { LINK_RELATIONS, type LinkRelation } from './model.ts';
import { APPROACHES, type ApproachCode } from './taxonomy.ts';

export const InstrumentId = z
  .string()
  .trim()
  .regex(/^ins_[A-Za-z0-9_-]{1,64}$/, 'must be an instrument id (ins_…)');

/** Why a change was made: required, one paragraph at most. */
export const Reason = userText(1000, { min: 1 });

export const LinkRelationSchema = z.enum(LINK_RELATIONS, {
  error: `must be one of ${LINK_RELATIONS.join(', ')}`,
});

/** `START-END`: a half-open character range of the document's text. */
export const SpanText = z
  .string()
  .trim()
  .regex(/^\d{1,10}-\d{1,10}$/, 'must be START-END, character offsets such as 120-245')
  .transform((value) => {
    const [start, end] = value.split('-').map(Number) as [number, number];
    return { start, end };
  })
  .refine((span) => span.end > span.start, 'END must be after START');

/** The longest quote a person may cite as a link's evidence. */
export const MAX_LINK_QUOTE = 2000;

/** Where a link's evidence is: a span of a stored document, or a source outside the atlas. */
export type LinkEvidence =
  | { readonly kind: 'document'; readonly documentId: string; readonly start: number; readonly end: number }
  | { readonly kind: 'source'; readonly url: string };

export interface LinkInput {
  readonly from: string;
  readonly to: string;
  readonly relation: LinkRelation;
  /** For issue linkages: the approach the link expresses (conditionality, linkage). */
  readonly approach: ApproachCode | null;
  readonly evidence: LinkEvidence;
  readonly reason: string | null;
}

export const LinkInputSchema = z
  .object({
    from: InstrumentId,
    to: InstrumentId,
    relation: LinkRelationSchema,
    approach: z.enum(APPROACHES, { error: `must be one of ${APPROACHES.join(', ')}` }).nullable(),
    evidence: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('document'),
        documentId: z.string().trim().min(1).max(200),
        start: z.number().int().min(0),
        end: z.number().int().min(1),
      }),
      z.object({ kind: z.literal('source'), url: webUrl }),
    ]),
    reason: Reason.nullable(),
  })
  .refine((input) => input.from !== input.to, {
    message: 'an instrument cannot be linked to itself',
    path: ['to'],
  })
  .refine((input) => input.evidence.kind !== 'document' || input.evidence.end > input.evidence.start, {
    message: 'END must be after START',
    path: ['span'],
  });
