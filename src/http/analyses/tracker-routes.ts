/**
 * The analyses' endpoints with user input: commitments (list, status update, history), indicator
 * values (series, a user's value) and watches (list, add, remove, hits). Lists download as CSV.
 */
import { titleIn } from '../../extraction/instruments/titles.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageOfSeries, parseIndicatorInput, IndicatorInputSchema } from '../../analysis/indicators.ts';
import { actorOf } from '../../presentation/auth/authenticate.ts';
import { parseWatch } from '../../analysis/watches.ts';
import { commitmentTracker, indicators, todayIso, watchIdFor } from '../../services/analyses.ts';
import { listFormat, pageLimit, requestLanguage, toCsv } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { addMutation } from './mutation.ts';
import { sendFile } from './routes.ts';
import {
  CommitmentParams,
  CommitmentSchema,
  CommitmentsQuery,
  HitSchema,
  HitsQuery,
  IndicatorsQuery,
  SeriesSchema,
  StatusBody,
  StoredIndicatorSchema,
  TrackerSchema,
  WatchBody,
  WatchParams,
  WatchSchema,
} from './schema.ts';

/** A value entered through the API: the user who enters it is the signed-in one, never a field. */
const UserIndicatorBody = IndicatorInputSchema.omit({ enteredBy: true }).strict();

