/**
 * GET /upload: the upload form for contributors and, with `?batch=`, the state of that upload's
 * jobs with what each finished one found (the form itself posts to POST /upload, in http/jobs).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiContext } from '../presentation/context.ts';
import { parseRequest } from '../presentation/request-validation.ts';
import { mayUse, viewerOf } from './viewer.ts';
import { uploadPage, type UploadJobView } from './pages/upload.ts';
import { pickLanguage, translator } from './i18n.ts';
import { sendPage } from './routes.ts';

const UploadQuery = z
  .object({
    batch: z
      .string()
      .regex(/^[\w-]{1,100}$/, 'must be an upload number')
      .optional(),
  })
  .loose();

export function registerUploadWeb(app: FastifyInstance, context: ApiContext): void {
  const { store } = context;
  app.get('/upload', async (request, reply) => {
    const { batch } = parseRequest(UploadQuery, request.query);
    const query = request.query as Record<string, unknown>;
    const lang = pickLanguage(query.lang, request.headers.cookie, request.headers['accept-language']);
    const tr = translator(lang, await store.queries.actorNames());
    const viewer = viewerOf(request);
    const jobs: UploadJobView[] = [];
    if (batch !== undefined && mayUse(viewer, 'contributor')) {
      const page = await store.jobs.list({ batch, limit: 100, offset: 0 });
      for (const job of page.items) {
        let document: UploadJobView['document'] = null;
        if (job.state === 'done' && job.documentId !== null) {
          const [detail, facts] = await Promise.all([
            store.getDocument(job.documentId),
            store.queries.documentFacts(job.documentId),
          ]);
          document = { id: detail.id, instruments: detail.instruments.length, claims: facts.length };
        }
        jobs.push({
          id: job.id,
          source: job.source,
          state: job.state,
          error: job.error,
          status: job.result?.status ?? null,
          document,
        });
      }
    }
    const body = uploadPage({ viewer, batch: batch ?? null, jobs }, tr);
    return sendPage(reply, { tr, title: tr.t('uploadTitle'), url: request.url, nav: 'upload', body });
  });
}
