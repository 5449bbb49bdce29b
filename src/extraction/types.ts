/**
 * What the extraction stages produce: candidate records with the span they were read from.
 * Stages are pure functions over the document text (a compiler-like pipeline): text → segments →
 * mentions → records. Storage and readers never appear here.
 */
import type {
  DatePrecision,
  DateRole,
  EventKind,
  Language,
  LegalForm,
  Money,
  PartyRole,
  Quoted,
  Span,
  StatementKind,
} from '../domain/model.ts';
import type { DocumentSource } from './document-source.ts';
import type { AmountRole } from '../domain/money.ts';
import type { StatedStatus } from './instrument-status.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from '../domain/taxonomy.ts';

/** Version of the rule set, recorded as `assertedBy` on every extracted claim. */
export const EXTRACTOR_ID = 'extractor:mda-rules@0.1.0';

/**
 * How sure the rules are of a fact, 0–1 (see `confidence.ts`). Optional so that a stage need not
 * know about it: the pipeline sets it on every fact it returns.
 */
export interface Scored {
  readonly confidence?: number;
}

export type SegmentKind = 'section' | 'paragraph' | 'sentence' | 'footnote';

export interface Section extends Span {
  readonly heading: string;
  /** "3.2" when numbered, else null. */
  readonly number: string | null;
  readonly level: number;
}

export interface Footnote extends Span {
  /** The footnote's number as printed. */
  readonly number: number;
  /** Offsets of the markers (¹, [3], ^3) in the body that point to it. */
  readonly markers: readonly Span[];
  /** A bibliographic reference rather than a note with content ("last accessed on", a URL). */
  readonly isCitation: boolean;
}

export interface Segmentation {
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Span[];
  /** Sentences of the body and of footnotes, in text order, non-overlapping. */
  readonly sentences: readonly Span[];
  readonly footnotes: readonly Footnote[];
}

/** How a country was written. */
export type CountryForm = 'name' | 'adjective' | 'code';

export interface CountryMention extends Quoted, Scored {
  /** ISO 3166-1 alpha-2 (`GR` for Greece, `GB` for the United Kingdom, `XK` Kosovo). */
  readonly code: string;
  readonly form: CountryForm;
}

export interface OrganizationMention extends Quoted, Scored {
  /** Taxonomy organization code (`EU`, `IOM`…). */
  readonly code: string;
  /** The organization's actor id: its code, or `org:AU` where the code is also a state's ISO code. */
  readonly actorId: string;
}

export interface DateMention extends Quoted, Scored {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly value: string;
  readonly precision: DatePrecision;
  /** Inside a bibliographic citation or an "accessed on" line: not an event date. */
  readonly inCitation: boolean;
}

export interface AmountMention extends Quoted, Money, Scored {
  /** What the text says the sum is (see money-roles.ts); null or absent when it does not say. */
  readonly role?: AmountRole | null;
  /** The value of the total this sum is a share of, in the same currency. */
  readonly partOf?: number | null;
  /** The words that say the role ("montant total de", "dont"): the role's evidence. */
  readonly roleCue?: Quoted | null;
}

export interface PartyCandidate extends Quoted, Scored {
  readonly actorId: string;
  readonly role: PartyRole;
}

export interface InstrumentCandidate extends Quoted, Scored {
  readonly type: InstrumentTypeCode;
  /** A readable name: the instrument's proper name when it has one, else the quoted phrase. */
  readonly title: string;
  readonly legalForm: LegalForm;
  readonly binding: boolean | null;
  readonly parties: readonly PartyCandidate[];
  readonly dates: readonly (DateMention & { readonly role: DateRole })[];
  readonly amounts: readonly AmountMention[];
  readonly topics: readonly TopicCode[];
  /**
   * The topics its type or its own name says ("readmission agreement"): their evidence is the
   * mention; the others' is its sentence. Absent: every topic is evidenced by the sentence.
   */
  readonly ownTopics?: readonly TopicCode[];
  readonly approaches: readonly ApproachCode[];
  /** The sentence the instrument was found in (for evidence display). */
  readonly sentence: Span;
  /** The status its sentence states, with the words that state it; null or absent: not stated. */
  readonly status?: StatedStatus | null;
}

export interface TopicAssessment extends Scored {
  readonly code: TopicCode;
  /** Sentences whose main point is this topic. */
  readonly sentences: readonly Span[];
  readonly score: number;
}

export interface StatementCandidate extends Quoted {
  readonly kind: StatementKind;
  readonly owners: readonly string[];
  readonly deadline: DateMention | null;
  readonly topics: readonly TopicCode[];
}

export interface EventCandidate extends Quoted {
  readonly kind: EventKind;
  readonly title: string;
  readonly date: DateMention | null;
  readonly place: string | null;
  readonly participants: readonly string[];
}

export interface LinkCandidate extends Quoted {
  /** Indexes into `ExtractedDocument.instruments`. */
  readonly from: number;
  readonly to: number;
  readonly relation: 'under_framework' | 'annex_of' | 'implements' | 'follows_up' | 'funded_by' | 'linked_to';
  readonly approach: ApproachCode | null;
}

/** Everything the rules found in one document. */
export interface ExtractedDocument {
  readonly language: Language;
  readonly segmentation: Segmentation;
  readonly countries: readonly CountryMention[];
  readonly organizations: readonly OrganizationMention[];
  readonly dates: readonly DateMention[];
  readonly amounts: readonly AmountMention[];
  readonly instruments: readonly InstrumentCandidate[];
  readonly topics: readonly TopicAssessment[];
  readonly statements: readonly StatementCandidate[];
  readonly events: readonly EventCandidate[];
  readonly links: readonly LinkCandidate[];
  /** Title, publisher, date and URL where the head of the text states them (see document-source.ts). */
  readonly source?: DocumentSource;
}
