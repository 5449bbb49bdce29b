/**
 * Uploads and their ingestion jobs. POST /api/uploads takes documents as multipart/form-data,
 * checks each at the edge (name, supported extension, not empty, under the size limit) and queues
 * one job per file — all of them or, when one is refused, none — answering 202 with the job ids.
 * The jobs are run by the server's own worker loop (`serve --workers N`) or by `mda worker`
 * processes; GET /api/jobs/:id follows one (state, attempts, stage, error, resulting document).
 *
 * The route is a write like the others: the Host allow-list, the cross-site check and the write
 * rate limit of server.ts apply to it unchanged.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { basename } from 'node:path';
import {
  AtlasError,
  documentTooLarge,
  emptyDocument,
  invalidInput,
  notFound,
  unknownFormat,
} from '../../domain/errors.ts';
import { formatFromExtension, unsupportedDocumentHint } from '../../readers/detect-format.ts';
import { DEFAULT_MAX_BYTES } from '../../readers/index.ts';
import type { Job } from '../../storage/jobs/job-queue.ts';
import { newBatchId } from '../../services/ingest-workers.ts';
import { pageLimit } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { requireRole } from '../../presentation/auth/authenticate.ts';
import { JobListQuery, JobPage, JobParams, JobSchema, UploadAccepted } from './schema.ts';

export interface UploadLimits {
  /** Largest file, in bytes (default: the readers' limit, 50 MiB). */
  readonly maxFileBytes?: number;
  /** Most files in one request. */
  readonly maxFiles?: number;
  /** Most bytes of all files of one request together. */
  readonly maxRequestBytes?: number;
}

export const DEFAULT_UPLOAD_LIMITS: Required<UploadLimits> = {
  maxFileBytes: DEFAULT_MAX_BYTES,
  maxFiles: 20,
  maxRequestBytes: 100 * 1024 * 1024,
};

