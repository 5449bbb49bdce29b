/**
 * The briefing pack for a dialogue with one partner country: what the atlas holds about it,
 * gathered into sections an official reads before a meeting — instruments by type with status and
 * dates, money by source (the country totals as the country page computes them, never re-added
 * here), open commitments with their deadline and the last status recorded, the next dialogue,
 * the levers used (conditionality steps), indicators, who else is active, and every source cited.
 * The money followed through IATI (committed → disbursed → spent) is the country's funding chain as
 * the country page computes it (src/domain/iati/chain.ts), passed through untouched.
 *
 * Pure: the records in, the brief out (codes and values, no words). Rendering in a language is the
 * adapters' job (src/web/brief.ts), so the same brief prints in French or English.
 */
import type {
  ActorActivity,
  ApproachAttribution,
  CommitmentTracker,
  ConditionalityTimeline,
  CoordinationGap,
  CoordinationOverlap,
  Deadline,
  IndicatorSeries,
  IndicatorValue,
  LeverageStep,
  MoneyByCurrency,
  TrackedCommitment,
} from '../domain/analysis-model.ts';
import type { CitableDocument } from '../domain/citation.ts';
import type { FundingChain } from '../domain/iati/chain.ts';
import type { CommitmentStatus, Instrument, InstrumentDate, Party } from '../domain/model.ts';
import type { InstrumentTypeCode, TopicCode } from '../domain/taxonomy.ts';

/** An instrument of the partner, with the documents it was read from. */
export interface BriefInstrumentInput extends Instrument {
  readonly firstDate: string | null;
  readonly documentIds: readonly string[];
}

/** A row of the country's money by source, as the country totals function gives it. */
export interface BriefMoneyRow {
  /** The donor, or null when the text names none. */
  readonly source: string | null;
  readonly currency: string;
  readonly total: number;
  readonly instruments: number;
}

/** One recorded status change of a commitment (who, when, what). */
export interface RecordedStatus {
  readonly status: CommitmentStatus;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly note: string | null;
}

export interface BriefInput {
  /** The partner state's ISO alpha-2 code. */
  readonly partner: string;
  /** `YYYY-MM-DD`: deadlines and overdue flags are computed at this date. */
  readonly today: string;
  readonly instruments: readonly BriefInstrumentInput[];
  readonly money: readonly BriefMoneyRow[];
  /** The country's IATI money chain (no activity: an empty chain, read "not stated"). */
  readonly moneyChain: FundingChain;
  readonly tracker: CommitmentTracker;
  /** Status changes per commitment id, oldest first. */
  readonly statusHistory: ReadonlyMap<string, readonly RecordedStatus[]>;
  readonly conditionality: readonly ConditionalityTimeline[];
  readonly indicators: readonly IndicatorSeries[];
  readonly coordination: {
    readonly actors: readonly ActorActivity[];
    readonly overlaps: readonly CoordinationOverlap[];
    readonly gaps: readonly CoordinationGap[];
  };
  /** The stored documents (at least those the records cite), with their source fields. */
  readonly documents: readonly CitableDocument[];
}

/** A reference number into `Brief.sources` ([1], [2]…). */
export type SourceNumber = number;

export interface BriefInstrument {
  readonly id: string;
  readonly title: string;
  readonly status: Instrument['status'];
  readonly dates: readonly InstrumentDate[];
  readonly parties: readonly Party[];
  readonly sources: readonly SourceNumber[];
}

export interface BriefCommitment {
  readonly id: string;
  readonly text: string;
  readonly owners: readonly string[];
  readonly status: CommitmentStatus;
  readonly deadline: Deadline | null;
  readonly overdue: boolean;
  readonly daysLeft: number | null;
  /** The last status a person recorded; null when only the text's status is known. */
  readonly lastRecorded: RecordedStatus | null;
  readonly source: SourceNumber;
}

export interface BriefLever {
  readonly kind: LeverageStep['kind'];
  readonly legalBasis: string | null;
  readonly date: string | null;
  readonly source: SourceNumber;
}

export interface BriefApproach {
  readonly actorId: string;
  readonly approach: ApproachAttribution['approach'];
  readonly stance: ApproachAttribution['stance'];
  readonly source: SourceNumber;
}

export interface BriefIndicator {
  readonly indicator: string;
  readonly unit: string;
  readonly values: readonly (Omit<IndicatorValue, 'source'> & {
    /** A document, or the person who entered the value. */
    readonly source: SourceNumber | { readonly enteredBy: string };
  })[];
}

export interface BriefActor {
  readonly actorId: string;
  readonly kind: ActorActivity['kind'];
  readonly instruments: number;
  readonly money: MoneyByCurrency;
  readonly sharedMoney: MoneyByCurrency;
  readonly topics: readonly TopicCode[];
}

export interface BriefSource extends CitableDocument {
  readonly number: SourceNumber;
}

