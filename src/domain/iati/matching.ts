/**
 * Linking instruments to IATI activities, pure parts. (1) References cited in a document's text
 * ("T05-EUTF-SAH-ML-07", a full IATI identifier) found against the known activity identifiers;
 * (2) a score for an instrument–activity pair from the names they share, the recipient countries
 * and the dates, each reason kept so that a reviewer sees why a pair was proposed.
 */
import type { Narrative } from './model.ts';

/** A reference-like token: letters/digits in at least three parts joined by - _ . or /. */
const REFERENCE = /(?<![A-Za-z0-9])[A-Z0-9]{1,20}(?:[-_./][A-Za-z0-9]{1,30}){2,12}(?![A-Za-z0-9])/g;

/** Segments of an identifier, case-folded: `XI-IATI-EC_INTPA-T05-EUTF` → xi, iati, ec_intpa, … */
const segments = (identifier: string): string[] => identifier.toLowerCase().split('-');

/**
 * An index from each identifier and each of its hyphen-bounded tails of at least three parts
 * (`t05-eutf-sah-ml-07`) to the identifiers that end with it.
 */
export function identifierIndex(identifiers: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (key: string, identifier: string) => {
    const list = index.get(key) ?? [];
    if (!list.includes(identifier)) list.push(identifier);
    index.set(key, list);
  };
  for (const identifier of identifiers) {
    add(identifier.toLowerCase(), identifier);
    const parts = segments(identifier);
    for (let i = 1; i <= parts.length - 3; i += 1) add(parts.slice(i).join('-'), identifier);
  }
  return index;
}

export interface CitedReference {
  readonly identifier: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/**
 * The known activities a text cites, with where. A tail shared by several identifiers is ambiguous
 * and skipped (a reviewer links those by hand).
 */
export function findCitedActivities(
  text: string,
  index: ReadonlyMap<string, readonly string[]>,
): CitedReference[] {
  const found: CitedReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    // A sentence's full stop is not part of the reference.
    const quote = match[0].replace(/[._/]+$/, '');
    const hits = index.get(quote.toLowerCase());
    if (hits?.length !== 1) continue;
    found.push({ identifier: hits[0]!, start: match.index, end: match.index + quote.length, quote });
  }
  return found;
}

const STOPWORDS = new Set(
  (
    'the of and for in on to a an with by at from de des du la le les et pour en au aux un une sur par ' +
    'dans project programme program projet support soutien appui'
  ).split(' '),
);

/** Significant words of a name, accents and case folded. */
export function nameWords(text: string): Set<string> {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
}

export interface MatchInstrument {
  readonly id: string;
  readonly title: string;
  /** Party states (alpha-2). */
  readonly countries: readonly string[];
  /** Years the documents give for it. */
  readonly years: readonly number[];
  /** Amounts the documents state for it ("145.1 million euros"). */
  readonly amounts?: readonly { readonly value: number; readonly currency: string }[];
}

export interface MatchActivity {
  readonly identifier: string;
  readonly names: readonly Narrative[];
  readonly countries: readonly string[];
  /** First and last year of its dates and transactions; null when it has none. */
  readonly span: { readonly from: number; readonly to: number } | null;
  /** What it committed (transaction type 2), one total per currency. */
  readonly commitments?: readonly { readonly value: number; readonly currency: string }[];
}

export interface MatchScore {
  readonly score: number;
  readonly reasons: readonly string[];
}

/** A proposal needs at least this score; a reviewer confirms it before the chain counts it. */
export const MATCH_THRESHOLD = 0.5;

/** An amount a document states is the activity's commitment when within 2 % of it (same currency). */
const AMOUNT_TOLERANCE = 0.02;

/** The instrument's stated amounts that an activity's commitments match, as `145100000 EUR`. */
export function matchingAmounts(instrument: MatchInstrument, activity: MatchActivity): string[] {
  const found: string[] = [];
  for (const amount of instrument.amounts ?? []) {
    const committed = (activity.commitments ?? []).find(
      (c) =>
        c.currency === amount.currency &&
        amount.value > 0 &&
        Math.abs(c.value - amount.value) <= amount.value * AMOUNT_TOLERANCE,
    );
    if (committed !== undefined) found.push(`${amount.value} ${amount.currency}`);
  }
  return found;
}

