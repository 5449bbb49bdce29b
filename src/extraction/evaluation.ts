/**
 * The evaluation object of `spec/extraction.md`: the one JSON shape the scorer reads for a
 * document, printed by `mda extract FILE --json` and written by `npm run eval`.
 */
import { actorCode } from '../domain/actors.ts';
import { z } from 'zod';
import { INSTRUMENT_TYPES, TOPICS } from '../domain/taxonomy.ts';
import { combinedConfidence } from './confidence.ts';
import type { ExtractedDocument, InstrumentCandidate } from './types.ts';

const DateValue = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
/** Extra field (the scorer ignores it): how sure the rules are of a fact, 0–1. */
const Confidence = z.number().min(0).max(1);

/** The evaluation object, validated at the boundary where it leaves the project. */
export const EvaluationObjectSchema = z.object({
  language: z.enum(['fr', 'en']),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  organizations: z.array(z.string()),
  amounts: z.array(
    z.object({
      value: z.number(),
      currency: z.string().regex(/^[A-Z]{3}$/),
      quote: z.string(),
      confidence: Confidence,
    }),
  ),
  dates: z.array(z.object({ value: DateValue, quote: z.string(), confidence: Confidence })),
  instruments: z.array(
    z.object({
      type: z.enum(INSTRUMENT_TYPES),
      parties: z.array(z.string()),
      date: DateValue.nullable(),
      quote: z.string(),
      confidence: Confidence,
    }),
  ),
  topics: z.array(z.enum(TOPICS)),
  /** Confidence of the listed countries, organizations and topics, by code (extra field). */
  confidence: z.object({
    countries: z.record(z.string(), Confidence),
    organizations: z.record(z.string(), Confidence),
    topics: z.record(z.string(), Confidence),
  }),
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
  const amounts = new Map<string, { value: number; currency: string; quote: string; scores: number[] }>();
  for (const a of doc.amounts) {
    const key = `${Math.round(a.value)} ${a.currency}`;
    const seen = amounts.get(key);
    if (seen) seen.scores.push(a.confidence ?? 0.5);
    else {
      amounts.set(key, {
        value: a.value,
        currency: a.currency,
        quote: a.quote,
        scores: [a.confidence ?? 0.5],
      });
    }
  }
  const dates = new Map<string, { value: string; quote: string; scores: number[] }>();
  for (const d of doc.dates) {
    if (d.inCitation) continue;
    const seen = dates.get(d.value);
    if (seen) seen.scores.push(d.confidence ?? 0.5);
    else dates.set(d.value, { value: d.value, quote: d.quote, scores: [d.confidence ?? 0.5] });
  }
  const byCode = (mentions: readonly { code: string; confidence?: number }[]): Record<string, number> => {
    const scores = new Map<string, number[]>();
    for (const m of mentions) scores.set(m.code, [...(scores.get(m.code) ?? []), m.confidence ?? 0.5]);
    return Object.fromEntries(
      [...scores].sort(([a], [b]) => a.localeCompare(b)).map(([code, s]) => [code, combinedConfidence(s)]),
    );
  };
  const object: EvaluationObject = {
    language: doc.language,
    countries: sortedUnique(doc.countries.map((c) => c.code)),
    organizations: sortedUnique(doc.organizations.map((o) => o.code)),
    amounts: [...amounts.values()].map(({ scores, ...a }) => ({
      ...a,
      confidence: combinedConfidence(scores),
    })),
    dates: [...dates.values()].map(({ scores, ...d }) => ({ ...d, confidence: combinedConfidence(scores) })),
    instruments: doc.instruments.map((i) => ({
      type: i.type,
      // The spec's parties concluded, hold, fund or run the instrument; the states it targets do not.
      parties: sortedUnique(
        i.parties.filter((p) => p.role !== 'beneficiary').map((p) => actorCode(p.actorId)),
      ),
      date: instrumentDate(i),
      quote: i.quote.replace(/\s+/g, ' ').trim(),
      confidence: i.confidence ?? 0.5,
    })),
    topics: doc.topics.map((t) => t.code),
    confidence: {
      countries: byCode(doc.countries),
      organizations: byCode(doc.organizations),
      topics: byCode(doc.topics),
    },
  };
  return EvaluationObjectSchema.parse(object);
}
