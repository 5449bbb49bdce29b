/**
 * GET /api/feeds/watches.atom: the hits of the signed-in user's own watches as an Atom feed. A
 * feed reader cannot send headers, so this route alone also takes the API token as `?token=`
 * (any scope: reading one's own hits needs no more than `read`); the request log redacts it (see
 * redactedUrl). A session cookie or `Authorization: Bearer` works too; nothing else gets a feed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { feedTokenRequired } from '../../domain/errors.ts';
import type { User } from '../../domain/people.ts';
import { viewerOfUser } from '../../domain/viewer.ts';
import { requestLanguage } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { FEED_LIMIT, FEED_PATH, watchFeed, watchFeedText } from '../../presentation/feeds/atom.ts';

const FeedQuery = z.strictObject({
  token: z.string().min(1).max(200).optional().meta({
    description: 'An API token (mda user token EMAIL --scope read), for readers that cannot send headers',
  }),
  lang: z.enum(['fr', 'en'], { error: 'must be fr or en' }).optional(),
});

export function feedRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  const { store } = context;

  /** The feed's user: the query token when given (a wrong one is refused), else the request's. */
  async function feedUser(request: FastifyRequest, token: string | undefined): Promise<User> {
    if (token !== undefined) {
      const found = await store.people.tokenUser(token);
      if (found === undefined) throw feedTokenRequired();
      return found.user;
    }
    if (request.identity === null) throw feedTokenRequired();
    return request.identity.user;
  }

  addRoute(app, docs, {
    path: FEED_PATH,
    tag: 'analyses',
    summary: 'Atom feed of the hits of your own watches, newest first (at most 50); needs an API token',
    description:
      'Authenticated with an API token as `?token=` (for feed readers) or `Authorization: Bearer`, or a session. Answers application/atom+xml.',
    query: FeedQuery,
    response: z.string().meta({ description: 'An Atom 1.0 document (application/atom+xml)' }),
    handler: async ({ query, request, reply }) => {
      const user = await feedUser(request, query.token);
      // The feed's user sees their organisation's restricted records (the token, not the request, says who).
      const hits = await store.actingAs(viewerOfUser(user), () =>
        store.analyses.watchHits({ ownerId: user.id, limit: FEED_LIMIT }),
      );
      const body = watchFeed({
        base: `${request.protocol}://${request.host}`,
        userId: user.id,
        hits,
        now: new Date().toISOString(),
        text: watchFeedText(requestLanguage(request)),
      });
      // Private to the token's user: no shared cache may keep it.
      return reply
        .header('cache-control', 'private, no-store')
        .type('application/atom+xml; charset=utf-8')
        .send(body);
    },
  });
}
