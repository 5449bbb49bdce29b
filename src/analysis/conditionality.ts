/**
 * The conditionality tracker: steps of leverage per country (for EU Visa Code article 25a: the
 * Commission's assessment of readmission cooperation, its proposal, the Council's implementing
 * decision with restrictive or favourable visa measures, revocation) and the positive, negative or
 * reverse conditionality documents attribute to a state, each with its evidence; then a timeline
 * per country. Cue patterns in English and French over folded text.
 */
import type {
  ApproachAttribution,
  ConditionalityTimeline,
  LeverageStep,
  LeverageStepKind,
  SourceRef,
} from '../domain/analysis-model.ts';
import type { PartialDate, Span } from '../domain/model.ts';
import type { ApproachCode } from '../domain/taxonomy.ts';
import { findCountries } from '../extraction/countries.ts';
import { locateFootnotes } from '../extraction/positions/footnotes.ts';
import { splitSentences, tidy } from '../extraction/positions/sentences.ts';
import { foldText } from '../extraction/text.ts';
import type { CountryMention } from '../extraction/types.ts';

/** What the pipeline already computed over the whole text (saves a second pass at ingestion). */
export interface PreparedText {
  /** `foldText(text)`. */
  readonly folded?: string;
  /** The document's country mentions (`findCountries`). */
  readonly countries?: readonly CountryMention[];
}

