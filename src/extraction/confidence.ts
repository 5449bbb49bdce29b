/**
 * Confidence of the facts the stages find, 0–1, so that people can review the least sure first.
 * Each kind of fact is scored from how it was matched (a country written by its name is surer than
 * one read from a two-letter code; a day-month-year date surer than a bare year), so the stages
 * themselves need not know about confidence. Instruments carry their own candidate score (see
 * `instruments/score.ts`). The figures are calibrated on the dev and held-out sets by the table
 * `npm run eval` prints; a stage may set a confidence itself, which is then kept.
 */
import type {
  AmountMention,
  CountryMention,
  DateMention,
  ExtractedDocument,
  OrganizationMention,
  TopicAssessment,
} from './types.ts';

/** A fact with a confidence set. */
type WithConfidence<T> = T & { readonly confidence: number };

const COUNTRY_BY_FORM: Record<CountryMention['form'], number> = { name: 0.95, adjective: 0.9, code: 0.75 };

/** A country: by the form it was written in. */
export function countryConfidence(mention: CountryMention): number {
  return mention.confidence ?? COUNTRY_BY_FORM[mention.form];
}

/** An organization: a full name is surer than an acronym, which may stand for something else. */
export function organizationConfidence(mention: OrganizationMention): number {
  if (mention.confidence !== undefined) return mention.confidence;
  return /^[A-Z0-9-]{2,8}$/.test(mention.quote.trim()) ? 0.85 : 0.95;
}

const DATE_BY_PRECISION: Record<string, number> = { day: 0.95, month: 0.9, year: 0.85 };

/** A date: a full date is surer than a month, a month surer than a bare year (often a name's year). */
export function dateConfidence(mention: DateMention): number {
  if (mention.confidence !== undefined) return mention.confidence;
  return mention.inCitation ? 0.3 : (DATE_BY_PRECISION[mention.precision] ?? 0.8);
}

/** An amount: a stated figure is surer than an approximate one ("some", "about", "plus de"). */
export function amountConfidence(mention: AmountMention): number {
  return mention.confidence ?? (mention.approximate ? 0.8 : 0.9);
}

/** A topic of the document: surer the more sentences make it their main point. */
export function topicConfidence(topic: TopicAssessment): number {
  if (topic.confidence !== undefined) return topic.confidence;
  const n = topic.sentences.length;
  return n >= 4 ? 0.9 : n === 3 ? 0.8 : n === 2 ? 0.7 : 0.55;
}

const set = <T extends { readonly confidence?: number }>(
  items: readonly T[],
  score: (item: T) => number,
): WithConfidence<T>[] => items.map((item) => ({ ...item, confidence: round(score(item)) }));

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

/** The document with a confidence on every country, organization, date, amount and topic. */
export function withConfidence(doc: ExtractedDocument): ExtractedDocument {
  return {
    ...doc,
    countries: set(doc.countries, countryConfidence),
    organizations: set(doc.organizations, organizationConfidence),
    dates: set(doc.dates, dateConfidence),
    amounts: set(doc.amounts, amountConfidence),
    topics: set(doc.topics, topicConfidence),
  };
}

/** The confidence of a value named several times: its surest mention, a little more when repeated. */
export function combinedConfidence(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return round(Math.max(...scores) + 0.02 * Math.min(3, scores.length - 1));
}

/** What an instrument record's confidence is read from (see `instrumentConfidence`). */
export interface InstrumentEvidence {
  /** The best score of its mentions (`instruments/score.ts`). */
  readonly score: number;
  /** How many times the document names it. */
  readonly mentions: number;
  /** Named by a catalogue entry of a well-known instrument. */
  readonly catalogued: boolean;
  /** Its head is a legal form by itself (`form`) or a common noun that needs a name (`named`). */
  readonly strength: 'form' | 'named' | null;
  readonly type: string;
  readonly parties: number;
  readonly dated: boolean;
}

/**
 * Ceilings on an instrument's confidence where the rules are often wrong on unseen text: measured
 * on spent evaluation sets, records without parties are right about a quarter of the time, records
 * typed `agreement` or `partnership` by the general rules about half (the gold often gives the
 * subject's type or another party set), joint bodies and statements at high scores about half, and an undated memorandum, agreement, declaration or act
 * is right less often than a dated one. A catalogued name keeps its score.
 */
const NO_PARTIES_CEILING = 0.6;
const UNSURE_TYPE_CEILING = 0.72;
const UNDATED_FORM_CEILING = 0.75;
const COMMON_NOUN_CEILING = 0.78;
const UNSURE_TYPES: ReadonlySet<string> = new Set(['agreement', 'partnership']);
/**
 * Joint bodies, joint statements and operational cooperation: their parties are read from the
 * sentence around them, and the same measure found them wrong about half the time at high scores.
 */
const BORROWED_PARTIES_CEILING = 0.78;
const BORROWED_PARTIES_TYPES: ReadonlySet<string> = new Set([
  'coordination_mechanism',
  'joint_declaration',
  'operational_cooperation',
]);
const DATED_FORMS: ReadonlySet<string> = new Set([
  'agreement',
  'readmission_agreement',
  'visa_agreement',
  'labour_agreement',
  'trade_agreement',
  'memorandum_of_understanding',
  'joint_declaration',
  'letter_of_intent',
  'legal_act',
]);

/** An instrument record's confidence: its best mention's score, a little more per further mention, under the ceilings above. */
export function instrumentConfidence(e: InstrumentEvidence): number {
  const repeated = Math.min(0.99, e.score + 0.03 * Math.min(3, e.mentions - 1));
  if (e.catalogued) return round(repeated);
  const ceilings = [
    e.parties === 0 ? NO_PARTIES_CEILING : 1,
    UNSURE_TYPES.has(e.type) ? UNSURE_TYPE_CEILING : 1,
    BORROWED_PARTIES_TYPES.has(e.type) ? BORROWED_PARTIES_CEILING : 1,
    !e.dated && DATED_FORMS.has(e.type) ? UNDATED_FORM_CEILING : 1,
    e.strength === 'named' && !(e.dated && e.parties > 0) ? COMMON_NOUN_CEILING : 1,
  ];
  return round(Math.min(repeated, ...ceilings));
}
