/**
 * Events: meetings, dialogue rounds, summits, conferences and visits, with their date (the nearest
 * date after the event word in the sentence) and place ("à Bamako", "in Madrid", or a place line
 * such as "Bamako, 11 Décembre 2016"). One combined regex pass over folded text: linear time.
 */
import type { EventKind, Span } from '../domain/model.ts';
import { type ActorMention, sentenceAt, within } from './instruments/context.ts';
import type { DateMention, EventCandidate } from './types.ts';

const EVENT_WORDS: readonly { readonly kind: EventKind; readonly pattern: string }[] = [
  { kind: 'summit', pattern: 'summits?|sommets?' },
  {
    kind: 'dialogue_round',
    pattern:
      '(?:high[- ]level |political )?dialogue(?: de haut niveau)?|round of (?:the )?dialogue|session du dialogue',
  },
  { kind: 'conference', pattern: 'conferences?|conferences? ministerielles?|forums?' },
  {
    kind: 'meeting',
    pattern:
      'meetings?|reunions?(?: thematiques?| techniques?)?(?: de haut niveau)?|rencontres?|ateliers?|workshops?|seminaires?|seminars?',
  },
  { kind: 'visit', pattern: 'visits?|visites?|a visite|visited' },
];

const EVENT_REGEX = new RegExp(
  `(?<![a-z])(?:${EVENT_WORDS.map((w) => `(${w.pattern})`).join('|')})(?![a-z])`,
  'g',
);
const PLACE = /(?:\b(?:in|at|a|au|en)\s+)(\p{Lu}[\p{L}-]+(?:\s+(?:DC|City|\p{Lu}[\p{L}-]+))?)/u;

/** The inputs of the event stage. */
export interface EventContext {
  readonly text: string;
  readonly folded: string;
  readonly sentences: readonly Span[];
  readonly actors: readonly ActorMention[];
  readonly dates: readonly DateMention[];
}

/**
 * Finds events that are dated in their sentence (an undated "meeting" is usually generic). One
 * event per distinct (kind, date).
 */
export function findEvents(ctx: EventContext): EventCandidate[] {
  const out: EventCandidate[] = [];
  const seen = new Set<string>();
  EVENT_REGEX.lastIndex = 0;
  for (let m = EVENT_REGEX.exec(ctx.folded); m; m = EVENT_REGEX.exec(ctx.folded)) {
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const kind = EVENT_WORDS[k - 1]?.kind;
    if (!kind) continue;
    const start = m.index;
    const end = start + m[0].length;
    const sentence = sentenceAt(ctx.sentences, start, ctx.text.length);
    const date = within(ctx.dates, end, Math.min(sentence.end, end + 60)).find((d) => !d.inCitation) ?? null;
    if (!date) continue;
    const key = `${kind}|${date.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const tail = ctx.text.slice(end, Math.min(sentence.end, date.end + 60));
    const place = PLACE.exec(tail)?.[1] ?? null;
    const participants = [...new Set(within(ctx.actors, sentence.start, sentence.end).map((a) => a.id))];
    out.push({
      kind,
      title: ctx.text.slice(start, date.end).replace(/\s+/g, ' ').trim(),
      date,
      place,
      participants,
      start,
      end: date.end,
      quote: ctx.text.slice(start, date.end),
    });
  }
  return out;
}
