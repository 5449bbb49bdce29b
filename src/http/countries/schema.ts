/** Request and response schemas of the country profile. */
import { z } from 'zod';
import { CodeCountSchema, InstrumentSummarySchema, SpanSchema } from '../common-schema.ts';
import { isoDay } from '../../domain/input-schemas.ts';
import { FundingChainSchema } from '../iati/schema.ts';
import { countryCode, language } from '../validation.ts';

export const CountryParams = z.strictObject({ code: countryCode });

export const CountryProfileSchema = z.object({
  code: z.string(),
  name: z.object({ en: z.string(), fr: z.string() }),
  instrumentCount: z.number().int(),
  byType: z.array(CodeCountSchema),
  byPartner: z.array(CodeCountSchema),
  moneyBySource: z.array(
    z.object({
      source: z.string().nullable().meta({
        description: 'The funder: the donor named, else the party other than the country; null: none',
      }),
      sharedWith: z
        .array(z.string())
        .meta({ description: 'Other funders of the same instruments; their money is not split' }),
      currency: z.string(),
      total: z.number().meta({ description: "Each instrument's money counted once" }),
      instruments: z.number().int(),
    }),
  ),
  topics: z.array(CodeCountSchema),
  timeline: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  instruments: z.array(InstrumentSummarySchema),
  statements: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      text: z.string(),
      documentId: z.string(),
      span: SpanSchema,
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      fileName: z.string(),
      language: z.string(),
      mentions: z.number().int(),
    }),
  ),
});

export const BriefQuery = z.strictObject({
  lang: language.default('en'),
  format: z.enum(['json', 'html', 'pdf'], { error: 'must be json, html or pdf' }).default('json'),
  today: isoDay.optional().meta({ description: 'The date to judge deadlines against (default today)' }),
});

const SourceNumbers = z.array(z.number().int()).meta({ description: 'Numbers into `sources`' });

export const BriefSchema = z
  .object({
    partner: z.string(),
    today: z.string(),
    instrumentsByType: z.array(
      z.object({
        type: z.string(),
        instruments: z.array(
          z.object({ id: z.string(), title: z.string(), status: z.string(), sources: SourceNumbers }).loose(),
        ),
      }),
    ),
    money: z
      .array(
        z.object({
          source: z.string().nullable(),
          currency: z.string(),
          total: z.number(),
          instruments: z.number().int(),
        }),
      )
      .meta({ description: 'The country totals by source, as the country profile gives them' }),
    moneyChain: FundingChainSchema.meta({
      description:
        'Money followed through IATI, as /api/countries/{code}/funding-chain gives it: committed, ' +
        'disbursed and spent by year in the original currencies; no activity: empty lists',
    }),
    openCommitments: z.array(
      z.object({ id: z.string(), text: z.string(), source: z.number().int() }).loose(),
    ),
    nextDialogue: z.object({ id: z.string(), text: z.string() }).loose().nullable(),
    levers: z.object({ steps: z.array(z.unknown()), approaches: z.array(z.unknown()) }),
    indicators: z.array(z.object({ indicator: z.string(), unit: z.string() }).loose()),
    othersActive: z.array(z.object({ actorId: z.string(), instruments: z.number().int() }).loose()),
    overlaps: z.array(z.unknown()),
    gaps: z.array(z.unknown()),
    sources: z.array(
      z.object({
        number: z.number().int(),
        id: z.string(),
        title: z.string().nullable(),
        fileName: z.string().optional(),
        publisher: z.string().nullable(),
        published: z.string().nullable(),
        sourceUrl: z.string().nullable(),
        language: z.string(),
      }),
    ),
  })
  .meta({ description: 'The briefing pack (format=json); html and pdf answer a file download' });
