/** Request and response schemas of the analyses' endpoints (validation and OpenAPI in one place). */
import { z } from 'zod';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../../domain/taxonomy.ts';
import { isoDay, userText } from '../../domain/input-schemas.ts';
import { countryCode, countryFilter, language, pagination } from '../validation.ts';

/** A query parameter that may be given once or repeated (`?type=envoy&type=dialogue`), or a comma list. */
const listOf = <T extends z.ZodType>(item: T, separator: RegExp = /,/) =>
  z
    .preprocess(
      (v) =>
        v === undefined
          ? []
          : (Array.isArray(v) ? v : [v]).flatMap((s) =>
              String(s)
                .split(separator)
                .map((x) => x.trim())
                .filter((x) => x !== ''),
            ),
      z.array(item),
    )
    .optional();

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');
const downloadFormat = z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional();
/** The language of a CSV download's column names (see requestLanguage). */
const downloadLang = pagination.lang;

export const SourceSchema = z
  .object({ documentId: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string() })
  .meta({ description: 'Evidence: a document and a quoted span (UTF-16 offsets) of its text' });
const QuotedSchema = z.object({ start: z.number().int(), end: z.number().int(), quote: z.string() });
const StanceSchema = z.enum(['yes', 'no', 'partly']);
const MoneySchema = z.record(z.string(), z.number()).meta({ description: 'Sum per ISO 4217 currency' });

export const CompareQuery = z.strictObject({
  question: z
    .string()
    .trim()
    .min(2)
    .max(300)
    .optional()
    .meta({ description: 'A question of the stored positions' }),
  stance: StanceSchema.optional(),
  type: listOf(z.enum(INSTRUMENT_TYPES, { error: 'must be an instrument type code' })),
  approach: listOf(z.enum(APPROACHES, { error: 'must be an approach code' })),
  topic: listOf(z.enum(TOPICS, { error: 'must be a topic code' })),
  format: downloadFormat,
  lang: downloadLang,
});

export const ComparisonSchema = z.object({
  question: z.string(),
  count: z.number().int(),
  countries: z.array(z.string()),
  evidence: z.array(z.object({ country: z.string(), evidence: z.array(SourceSchema) })),
  statedCounts: z.array(z.number().int()),
});

export const QuestionSchema = z.object({
  question: z.string(),
  asked: z.string().meta({ description: 'The question as a whole sentence with its subject' }),
  stance: StanceSchema,
  countries: z.number().int(),
  documents: z.array(z.string()),
  stated: z.array(z.number().int()),
});

export const CompareResponse = z.union([z.object({ questions: z.array(QuestionSchema) }), ComparisonSchema]);

export const DocumentIdParams = z.strictObject({
  id: z.string().regex(/^doc_[0-9a-f]+$/, 'must be a document id'),
});

export const ConsistencySchema = z.object({
  documentId: z.string(),
  title: z.string(),
  findings: z.array(
    z.object({
      kind: z.enum(['count_mismatch', 'conflicting_counts', 'overlapping_lists', 'both_sides']),
      message: z.string(),
      quotes: z.array(QuotedSchema),
      stated: z.number().int().optional(),
      listed: z.number().int().optional(),
      counts: z.array(z.number().int()).optional(),
      countries: z.array(z.string()).optional(),
      questions: z.array(z.string()),
      claimIds: z.array(z.string()),
    }),
  ),
});

export const CountryParams = z.strictObject({ country: countryCode });
export const FormatQuery = z.strictObject({ format: downloadFormat, lang: downloadLang });

const PrioritySchema = z.object({
  label: z.string(),
  topics: z.array(z.string()),
  source: SourceSchema.nullable(),
});

export const CoordinationSchema = z.object({
  partner: z.string(),
  actors: z.array(
    z.object({
      actorId: z.string(),
      kind: z.string(),
      instruments: z.array(z.object({ id: z.string(), title: z.string(), type: z.string() })),
      money: MoneySchema,
      sharedMoney: MoneySchema,
      topics: z.array(z.string()),
    }),
  ),
  totals: MoneySchema,
  overlaps: z.array(
    z.object({ topic: z.string(), actors: z.array(z.string()), instruments: z.array(z.string()) }),
  ),
  gaps: z.array(z.object({ topic: z.string(), priorities: z.array(PrioritySchema) })),
});

export const CommitmentsQuery = z.strictObject({
  country: countryFilter.optional(),
  overdue: flag.optional(),
  today: isoDay.optional().meta({ description: 'Judge deadlines as of this day (default today)' }),
  format: downloadFormat,
  lang: downloadLang,
});

