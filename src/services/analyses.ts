/**
 * The analyses over the stored records, as the CLI and the HTTP API ask for them: comparisons,
 * the consistency of a document (stored, or a file read on the spot), the coordination view, the
 * commitment tracker, indicator series and conditionality timelines. Pure analyses come from
 * src/analysis/; this module only gathers their inputs from the store.
 */
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { compare, compareInstruments } from '../analysis/compare.ts';
import { trackCommitments } from '../analysis/commitments.ts';
import { conditionalityTimelines } from '../analysis/conditionality.ts';
import { checkConsistency } from '../analysis/consistency.ts';
import { coordinationView } from '../analysis/coordination.ts';
import { indicatorSeries, indicatorsFromInstruments } from '../analysis/indicators.ts';
import { askable, criteriaQuestion, wholeQuestion } from '../analysis/questions.ts';
import type {
  CommitmentTracker,
  Comparison,
  ConditionalityTimeline,
  ConsistencyFinding,
  CoordinationView,
  IndicatorSeries,
  RoadmapPriority,
  Stance,
} from '../domain/analysis-model.ts';
import { invalidInput, notFound } from '../domain/errors.ts';
import type { Language } from '../domain/model.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from '../domain/taxonomy.ts';
import { extractCountryPositions } from '../extraction/country-positions.ts';
import { readDocument } from '../readers/index.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import type { QuestionSummary } from '../storage/analyses/analysis-store.ts';

/** What to compare: a question of the stored positions, or instrument criteria (or both). */
export interface ComparisonRequest {
  readonly question?: string;
  readonly stance?: Stance;
  readonly types?: readonly InstrumentTypeCode[];
  readonly approaches?: readonly ApproachCode[];
  readonly topics?: readonly TopicCode[];
  readonly label?: string;
  /** The language of the question built from instrument criteria (English by default). */
  readonly lang?: Language;
}

/**
 * The questions the stored positions answer, most answered first, without the fragments and the
 * sentences about the document itself that no country answers (`askable`).
 */
export async function comparisonQuestions(store: AtlasStore): Promise<QuestionSummary[]> {
  return (await store.analyses.questions()).filter((q) => askable(q.question));
}

/** The comparison a request asks for, from stored positions or stored instruments. */
export async function comparison(store: AtlasStore, request: ComparisonRequest): Promise<Comparison> {
  const byInstrument =
    (request.types?.length ?? 0) + (request.approaches?.length ?? 0) + (request.topics?.length ?? 0) > 0;
  if (request.question !== undefined && !byInstrument) {
    const [positions, claims] = await Promise.all([store.analyses.positions(), store.analyses.countClaims()]);
    const matcher =
      request.stance === undefined
        ? { question: request.question }
        : { question: request.question, stance: request.stance };
    // Shown as a whole question ("Which countries use…?"), matched by its predicate.
    return compare(positions, matcher, { claims, label: request.label ?? wholeQuestion(request.question) });
  }
  if (!byInstrument) throw invalidInput('question', 'give a question, or a type, approach or topic');
  // A whole question in the reader's language ("Which states use special envoys?"), never codes.
  const label = request.label ?? request.question ?? criteriaQuestion(request, request.lang ?? 'en');
  return compareInstruments(await store.analyses.instruments(), {
    label,
    ...(request.types === undefined ? {} : { types: request.types }),
    ...(request.approaches === undefined ? {} : { approaches: request.approaches }),
    ...(request.topics === undefined ? {} : { topics: request.topics }),
  });
}

/** A document's consistency findings and what was checked. */
export interface ConsistencyResult {
  readonly documentId: string;
  /** Null for a document with no title of its own (`fileName` names it). */
  readonly title: string | null;
  readonly fileName: string;
  readonly findings: readonly ConsistencyFinding[];
}

/** Findings of a stored document (by id) or of a file (read and checked, nothing stored). */
export async function consistency(store: AtlasStore, document: string): Promise<ConsistencyResult> {
  if (/^doc_[0-9a-f]+$/.test(document)) {
    const stored = await store.getDocument(document);
    const claims = await store.analyses.countClaims({ documentId: stored.id });
    return {
      documentId: stored.id,
      title: stored.title,
      fileName: stored.fileName,
      findings: checkConsistency(claims),
    };
  }
  const isFile = await stat(document).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) throw notFound('document', document);
  const read = await readDocument(document);
  const { claims } = extractCountryPositions(read.text, document);
  return {
    documentId: document,
    title: read.title,
    fileName: basename(document),
    findings: checkConsistency(claims),
  };
}

/** The coordination view for a partner, with the roadmap priorities of documents about it. */
export async function coordination(store: AtlasStore, partner: string): Promise<CoordinationView> {
  const [instruments, priorities] = await Promise.all([
    store.analyses.instrumentsTowards(partner),
    store.analyses.priorities({ country: partner }),
  ]);
  return coordinationView(partner, instruments, priorities);
}

/** The commitment tracker (optionally one owner's) and the roadmap priority areas behind it. */
export async function commitmentTracker(
  store: AtlasStore,
  options: { readonly country?: string; readonly today: string },
): Promise<CommitmentTracker & { readonly priorities: readonly RoadmapPriority[] }> {
  const filter = options.country === undefined ? {} : { owner: options.country };
  const [commitments, priorities] = await Promise.all([
    store.analyses.commitments(filter),
    store.analyses.priorities(options.country === undefined ? {} : { country: options.country }),
  ]);
  return { ...trackCommitments(commitments, options.today), priorities };
}

/** Indicator series (stored values, plus the money of instruments when one instrument is asked for). */
export async function indicators(
  store: AtlasStore,
  filter: { readonly country?: string; readonly instrumentId?: string },
): Promise<IndicatorSeries[]> {
  const stored = await store.analyses.indicators(filter);
  const money =
    filter.instrumentId === undefined
      ? []
      : indicatorsFromInstruments(await store.analyses.instruments({ ids: [filter.instrumentId] }));
  return indicatorSeries([...stored, ...money]);
}

/** Conditionality timelines, one per country (or the one asked for). */
export async function conditionality(
  store: AtlasStore,
  filter: { readonly country?: string },
): Promise<ConditionalityTimeline[]> {
  const [steps, attributions] = await Promise.all([
    store.analyses.leverageSteps(filter),
    store.analyses.attributions(filter.country === undefined ? {} : { actor: filter.country }),
  ]);
  return conditionalityTimelines(steps, attributions);
}

/** Today's date as YYYY-MM-DD (UTC). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** A short stable id for a watch from its name and criteria: `w_3f9a1c2b`. */
export function watchIdFor(name: string, criteria: unknown): string {
  return `w_${createHash('sha256')
    .update(JSON.stringify([name, criteria]))
    .digest('hex')
    .slice(0, 8)}`;
}
