/**
 * Manual records with sources over HTTP: a contributor adds an instrument, an event or a commitment
 * no document names yet, citing a web page or a span of a stored document; it stays unpublished until a reviewer
 * accepts it (then it is a record like any other, its source as evidence) or rejects it.
 */
import type { FastifyInstance } from 'fastify';
import { pageOf } from '../common-schema.ts';
import { addMutation } from '../analyses/mutation.ts';
import { actorOf, requireRole } from '../../presentation/auth/authenticate.ts';
import { pageLimit } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import {
  CommitmentContributionBody,
  ContributionBody,
  EventContributionBody,
  ContributionParams,
  ContributionQuery,
  ContributionSchema,
  RejectBody,
} from './schema.ts';

export function contributionRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  const contributions = context.store.contributions;

  addMutation(app, docs, {
    method: 'post',
    path: '/api/contributions/instruments',
    tag: 'contributions',
    summary: 'Contribute an instrument with its source (pending until a reviewer accepts it)',
    description:
      'The source is {kind: "url", url, quote?} or {kind: "document", documentId, start, end}. The contribution is not published — absent from lists, counts, search, the map and exports — until a reviewer accepts it.',
    role: 'contributor',
    action: 'contributing an instrument',
    body: ContributionBody,
    status: 201,
    response: ContributionSchema,
    handler: async ({ body, identity }) => contributions.contributeInstrument(body, actorOf(identity)),
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/contributions/events',
    tag: 'contributions',
    summary:
      'Contribute an event (a meeting, a visit…) with its source (pending until a reviewer accepts it)',
    description:
      '{kind, title, date?, place?, participants[], source}. Unpublished — absent from lists, counts and exports — until a reviewer accepts it; then published as event ev_<contribution id>.',
    role: 'contributor',
    action: 'contributing an event',
    body: EventContributionBody,
    status: 201,
    response: ContributionSchema,
    handler: async ({ body, identity }) => contributions.contributeEvent(body, actorOf(identity)),
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/contributions/commitments',
    tag: 'contributions',
    summary: 'Contribute a commitment with its source (pending until a reviewer accepts it)',
    description:
      '{text, owners[], deadline?, topics[], source}. Unpublished until a reviewer accepts it; then an open commitment st_<contribution id> in the tracker.',
    role: 'contributor',
    action: 'contributing a commitment',
    body: CommitmentContributionBody,
    status: 201,
    response: ContributionSchema,
    handler: async ({ body, identity }) => contributions.contributeCommitment(body, actorOf(identity)),
  });

  addRoute(app, docs, {
    path: '/api/contributions',
    tag: 'contributions',
    summary: 'Contributions, oldest first (reviewers)',
    query: ContributionQuery,
    response: pageOf(ContributionSchema),
    handler: async ({ query, request }) => {
      requireRole(request, 'reviewer', 'the contributions to review');
      return contributions.list(query.state, {
        limit: pageLimit(query.limit, 'page', 20),
        offset: query.offset,
      });
    },
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/contributions/:id/accept',
    tag: 'contributions',
    summary: 'Accept a contribution: it is published as a record, its source as evidence',
    role: 'reviewer',
    action: 'accepting a contribution',
    params: ContributionParams,
    response: ContributionSchema,
    handler: async ({ params, identity }) => contributions.accept(params.id, actorOf(identity)),
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/contributions/:id/reject',
    tag: 'contributions',
    summary: 'Reject a contribution with a reason: it is never published',
    role: 'reviewer',
    action: 'rejecting a contribution',
    params: ContributionParams,
    body: RejectBody,
    response: ContributionSchema,
    handler: async ({ params, body, identity }) =>
      contributions.reject(params.id, actorOf(identity), body.reason),
  });
}