/** A job as the API shows it. */
export function jobView(job: Job) {
  return {
    id: job.id,
    batch: job.batch,
    source: job.source,
    state: job.state,
    stage: job.state === 'running' ? job.stage : null,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.error,
    documentId: job.documentId,
    status: job.result?.status ?? null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}

/** The file name a client sent, as a plain name: no folders, no control characters, not empty. */
export function uploadName(filename: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const name = basename((filename ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return name.trim().slice(0, 255) || 'upload';
}

/** The refusal the CLI would give for this file before reading it, if any. */
function refusalAtTheEdge(name: string, bytes: Buffer, maxFileBytes: number): AtlasError | undefined {
  if (formatFromExtension(name) === undefined) {
    return unknownFormat(name, unsupportedDocumentHint(name) ?? 'its extension is not one the atlas reads');
  }
  if (bytes.length === 0) return emptyDocument(name);
  if (bytes.length > maxFileBytes) return documentTooLarge(name, bytes.length, maxFileBytes);
  return undefined;
}

const MULTIPART_ERRORS: Readonly<Record<string, (limits: Required<UploadLimits>) => AtlasError>> = {
  FST_FILES_LIMIT: (limits) =>
    new AtlasError(
      'request_too_large',
      `more than ${limits.maxFiles} files in one upload; send them in several`,
    ),
  FST_PARTS_LIMIT: () => new AtlasError('request_too_large', 'too many parts in the multipart body'),
  FST_FIELDS_LIMIT: () => new AtlasError('request_too_large', 'too many fields in the multipart body'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    new AtlasError('unsupported_media_type', 'send the documents as multipart/form-data (one part per file)'),
  FST_PROTO_VIOLATION: () => invalidInput('body', 'a field name is not allowed'),
  FST_MP_PREMATURE_CLOSE: () => invalidInput('body', 'the upload was cut off before its end'),
};

/** The multipart parser's limits for uploads. */
const multipartLimits = (limits: Required<UploadLimits>) => ({
  fileSize: limits.maxFileBytes,
  files: limits.maxFiles,
  fields: 10,
  parts: limits.maxFiles + 10,
});

/** A multipart parser's refusal in the catalogue's words (other errors pass unchanged). */
function multipartError(error: unknown, limits: Required<UploadLimits>): unknown {
  const code = (error as { code?: string }).code;
  return (code === undefined ? undefined : MULTIPART_ERRORS[code]?.(limits)) ?? error;
}

/** The files of one upload, each checked as it arrives, then queued together (all or none). */
class UploadCollector {
  private readonly files: { name: string; bytes: Buffer }[] = [];
  private total = 0;

  constructor(private readonly limits: Required<UploadLimits>) {}

  async add(filename: string | undefined, read: () => Promise<Buffer>): Promise<void> {
    const name = uploadName(filename);
    let bytes: Buffer;
    try {
      bytes = await read();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw documentTooLarge(name, this.limits.maxFileBytes + 1, this.limits.maxFileBytes);
      }
      throw error;
    }
    this.total += bytes.length;
    if (this.total > this.limits.maxRequestBytes) {
      throw new AtlasError(
        'request_too_large',
        `the files of one upload are over ${this.limits.maxRequestBytes} bytes in all; send them in several`,
      );
    }
    const refused = refusalAtTheEdge(name, bytes, this.limits.maxFileBytes);
    if (refused !== undefined) throw refused;
    this.files.push({ name, bytes });
  }

  async queue(jobs: ApiContext['store']['jobs']): Promise<{ batch: string; queued: readonly Job[] }> {
    if (this.files.length === 0) {
      throw invalidInput('file', 'no file in the upload (one file part per document)');
    }
    const batch = newBatchId();
    const queued = await jobs.enqueue(
      this.files.map(({ name, bytes }) => ({
        source: name,
        batch,
        payload: { kind: 'ingest_upload', name, content: bytes.toString('base64') },
      })),
    );
    return { batch, queued };
  }
}

export function jobRoutes(
  app: FastifyInstance,
  docs: RouteDoc[],
  context: ApiContext,
  limitsGiven: UploadLimits = {},
): void {
  const limits = { ...DEFAULT_UPLOAD_LIMITS, ...limitsGiven };
  const jobs = context.store.jobs;

  docs.push({
    method: 'post',
    path: '/api/uploads',
    tag: 'jobs',
    summary: 'Upload documents (multipart/form-data, one part per file): one ingestion job each, 202',
    description: `Each file is checked before it is queued: a supported extension (.txt .md .html .pdf .docx), not empty, at most ${limits.maxFileBytes} bytes; at most ${limits.maxFiles} files and ${limits.maxRequestBytes} bytes in all. If one is refused, none is queued. Follow each job with GET /api/jobs/{id}.`,
    response: UploadAccepted,
  });
  // Multipart parsing is registered for these routes only; every other write takes JSON.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: multipartLimits(limits) });
    scope.post('/api/uploads', async (request, reply) => {
      // Uploading starts ingestion: a contributor's write, like the other writes.
      requireRole(request, 'contributor', 'upload documents');
      const upload = new UploadCollector(limits);
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') await upload.add(part.filename, () => part.toBuffer());
        }
      } catch (error) {
        throw multipartError(error, limits);
      }
      const { batch, queued } = await upload.queue(jobs);
      void reply.header('location', `/api/jobs?batch=${batch}`);
      return reply.status(202).send({ batch, jobs: queued.map(jobView) });
    });
  });

  // The same upload from a page's form without script (POST /upload): the fields, the form's
  // anti-forgery token among them, are read before the write guard runs, so the guard sees `_csrf`;
  // the checks and the refusals are the API's; the answer is a redirect to the batch's status page.
  void app.register(async (scope) => {
    const collectors = new WeakMap<FastifyRequest, UploadCollector>();
    const collectorOf = (request: FastifyRequest) => {
      const found = collectors.get(request) ?? new UploadCollector(limits);
      collectors.set(request, found);
      return found;
    };
    // Who may upload is known before the body is read: no one else's files are buffered.
    scope.addHook('preValidation', (request, _reply, done) => {
      try {
        requireRole(request, 'contributor', 'upload documents');
        done();
      } catch (error) {
        done(error as Error);
      }
    });
    await scope.register(multipart, {
      limits: multipartLimits(limits),
      attachFieldsToBody: 'keyValues',
      async onFile(part) {
        await collectorOf(this).add(part.filename, () => part.toBuffer());
      },
    });
    // A parser's refusal goes on to the server's handler (an HTML page here) in the catalogue's words.
    scope.setErrorHandler((error) => {
      throw multipartError(error, limits);
    });
    scope.post('/upload', async (request, reply) => {
      requireRole(request, 'contributor', 'upload documents');
      const { batch } = await collectorOf(request).queue(jobs);
      return reply.redirect(`/upload?batch=${batch}`, 303);
    });
  });

  addRoute(app, docs, {
    path: '/api/jobs/:id',
    tag: 'jobs',
    summary: 'One ingestion job: state, attempts, progress (stage), error, the resulting document',
    params: JobParams,
    response: JobSchema,
    handler: async ({ params }) => {
      const job = await jobs.get(params.id);
      if (job === undefined) throw notFound('job', params.id);
      return jobView(job);
    },
  });

  addRoute(app, docs, {
    path: '/api/jobs',
    tag: 'jobs',
    summary: 'Ingestion jobs, newest first (parked jobs with their error): filter by state or batch',
    query: JobListQuery,
    response: JobPage,
    handler: async ({ query }) => {
      const page = await jobs.list({
        limit: pageLimit(query.limit, 'page'),
        offset: query.offset,
        ...(query.state === undefined ? {} : { state: query.state }),
        ...(query.batch === undefined ? {} : { batch: query.batch }),
      });
      return { ...page, items: page.items.map(jobView) };
    },
  });
}
