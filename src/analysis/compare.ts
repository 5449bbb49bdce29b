/**
 * Comparisons across countries: "which countries use migration diplomacy at national level?",
 * "which states use special envoys?", "which link development aid to readmission?". Each answer is
 * a count, the list of countries and the evidence for each, in the style of the EMN inform. The
 * inputs are plain domain objects: country positions, instrument summaries, linkage summaries.
 */
import type {
  ComparedCountry,
  Comparison,
  CountClaim,
  CountryPosition,
  InstrumentSummary,
  LinkageSummary,
  SourceRef,
} from '../domain/analysis-model.ts';
import type { PartyRole } from '../domain/model.ts';
import type { ApproachCode, InstrumentTypeCode, TopicCode } from '../domain/taxonomy.ts';
import { positionTest, sameQuestion, type QuestionMatcher } from './questions.ts';

function gather(entries: Iterable<{ country: string; evidence: SourceRef }>): ComparedCountry[] {
  const byCountry = new Map<string, SourceRef[]>();
  for (const e of entries) {
    const list = byCountry.get(e.country) ?? [];
    if (!list.some((x) => x.documentId === e.evidence.documentId && x.start === e.evidence.start)) {
      list.push(e.evidence);
    }
    byCountry.set(e.country, list);
  }
  return [...byCountry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, evidence]) => ({ country, evidence }));
}

function comparison(
  question: string,
  compared: ComparedCountry[],
  statedCounts: readonly number[],
): Comparison {
  return {
    question,
    count: compared.length,
    countries: compared.map((c) => c.country),
    evidence: compared,
    statedCounts: [...new Set(statedCounts)],
  };
}

/**
 * The countries whose positions match a question, with the sentence and the list item behind each.
 * `claims` (optional) supply the counts the sources state for the question.
 */
export function compare(
  positions: readonly CountryPosition[],
  matcher: QuestionMatcher,
  options: { readonly label?: string; readonly claims?: readonly CountClaim[] } = {},
): Comparison {
  const test = positionTest(matcher);
  const matched = positions.filter(test);
  const label =
    options.label ??
    (typeof matcher === 'string'
      ? matcher
      : 'question' in matcher && typeof matcher.question === 'string'
        ? matcher.question
        : (matched[0]?.question ?? ''));
  const claimIds = new Set(matched.map((p) => p.claimId));
  const stated = (options.claims ?? [])
    .filter(
      (c) =>
        c.stated !== null &&
        (claimIds.has(c.id) ||
          matched.some((p) => p.stance === c.stance && sameQuestion(p.question, c.question))),
    )
    .map((c) => c.stated as number);
  const entries = matched.flatMap((p) => [
    { country: p.country, evidence: p.evidence },
    ...(p.listItem ? [{ country: p.country, evidence: p.listItem }] : []),
  ]);
  return comparison(label, gather(entries), stated);
}

/** Selects instruments for an instrument-based comparison; every given field must match. */
export interface InstrumentQuery {
  readonly label: string;
  readonly types?: readonly InstrumentTypeCode[];
  readonly topics?: readonly TopicCode[];
  readonly approaches?: readonly ApproachCode[];
  /** Only parties with one of these roles count (all roles when absent). */
  readonly roles?: readonly PartyRole[];
}

/** Whether an instrument answers a query (types, topics and approaches: any of the listed ones). */
export function instrumentMatches(instrument: InstrumentSummary, query: InstrumentQuery): boolean {
  if (query.types && query.types.length > 0 && !query.types.includes(instrument.type)) return false;
  if (query.topics && query.topics.length > 0 && !query.topics.some((t) => instrument.topics.includes(t))) {
    return false;
  }
  if (
    query.approaches &&
    query.approaches.length > 0 &&
    !query.approaches.some((a) => instrument.approaches.includes(a))
  ) {
    return false;
  }
  return true;
}

/**
 * The states party to matching instruments: "which states use special envoys?" is
 * `{ label, types: ['envoy'] }`. Evidence is the instruments' own evidence.
 */
export function compareInstruments(
  instruments: readonly InstrumentSummary[],
  query: InstrumentQuery,
): Comparison {
  const entries: { country: string; evidence: SourceRef }[] = [];
  for (const instrument of instruments) {
    if (!instrumentMatches(instrument, query)) continue;
    for (const party of instrument.parties) {
      if (party.kind !== 'state') continue;
      if (query.roles && !query.roles.includes(party.role)) continue;
      for (const evidence of instrument.evidence) entries.push({ country: party.actorId, evidence });
    }
  }
  return comparison(query.label, gather(entries), []);
}

/**
 * The states a document says link one topic to another ("link development aid to readmission" is
 * `from: 'root_causes_development', to: 'return_readmission'`); the direction is ignored unless
 * `directed`, and `approach` narrows to one approach (negative conditionality…).
 */
export function compareLinkages(
  linkages: readonly LinkageSummary[],
  query: {
    readonly label: string;
    readonly from: TopicCode;
    readonly to: TopicCode;
    readonly approach?: ApproachCode;
    readonly directed?: boolean;
  },
): Comparison {
  const entries: { country: string; evidence: SourceRef }[] = [];
  for (const l of linkages) {
    if (l.kind !== 'state') continue;
    const forward = l.from === query.from && l.to === query.to;
    const backward = !query.directed && l.from === query.to && l.to === query.from;
    if (!forward && !backward) continue;
    if (query.approach && l.approach !== query.approach) continue;
    for (const evidence of l.evidence) entries.push({ country: l.actorId, evidence });
  }
  return comparison(query.label, gather(entries), []);
}