export interface Brief {
  readonly partner: string;
  readonly today: string;
  readonly instrumentsByType: readonly {
    readonly type: InstrumentTypeCode;
    readonly instruments: readonly BriefInstrument[];
  }[];
  readonly money: readonly BriefMoneyRow[];
  /**
   * Committed, disbursed and spent by year in the currencies the IATI activities report, results,
   * and announced amounts against the activity data; a common currency only with a rate table.
   */
  readonly moneyChain: FundingChain;
  /** Open and in-progress commitments, soonest deadline first (undated last). */
  readonly openCommitments: readonly BriefCommitment[];
  readonly nextDialogue: BriefCommitment | null;
  readonly levers: { readonly steps: readonly BriefLever[]; readonly approaches: readonly BriefApproach[] };
  readonly indicators: readonly BriefIndicator[];
  /** Actors other than the partner, most instruments first. */
  readonly othersActive: readonly BriefActor[];
  readonly overlaps: readonly CoordinationOverlap[];
  readonly gaps: readonly CoordinationGap[];
  /** Every document the brief cites, numbered in order of first citation. */
  readonly sources: readonly BriefSource[];
}

const OPEN: ReadonlySet<CommitmentStatus> = new Set(['open', 'in_progress']);

/** Soonest deadline first; commitments without one after them, in text order. */
function byDeadline(a: TrackedCommitment, b: TrackedCommitment): number {
  if (a.deadline !== null && b.deadline !== null) return a.deadline.value.localeCompare(b.deadline.value);
  return (a.deadline === null ? 1 : 0) - (b.deadline === null ? 1 : 0);
}

/** Earliest known date first; undated instruments last, then by title. */
function byFirstDate(a: BriefInstrumentInput, b: BriefInstrumentInput): number {
  if (a.firstDate !== b.firstDate) {
    if (a.firstDate === null) return 1;
    if (b.firstDate === null) return -1;
    return a.firstDate.localeCompare(b.firstDate);
  }
  return a.title.localeCompare(b.title);
}

export function assembleBrief(input: BriefInput): Brief {
  const documents = new Map(input.documents.map((d) => [d.id, d]));
  const numbers = new Map<string, SourceNumber>();
  /** The reference number of a document, given on first citation. */
  const cite = (documentId: string): SourceNumber => {
    let number = numbers.get(documentId);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(documentId, number);
    }
    return number;
  };

  const types = new Map<InstrumentTypeCode, BriefInstrument[]>();
  for (const instrument of [...input.instruments].sort(byFirstDate)) {
    const list = types.get(instrument.type) ?? [];
    list.push({
      id: instrument.id,
      title: instrument.title,
      status: instrument.status,
      dates: instrument.dates,
      parties: instrument.parties,
      sources: instrument.documentIds.filter((id) => documents.has(id)).map(cite),
    });
    types.set(instrument.type, list);
  }
  const instrumentsByType = [...types.entries()]
    .map(([type, instruments]) => ({ type, instruments }))
    .sort((a, b) => b.instruments.length - a.instruments.length || a.type.localeCompare(b.type));

  const commitment = (c: TrackedCommitment): BriefCommitment => {
    const history = input.statusHistory.get(c.id) ?? [];
    return {
      id: c.id,
      text: c.text,
      owners: c.owners,
      status: c.status,
      deadline: c.deadline,
      overdue: c.overdue,
      daysLeft: c.daysLeft,
      lastRecorded: history[history.length - 1] ?? null,
      source: cite(c.documentId),
    };
  };
  const openCommitments = input.tracker.commitments
    .filter((c) => OPEN.has(c.status))
    .sort(byDeadline)
    .map(commitment);
  const nextDialogue = input.tracker.nextDialogue === null ? null : commitment(input.tracker.nextDialogue);

  const timelines = input.conditionality.filter((t) => t.country === input.partner);
  const steps = timelines
    .flatMap((t) => t.steps)
    .map((s) => ({
      kind: s.kind,
      legalBasis: s.legalBasis,
      date: s.date?.value ?? null,
      source: cite(s.source.documentId),
    }));
  const approaches = timelines
    .flatMap((t) => t.approaches)
    .map((a) => ({
      actorId: a.actorId,
      approach: a.approach,
      stance: a.stance,
      source: cite(a.source.documentId),
    }));

  const indicators = input.indicators.map((series) => ({
    indicator: series.indicator,
    unit: series.unit,
    values: series.values.map((v) => ({
      ...v,
      source: 'documentId' in v.source ? cite(v.source.documentId) : { enteredBy: v.source.enteredBy },
    })),
  }));

  const othersActive = input.coordination.actors
    .filter((a) => a.actorId !== input.partner)
    .map((a) => ({
      actorId: a.actorId,
      kind: a.kind,
      instruments: a.instruments.length,
      money: a.money,
      sharedMoney: a.sharedMoney,
      topics: a.topics,
    }))
    .sort((a, b) => b.instruments - a.instruments || a.actorId.localeCompare(b.actorId));

  // A record cites a document the list did not include (it cannot happen with the whole list):
  // the reference keeps its number with what is known, its id, rather than leave a gap.
  const sources = [...numbers.entries()].map(([id, number]) => ({
    ...(documents.get(id) ?? {
      id,
      title: id,
      publisher: null,
      published: null,
      sourceUrl: null,
      language: '',
    }),
    number,
  }));
  return {
    partner: input.partner,
    today: input.today,
    instrumentsByType,
    money: input.money,
    moneyChain: input.moneyChain,
    openCommitments,
    nextDialogue,
    levers: { steps, approaches },
    indicators,
    othersActive,
    overlaps: input.coordination.overlaps,
    gaps: input.coordination.gaps,
    sources,
  };
}
