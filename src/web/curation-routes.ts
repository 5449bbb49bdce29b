/**
 * The web side of merge and split (reviewers): the panel on an instrument page and the two form
 * posts behind it. Each post is checked like the API's (reviewer role, CSRF token of the session
 * by the global write guard, zod-validated form) and redirects (303) to the instrument that
 * stands for the record afterwards: the kept one after a merge, the new one after a split.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InstrumentId, Reason } from '../domain/curation.ts';
import { actorOf, requireRole } from '../presentation/auth/authenticate.ts';
import type { ApiContext } from '../presentation/context.ts';
import { parseRequest } from '../presentation/request-validation.ts';
import type { AtlasStore, InstrumentDetail } from '../storage/atlas-store.ts';
import { retryWhileBusy, SERVER_BUSY_RETRY } from '../storage/busy.ts';
import { acceptForms } from './form-body.ts';
import { html, type SafeHtml } from './html.ts';
import type { Translator } from './i18n.ts';
import { curationPanel, mergedHereList } from './pages/curation.ts';
import { mayUse, viewerOf } from './viewer.ts';

const Params = z.object({ id: InstrumentId });
const MergeForm = z.object({ into: InstrumentId, reason: Reason }).loose();
const ClaimIdText = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'must be claim numbers')
  .transform(Number);
const SplitForm = z
  .object({
    // One ticked box arrives as a string, several as a list; none as nothing.
    claims: z.preprocess(
      (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
      z.array(ClaimIdText).min(1, 'tick the facts that go to the new instrument'),
    ),
    reason: Reason,
  })
  .loose();

/** Merge candidates offered in the form: instruments of the same type, by title. */
const CANDIDATES = 200;

/** What an instrument page shows about merges: the merged-in list, and the panel for reviewers. */
export async function curationSections(
  store: AtlasStore,
  instrument: InstrumentDetail,
  request: FastifyRequest,
  tr: Translator,
): Promise<SafeHtml> {
  const viewer = viewerOf(request);
  const merged = mergedHereList(await store.curation.mergedInto(instrument.id), tr);
  if (!mayUse(viewer, 'reviewer')) return html`${merged}`;
  const candidates = await store.queries.instruments(
    { type: instrument.type },
    { limit: CANDIDATES, offset: 0 },
    'title',
  );
  return html`${merged}${curationPanel(instrument, candidates.items, viewer, tr)}`;
}

export function registerCurationWeb(app: FastifyInstance, context: ApiContext): void {
  const { store } = context;
  void app.register((scope, _options, done) => {
    acceptForms(scope);

    scope.post('/instruments/:id/merge', async (request, reply) => {
      const identity = requireRole(request, 'reviewer', 'merging instruments');
      const { id } = parseRequest(Params, request.params);
      const form = parseRequest(MergeForm, request.body ?? {});
      const result = await retryWhileBusy('the merge', SERVER_BUSY_RETRY, () =>
        store.curation.merge(form.into, id, actorOf(identity), form.reason),
      );
      return reply.redirect(`/instruments/${encodeURIComponent(result.kept)}`, 303);
    });

    scope.post('/instruments/:id/split', async (request, reply) => {
      const identity = requireRole(request, 'reviewer', 'splitting an instrument');
      const { id } = parseRequest(Params, request.params);
      const form = parseRequest(SplitForm, request.body ?? {});
      const result = await retryWhileBusy('the split', SERVER_BUSY_RETRY, () =>
        store.curation.split(id, [...new Set(form.claims)], actorOf(identity), form.reason),
      );
      return reply.redirect(`/instruments/${encodeURIComponent(result.created)}`, 303);
    });
    done();
  });
}
