/**
 * The analyses' read endpoints: comparisons (and their downloadable report), the consistency of a
 * document, the coordination view for a partner (JSON or CSV), and conditionality timelines.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { coordinationCsv } from '../../analysis/coordination.ts';
import { comparisonReportHtml, comparisonReportMarkdown } from '../../analysis/report.ts';
import type { Comparison } from '../../domain/analysis-model.ts';
import {
  comparison,
  comparisonQuestions,
  conditionality,
  consistency,
  coordination,
} from '../../services/analyses.ts';
import { wholeQuestion } from '../../analysis/questions.ts';
import { requestLanguage, toCsv } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import {
  CompareQuery,
  CompareResponse,
  ConditionalityQuery,
  ConsistencySchema,
  CoordinationSchema,
  CountryParams,
  DocumentIdParams,
  FormatQuery,
  ReportQuery,
  TimelinesSchema,
} from './schema.ts';
import { z } from 'zod';

/** Sends a file download (`attachment; filename=…`). */
export function sendFile(reply: FastifyReply, type: string, filename: string, body: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(body);
}

/** The comparisons a report gathers: the questions asked, or the ten most answered. */
export async function reportComparisons(
  context: ApiContext,
  questions: readonly string[],
): Promise<Comparison[]> {
  const chosen =
    questions.length > 0
      ? questions.map((question) => ({ question }))
      : (await comparisonQuestions(context.store)).slice(0, 10);
  return Promise.all(chosen.map((q) => comparison(context.store, q)));
}

export function analysisRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addRoute(app, docs, {
    path: '/api/compare',
    tag: 'analyses',
    summary: 'Which countries report something: count, list and evidence (no criteria: the questions)',
    description:
      'With `question`, compares the stored country positions; with `type`, `approach` or `topic`, the ' +
      'stored instruments. Without any, lists the questions the positions answer, with counts.',
    query: CompareQuery,
    response: CompareResponse,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const criteria = (query.type?.length ?? 0) + (query.approach?.length ?? 0) + (query.topic?.length ?? 0);
      if (query.question === undefined && criteria === 0) {
        const questions = await comparisonQuestions(context.store);
        if (query.format === 'csv') {
          return sendFile(
            reply,
            'text/csv; charset=utf-8',
            'questions.csv',
            toCsv(
              questions,
              [
                { header: 'question', value: (q) => wholeQuestion(q.question) },
                { header: 'stance', value: (q) => q.stance },
                { header: 'countries', value: (q) => q.countries },
                { header: 'stated', value: (q) => q.stated.join(' ') },
              ],
              requestLanguage(request),
            ),
          );
        }
        // `asked`: the predicate as a whole question with its subject ("Which countries use…?").
        return { questions: questions.map((q) => ({ ...q, asked: wholeQuestion(q.question) })) };
      }
      const result = await comparison(context.store, {
        ...(query.question === undefined ? {} : { question: query.question }),
        ...(query.stance === undefined ? {} : { stance: query.stance }),
        types: query.type ?? [],
        approaches: query.approach ?? [],
        topics: query.topic ?? [],
        // The question built from instrument criteria, in the request's language.
        lang: requestLanguage(request),
      });
      if (query.format === 'csv') {
        const rows = result.evidence.flatMap((e) => e.evidence.map((ev) => ({ country: e.country, ev })));
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          'comparison.csv',
          toCsv(
            rows,
            [
              { header: 'country', value: (r) => r.country },
              { header: 'document_id', value: (r) => r.ev.documentId },
              { header: 'start', value: (r) => r.ev.start },
              { header: 'end', value: (r) => r.ev.end },
              { header: 'quote', value: (r) => r.ev.quote },
            ],
            requestLanguage(request),
          ),
        );
      }
      return result;
    },
  });

  addRoute(app, docs, {
    path: '/api/reports/compare',
    tag: 'analyses',
    summary:
      'Comparison report (Markdown or HTML, French or English) with counts, lists, sources and a chart',
    query: ReportQuery,
    response: z.string().meta({ description: 'The report file (text/markdown or text/html)' }),
    handler: async ({ query, reply }) => {
      const comparisons = await reportComparisons(context, query.questions ?? []);
      const options = { language: query.lang, ...(query.title === undefined ? {} : { title: query.title }) };
      return query.format === 'md'
        ? sendFile(
            reply,
            'text/markdown; charset=utf-8',
            `comparison-${query.lang}.md`,
            comparisonReportMarkdown(comparisons, options),
          )
        : sendFile(
            reply,
            'text/html; charset=utf-8',
            `comparison-${query.lang}.html`,
            comparisonReportHtml(comparisons, options),
          );
    },
  });

  addRoute(app, docs, {
    path: '/api/documents/:id/consistency',
    tag: 'analyses',
    summary:
      "A synthesis's inconsistencies: stated count vs list, conflicting counts, overlapping lists, both sides",
    params: DocumentIdParams,
    response: ConsistencySchema,
    handler: async ({ params }) => consistency(context.store, params.id),
  });

  addRoute(app, docs, {
    path: '/api/coordination/:country',
    tag: 'analyses',
    summary:
      "Coordination view for a partner country: every actor's instruments, money and topics, overlaps, gaps",
    params: CountryParams,
    query: FormatQuery,
    response: CoordinationSchema,
    downloadable: true,
    handler: async ({ params, query, request, reply }) => {
      const view = await coordination(context.store, params.country);
      if (query.format === 'csv') {
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          `coordination-${params.country}.csv`,
          coordinationCsv(view, requestLanguage(request)),
        );
      }
      if (query.format === 'json') {
        void reply.header(
          'content-disposition',
          `attachment; filename="coordination-${params.country}.json"`,
        );
      }
      return view;
    },
  });

  addRoute(app, docs, {
    path: '/api/conditionality',
    tag: 'analyses',
    summary: 'Conditionality tracker: leverage steps and approaches attributed, per country',
    query: ConditionalityQuery,
    response: TimelinesSchema,
    downloadable: true,
    handler: async ({ query, request, reply }) => {
      const timelines = await conditionality(
        context.store,
        query.country === undefined ? {} : { country: query.country },
      );
      if (query.format === 'csv') {
        const rows = timelines.flatMap((t) => [
          ...t.steps.map((s) => ({
            country: t.country,
            record: 'step',
            what: s.kind,
            extra: s.legalBasis ?? '',
            date: s.date?.value ?? '',
            source: s.source,
          })),
          ...t.approaches.map((a) => ({
            country: t.country,
            record: 'approach',
            what: a.approach,
            extra: a.stance,
            date: '',
            source: a.source,
          })),
        ]);
        return sendFile(
          reply,
          'text/csv; charset=utf-8',
          'conditionality.csv',
          toCsv(
            rows,
            [
              { header: 'country', value: (r) => r.country },
              { header: 'record', value: (r) => r.record },
              { header: 'kind', value: (r) => r.what },
              { header: 'detail', value: (r) => r.extra },
              { header: 'date', value: (r) => r.date },
              { header: 'document_id', value: (r) => r.source.documentId },
              { header: 'start', value: (r) => r.source.start },
              { header: 'quote', value: (r) => r.source.quote },
            ],
            requestLanguage(request),
          ),
        );
      }
      return { timelines };
    },
  });
}
