/**
 * The Migration Diplomacy Atlas domain model: pure types, no I/O.
 *
 * Every fact the atlas stores is a *claim* about a record (an instrument, an event, a statement, a
 * document) and carries its own evidence: the document, the character span, the quoted text, who
 * asserted it (an extractor version or a reviewer) and its review state. Two sources may disagree
 * and both claims are kept, as sourced-data projects (Wikidata statements with references) do.
 */
import type { InstrumentAmount } from './money.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from './taxonomy.ts';

/** Languages the atlas reads and presents. */
export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** Half-open range of UTF-16 code-unit offsets into a document's text: `text.slice(start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A piece of text found at a span of the document it came from. */
export interface Quoted extends Span {
  readonly quote: string;
}

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

export type ActorKind = 'state' | 'organization' | 'grouping';

/**
 * A party to migration diplomacy. States are identified by ISO 3166-1 alpha-2 (`ML`, `XK` for
 * Kosovo), organizations by their taxonomy code (`EU`, `IOM`); groupings (the G7, the Sahel
 * countries) by a lower-case slug.
 */
export interface Actor {
  readonly id: string;
  readonly kind: ActorKind;
  readonly name: { readonly en: string; readonly fr: string };
  /** Nationality adjectives or demonyms, for display ("Malian", "malien"). */
  readonly adjective?: { readonly en: string; readonly fr: string };
}

/** What a party does in an instrument. */
export type PartyRole =
  'signatory' | 'donor' | 'implementer' | 'chair' | 'participant' | 'partner' | 'beneficiary';
export const PARTY_ROLES: readonly PartyRole[] = [
  'signatory',
  'donor',
  'implementer',
  'chair',
  'participant',
  'partner',
  'beneficiary',
];

// ---------------------------------------------------------------------------------------------
// Dates and money
// ---------------------------------------------------------------------------------------------

export type DatePrecision = 'year' | 'month' | 'day';

/** A calendar date at the precision written: `2016`, `2016-04`, `2016-04-14`. */
export interface PartialDate {
  readonly value: string;
  readonly precision: DatePrecision;
}

/** What a date dates on an instrument or event. */
export type DateRole = 'signature' | 'launch' | 'meeting' | 'end' | 'adoption' | 'mentioned';

