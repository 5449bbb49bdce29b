/**
 * Merge and split over HTTP (reviewers): merge an instrument into the one it duplicates (its
 * claims, documents and links move; its id then answers 308 to the kept one), or split chosen
 * claims of an instrument into a new one. Each is one transaction with its audit entries, whose
 * actor is the signed-in reviewer and whose reason is the one given here.
 */
import type { FastifyInstance } from 'fastify';
import { addMutation } from '../analyses/mutation.ts';
import { actorOf } from '../../presentation/auth/authenticate.ts';
import type { ApiContext, RouteDoc } from '../route.ts';
import { InstrumentIdParams, MergeBody, MergeResultSchema, SplitBody, SplitResultSchema } from './schema.ts';

export function curationRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  const curation = context.store.curation;

  addMutation(app, docs, {
    method: 'post',
    path: '/api/instruments/:id/merge',
    tag: 'curation',
    summary: 'Merge this instrument into another {into, reason}: the two were one',
    description:
      'All claims, evidence, documents and links move to `into`; the merged id then answers 308 Permanent Redirect to it. 409 when either was merged already.',
    role: 'reviewer',
    action: 'merging instruments',
    params: InstrumentIdParams,
    body: MergeBody,
    response: MergeResultSchema,
    handler: async ({ params, body, identity }) =>
      curation.merge(body.into, params.id, actorOf(identity), body.reason),
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/instruments/:id/split',
    tag: 'curation',
    summary: 'Split chosen claims of this instrument into a new one {claims, reason}: it was two',
    description:
      'The chosen claims (with their corrections) and their evidence move to a new instrument; they must include a type and a title claim, and leave some claims behind.',
    role: 'reviewer',
    action: 'splitting an instrument',
    params: InstrumentIdParams,
    body: SplitBody,
    status: 201,
    response: SplitResultSchema,
    handler: async ({ params, body, identity }) =>
      curation.split(params.id, [...new Set(body.claims)], actorOf(identity), body.reason),
  });
}
