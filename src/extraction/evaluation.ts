/**
 * The evaluation object of `spec/extraction.md`: the one JSON shape the scorer reads for a
 * document, printed by `mda extract FILE --json` and written by `npm run eval`.
 */
import { actorCode } from '../domain/actors.ts';
import { z } from 'zod';
import { INSTRUMENT_TYPES, TOPICS } from '../domain/taxonomy.ts';
import type { ExtractedDocument, InstrumentCandidate } from './types.ts';

const DateValue = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);

/** The evaluation object, validated at the boundary where it leaves the project. */
export const EvaluationObjectSchema = z.object({
  language: z.enum(['fr', 'en']),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  organizations: z.array(z.string()),
  amounts: z.array(
    z.object({ value: z.number(), currency: z.string().regex(/^[A-Z]{3}$/), quote: z.string() }),
  ),
  dates: z.array(z.object({ value: DateValue, quote: z.string() })),
  instruments: z.array(
    z.object({
      type: z.enum(INSTRUMENT_TYPES),
      parties: z.array(z.string()),
      date: DateValue.nullable(),
      quote: z.string(),
    }),
  ),
  topics: z.array(z.enum(TOPICS)),
});

export type EvaluationObject = z.infer<typeof EvaluationObjectSchema>;

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** An instrument's date for the evaluation: its signature, launch or meeting date, else the first. */
function instrumentDate(instrument: InstrumentCandidate): string | null {
  const dated =
    instrument.dates.find((d) => d.role !== 'mentioned' && d.role !== 'end') ?? instrument.dates[0];
  return dated ? dated.value : null;
}

/** Builds the evaluation object of one extracted document. */
export function toEvaluationObject(doc: ExtractedDocument): EvaluationObject {
  const amounts = new Map<string, { value: number; currency: string; quote: string }>();
  for (const a of doc.amounts) {
    const key = `${Math.round(a.value)} ${a.currency}`;
    if (!amounts.has(key)) amounts.set(key, { value: a.value, currency: a.currency, quote: a.quote });
  }
  const dates = new Map<string, { value: string; quote: string }>();
  for (const d of doc.dates) {
    if (!d.inCitation && !dates.has(d.value)) dates.set(d.value, { value: d.value, quote: d.quote });
  }
  const object: EvaluationObject = {
    language: doc.language,
    countries: sortedUnique(doc.countries.map((c) => c.code)),
    organizations: sortedUnique(doc.organizations.map((o) => o.code)),
    amounts: [...amounts.values()],
    dates: [...dates.values()],
    instruments: doc.instruments.map((i) => ({
      type: i.type,
      // The spec's parties concluded, hold, fund or run the instrument; the states it targets do not.
      parties: sortedUnique(
        i.parties.filter((p) => p.role !== 'beneficiary').map((p) => actorCode(p.actorId)),
      ),
      date: instrumentDate(i),
      quote: i.quote.replace(/\s+/g, ' ').trim(),
    })),
    topics: doc.topics.map((t) => t.code),
  };
  return EvaluationObjectSchema.parse(object);
}