/** A sum of money in units of an ISO 4217 currency. */
export interface Money {
  readonly value: number;
  readonly currency: string;
  /** "more than", "about", "up to": the stated number is kept, the hedge recorded. */
  readonly approximate: boolean;
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/**
 * Where an instrument stands, as the text says it; `not_stated` where it does not (never guessed).
 * Ordered from first to last step of an instrument's life.
 */
export type InstrumentStatus =
  'announced' | 'negotiating' | 'signed' | 'in_force' | 'suspended' | 'ended' | 'not_stated';
export const INSTRUMENT_STATUSES: readonly InstrumentStatus[] = [
  'announced',
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'ended',
  'not_stated',
];

/**
 * The legal form named by the text. Informal arrangements are first-class: a letter of intent or
 * a joint statement is a record like a treaty, with `binding: false`.
 */
export const LEGAL_FORMS = [
  'treaty',
  'agreement',
  'memorandum',
  'letter',
  'declaration',
  'compact',
  'plan',
  'process',
  'legal_act',
  'arrangement',
  'other',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export interface Instrument {
  readonly id: string;
  readonly type: InstrumentTypeCode;
  readonly title: string;
  readonly legalForm: LegalForm;
  /** `true` binding, `false` non-binding, `null` not stated. */
  readonly binding: boolean | null;
  readonly status: InstrumentStatus;
  readonly parties: readonly Party[];
  readonly dates: readonly InstrumentDate[];
  /** Each amount with its role; `instrumentTotals` (money.ts) sums them without double counting. */
  readonly amounts: readonly InstrumentAmount[];
  readonly topics: readonly TopicCode[];
  readonly approaches: readonly ApproachCode[];
}

export interface Party {
  readonly actorId: string;
  readonly role: PartyRole;
}

export interface InstrumentDate extends PartialDate {
  readonly role: DateRole;
}

export type EventKind = 'meeting' | 'dialogue_round' | 'summit' | 'visit' | 'conference';

/** Something that happened at a date: a meeting, a dialogue round, a visit. */
export interface DiplomaticEvent {
  readonly id: string;
  readonly kind: EventKind;
  readonly title: string;
  readonly date: PartialDate | null;
  readonly place: string | null;
  readonly participants: readonly string[];
}

export type StatementKind = 'commitment' | 'good_practice' | 'challenge' | 'recommendation' | 'lesson';
export const STATEMENT_KINDS: readonly StatementKind[] = [
  'commitment',
  'good_practice',
  'challenge',
  'recommendation',
  'lesson',
];

export type CommitmentStatus = 'open' | 'in_progress' | 'done' | 'dropped';

/** A commitment, good practice, challenge, recommendation or lesson stated by a document. */
export interface Statement {
  readonly id: string;
  readonly kind: StatementKind;
  readonly text: string;
  /** Who committed, recommended or reported (actor ids). */
  readonly owners: readonly string[];
  readonly deadline: PartialDate | null;
  readonly topics: readonly TopicCode[];
  /** Only for commitments; users update it. */
  readonly status: CommitmentStatus | null;
}

/**
 * How two records relate. Issue linkages are links, not tags: a readmission agreement tied to
 * visa facilitation is a `linked_to` link between the two records (the extractor's reading of a
 * linkage cue); reviewers say which: `tied_to_visa` (visa measures) or `tied_to_funding`.
 * `supersedes`: the newer instrument replaces the older (a reviewer's assertion).
 */
export type LinkRelation =
  | 'under_framework'
  | 'annex_of'
  | 'implements'
  | 'follows_up'
  | 'funded_by'
  | 'linked_to'
  | 'supersedes'
  | 'tied_to_funding'
  | 'tied_to_visa';
export const LINK_RELATIONS = [
  'under_framework',
  'annex_of',
  'implements',
  'follows_up',
  'funded_by',
  'linked_to',
  'supersedes',
  'tied_to_funding',
  'tied_to_visa',
] as const satisfies readonly LinkRelation[];

export type RecordKind = 'instrument' | 'event' | 'statement' | 'document';

export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: string;
}

export interface Link {
  readonly from: RecordRef;
  readonly to: RecordRef;
  readonly relation: LinkRelation;
  /** For issue linkages: which approach the link expresses (conditionality, linkage). */
  readonly approach: ApproachCode | null;
}

// ---------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------

/**
 * `confirmed`: a reviewer accepted it; `corrected`: a reviewer's own claim replacing another, which
 * is then `superseded` (kept, never deleted); `rejected`: wrong, with the reviewer's reason.
 */
export type ReviewState = 'unreviewed' | 'confirmed' | 'rejected' | 'corrected' | 'superseded';
export const REVIEW_STATES: readonly ReviewState[] = [
  'unreviewed',
  'confirmed',
  'rejected',
  'corrected',
  'superseded',
];

/** Who or what asserted a claim: `extractor:mda-rules@1.0.0` or `reviewer:jane`. */
export type Asserter = string;

/** Where a fact came from. Every stored claim has one. */
export interface Evidence {
  readonly documentId: string;
  readonly span: Span;
  readonly quote: string;
  readonly assertedBy: Asserter;
  readonly reviewState: ReviewState;
}

/**
 * One statement per value: "instrument X has party ML" with its evidence. A record's fields are
 * read from its claims; several claims may exist for one property (sources that disagree).
 */
export interface Claim {
  readonly subject: RecordRef;
  readonly property: ClaimProperty;
  /** JSON-serialisable value: a code, an actor id, a PartialDate, a Money… */
  readonly value: unknown;
  readonly evidence: Evidence;
}

export type ClaimProperty =
  | 'type'
  | 'title'
  | 'party'
  | 'date'
  | 'amount'
  | 'amount_role'
  | 'topic'
  | 'approach'
  | 'status'
  | 'binding'
  | 'legal_form'
  | 'owner'
  | 'deadline'
  | 'place'
  | 'mentions_country'
  | 'mentions_organization'
  | 'link';

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export interface SourceDocument {
  readonly id: string;
  /** sha256 of the extracted text: the same content ingested twice is one document. */
  readonly contentHash: string;
  readonly title: string;
  readonly sourcePath: string;
  readonly format: DocumentFormat;
  readonly language: Language;
  readonly text: string;
}
