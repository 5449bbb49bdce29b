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

/** Words that open a clause with its own subject ("their focus is…", "the implementation of…"). */
const CLAUSE_OPENERS = new Set(
  'the their its this these those a an there it they we migration la le les leur leurs ce cette ces il ils elles on'.split(
    ' ',
  ),
);
/** Verbs that, early in a predicate, show the words before them are its subject. */
const COPULAS = /^(?:is|are|was|were|remains?|est|sont|était|étaient|reste|restent)$/;
/** A predicate that opens with "they"/"ils": the subject is the countries themselves. */
const THEY = /^(?:they|ils|elles)\s+/i;

/**
 * A stored predicate as a whole question with its subject, in the predicate's own language:
 * "use migration diplomacy at national level" → "Which countries use migration diplomacy at national
 * level?"; a clause with its own subject ("migration diplomacy is not a prominent part of…") →
 * "Which countries say that migration diplomacy is not a prominent part of…?". French predicates
 * get "Quels pays … ?" / "Quels pays indiquent que … ?". The predicate stays the question's key.
 */
export function wholeQuestion(predicate: string): string {
  const folded = foldText(predicate);
  const french = FRENCH_HINT.test(folded) || /\b(?:la|le|au|aux|ont|leurs?)\b/.test(folded);
  const text = predicate
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;:,?!]+$/u, '');
  if (text === '') return text;
  const theyDropped = text.replace(THEY, '');
  const words = theyDropped.split(' ');
  const first = (words[0] ?? '').toLowerCase();
  const copulaAt = words.findIndex((word) => COPULAS.test(word.toLowerCase()));
  const clause =
    theyDropped === text && (copulaAt > 0 ? copulaAt <= 6 : CLAUSE_OPENERS.has(first) && words.length > 1);
  // Lower-case the first letter unless the first word is an acronym or a name in capitals ("EU", "MoUs").
  const opening = (words[0] ?? '').slice(0, 2);
  const body = /^[A-Z][a-z]/.test(opening)
    ? `${theyDropped.charAt(0).toLowerCase()}${theyDropped.slice(1)}`
    : theyDropped;
  if (french) {
    if (!clause) return `Quels pays ${body}\u00a0?`;
    return /^[aeiouyhàâéèêëîïôûü]/i.test(body)
      ? `Quels pays indiquent qu’${body}\u00a0?`
      : `Quels pays indiquent que ${body}\u00a0?`;
  }
  return clause ? `Which countries say that ${body}?` : `Which countries ${body}?`;
}
