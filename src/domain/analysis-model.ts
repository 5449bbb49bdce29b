/**
 * Types of the analyses the atlas runs over its records: country positions and comparisons, the
 * consistency of a synthesis, the coordination view for a partner country, commitments and
 * roadmaps, indicators, the conditionality tracker and watches. Pure types, no I/O: the CLI, the
 * HTTP API and the web UI receive these objects and only present them.
 */
import type { ActorKind, PartialDate, PartyRole, Quoted, CommitmentStatus } from './model.ts';
import type { InstrumentAmount } from './money.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from './taxonomy.ts';

/** Where a number, a position or a step was read: a document and a quoted span of its text. */
export interface SourceRef extends Quoted {
  readonly documentId: string;
}

// ---------------------------------------------------------------------------------------------
// Country positions ("country X reports Y")
// ---------------------------------------------------------------------------------------------

/** A country's answer to a question: it reports Y, reports not-Y, or reports Y in part. */
export type Stance = 'yes' | 'no' | 'partly';

/** A country code found in a list, with its place in the text. */
export interface ListedCountry extends Quoted {
  /** ISO 3166-1 alpha-2 (`GR` for a written `EL`, `GB` for `UK`). */
  readonly code: string;
}

/** A list of countries backing a stated count: a footnote body or an inline parenthesis. */
export interface CountryList extends Quoted {
  readonly source: 'footnote' | 'inline';
  /** The footnote's number when the list is a footnote. */
  readonly footnote: number | null;
  /** `false` for "For example, AT, BE…": a sample, not the full set. */
  readonly exhaustive: boolean;
  /** Distinct codes in text order. */
  readonly countries: readonly string[];
  readonly mentions: readonly ListedCountry[];
}

/**
 * A sentence of a synthesis stating how many countries report something ("Seventeen EMN Member and
 * Observer Countries¹ use migration diplomacy…"), with the list that backs it when there is one.
 */
export interface CountClaim {
  /** `documentId#offset of the count phrase`: stable for one text. */
  readonly id: string;
  readonly documentId: string;
  /** The predicate as written, without the count ("use migration diplomacy at national level"). */
  readonly question: string;
  readonly stance: Stance;
  /** The number stated, or null when the text gives a list without a number ("Some countries⁸⁰"). */
  readonly stated: number | null;
  /** The count phrase ("Seventeen EMN Member and Observer Countries"). */
  readonly count: Quoted;
  readonly sentence: Quoted;
  readonly list: CountryList | null;
}

/** One country's position on a question, with the evidence it was read from. */
export interface CountryPosition {
  readonly country: string;
  readonly question: string;
  readonly stance: Stance;
  readonly documentId: string;
  /** The count claim it comes from, when read from a synthesis. */
  readonly claimId: string | null;
  /** The sentence stating the position. */
  readonly evidence: SourceRef;
  /** The country's code or name in the list (footnote) that names it. */
  readonly listItem: SourceRef | null;
}

// ---------------------------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------------------------

/** Evidence for one country in a comparison. */
export interface ComparedCountry {
  readonly country: string;
  readonly evidence: readonly SourceRef[];
}

/** The answer to "which countries …?": a count, the list and the evidence for each country. */
export interface Comparison {
  readonly question: string;
  readonly count: number;
  readonly countries: readonly string[];
  readonly evidence: readonly ComparedCountry[];
  /** Counts the sources themselves state for this question (may differ from `count`). */
  readonly statedCounts: readonly number[];
}

/** A party to an instrument, as analyses need it. */
export interface PartySummary {
  readonly actorId: string;
  readonly kind: ActorKind;
  readonly role: PartyRole;
}

/**
 * An instrument as the analyses read it: plain values gathered from the store's claims (not a
 * database row), with the evidence a report shows.
 */
export interface InstrumentSummary {
  readonly id: string;
  readonly title: string;
  readonly type: InstrumentTypeCode;
  readonly parties: readonly PartySummary[];
  readonly topics: readonly TopicCode[];
  readonly approaches: readonly ApproachCode[];
  readonly amounts: readonly InstrumentAmount[];
  readonly dates: readonly PartialDate[];
  readonly evidence: readonly SourceRef[];
}

/**
 * A linkage a document attributes to an actor: "Finland links development cooperation to the
 * readmission of nationals" is actor FI, from `root_causes_development` to `return_readmission`.
 */
export interface LinkageSummary {
  readonly actorId: string;
  readonly kind: ActorKind;
  readonly from: TopicCode;
  readonly to: TopicCode;
  readonly approach: ApproachCode | null;
  readonly evidence: readonly SourceRef[];
}

// ---------------------------------------------------------------------------------------------
// Consistency of a synthesis
// ---------------------------------------------------------------------------------------------

export type FindingKind = 'count_mismatch' | 'conflicting_counts' | 'overlapping_lists' | 'both_sides';

