/** Request and response schemas of the actor resource. */
import { z } from 'zod';
import { pageOf } from '../common-schema.ts';
import { pagination } from '../validation.ts';

export const ActorListQuery = z.strictObject({
  kind: z
    .enum(['state', 'organization', 'grouping'], { error: 'must be state, organization or grouping' })
    .optional(),
  q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  active: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .meta({ description: 'true: only actors party to at least one instrument' }),
  ...pagination,
});

export const ActorSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.object({ en: z.string(), fr: z.string() }),
  instrumentCount: z.number().int(),
});

export const ActorPage = pageOf(ActorSchema);
