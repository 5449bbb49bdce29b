/** Request and response schemas of uploads and ingestion jobs. */
import { z } from 'zod';
import { JOB_STATES } from '../../storage/jobs/job-queue.ts';
import { pageOf } from '../common-schema.ts';
import { pagination } from '../validation.ts';

export const JobParams = z.strictObject({
  id: z
    .string()
    .regex(/^job_[0-9a-z]{10,40}$/, 'expected a job id (job_…)')
    .meta({ description: 'A job id, as returned by POST /api/uploads' }),
});

export const JobListQuery = z.strictObject({
  state: z.enum(JOB_STATES).optional(),
  batch: z
    .string()
    .regex(/^batch_[0-9a-z]{4,40}$/, 'expected a batch id (batch_…)')
    .optional(),
  ...pagination,
});

export const JobSchema = z.object({
  id: z.string(),
  batch: z.string().nullable(),
  source: z.string().meta({ description: "The uploaded file's name, or the path given to `mda ingest`" }),
  state: z.enum(JOB_STATES).meta({
    description:
      'queued, running, done, failed (the document was refused: retrying cannot help) or parked (failed three times; kept with its error for a person)',
  }),
  stage: z
    .string()
    .nullable()
    .meta({ description: 'Progress of the running attempt: claimed, reading, extracting, storing' }),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  documentId: z.string().nullable().meta({ description: 'The stored document, once done' }),
  status: z
    .enum(['added', 'unchanged'])
    .nullable()
    .meta({ description: 'added, or unchanged when the same text was already stored' }),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const JobPage = pageOf(JobSchema);

export const UploadAccepted = z.object({
  batch: z.string(),
  jobs: z.array(JobSchema),
});
