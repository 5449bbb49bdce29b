/**
 * Who a request looks as, for restricted records: the Viewer of its identity (domain/viewer.ts),
 * built once per request after authentication. The handler and everything it awaits read the
 * store as that viewer (`AtlasStore.actingAs`); a record restricted to another organisation does
 * not exist there: not found, and absent from every list, count and export.
 */
import type { FastifyInstance } from 'fastify';
import { EVERYTHING, viewerOf } from '../domain/viewer.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';

/**
 * Runs each request's handler as the viewer of its identity (after the body is parsed). While no
 * record is restricted at all, everyone sees the same atlas: the request reads unfiltered, which
 * spares every query the visibility subqueries (they cost SQLite its indexes on joined tables).
 */
export function installViewer(app: FastifyInstance, store: AtlasStore): void {
  app.addHook('preHandler', (request, _reply, done) => {
    store.restrictions
      .anyRestricted()
      .then(async (any) => {
        if (!any) return EVERYTHING;
        const viewer = viewerOf(request.identity);
        // The viewer's hidden records listed once per data version, not recomputed per statement.
        await store.restrictions.prepareViewer(viewer);
        return viewer;
      })
      .then((viewer) => store.actingAs(viewer, done), done);
  });
}
