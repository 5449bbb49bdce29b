/**
 * Question matching for country positions: two predicates ask the same question when their content
 * words (stemmed, English or French) overlap enough. Negation is read apart, so "use migration
 * diplomacy" and "migration diplomacy is not part of their affairs" are the two sides of one
 * either/or question, and "not a prominent part" and "not currently part" are the same side.
 */
import { createRequire } from 'node:module';
import type { CountryPosition, Stance } from '../domain/analysis-model.ts';
import { foldText } from '../extraction/text.ts';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };
const STEMMERS = { en: snowball.newStemmer('english'), fr: snowball.newStemmer('french') };

/**
 * Words that carry no question: function words, reporting verbs ("report", "noted"), negations
 * (read by `stanceOf`) and hedges ("currently", "specifically").
 */
const STOPWORDS = new Set(
  (
    'a an the of to in on at for by with from as and or but is are was were be been being has have had do does did ' +
    'their its his her our your they them it this that these those which who whom whose there than then also ' +
    'not no never nor neither n t only such e g i very more most some several any all each other ' +
    'report reports reported reporting note notes noted noting indicate indicates indicated indicating state states stated ' +
    'say says said identify identified mention mentioned consider considered describe described see seen ' +
    'currently specifically mainly particularly generally also still already now wider broader ' +
    'le la les l un une des du de d et ou mais est sont etait etaient ete etre a ont avait avaient fait ' +
    'leur leurs son sa ses ce cet cette ces qui que qu dont ou en dans par pour sur avec sans aux au ne pas non plus ' +
    'aucun aucune jamais aussi encore deja actuellement notamment indiquent indique indiquant declarent declarant ' +
    'signalent signalant rapportent font etat'
  ).split(' '),
);
const stemCache = new Map<string, Set<string>>();
const FRENCH_HINT = /\b(?:les|des|du|que|leur|dans|pour|est|sont|une)\b/;

/** The content stems of a predicate, accents and case ignored. */
export function questionStems(question: string): Set<string> {
  const cached = stemCache.get(question);
  if (cached) return cached;
  const folded = foldText(question);
  const stemmer = FRENCH_HINT.test(folded) ? STEMMERS.fr : STEMMERS.en;
  const out = new Set<string>();
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.add(stemmer.stem(word));
  }
  // Comparisons test every position against every question: stem each predicate once.
  if (stemCache.size > 5000) stemCache.clear();
  stemCache.set(question, out);
  return out;
}

/**
 * How far two predicates ask the same thing, 0 to 1: the share of the smaller stem set found in the
 * other (the overlap coefficient), 0 when they share fewer than three stems.
 */
export function questionSimilarity(a: string, b: string): number {
  const sa = questionStems(a);
  const sb = questionStems(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  if (shared < 3) return 0;
  return shared / Math.min(sa.size, sb.size);
}

/** Similarity from which two predicates are taken for one question. */
export const SAME_QUESTION = 0.8;

/** Whether two predicates ask the same question (stances aside). */
export function sameQuestion(a: string, b: string, threshold = SAME_QUESTION): boolean {
  return questionSimilarity(a, b) >= threshold;
}

/** Whether two stances are the two sides of an either/or question. */
export function opposite(a: Stance, b: Stance): boolean {
  return (a === 'yes' && b === 'no') || (a === 'no' && b === 'yes');
}

/**
 * What selects positions for a comparison: a predicate (matched by similarity, with the stance
 * `yes` unless given), a regular expression over the question, or any test.
 */
export type QuestionMatcher =
  | string
  | RegExp
  | { readonly question: string; readonly stance?: Stance; readonly threshold?: number }
  | ((position: CountryPosition) => boolean);

/** A test over positions from a matcher. */
export function positionTest(matcher: QuestionMatcher): (position: CountryPosition) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (p) => matcher.test(p.question);
  const spec = typeof matcher === 'string' ? { question: matcher } : matcher;
  const stance = spec.stance ?? 'yes';
  return (p) => p.stance === stance && sameQuestion(p.question, spec.question, spec.threshold);
}