const DeadlineSchema = z.object({
  value: z.string(),
  precision: z.string(),
  inclusive: z.boolean(),
  quote: z.string(),
});

export const CommitmentSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  text: z.string(),
  owners: z.array(z.string()),
  deadline: DeadlineSchema.nullable(),
  status: z.enum(['open', 'in_progress', 'done', 'dropped']),
  nextDialogue: z.boolean(),
  topics: z.array(z.string()),
  source: SourceSchema,
});

const TrackedSchema = CommitmentSchema.extend({
  overdue: z.boolean(),
  daysLeft: z.number().int().nullable(),
});

export const TrackerSchema = z.object({
  today: z.string(),
  commitments: z.array(TrackedSchema),
  nextDialogue: TrackedSchema.nullable(),
  overdue: z.number().int(),
  priorities: z.array(PrioritySchema),
});

export const CommitmentParams = z.strictObject({
  id: z.string().regex(/^st_[0-9a-f]+_\d+$/, 'must be a commitment id'),
});

export const StatusBody = z.strictObject({
  status: z.enum(['open', 'in_progress', 'done', 'dropped'], {
    error: 'must be open, in_progress, done or dropped',
  }),
  note: userText(2000, { min: 0, multiline: true }).optional(),
});

export const IndicatorsQuery = z.strictObject({
  country: countryFilter.optional(),
  instrument: z.string().min(1).max(100).optional(),
  limit: pagination.limit,
  offset: pagination.offset,
  format: downloadFormat,
  lang: downloadLang,
});

const IndicatorValueSchema = z.object({
  indicator: z.string(),
  value: z.number(),
  unit: z.string(),
  date: z.string().nullable(),
  country: z.string().nullable(),
  instrumentId: z.string().nullable(),
  approximate: z.boolean(),
  source: z.union([SourceSchema, z.object({ enteredBy: z.string(), note: z.string().nullable() })]),
});

export const SeriesSchema = z.object({
  total: z.number().int().meta({ description: 'Number of series over all pages' }),
  limit: z.number().int(),
  offset: z.number().int(),
  series: z.array(
    z.object({
      indicator: z.string(),
      unit: z.string(),
      country: z.string().nullable(),
      instrumentId: z.string().nullable(),
      values: z.array(IndicatorValueSchema),
    }),
  ),
});

export const StoredIndicatorSchema = IndicatorValueSchema.extend({
  id: z.number().int(),
  assertedBy: z.string(),
});

export const ConditionalityQuery = z.strictObject({
  country: countryFilter.optional(),
  format: downloadFormat,
  lang: downloadLang,
});

export const TimelinesSchema = z.object({
  timelines: z.array(
    z.object({
      country: z.string(),
      steps: z.array(
        z.object({
          country: z.string(),
          kind: z.string(),
          legalBasis: z.string().nullable(),
          date: z.object({ value: z.string(), precision: z.string() }).nullable(),
          source: SourceSchema,
        }),
      ),
      approaches: z.array(
        z.object({
          actorId: z.string(),
          approach: z.string(),
          stance: z.enum(['applies', 'opposes']),
          source: SourceSchema,
        }),
      ),
    }),
  ),
});

export const WatchBody = z.strictObject({
  id: userText(100).optional(),
  name: userText(200),
  country: countryFilter.optional(),
  type: z.string().optional(),
  topic: z.string().optional(),
  text: userText(200).optional(),
});

export const WatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string().optional(),
  type: z.string().optional(),
  topic: z.string().optional(),
  text: z.string().optional(),
  createdAt: z.string(),
  hits: z.number().int(),
});

export const WatchParams = z.strictObject({ id: z.string().min(1).max(100) });

export const HitsQuery = z.strictObject({
  watch: z.string().min(1).max(100).optional(),
  unseen: flag.optional(),
  format: downloadFormat,
  lang: downloadLang,
});

export const HitSchema = z.object({
  id: z.number().int(),
  watchId: z.string(),
  watchName: z.string(),
  instrumentId: z.string(),
  instrumentTitle: z.string(),
  documentId: z.string(),
  reasons: z.array(z.string()),
  seen: z.boolean(),
  createdAt: z.string(),
});

export const ReportQuery = z.strictObject({
  format: z.enum(['md', 'html'], { error: 'must be md or html' }).default('html'),
  lang: language.default('en'),
  // Questions hold commas: only repeating the parameter (or a | list) gives several.
  questions: listOf(z.string().trim().min(2).max(300), /\|/).meta({
    description: 'Questions to include (repeat the parameter); default: the ten most answered',
  }),
  title: z.string().max(200).optional(),
});
