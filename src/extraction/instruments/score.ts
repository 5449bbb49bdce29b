/**
 * The candidate-and-features step: every candidate mention of an instrument gets features read
 * from its phrase and its surroundings, and a score (0–1) from their weighted sum. Candidates whose
 * score reaches `KEEP_THRESHOLD` are kept. A kept record's confidence is read from fewer, surer
 * signs (`instrumentConfidence` in `../confidence.ts`).
 *
 * Features that say "this phrase names a kind, an organization or a hypothesis, not an instrument"
 * weigh heavily against; a legal form, a proper name, parties, a date and a verb of signing count
 * for. The weights are round numbers chosen by hand.
 */

/** What the rules read about one candidate mention. */
export interface MentionFeatures {
  /** The name is in the catalogue of well-known instruments. */
  readonly catalogued: boolean;
  /** The head noun names a legal form by itself ("memorandum of understanding", "accord"). */
  readonly legalFormHead: boolean;
  /** The phrase has a title shape: capitalised words, an acronym, a name after the head. */
  readonly titleShape: boolean;
  /** How many parties were read. */
  readonly parties: number;
  /** The parties come from a pair, "between", "with" or an owner, not only from the clause's subject. */
  readonly partiesTied: boolean;
  /** A date is tied to the phrase. */
  readonly dated: boolean;
  /** Characters between the phrase and the nearest verb of signing or setting up in its sentence. */
  readonly signingDistance: number | null;
  /** A verb of setting up governs it ("a mis en place", "were introduced"). */
  readonly established: boolean;
  /** An item of a list of instruments ("A, B and C"). */
  readonly inList: boolean;
  /** A plural head ("agreements") without parties that would make each an instrument. */
  readonly pluralKind: boolean;
  /** A kind rather than one instrument: "this type of agreement", "several agreements". */
  readonly kindOf: boolean;
  /** An indefinite phrase nobody set up ("unwilling to sign a readmission agreement"). */
  readonly hypothetical: boolean;
  /** A common noun ("programme", "policy") with neither a name nor an owner. */
  readonly bareCommonNoun: boolean;
  /** The head belongs to an organization's name ("Migration Policy Institute"), a capitals heading, an everyday sense. */
  readonly notAnInstrument: boolean;
}

/** Candidates scoring at least this are kept. */
export const KEEP_THRESHOLD = 0.5;

const WEIGHTS = {
  catalogued: 3,
  legalFormHead: 0.8,
  titleShape: 0.7,
  party: 0.5,
  morePartiesTied: 0.5,
  dated: 0.3,
  signingNear: 0.4,
  established: 0.4,
  inList: -0.2,
  pluralKind: -4,
  kindOf: -6,
  hypothetical: -4,
  bareCommonNoun: -4,
  notAnInstrument: -12,
} as const;

/** Starting point: a bare head with nothing around it is a coin toss. */
const BIAS = -0.2;

/** The score of a candidate, 0–1 (a logistic of the weighted features). */
export function scoreMention(f: MentionFeatures): number {
  let sum = BIAS;
  if (f.catalogued) sum += WEIGHTS.catalogued;
  if (f.legalFormHead) sum += WEIGHTS.legalFormHead;
  if (f.titleShape) sum += WEIGHTS.titleShape;
  if (f.parties > 0) sum += WEIGHTS.party;
  if (f.parties > 0 && f.partiesTied) sum += WEIGHTS.morePartiesTied;
  if (f.dated) sum += WEIGHTS.dated;
  if (f.signingDistance !== null && f.signingDistance <= 60) sum += WEIGHTS.signingNear;
  if (f.established) sum += WEIGHTS.established;
  if (f.inList) sum += WEIGHTS.inList;
  if (f.pluralKind) sum += WEIGHTS.pluralKind;
  if (f.kindOf) sum += WEIGHTS.kindOf;
  if (f.hypothetical) sum += WEIGHTS.hypothetical;
  if (f.bareCommonNoun) sum += WEIGHTS.bareCommonNoun;
  if (f.notAnInstrument) sum += WEIGHTS.notAnInstrument;
  return Math.round((1 / (1 + Math.exp(-sum))) * 100) / 100;
}

/** Verbs of signing, concluding, adopting or setting up (folded text, EN/FR). */
const SIGNING =
  /\b(?:sign|signs|signed|signing|conclu\w*|agreed|adopt\w*|launch\w*|establish\w*|set up|appoint\w*|ratif\w*|signe\w*|convenu\w*|lance\w*|cree\w*|nomme\w*|mis en place|mettent en place)\b/g;

/** Distance from `phrase` to the nearest verb of signing in `sentence` (folded text), or null. */
export function signingDistance(
  folded: string,
  sentence: { start: number; end: number },
  phrase: { start: number; end: number },
): number | null {
  const text = folded.slice(sentence.start, sentence.end);
  let best: number | null = null;
  SIGNING.lastIndex = 0;
  for (let m = SIGNING.exec(text); m; m = SIGNING.exec(text)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    const gap = end <= phrase.start ? phrase.start - end : start >= phrase.end ? start - phrase.end : 0;
    if (best === null || gap < best) best = gap;
  }
  return best;
}
