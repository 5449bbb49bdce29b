/**
 * Country positions read from a synthesis document: a body sentence stating a count of countries
 * ("Seventeen EMN Member and Observer Countries⁵⁷ use migration diplomacy…", "with six⁵⁸
 * reporting that…", "… in seven EMN Member and Observer Countries⁶⁵") whose footnote, or an inline
 * parenthesis, lists the countries ("57 AT, BE, CY, … and GE, UA"). Each sentence gives a count
 * claim (the question, the stance, the stated number, the list); each listed country gives a
 * position "country X reports Y" with the sentence and the list item as evidence.
 */
import type { Span } from '../domain/model.ts';
import type { CountClaim, CountryPosition, Stance } from '../domain/analysis-model.ts';
import { findCountries } from './countries.ts';
import { insideSpans } from './text.ts';
import { locateFootnotes } from './positions/footnotes.ts';
import {
  closingFootnote,
  footnoteList,
  inlineList,
  markerFootnote,
  mergeFootnotes,
  quoted,
} from './positions/lists.ts';
import { COUNT_SOURCE, parseCount } from './positions/numbers.ts';
import { sentenceAt, splitSentences, tidy } from './positions/sentences.ts';
import type { CountryMention, Footnote, Segmentation } from './types.ts';

/** Nouns that make a count a count of countries. */
const HEAD = String.raw`(?:countries|states|nations|governments|NCPs|pays|[ÉEée]tats|gouvernements)`;
/** Any word between the number and the noun; `isModifier` then keeps the allowed ones. */
const MODIFIER = String.raw`(?:[\p{L}&][\p{L}\-]*)`;
/** Lower-case words allowed between the number and the noun ("EMN Member and Observer"). */
const MODIFIER_WORDS = new Set([
  'and',
  'et',
  '&',
  'member',
  'observer',
  'partner',
  'island',
  'third',
  'other',
  'key',
  'priority',
  'african',
  'asian',
  'european',
  'neighbouring',
  'neighboring',
  'participating',
  'reporting',
  'responding',
  'eu',
]);