/** Step cues, most specific first; folded text (lower case, no accents). */
const STEP_CUES: readonly { readonly kind: LeverageStepKind; readonly pattern: RegExp }[] = [
  {
    kind: 'revocation',
    pattern:
      /\b(?:revo(?:ke[ds]?|king|cation)|repeal(?:s|ed|ing)?|lift(?:s|ed|ing)? the (?:visa )?measures|abrog\w*|levee des mesures|leve(?:nt|r)? les mesures)\b/,
  },
  {
    kind: 'restrictive_decision',
    pattern:
      /\b(?:restrictive visa measures|visa restrictions? (?:were|was|have been|has been) (?:adopted|applied|imposed)|mesures (?:restrictives|negatives) (?:en matiere )?de visas?|suspen(?:d|sion)\w* (?:of )?(?:certain )?(?:provisions|visa)|longer processing time|increased visa fee)/,
  },
  {
    kind: 'favourable_decision',
    pattern:
      /\b(?:(?:positive|favou?rable) visa measures|mesures (?:positives|favorables) (?:en matiere )?de visas?|reduced visa fee|longer validity)/,
  },
  {
    kind: 'implementing_decision',
    pattern:
      /\b(?:council implementing decision|implementing decision|decision d'execution du conseil|decision d'execution)\b/,
  },
  {
    kind: 'proposal',
    pattern:
      /\b(?:propos(?:al|als|ed|es?)\b[^.;]{0,40}\bvisa measures|proposals? for visa measures|proposition\w* de mesures (?:en matiere )?de visas?|propose\w* (?:au conseil )?(?:des |l'adoption de )?mesures)/,
  },
  {
    kind: 'assessment',
    pattern:
      /\b(?:assess\w*[^.;]{0,60}\breadmission|evaluat\w*[^.;]{0,60}\breadmission|readmission cooperation (?:was|is|has been) (?:assessed|deemed|found)|evaluation de la cooperation (?:en matiere de|sur la|dans le domaine de la) readmission|evalu\w*[^.;]{0,60}\breadmission)/,
  },
];
const VISA_CODE_RE =
  /\b(?:article|art\.?)\s*25\s*a\b|\b25a\b[^.;]{0,40}\bvisa code|code des visas[^.;]{0,40}\b25\s*a\b/;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre';
const DATE_RE = new RegExp(String.raw`\b(?:(${MONTHS})\s+)?((?:19|20)\d{2})\b`);
const MONTH_NUMBER = new Map(MONTHS.split('|').map((m, i) => [m, (i % 12) + 1]));

const APPROACH_CUES: readonly { readonly approach: ApproachCode; readonly pattern: RegExp }[] = [
  { approach: 'reverse_conditionality', pattern: /\b(?:reversed? conditionality|conditionnalite inversee)/ },
  {
    approach: 'negative_conditionality',
    pattern:
      /\b(?:negative conditionality|less for less|conditionnalite negative|coercive|penalt(?:y|ies)|sanction(?:s|ing)?|visa restrictions|conditional on (?:the )?readmission|linking development (?:cooperation|aid) to (?:the )?readmission|conditionne\w* a la readmission|moins pour moins)/,
  },
  {
    approach: 'positive_conditionality',
    pattern:
      /\b(?:positive conditionality|more for more|conditionnalite positive|plus pour plus|incentives?|incitations?|rewards?|positive visa measures|cooperative migration diplomacy)\b/,
  },
];
const OPPOSES_RE =
  /\b(?:caution|does not favou?r|do not favou?r|oppos\w*|reject\w*|against|warns? against|n'est pas favorable|ne sont pas favorables|s'oppose\w*|met(?:tent)? en garde)\b/;
const DEMONSTRATIVE_RE = /^(?:this|these|such|that|ce|cet|cette|ces|une telle|un tel)\b/;

function dateIn(folded: string): PartialDate | null {
  const m = DATE_RE.exec(folded);
  if (!m) return null;
  const month = m[1] ? MONTH_NUMBER.get(m[1]) : undefined;
  return month === undefined
    ? { value: m[2] as string, precision: 'year' }
    : { value: `${m[2] as string}-${String(month).padStart(2, '0')}`, precision: 'month' };
}

function ref(documentId: string, text: string, span: Span): SourceRef {
  return { documentId, start: span.start, end: span.end, quote: tidy(text.slice(span.start, span.end)) };
}

/** Sentences outside footnotes: notes interrupt PDF text mid-sentence and hold citations. */
function bodySentences(text: string, sentences: readonly Span[] | undefined): Span[] {
  const notes = locateFootnotes(text);
  return (sentences ?? splitSentences(text)).filter(
    (s) => !notes.some((f) => s.start >= f.start && s.start < f.end),
  );
}

const statesIn = (mentions: readonly CountryMention[], span: Span): string[] => [
  ...new Set(mentions.filter((m) => m.start >= span.start && m.end <= span.end).map((m) => m.code)),
];

/**
 * Steps of leverage in a document: one per step cue and country, the countries named in the
 * step's clause (or else in its sentence), with the legal basis when Visa Code article 25a is named.
 */
export function extractLeverageSteps(
  text: string,
  documentId: string,
  sentences?: readonly Span[],
  prepared: PreparedText = {},
): LeverageStep[] {
  const folded = prepared.folded ?? foldText(text);
  const mentions = prepared.countries ?? findCountries(text);
  const list = bodySentences(text, sentences);
  const out: LeverageStep[] = [];
  list.forEach((sentence, i) => {
    const fs = folded.slice(sentence.start, sentence.end);
    if (!/readmission|visa/.test(fs)) return;
    // The legal basis is often named a sentence or two before the steps it frames.
    const context = list
      .slice(Math.max(0, i - 3), i + 1)
      .map((s) => folded.slice(s.start, s.end))
      .join(' ');
    const basis = VISA_CODE_RE.test(context) ? 'Visa Code art. 25a' : null;
    const cues: { kind: LeverageStepKind; at: number }[] = [];
    for (const c of STEP_CUES) {
      const m = c.pattern.exec(fs);
      if (m && !cues.some((x) => Math.abs(x.at - m.index) < 5)) cues.push({ kind: c.kind, at: m.index });
    }
    cues.sort((a, b) => a.at - b.at);
    const sentenceStates = statesIn(mentions, sentence);
    cues.forEach((cue, k) => {
      // A step's countries are those named after its cue and before the next cue.
      const region = { start: sentence.start + cue.at, end: sentence.start + (cues[k + 1]?.at ?? fs.length) };
      const states = statesIn(mentions, region);
      const date = dateIn(folded.slice(region.start, region.end)) ?? dateIn(fs);
      for (const country of states.length > 0 ? states : sentenceStates) {
        out.push({
          country,
          kind: cue.kind,
          legalBasis: basis,
          date,
          source: ref(documentId, text, sentence),
        });
      }
    });
  });
  return out;
}

/**
 * Approaches a document attributes to states: the state named first before the cue (or, for a
 * sentence opening with "This…", the first state of the sentence before), `opposes` when the
 * text argues against the approach ("argues for caution in the use of negative conditionality").
 * A sentence gives a state one approach at most: the first the sentence names.
 */
export function extractApproachAttributions(
  text: string,
  documentId: string,
  sentences?: readonly Span[],
  prepared: PreparedText = {},
): ApproachAttribution[] {
  const folded = prepared.folded ?? foldText(text);
  const mentions = prepared.countries ?? findCountries(text);
  const list = bodySentences(text, sentences);
  const out: ApproachAttribution[] = [];
  list.forEach((sentence, i) => {
    const fs = folded.slice(sentence.start, sentence.end);
    // One approach per state and sentence: the cue the sentence names first is its main point
    // ("an incentive approach, which combines … (to a lesser extent) negative conditionality").
    const cues = APPROACH_CUES.flatMap(({ approach, pattern }) => {
      const m = pattern.exec(fs);
      return m ? [{ approach, m }] : [];
    }).sort((a, b) => a.m.index - b.m.index);
    const attributed = new Set<string>();
    for (const { approach, m } of cues) {
      const before = mentions.filter(
        (c) => c.start >= sentence.start && c.start < sentence.start + m.index && c.form !== 'code',
      );
      let actor = before[0]?.code;
      if (actor === undefined && DEMONSTRATIVE_RE.test(fs.trimStart()) && i > 0) {
        actor = statesIn(mentions, list[i - 1] as Span)[0];
      }
      if (actor === undefined || attributed.has(actor)) continue;
      attributed.add(actor);
      const between = fs.slice(0, m.index);
      out.push({
        actorId: actor,
        approach,
        stance: OPPOSES_RE.test(between) ? 'opposes' : 'applies',
        source: ref(documentId, text, sentence),
      });
    }
  });
  return out;
}

/** A timeline per country: its steps by date (undated last) and the approaches attributed to it. */
export function conditionalityTimelines(
  steps: readonly LeverageStep[],
  attributions: readonly ApproachAttribution[] = [],
): ConditionalityTimeline[] {
  const countries = [
    ...new Set([...steps.map((s) => s.country), ...attributions.map((a) => a.actorId)]),
  ].sort();
  const order: readonly LeverageStepKind[] = [
    'assessment',
    'proposal',
    'implementing_decision',
    'restrictive_decision',
    'favourable_decision',
    'revocation',
  ];
  return countries.map((country) => ({
    country,
    steps: steps
      .filter((s) => s.country === country)
      .sort(
        (a, b) =>
          (a.date?.value ?? '9999').localeCompare(b.date?.value ?? '9999') ||
          order.indexOf(a.kind) - order.indexOf(b.kind),
      ),
    approaches: attributions.filter((a) => a.actorId === country),
  }));
}
