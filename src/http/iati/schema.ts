/** Request and response schemas of the money chain and the IATI import routes. */
import { z } from 'zod';
import { countryCode } from '../validation.ts';

export const CountryChainParams = z.strictObject({ code: countryCode });
export const InstrumentChainParams = z.strictObject({
  id: z.string().trim().min(1).max(200).meta({ description: 'An instrument id (ins_…)' }),
});
export const ChainQuery = z.strictObject({
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional().meta({
    description: 'Download the chain as a file (csv or json); the Accept header text/csv works too',
  }),
});

const NarrativeSchema = z.object({ lang: z.string().nullable(), text: z.string() });
/** The stages at least one transaction reports; a stage left out is "not stated", its 0 is no figure. */
const Stated = z.array(z.enum(['committed', 'disbursed', 'spent']));
const Stages = { committed: z.number(), disbursed: z.number(), spent: z.number() };

const BudgetSchema = z.object({
  value: z.number(),
  currency: z.string(),
  currencyInherited: z.boolean(),
  valueDate: z.string().nullable(),
  type: z.string().nullable(),
  status: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  path: z.string(),
});

const ResultSchema = z.object({
  type: z.string(),
  title: z.array(NarrativeSchema),
  path: z.string(),
  indicators: z.array(
    z.object({
      measure: z.string(),
      ascending: z.boolean().nullable(),
      title: z.array(NarrativeSchema),
      baseline: z
        .object({ year: z.number().nullable(), isoDate: z.string().nullable(), value: z.number().nullable() })
        .nullable(),
      periods: z.array(
        z.object({
          start: z.string(),
          end: z.string(),
          target: z.number().nullable(),
          actual: z.number().nullable(),
          path: z.string(),
        }),
      ),
      path: z.string(),
    }),
  ),
});

export const FundingChainSchema = z
  .object({
    activities: z.array(
      z.object({
        identifier: z.string(),
        titles: z.array(NarrativeSchema),
        status: z.string().nullable(),
        file: z
          .string()
          .meta({ description: 'The IATI file the figures come from (with each path: the evidence)' }),
        path: z.string(),
        transactions: z.array(
          z.object({
            type: z.number().int(),
            date: z.string(),
            value: z.number(),
            currency: z.string(),
            path: z.string(),
          }),
        ),
        budgets: z.array(BudgetSchema),
        results: z.array(ResultSchema),
        via: z.string().meta({ description: 'cited, matched (confirmed), manual, or country (recipient)' }),
        instruments: z.array(z.string()),
      }),
    ),
    byYear: z.array(z.object({ year: z.number().int(), currency: z.string(), ...Stages, stated: Stated })),
    totals: z.array(
      z.object({
        currency: z.string(),
        budget: z.number(),
        ...Stages,
        stated: Stated,
        budgetStated: z.boolean(),
      }),
    ),
    results: z.array(z.object({ activity: z.string(), result: ResultSchema })),
    announced: z.array(
      z.object({
        announced: z.object({
          instrumentId: z.string(),
          value: z.number(),
          currency: z.string(),
          approximate: z.boolean(),
          documentId: z.string(),
          documentTitle: z.string().nullable(),
          span: z.object({ start: z.number().int(), end: z.number().int() }),
          quote: z.string(),
        }),
        matchedTo: z.enum(['activity', 'activities', 'none']),
        activities: z.array(z.string()),
        committed: z.number(),
        disbursed: z.number(),
        gap: z.number().meta({ description: 'announced − committed, in the announced currency' }),
      }),
    ),
    common: z
      .object({
        currency: z.string(),
        source: z
          .string()
          .meta({ description: 'The user-supplied rate table the figures were converted with' }),
        byYear: z.array(z.object({ year: z.number().int(), ...Stages, stated: Stated })),
        total: z.object({ ...Stages, stated: Stated }),
        missing: z.array(z.string()),
      })
      .nullable()
      .meta({ description: 'Only when the server was given a rate table (--rates); never implied' }),
  })
  .meta({ description: 'Committed → disbursed → spent by year, in the original currencies' });

export const ImportQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[\w.() -]{1,200}$/, 'must be a file name (letters, digits, . _ - space)')
    .optional()
    .meta({ description: 'The file name to record (default upload.xml)' }),
});

export const ImportResultSchema = z.object({
  name: z.string(),
  status: z.enum(['imported', 'unchanged']),
  fileId: z.string(),
  activities: z.number().int(),
  replaced: z.number().int(),
});
