/**
 * PUT /api/{documents,instruments,claims}/:id/restriction: restrict a record to an organisation
 * ({organisation: "<id>"}) or make it public again ({organisation: null}), with a reason. Admins,
 * or reviewers of that organisation; a record the user cannot see is not found (404).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../presentation/auth/authenticate.ts';
import { changeRestriction } from '../../services/restrictions.ts';
import { RESTRICTABLE } from '../../storage/atlas-store.ts';
import { addMutation } from '../analyses/mutation.ts';
import type { ApiContext, RouteDoc } from '../route.ts';

const RestrictionParams = z.strictObject({ id: z.string().min(1).max(200) });

export const RestrictionBody = z.strictObject({
  organisation: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .meta({ description: 'The organisation id to restrict the record to; null makes it public' }),
  reason: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
});

const RestrictionSchema = z.object({
  kind: z.enum(RESTRICTABLE),
  id: z.string(),
  restrictedTo: z.string().nullable(),
  before: z.string().nullable(),
});

const PATHS = { document: 'documents', instrument: 'instruments', claim: 'claims' } as const;

export function restrictionRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  for (const kind of RESTRICTABLE) {
    addMutation(app, docs, {
      method: 'put',
      path: `/api/${PATHS[kind]}/:id/restriction`,
      tag: 'review',
      summary: `Restrict the ${kind} to an organisation, or make it public (admins, reviewers of that organisation)`,
      description:
        'To everyone outside the organisation the record then does not exist (404, absent from lists, counts, search and exports). Logged in the audit log with the reason.',
      role: 'reviewer',
      action: 'restricting a record',
      params: RestrictionParams,
      body: RestrictionBody,
      response: RestrictionSchema,
      handler: async ({ params, body, identity }) =>
        changeRestriction(context.store, identity, actorOf(identity), {
          kind,
          id: params.id,
          organisation: body.organisation,
          reason: body.reason === undefined || body.reason === '' ? null : body.reason,
        }),
    });
  }
}
