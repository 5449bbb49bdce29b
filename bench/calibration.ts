/**
 * The calibration table of `npm run eval`: the predicted facts of every scored document, bucketed
 * by the confidence the extractor gave them, with the share that the gold confirms. Facts are
 * matched the way the shared scorer matches them: set membership for countries, organizations,
 * topics, amounts (rounded value and currency) and dates; instruments by type and a party Jaccard
 * of at least 0.5 (the relaxed score), greedily, closest party set first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const Gold = z.object({
  countries: z.array(z.string()).default([]),
  organizations: z.array(z.string()).default([]),
  topics: z.array(z.string()).default([]),
  amounts: z.array(z.object({ value: z.number(), currency: z.string() })).default([]),
  dates: z.array(z.union([z.string(), z.object({ value: z.string() })])).default([]),
  instruments: z.array(z.object({ type: z.string(), parties: z.array(z.string()).default([]) })).default([]),
});
const Scores = z.record(z.string(), z.number());
const Predicted = Gold.extend({
  amounts: z.array(z.object({ value: z.number(), currency: z.string(), confidence: z.number() })),
  dates: z.array(z.object({ value: z.string(), confidence: z.number() })),
  instruments: z.array(z.object({ type: z.string(), parties: z.array(z.string()), confidence: z.number() })),
  confidence: z.object({ countries: Scores, organizations: Scores, topics: Scores }),
});

/** One predicted fact: its confidence and whether the gold has it. */
export interface JudgedFact {
  readonly field: string;
  readonly confidence: number;
  readonly correct: boolean;
}

const amountKey = (a: { value: number; currency: string }): string =>
  `${Math.round(a.value)} ${a.currency.toUpperCase()}`;

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sb = new Set(b);
  const inter = new Set(a.filter((x) => sb.has(x))).size;
  return inter / (new Set(a).size + sb.size - inter);
}

/** Judges every predicted fact of one document against its gold. */
export function judgeDocument(goldJson: unknown, predictedJson: unknown): JudgedFact[] {
  const gold = Gold.parse(goldJson);
  const pred = Predicted.parse(predictedJson);
  const out: JudgedFact[] = [];
  for (const field of ['countries', 'organizations', 'topics'] as const) {
    const truth = new Set(gold[field]);
    for (const code of new Set(pred[field])) {
      out.push({ field, confidence: pred.confidence[field][code] ?? 0, correct: truth.has(code) });
    }
  }
  const goldAmounts = new Set(gold.amounts.map(amountKey));
  for (const a of pred.amounts) {
    out.push({ field: 'amounts', confidence: a.confidence, correct: goldAmounts.has(amountKey(a)) });
  }
  const goldDates = new Set(gold.dates.map((d) => (typeof d === 'string' ? d : d.value)));
  for (const d of pred.dates) {
    out.push({ field: 'dates', confidence: d.confidence, correct: goldDates.has(d.value) });
  }
  // The scorer's relaxed matching: for each gold instrument, the unused prediction of its type
  // whose party set is closest (Jaccard ≥ 0.5).
  const used = new Set<number>();
  for (const g of gold.instruments) {
    let best = -1;
    let bestJ = -1;
    pred.instruments.forEach((p, k) => {
      if (used.has(k) || p.type !== g.type) return;
      const j = jaccard(g.parties, p.parties);
      if (j >= 0.5 && j > bestJ) {
        best = k;
        bestJ = j;
      }
    });
    if (best >= 0) used.add(best);
  }
  pred.instruments.forEach((p, k) =>
    out.push({ field: 'instruments', confidence: p.confidence, correct: used.has(k) }),
  );
  return out;
}

/** Judges every document of `goldDir` that has a prediction in `predDir`. */
export function judgeSet(goldDir: string, predDir: string, names: readonly string[]): JudgedFact[] {
  const load = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return names.flatMap((name) => judgeDocument(load(goldDir, name), load(predDir, name)));
}

const BUCKETS = [
  { label: '< 0.5', low: 0, high: 0.5 },
  { label: '0.5–0.8', low: 0.5, high: 0.8 },
  { label: '≥ 0.8', low: 0.8, high: Infinity },
] as const;

/** The table: per bucket, count of predicted facts and share correct, all fields and instruments. */
export function calibrationTable(facts: readonly JudgedFact[]): string {
  const row = (label: string, subset: readonly JudgedFact[]): string => {
    const cells = BUCKETS.map(({ low, high }) => {
      const inBucket = subset.filter((f) => f.confidence >= low && f.confidence < high);
      const right = inBucket.filter((f) => f.correct).length;
      const share = inBucket.length === 0 ? '   —' : (right / inBucket.length).toFixed(2);
      return `${String(inBucket.length).padStart(5)} ${share.padStart(5)}`;
    });
    return label.padEnd(14) + cells.join('   ');
  };
  const header =
    'confidence'.padEnd(14) + BUCKETS.map((b) => `${b.label.padStart(7)} right`.padStart(11)).join('   ');
  const fields = ['instruments', 'countries', 'organizations', 'dates', 'amounts', 'topics'];
  return [
    'calibration (predicted facts per confidence bucket: count, share correct against gold)',
    header,
    row('all facts', facts),
    ...fields.map((field) =>
      row(
        field,
        facts.filter((f) => f.field === field),
      ),
    ),
  ].join('\n');
}