export function trackerRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  const analyses = context.store.analyses;
  addRoute(app, docs, {
    path: '/api/commitments',
    tag: 'analyses',
    summary: 'Commitments with status, deadline, overdue flag; the next dialogue and the roadmap priorities',
    query: CommitmentsQuery,
    response: TrackerSchema,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const today = query.today ?? todayIso();
      const tracker = await commitmentTracker(context.store, {
        ...(query.country === undefined ? {} : { country: query.country }),
        today,
      });
      const commitments =
        query.overdue === true ? tracker.commitments.filter((c) => c.overdue) : tracker.commitments;
      if (query.format === 'csv') {
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          'commitments.csv',
          toCsv(
            commitments,
            [
              { header: 'id', value: (c) => c.id },
              { header: 'status', value: (c) => c.status },
              { header: 'owners', value: (c) => c.owners.join(' ') },
              { header: 'deadline', value: (c) => c.deadline?.value },
              { header: 'deadline_inclusive', value: (c) => c.deadline?.inclusive },
              { header: 'overdue', value: (c) => c.overdue },
              { header: 'next_dialogue', value: (c) => c.nextDialogue },
              { header: 'document_id', value: (c) => c.documentId },
              { header: 'start', value: (c) => c.source.start },
              { header: 'text', value: (c) => c.text },
            ],
            requestLanguage(request),
          ),
        );
      }
      if (query.format === 'json') {
        void reply.header('content-disposition', 'attachment; filename="commitments.json"');
      }
      return { ...tracker, commitments };
    },
  });

  addMutation(app, docs, {
    method: 'patch',
    path: '/api/commitments/:id',
    tag: 'analyses',
    summary:
      "Set a commitment's status (recorded with the signed-in user, in the status history and the audit log)",
    role: 'contributor',
    action: "setting a commitment's status",
    params: CommitmentParams,
    body: StatusBody,
    response: CommitmentSchema,
    handler: ({ params, body, identity }) =>
      analyses.setCommitmentStatus(params.id, body.status, actorOf(identity), body.note ?? null),
  });

  addRoute(app, docs, {
    path: '/api/commitments/:id/history',
    tag: 'analyses',
    summary: "A commitment's status changes, oldest first",
    params: CommitmentParams,
    response: z.object({
      history: z.array(
        z.object({
          commitmentId: z.string(),
          status: z.string(),
          previous: z.string().nullable(),
          changedBy: z.string(),
          note: z.string().nullable(),
          changedAt: z.string(),
        }),
      ),
    }),
    handler: async ({ params }) => ({ history: await analyses.commitmentHistory(params.id) }),
  });

  addRoute(app, docs, {
    path: '/api/indicators',
    tag: 'analyses',
    summary: 'Indicator series, a source for each value (a document span or the user who entered it)',
    description:
      'Paginated by value: `total` counts values; a page holds `limit` values (default 50) grouped in their series.',
    query: IndicatorsQuery,
    response: SeriesSchema,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const format = listFormat(request, query.format);
      const series = await indicators(context.store, {
        ...(query.country === undefined ? {} : { country: query.country }),
        ...(query.instrument === undefined ? {} : { instrumentId: query.instrument }),
      });
      const page = pageOfSeries(series, query.offset, pageLimit(query.limit, format));
      if (format === 'csv') {
        const rows = page.series.flatMap((s) => s.values);
        void reply.header('x-total-count', String(page.total));
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          'indicators.csv',
          toCsv(
            rows,
            [
              { header: 'indicator', value: (v) => v.indicator },
              { header: 'value', value: (v) => v.value },
              { header: 'unit', value: (v) => v.unit },
              { header: 'date', value: (v) => v.date },
              { header: 'country', value: (v) => v.country },
              { header: 'instrument_id', value: (v) => v.instrumentId },
              { header: 'approximate', value: (v) => v.approximate },
              {
                header: 'source',
                value: (v) => ('quote' in v.source ? v.source.documentId : `user:${v.source.enteredBy}`),
              },
              {
                header: 'quote_or_note',
                value: (v) => ('quote' in v.source ? v.source.quote : v.source.note),
              },
            ],
            requestLanguage(request),
          ),
        );
      }
      if (format === 'json') {
        void reply.header('content-disposition', 'attachment; filename="indicators.json"');
      }
      return page;
    },
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/indicators',
    tag: 'analyses',
    summary: "Add a user's indicator value (the signed-in user and the source they name are kept)",
    role: 'contributor',
    action: 'adding an indicator value',
    body: UserIndicatorBody,
    response: StoredIndicatorSchema,
    status: 201,
    handler: ({ request, identity }) =>
      analyses.addIndicator(
        parseIndicatorInput({ ...(request.body as object), enteredBy: identity.user.name }),
        actorOf(identity),
      ),
  });

  addRoute(app, docs, {
    path: '/api/watches',
    tag: 'analyses',
    summary: 'Saved watches with their hit counts',
    response: z.object({ items: z.array(WatchSchema) }),
    handler: async () => ({ items: await analyses.listWatches() }),
  });

  addMutation(app, docs, {
    method: 'post',
    path: '/api/watches',
    tag: 'analyses',
    summary: 'Save a watch: a country, a type, a topic and/or words; ingestion reports matching instruments',
    role: 'contributor',
    action: 'saving a watch',
    body: WatchBody,
    response: WatchSchema,
    status: 201,
    handler: ({ body, identity }) => {
      const { id, name, ...criteria } = body;
      return analyses.addWatch(
        parseWatch({ id: id ?? watchIdFor(name, criteria), name, ...criteria }),
        actorOf(identity),
        // The signed-in user's own watch: its hits are in their feed (/api/feeds/watches.atom).
        identity.user.id,
      );
    },
  });

  addMutation(app, docs, {
    method: 'delete',
    path: '/api/watches/:id',
    tag: 'analyses',
    summary: 'Remove a watch and its hits',
    role: 'contributor',
    action: 'removing a watch',
    params: WatchParams,
    response: z.null(),
    status: 204,
    handler: ({ params, identity }) => analyses.removeWatch(params.id, actorOf(identity)),
  });

  addRoute(app, docs, {
    path: '/api/watches/hits',
    tag: 'analyses',
    summary: 'Instruments ingestion matched to watches, newest first',
    query: HitsQuery,
    response: z.object({ items: z.array(HitSchema) }),
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const items = await analyses.watchHits({
        ...(query.watch === undefined ? {} : { watchId: query.watch }),
        unseen: query.unseen ?? false,
      });
      if (query.format === 'csv') {
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          'watch-hits.csv',
          toCsv(
            items,
            [
              { header: 'watch_id', value: (h) => h.watchId },
              { header: 'watch', value: (h) => h.watchName },
              { header: 'instrument_id', value: (h) => h.instrumentId },
              {
                header: 'instrument',
                value: (h, lang) => titleIn(h.instrumentTitle, lang),
              },
              { header: 'document_id', value: (h) => h.documentId },
              { header: 'reasons', value: (h) => h.reasons.join('; ') },
              { header: 'seen', value: (h) => h.seen },
              { header: 'created_at', value: (h) => h.createdAt },
            ],
            requestLanguage(request),
          ),
        );
      }
      return { items };
    },
  });
}
