/**
 * Review over HTTP: the queue of extracted facts, least confident first (reviewers only), and a
 * reviewer's decision on one fact: accept, correct (the value becomes the reviewer's claim; the
 * extractor's is kept, superseded) or reject with a reason. Each decision is in the audit log.
 */
import type { FastifyInstance } from 'fastify';
import { pageOf } from '../common-schema.ts';
import { addMutation } from '../analyses/mutation.ts';
import { actorOf, requireRole } from '../../presentation/auth/authenticate.ts';
import { pageLimit } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { ClaimParams, DecisionBody, QueueQuery, ReviewItemSchema } from './schema.ts';

export function reviewRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  const review = context.store.review;

  addRoute(app, docs, {
    path: '/api/review/queue',
    tag: 'review',
    summary: 'Extracted facts to review, least confident first (reviewers)',
    description: 'Filters: country (a party state), type (of the instrument), document, property, state.',
    query: QueueQuery,
    response: pageOf(ReviewItemSchema),
    handler: async ({ query, request }) => {
      requireRole(request, 'reviewer', 'the review queue');
      return review.queue(
        {
          ...(query.country === undefined ? {} : { country: query.country }),
          ...(query.type === undefined ? {} : { type: query.type }),
          ...(query.document === undefined ? {} : { documentId: query.document }),
          ...(query.property === undefined ? {} : { property: query.property }),
          ...(query.state === undefined ? {} : { state: query.state }),
        },
        { limit: pageLimit(query.limit, 'page', 20), offset: query.offset },
      );
    },
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/review/claims/:id',
    tag: 'review',
    summary: 'Decide on a fact: accept, correct {value} or reject {reason}',
    description:
      'Answers the decided claim (for a correction, the new claim asserted by the reviewer). The reviewed value wins in every view, list, count and export.',
    role: 'reviewer',
    action: 'reviewing a fact',
    params: ClaimParams,
    body: DecisionBody,
    response: ReviewItemSchema,
    handler: async ({ params, body, identity }) => {
      const actor = actorOf(identity);
      const reason = body.reason === undefined || body.reason === '' ? null : body.reason;
      switch (body.decision) {
        case 'accept':
          return review.accept(params.id, actor, reason);
        case 'correct':
          return review.correct(params.id, body.value, actor, reason);
        case 'reject':
          return review.reject(params.id, actor, body.reason);
      }
    },
  });
}
