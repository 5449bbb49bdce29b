/**
 * What an instrument record says besides its name: its topics, read from its type, its own words
 * and its clause, and whether its phrase is only a common noun (then its title is built, see
 * `titles.ts`).
 */
import type { Span } from '../../domain/model.ts';
import type { ApproachCode, TopicCode } from '../../domain/taxonomy.ts';
import { type InstrumentContext, within } from './context.ts';
import type { InstrumentMention } from './mentions.ts';
import { topicsOfSpan } from '../topics.ts';
import { clauseAround } from './phrase.ts';

/** Adds the topics and approaches of a sentence to an instrument found in it. */
export type Annotate = (sentence: Span) => {
  topics: readonly TopicCode[];
  approaches: readonly ApproachCode[];
};

/** Topics a type or head says by itself: a readmission agreement or return procedures are about return. */
const TOPIC_OF_TYPE: Partial<Record<InstrumentMention['type'], TopicCode>> = {
  readmission_agreement: 'return_readmission',
  visa_agreement: 'visa',
  labour_agreement: 'legal_migration',
  trade_agreement: 'trade',
};

/**
 * An instrument's topics: what its type and its own name say, then the main topics of its clause
 * (not of the whole sentence, which may list other instruments); the sentence's only as a
 * fallback. Also returns the topics of its name alone, which its built title need not repeat, and
 * the topics its type or name says (`ownTopics`), whose evidence is the mention's own words.
 */
export function instrumentTopics(
  ctx: InstrumentContext,
  mention: InstrumentMention,
  sentenceTopics: readonly TopicCode[],
): { topics: TopicCode[]; nameTopics: readonly TopicCode[]; ownTopics: readonly TopicCode[] } {
  const clause = clauseAround(ctx.text, mention.sentence, mention.span.start, mention.span.end);
  const implied = mention.rule?.head === 'sop' ? 'return_readmission' : TOPIC_OF_TYPE[mention.type];
  const nameTopics = topicsOfSpan(ctx.folded, mention.span);
  // Most clauses are their whole sentence: its topics are known already.
  const sameAsSentence = clause.start === mention.sentence.start && clause.end === mention.sentence.end;
  const clauseTopics = sameAsSentence ? sentenceTopics : topicsOfSpan(ctx.folded, clause);
  // Topics its type or its own name says are read from the mention itself, not from its sentence.
  const own = [...(implied ? [implied] : []), ...nameTopics];
  const found = [...own, ...clauseTopics];
  return {
    topics: [...new Set(found.length > 0 ? found : sentenceTopics)],
    nameTopics,
    ownTopics: [...new Set(own)],
  };
}

/** Words that only restate a kind of instrument: a phrase made of them names no particular one. */
const GENERIC_WORDS = new Set(
  (
    'joint regular bilateral bilaterale bilaterales bilateraux high level political politique politiques ' +
    'standard operating procedure procedures operationnelle operationnelles normalisee normalisees ' +
    'dialogue dialogues conjoint conjointe conjoints conjointes commun commune communs communes regulier ' +
    'reguliers de d haut niveau memorandum memoranda of understanding protocole protocoles accord accords ' +
    'agreement agreements declaration declarations statement statements communique communiques letter ' +
    'letters intent lettre lettres intention mou mous the new nouvel nouvel nouveau nouvelle un une a an'
  ).split(' '),
);

/** Whether an actor is named inside a span. */
export function namesActor(ctx: InstrumentContext, span: Span): boolean {
  return within(ctx.actors, span.start, span.end).length > 0;
}

/** Whether the mention's phrase is no more than its head noun ("MoU", "accords", "regular dialogues"). */
export function isBareHead(ctx: InstrumentContext, mention: InstrumentMention): boolean {
  // Actor names in the phrase ("Communiqué commun Mali – UE") are said by the title's parties.
  let phrase = ctx.folded.slice(mention.span.start, mention.span.end);
  for (const a of within(ctx.actors, mention.span.start, mention.span.end)) {
    const from = a.start - mention.span.start;
    phrase = `${phrase.slice(0, from)}${' '.repeat(a.end - a.start)}${phrase.slice(a.end - mention.span.start)}`;
  }
  const words = phrase.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  return words.length <= 1 || words.every((w) => GENERIC_WORDS.has(w));
}