/** One inconsistency in a synthesis, with every text span involved. */
export interface ConsistencyFinding {
  readonly kind: FindingKind;
  /** A plain-language explanation, English. */
  readonly message: string;
  readonly quotes: readonly Quoted[];
  /** The stated count (the first one, for conflicting counts). */
  readonly stated?: number;
  /** The size of the list backing the stated count. */
  readonly listed?: number;
  /** Every count stated for the question (conflicting counts). */
  readonly counts?: readonly number[];
  /** Countries involved: on both sides, in the overlap, or in one list and not the other. */
  readonly countries?: readonly string[];
  readonly questions: readonly string[];
  readonly claimIds: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Coordination view for a partner country
// ---------------------------------------------------------------------------------------------

/** Sum of money per ISO 4217 currency. */
export type MoneyByCurrency = Readonly<Record<string, number>>;

export interface ActorActivity {
  readonly actorId: string;
  readonly kind: ActorKind;
  readonly instruments: readonly {
    readonly id: string;
    readonly title: string;
    readonly type: InstrumentTypeCode;
  }[];
  /** Money of instruments this actor funds alone (or is the only non-partner party of). */
  readonly money: MoneyByCurrency;
  /** Money of instruments it funds together with others (not split: shown, not summed). */
  readonly sharedMoney: MoneyByCurrency;
  readonly topics: readonly TopicCode[];
}

/** A topic named as a priority for the partner (by a roadmap or a statement). */
export interface PriorityArea {
  readonly label: string;
  readonly topics: readonly TopicCode[];
  readonly source: SourceRef | null;
}

export interface CoordinationOverlap {
  readonly topic: TopicCode;
  readonly actors: readonly string[];
  readonly instruments: readonly string[];
}

export interface CoordinationGap {
  readonly topic: TopicCode;
  readonly priorities: readonly PriorityArea[];
}

export interface CoordinationView {
  readonly partner: string;
  readonly actors: readonly ActorActivity[];
  readonly totals: MoneyByCurrency;
  readonly overlaps: readonly CoordinationOverlap[];
  readonly gaps: readonly CoordinationGap[];
}

// ---------------------------------------------------------------------------------------------
// Commitments and roadmaps
// ---------------------------------------------------------------------------------------------

/** A deadline as written: "before September 2017" is exclusive, "by 2017" inclusive. */
export interface Deadline extends PartialDate {
  readonly inclusive: boolean;
  readonly quote: string;
}

/** A commitment from a communiqué or a meeting report: who, what, by when, status. */
export interface Commitment {
  readonly id: string;
  readonly documentId: string;
  readonly text: string;
  readonly owners: readonly string[];
  readonly deadline: Deadline | null;
  readonly status: CommitmentStatus;
  /** The commitment is to hold the next dialogue or meeting. */
  readonly nextDialogue: boolean;
  readonly topics: readonly TopicCode[];
  readonly source: SourceRef;
}

export interface TrackedCommitment extends Commitment {
  readonly overdue: boolean;
  /** Days left before the deadline (negative when overdue), null without a deadline. */
  readonly daysLeft: number | null;
}

export interface CommitmentTracker {
  readonly today: string;
  readonly commitments: readonly TrackedCommitment[];
  /** The earliest open commitment to hold the next dialogue. */
  readonly nextDialogue: TrackedCommitment | null;
  readonly overdue: number;
}

/** A roadmap item: one priority area of a listed set ("domaines prioritaires … sont A; B; C"). */
export interface RoadmapPriority extends PriorityArea {
  readonly source: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/** One value of an indicator, with its source: a document span or a user's entry. */
export interface IndicatorValue {
  /** What is measured ("countries allowing visa-free travel for citizens"). */
  readonly indicator: string;
  readonly value: number;
  /** `count`, `%`, or an ISO 4217 currency. */
  readonly unit: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when the text gives none. */
  readonly date: string | null;
  readonly country: string | null;
  readonly instrumentId: string | null;
  readonly approximate: boolean;
  readonly source: SourceRef | { readonly enteredBy: string; readonly note: string | null };
}

export interface IndicatorSeries {
  readonly indicator: string;
  readonly unit: string;
  readonly country: string | null;
  readonly instrumentId: string | null;
  /** Sorted by date (undated values last). */
  readonly values: readonly IndicatorValue[];
}

// ---------------------------------------------------------------------------------------------
// Conditionality tracker
// ---------------------------------------------------------------------------------------------

/** Steps of EU visa leverage (Visa Code article 25a) and similar mechanisms. */
export type LeverageStepKind =
  | 'assessment'
  | 'proposal'
  | 'restrictive_decision'
  | 'favourable_decision'
  | 'implementing_decision'
  | 'revocation';

export interface LeverageStep {
  readonly country: string;
  readonly kind: LeverageStepKind;
  /** "Visa Code art. 25a" when the text names it. */
  readonly legalBasis: string | null;
  readonly date: PartialDate | null;
  readonly source: SourceRef;
}

/** An approach (positive, negative, reverse conditionality…) a document attributes to an actor. */
export interface ApproachAttribution {
  readonly actorId: string;
  readonly approach: ApproachCode;
  /** `opposes` for "Spain does not favour negative conditionality". */
  readonly stance: 'applies' | 'opposes';
  readonly source: SourceRef;
}

export interface ConditionalityTimeline {
  readonly country: string;
  readonly steps: readonly LeverageStep[];
  readonly approaches: readonly ApproachAttribution[];
}

// ---------------------------------------------------------------------------------------------
// Watches
// ---------------------------------------------------------------------------------------------

/** A saved query: "new instrument with Mauritania on return". Every given field must match. */
export interface Watch {
  readonly id: string;
  readonly name: string;
  readonly country?: string;
  readonly type?: InstrumentTypeCode;
  readonly topic?: TopicCode;
  /** Words that must all occur in the instrument's title or evidence (accents and case ignored). */
  readonly text?: string;
}

export interface WatchMatch {
  readonly watchId: string;
  readonly instrumentId: string;
  /** Why it matched, one entry per criterion ("country ML", "topic return_readmission"). */
  readonly reasons: readonly string[];
}