/** Whether the words between a number and its noun are capitalised words or allowed adjectives. */
function modifiersAllowed(phrase: string): boolean {
  const words = phrase
    .trim()
    .split(/[ \t]+/)
    .slice(0, -1);
  return words.every((w) => /^\p{Lu}/u.test(w) || MODIFIER_WORDS.has(w.toLowerCase()));
}
/** French modifiers after the noun: "pays membres et observateurs du REM". */
const POST = String.raw`(?:[ \t]+(?:membres?|observateurs?|partenaires?|tiers|et|du|de|des|REM|UE|OCDE))*`;
const MARKER = String.raw`(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|(?<=\p{Ll}|\p{Ll}[.,;:])\d{1,3}(?=[\s.,;:)]|$))`;
const COUNTED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${COUNT_SOURCE})((?:(?:[ \t]+|(?<=['’]))${MODIFIER}){0,6}?(?:[ \t]+|(?<=d['’]))${HEAD}${POST})(?![\p{L}])[.,;:]?(${MARKER})?`,
  'giu',
);
/** A count without its noun, taken only with a marker or a reporting verb: "with six⁵⁸ reporting". */
const BARE_RE = new RegExp(
  String.raw`(?<=\b(?:with|and|while|whereas|but|dont|et|alors que|tandis que|mais)[ \t]+)(${COUNT_SOURCE})(${MARKER})?(?=[ \t]+(?:reporting|report|indicating|stating|noting|saying|indiquant|déclarant|signalant|rapportant|estimant|ont indiqué|indiquent))`,
  'giu',
);
const REPORTING = String.raw`(?:report(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|stat(?:e|es|ed|ing)|not(?:e|es|ed|ing)|sa(?:y|ys|id|ying)|confirm(?:s|ed|ing)?|indiqu\p{L}*|déclar\p{L}*|signal\p{L}*|rapport\p{L}*|estim\p{L}*|font état|ont fait état)`;
const RELATIVE_RE =
  /^\s*(?:for which|in which|where|that|who|which|pour lesquel(?:s|les)|dans lesquel(?:s|les)|où|qui)\s+/iu;
const REPORTING_THAT_RE = new RegExp(
  String.raw`^\s*(?:\S+\s+){0,8}?${REPORTING}\s+(?:(?:\S+\s+){0,6}?)(?:that|que|qu['’])\s*`,
  'iu',
);
const PREPOSITION_BEFORE_RE =
  /(?:^|\s)(?:in|by|among|from|with|dans|par|parmi|chez|avec|auprès de)\s+(?:the\s+|les\s+|des\s+)?$/iu;
const CLAUSE_START_RE =
  /(?:^[-•*\uF0A7\uF0B7\s]*|[,;:]\s*)(?:(?:for|of|to|pour|de)\s+)?(?:the|les|des|ces|these|only|all|tous les|seuls|some|just)?\s*$/iu;
const CLAUSE_END_RE = /,\s|;|\s\(|\s+(?:while|whereas|alors que|tandis que)\s|[.!?]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹\d]*\s*$/u;
const NEGATION_RE = /\b(?:not|no longer|never|neither|nor|ne|pas|non|aucun|aucune|jamais)\b|n['’]|n't\b/iu;
const PARTLY_RE =
  /\b(?:partly|partially|in part|to some extent|to a (?:limited|lesser) extent|partiellement|en partie|dans une certaine mesure)\b/iu;

/**
 * Optional inputs from the extraction pipeline, reused when given: the segmentation's footnotes
 * (completed by a local locator) and the country mentions. Sentences are always split locally.
 */
export interface PositionInputs {
  readonly segmentation?: Segmentation;
  readonly countries?: readonly CountryMention[];
}

/** The stance a predicate takes: "is not currently part of" is `no`. */
export function stanceOf(predicate: string): Stance {
  if (PARTLY_RE.test(predicate)) return 'partly';
  return NEGATION_RE.test(predicate) ? 'no' : 'yes';
}

/** Cleans a predicate for display: no emphasis marks, markers or trailing punctuation. */
function cleanPredicate(s: string): string {
  return tidy(s.replace(/\*\*?/g, '').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, '')).replace(/^[,;:\s]+|[,;:.\s]+$/g, '');
}

/** The predicate of a count phrase in its sentence, or null when the count is not a subject. */
function predicateOf(
  text: string,
  sentence: Span,
  phrase: Span,
  afterPhrase: number,
  bare = false,
): string | null {
  const before = text.slice(sentence.start, phrase.start);
  const after = text.slice(afterPhrase, sentence.end);
  if (!bare && PREPOSITION_BEFORE_RE.test(before)) {
    // "… is not a prominent part of … in seven countries": the predicate precedes the count.
    const clauseStart = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')) + 1;
    const p = before.slice(clauseStart).replace(PREPOSITION_BEFORE_RE, '');
    return p.trim() === '' ? null : cleanPredicate(p);
  }
  if (!bare && !CLAUSE_START_RE.test(before)) return null;
  let rest = after;
  const relative = RELATIVE_RE.exec(rest);
  if (relative) rest = rest.slice(relative[0].length);
  else {
    const that = REPORTING_THAT_RE.exec(rest);
    if (that) rest = rest.slice(that[0].length);
  }
  const end = CLAUSE_END_RE.exec(rest);
  const p = cleanPredicate(end ? rest.slice(0, end.index) : rest);
  return p === '' ? null : p;
}

/**
 * A sentence about the document itself ("This inform was prepared…", "Le présent rapport…") states
 * no position of the countries it counts.
 */
const ABOUT_THE_DOCUMENT_RE =
  /^\s*(?:this|the\s+present|ce|cette|le\s+présent|la\s+présente)\s+(?:inform|report|study|paper|document|note|synthesis|survey|publication|rapport|étude|note|synthèse|enquête)\b/iu;
/**
 * Whether a count claim asks the countries something: not when the sentence is about the document
 * itself, nor when the count names where its information came from ("prepared on the basis of
 * contributions from 23 NCPs"). Such claims still count for consistency, never as questions.
 */
export function asksTheCountries(claim: CountClaim): boolean {
  if (ABOUT_THE_DOCUMENT_RE.test(claim.question)) return false;
  const before = claim.sentence.quote.slice(0, Math.max(0, claim.count.start - claim.sentence.start));
  return !SOURCE_OF_INFORMATION_RE.test(before);
}
/** "contributions from", "data provided by", "réponses de": the count names the sources. */
const SOURCE_OF_INFORMATION_RE =
  /\b(?:contributions?|information|data|responses|replies|input|submissions|contributions|données|réponses|informations)\s+(?:\S+\s+){0,3}?(?:from|by|of|de|des|par)\s+(?:the\s+|les\s+)?$/iu;

/**
 * Every count claim of a synthesis: sentences of the body stating how many countries report
 * something, with their list when a footnote or an inline parenthesis gives one.
 */
export function extractCountClaims(
  text: string,
  documentId: string,
  inputs: PositionInputs = {},
): CountClaim[] {
  const footnotes = mergeFootnotes(inputs.segmentation?.footnotes ?? [], locateFootnotes(text));
  // Own sentence bounds: count claims need a sentence to run across PDF blank lines.
  const sentences = splitSentences(text);
  const mentions = inputs.countries ?? findCountries(text);
  const byMarker = new Map<number, Footnote>();
  for (const f of footnotes) for (const mk of f.markers) byMarker.set(mk.start, f);
  const noteSpans = footnotes.map((f) => ({ start: f.start, end: f.end })).sort((a, b) => a.start - b.start);
  const inFootnote = (pos: number): boolean => insideSpans(noteSpans, pos);

  const claims: CountClaim[] = [];
  const consider = (
    numberText: string,
    start: number,
    phraseEnd: number,
    matchEnd: number,
    bare: boolean,
  ): void => {
    if (inFootnote(start)) return;
    const sentence = sentenceAt(sentences, start);
    if (!sentence) return;
    const stated = parseCount(numberText);
    const footnote =
      markerFootnote(byMarker, text, phraseEnd) ?? (bare ? null : closingFootnote(text, sentence, byMarker));
    const predicate = predicateOf(text, sentence, { start, end: phraseEnd }, matchEnd, bare);
    if (predicate === null) return;
    const list = footnote
      ? footnoteList(text, footnote, mentions)
      : inlineList(text, matchEnd, sentence, mentions);
    // A bare number ("one") with neither a list nor a marker is not a count of countries.
    if (stated === null && list === null) return;
    claims.push({
      id: `${documentId}#${start}`,
      documentId,
      question: predicate,
      stance: stanceOf(predicate),
      stated,
      count: quoted(text, { start, end: phraseEnd }),
      sentence: quoted(text, sentence),
      list,
    });
  };
  for (const m of text.matchAll(COUNTED_RE)) {
    if (!modifiersAllowed((m[2] as string).replace(new RegExp(`${POST}$`, 'u'), ''))) continue;
    const phraseEnd = m.index + (m[1] as string).length + (m[2] as string).length;
    consider(m[1] as string, m.index, phraseEnd, m.index + m[0].length, false);
  }
  for (const m of text.matchAll(BARE_RE)) {
    const phraseEnd = m.index + (m[1] as string).length;
    consider(m[1] as string, m.index, phraseEnd, m.index + m[0].length, true);
  }
  claims.push(...unnumberedClaims(text, documentId, sentences, byMarker, mentions, inFootnote));
  return claims.sort((a, b) => a.count.start - b.count.start);
}

const SOME_RE = new RegExp(
  String.raw`(?<![\p{L}])(Some|Several|Most|Many|Certain|Plusieurs|Certains|La plupart des)((?:[ \t]+${MODIFIER}){0,5}?[ \t]+${HEAD}${POST})(?![\p{L}])[.,;:]?(${MARKER})?`,
  'giu',
);

/** "Some EMN Member Countries⁸⁰ report …": a list without a stated number. */
function unnumberedClaims(
  text: string,
  documentId: string,
  sentences: readonly Span[],
  byMarker: ReadonlyMap<number, Footnote>,
  mentions: readonly CountryMention[],
  inFootnote: (pos: number) => boolean,
): CountClaim[] {
  const out: CountClaim[] = [];
  for (const m of text.matchAll(SOME_RE)) {
    if (inFootnote(m.index) || !modifiersAllowed(m[2] as string)) continue;
    const sentence = sentenceAt(sentences, m.index);
    const phraseEnd = m.index + (m[1] as string).length + (m[2] as string).length;
    if (!sentence) continue;
    const footnote = markerFootnote(byMarker, text, phraseEnd) ?? closingFootnote(text, sentence, byMarker);
    if (!footnote) continue;
    const predicate = predicateOf(text, sentence, { start: m.index, end: phraseEnd }, m.index + m[0].length);
    const list = footnoteList(text, footnote, mentions);
    if (predicate === null || list === null) continue;
    out.push({
      id: `${documentId}#${m.index}`,
      documentId,
      question: predicate,
      stance: stanceOf(predicate),
      stated: null,
      count: quoted(text, { start: m.index, end: phraseEnd }),
      sentence: quoted(text, sentence),
      list,
    });
  }
  return out;
}

/** One position per listed country of each claim: "country X reports Y", with its evidence. */
export function positionsFromClaims(claims: readonly CountClaim[]): CountryPosition[] {
  const out: CountryPosition[] = [];
  for (const claim of claims) {
    if (!claim.list || !asksTheCountries(claim)) continue;
    for (const item of claim.list.mentions) {
      if (out.some((p) => p.claimId === claim.id && p.country === item.code)) continue;
      out.push({
        country: item.code,
        question: claim.question,
        stance: claim.stance,
        documentId: claim.documentId,
        claimId: claim.id,
        evidence: { documentId: claim.documentId, ...claim.sentence },
        listItem: { documentId: claim.documentId, start: item.start, end: item.end, quote: item.quote },
      });
    }
  }
  return out;
}

/** Count claims and country positions of a synthesis in one call. */
export function extractCountryPositions(
  text: string,
  documentId: string,
  inputs: PositionInputs = {},
): { claims: CountClaim[]; positions: CountryPosition[] } {
  const claims = extractCountClaims(text, documentId, inputs);
  return { claims, positions: positionsFromClaims(claims) };
}
