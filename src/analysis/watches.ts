/**
 * Watches: saved queries ("new instrument with Mauritania on return") and the pure test of an
 * instrument against them, so ingestion can report which new instruments match which watches.
 */
import { z } from 'zod';
import type { InstrumentSummary, Watch, WatchMatch } from '../domain/analysis-model.ts';
import { invalidInput } from '../domain/errors.ts';
import { stateCode, userText } from '../domain/input-schemas.ts';
import { INSTRUMENT_TYPES, TOPICS } from '../domain/taxonomy.ts';
import { foldText } from '../extraction/text.ts';

/** A watch as users submit it (CLI options, API body): at least one criterion. */
export const WatchSchema = z
  .object({
    id: userText(100),
    name: userText(200),
    country: stateCode.optional(),
    type: z.enum(INSTRUMENT_TYPES).optional(),
    topic: z.enum(TOPICS).optional(),
    text: userText(200).optional(),
  })
  .refine(
    (w) => w.country !== undefined || w.type !== undefined || w.topic !== undefined || w.text !== undefined,
    {
      message: 'a watch needs a country, a type, a topic or a text',
    },
  );

/** A checked watch, or an `invalid_input` AtlasError naming the bad field. */
export function parseWatch(input: unknown): Watch {
  const parsed = WatchSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(issue?.path.join('.') || 'watch', issue?.message ?? 'invalid watch');
  }
  const { id, name, country, type, topic, text } = parsed.data;
  return {
    id,
    name,
    ...(country === undefined ? {} : { country }),
    ...(type === undefined ? {} : { type }),
    ...(topic === undefined ? {} : { topic }),
    ...(text === undefined ? {} : { text }),
  };
}

const words = (s: string): string[] =>
  foldText(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/**
 * Whether an instrument matches a watch: every criterion given must hold (the country is a party,
 * the type and a topic are the instrument's, every word of the text occurs in its title or
 * evidence, accents and case ignored). The reasons say which criteria matched.
 */
export function matchWatch(watch: Watch, instrument: InstrumentSummary): WatchMatch | null {
  const reasons: string[] = [];
  if (watch.country !== undefined) {
    if (!instrument.parties.some((p) => p.actorId === watch.country)) return null;
    reasons.push(`country ${watch.country}`);
  }
  if (watch.type !== undefined) {
    if (instrument.type !== watch.type) return null;
    reasons.push(`type ${watch.type}`);
  }
  if (watch.topic !== undefined) {
    if (!instrument.topics.includes(watch.topic)) return null;
    reasons.push(`topic ${watch.topic}`);
  }
  if (watch.text !== undefined) {
    const haystack = new Set(words([instrument.title, ...instrument.evidence.map((e) => e.quote)].join(' ')));
    const wanted = words(watch.text);
    // Prefix match so "réadmission" finds "readmissions" and "return" finds "returns".
    const all = wanted.every((w) => [...haystack].some((h) => h.startsWith(w)));
    if (!all) return null;
    reasons.push(`text "${watch.text}"`);
  }
  return { watchId: watch.id, instrumentId: instrument.id, reasons };
}

/** Every (watch, instrument) match among newly ingested instruments, watch by watch. */
export function matchWatches(
  watches: readonly Watch[],
  instruments: readonly InstrumentSummary[],
): WatchMatch[] {
  const out: WatchMatch[] = [];
  for (const w of watches) {
    for (const i of instruments) {
      const m = matchWatch(w, i);
      if (m) out.push(m);
    }
  }
  return out;
}
