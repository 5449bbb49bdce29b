/**
 * The atlas measures itself: the current extractor scored against what reviewers decided. A fact a
 * reviewer accepted (or the value a reviewer corrected it to) is gold; a fact a reviewer rejected
 * (or the extractor's value a correction replaced) is known wrong. Re-extracted facts are matched to
 * reviewed ones by document, instrument, field and value: a gold fact found again is a true
 * positive, one missed a false negative, a known-wrong fact found again a false positive. Facts no
 * reviewer looked at are not counted either way. Pure: no I/O.
 */
import type { ReviewState } from '../domain/model.ts';
import { MULTI_VALUED, SINGLE_VALUED, valueKey } from '../domain/review.ts';

/** A fact as a reviewer left it. */
export interface ReviewedFact {
  readonly documentId: string;
  readonly instrumentId: string;
  readonly property: string;
  readonly value: unknown;
  readonly reviewState: ReviewState;
}

/** A fact the current extractor finds (its instrument already aligned to the stored one). */
export interface ExtractedFact {
  readonly documentId: string;
  readonly instrumentId: string;
  readonly property: string;
  readonly value: unknown;
}

/** Where an instrument is named in a document: the span of its title claim. */
export interface Sighting {
  readonly documentId: string;
  readonly instrumentId: string;
  readonly start: number;
  readonly end: number;
}

export interface FieldScore {
  readonly field: string;
  /** Distinct reviewed facts: right ones (gold) and known-wrong ones. */
  readonly gold: number;
  readonly wrong: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Null when nothing was counted (no found fact, no gold fact). */
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface ReviewedScores {
  /** One row per field reviewers decided on, in the order of the review model. */
  readonly fields: readonly FieldScore[];
  /** Every field together (micro-average). */
  readonly all: FieldScore;
}

/** `right` for an accepted or a reviewer's corrected value, `wrong` for a rejected or replaced one. */
export function verdictOf(state: ReviewState): 'right' | 'wrong' | null {
  if (state === 'confirmed' || state === 'corrected') return 'right';
  if (state === 'rejected' || state === 'superseded') return 'wrong';
  return null;
}

const factKey = (fact: ExtractedFact): string =>
  [fact.documentId, fact.instrumentId, fact.property, valueKey(fact.property, fact.value)].join('\u0000');

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 1000;

function score(field: string, gold: number, wrong: number, tp: number, fp: number): FieldScore {
  const fn = gold - tp;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, gold);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000;
  return {
    field,
    gold,
    wrong,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
  };
}

/**
 * Precision and recall per field. A value both accepted and rejected somewhere in the same
 * document (two sightings) counts as right: a reviewer said it holds.
 */
export function scoreAgainstReviews(
  reviewed: readonly ReviewedFact[],
  extracted: readonly ExtractedFact[],
): ReviewedScores {
  const verdicts = new Map<string, { field: string; right: boolean }>();
  for (const fact of reviewed) {
    const verdict = verdictOf(fact.reviewState);
    if (verdict === null) continue;
    const key = factKey(fact);
    const right = verdict === 'right' || verdicts.get(key)?.right === true;
    verdicts.set(key, { field: fact.property, right });
  }
  const found = new Set(extracted.map(factKey));
  const order = [...SINGLE_VALUED, ...MULTI_VALUED] as string[];
  const fields = [...new Set([...verdicts.values()].map((v) => v.field))].sort(
    (a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1),
  );
  const tally = (field: string | null) => {
    let gold = 0;
    let wrong = 0;
    let tp = 0;
    let fp = 0;
    for (const [key, verdict] of verdicts) {
      if (field !== null && verdict.field !== field) continue;
      if (verdict.right) {
        gold += 1;
        if (found.has(key)) tp += 1;
      } else {
        wrong += 1;
        if (found.has(key)) fp += 1;
      }
    }
    return score(field ?? 'all', gold, wrong, tp, fp);
  };
  return { fields: fields.map(tally), all: tally(null) };
}

/**
 * Which stored instrument each re-extracted instrument is, per document: the one whose title claim
 * sits where the new extraction names it (so a renamed or merged instrument is still recognised),
 * else the stored instrument its id resolves to (`resolve`: merges followed), else its own id.
 * Returns a lookup from (document, extracted instrument id) to the stored id.
 */
export function alignInstruments(
  extracted: readonly Sighting[],
  stored: readonly Sighting[],
  resolve: (instrumentId: string) => string | undefined,
): (documentId: string, instrumentId: string) => string {
  const votes = new Map<string, Map<string, number>>();
  for (const sighting of extracted) {
    for (const known of stored) {
      if (known.documentId !== sighting.documentId) continue;
      if (known.start >= sighting.end || sighting.start >= known.end) continue;
      const key = `${sighting.documentId}\u0000${sighting.instrumentId}`;
      const tally = votes.get(key) ?? new Map<string, number>();
      tally.set(known.instrumentId, (tally.get(known.instrumentId) ?? 0) + 1);
      votes.set(key, tally);
    }
  }
  return (documentId, instrumentId) => {
    const tally = votes.get(`${documentId}\u0000${instrumentId}`);
    if (tally !== undefined) {
      // Most overlapping sightings first; ties by id so the result never depends on row order.
      const [best] = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (best !== undefined) return best[0];
    }
    return resolve(instrumentId) ?? instrumentId;
  };
}
