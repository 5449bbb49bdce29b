/** Response schemas of the statistics and overview endpoints. */
import { z } from 'zod';
import { CodeCountSchema } from '../common-schema.ts';
import { actorId } from '../validation.ts';

export const StatsSchema = z.object({
  documents: z.number().int(),
  instruments: z.number().int(),
  claims: z.number().int(),
  statements: z.number().int(),
  events: z.number().int(),
  actors: z.number().int().meta({ description: 'Actors party to at least one instrument' }),
  countries: z.number().int().meta({ description: 'States party to at least one instrument' }),
  money: z.record(z.string(), z.number()).meta({
    description: "Money of all instruments per currency, each instrument's total counted once",
  }),
  byType: z.array(CodeCountSchema),
  byCountry: z.array(CodeCountSchema),
  byTopic: z.array(CodeCountSchema),
});

export const TimelineQuery = z.strictObject({ actor: actorId.optional() });

export const TimelineSchema = z.array(
  z.object({ year: z.number().int(), type: z.string(), count: z.number().int() }),
);

export const NetworkSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), kind: z.string(), instruments: z.number().int() })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), weight: z.number().int() })),
});
