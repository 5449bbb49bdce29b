/** Request and response schemas of the country profile. */
import { z } from 'zod';
import { CodeCountSchema, InstrumentSummarySchema, SpanSchema } from '../common-schema.ts';
import { countryCode } from '../validation.ts';

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
    z.object({ id: z.string(), title: z.string(), language: z.string(), mentions: z.number().int() }),
  ),
});