/**
 * Name (0.4: share of the instrument's significant words found in the activity's titles and
 * organisation names), country (0.25: a party state is a recipient country), dates (0.15: a year
 * of the instrument within a year of the activity's span) and amount (0.2: an amount the documents
 * state for the instrument is what the activity committed, within 2 %). Weights sum to 1; no single
 * feature reaches the threshold alone, so a proposal always rests on two kinds of evidence.
 */
export function scoreMatch(instrument: MatchInstrument, activity: MatchActivity): MatchScore {
  const reasons: string[] = [];
  const wanted = nameWords(instrument.title);
  const have = new Set<string>();
  for (const name of activity.names) for (const word of nameWords(name.text)) have.add(word);
  const shared = [...wanted].filter((word) => have.has(word));
  const nameScore = wanted.size === 0 ? 0 : shared.length / wanted.size;
  if (shared.length > 0) reasons.push(`name: ${shared.join(' ')}`);
  const countries = instrument.countries.filter((code) => activity.countries.includes(code));
  if (countries.length > 0) reasons.push(`country: ${countries.join(' ')}`);
  const span = activity.span;
  const years =
    span === null ? [] : instrument.years.filter((year) => year >= span.from - 1 && year <= span.to + 1);
  if (years.length > 0) reasons.push(`dates: ${years.join(' ')}`);
  const amounts = matchingAmounts(instrument, activity);
  if (amounts.length > 0) reasons.push(`amount: ${amounts.join(', ')}`);
  const score =
    0.4 * nameScore +
    (countries.length > 0 ? 0.25 : 0) +
    (years.length > 0 ? 0.15 : 0) +
    (amounts.length > 0 ? 0.2 : 0);
  return { score: Math.round(score * 1000) / 1000, reasons };
}

export interface MatchProposal extends MatchScore {
  readonly instrumentId: string;
  readonly activityId: string;
}

/**
 * Every instrument–activity pair scoring at least `threshold`, best first. Only pairs that share a
 * recipient country or a name word are scored (an inverted index), so a large activity set is not
 * compared with every instrument.
 */
export function proposeMatches(
  instruments: readonly MatchInstrument[],
  activities: readonly MatchActivity[],
  threshold = MATCH_THRESHOLD,
): MatchProposal[] {
  const byKey = new Map<string, number[]>();
  const index = (key: string, i: number) => {
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  activities.forEach((activity, i) => {
    for (const code of activity.countries) index(`c:${code}`, i);
    for (const name of activity.names) for (const word of nameWords(name.text)) index(`w:${word}`, i);
  });
  const proposals: MatchProposal[] = [];
  for (const instrument of instruments) {
    const keys = [
      ...instrument.countries.map((code) => `c:${code}`),
      ...[...nameWords(instrument.title)].map((word) => `w:${word}`),
    ];
    const seen = new Set<number>();
    for (const key of keys) for (const i of byKey.get(key) ?? []) seen.add(i);
    for (const i of seen) {
      const activity = activities[i]!;
      const { score, reasons } = scoreMatch(instrument, activity);
      if (score >= threshold) {
        proposals.push({ instrumentId: instrument.id, activityId: activity.identifier, score, reasons });
      }
    }
  }
  return proposals.sort(
    (a, b) =>
      b.score - a.score ||
      a.instrumentId.localeCompare(b.instrumentId) ||
      a.activityId.localeCompare(b.activityId),
  );
}

/**
 * The instrument a citation belongs to: among the instruments the document speaks of, the one whose
 * nearest claim span is closest to the citation (ties: the earlier span). Null when there is none.
 */
export function nearestInstrument(
  citation: { readonly start: number; readonly end: number },
  spans: readonly { readonly instrumentId: string; readonly start: number; readonly end: number }[],
): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const span of spans) {
    const distance =
      span.end <= citation.start
        ? citation.start - span.end
        : span.start >= citation.end
          ? span.start - citation.end
          : 0;
    if (best === null || distance < best.distance) best = { id: span.instrumentId, distance };
  }
  return best?.id ?? null;
}
