/**
 * An instrument's status where the text says it: announced, under negotiation, signed, in force,
 * suspended or ended, each read from the words of the sentence that names the instrument ("entered
 * into force", "a été signé", "négociations en cours", "suspended"), the words kept as evidence.
 * Where the sentence says none of these, the status is not stated (null), never guessed.
 *
 * The cue nearest the instrument's mention wins, and only when no other instrument is named
 * between them ("X was signed in 2016 while Y is still under negotiation"). A negation just before
 * a cue ("not yet signed", "n'a pas été ratifié") cancels it. Pure.
 */
import type { InstrumentStatus, Quoted, Span } from '../domain/model.ts';

/** A status the text states, with the words that state it. */
export interface StatedStatus extends Quoted {
  readonly value: Exclude<InstrumentStatus, 'not_stated'>;
}

const END = '(?![\\p{L}\\p{N}])';

/** Words of each status, French and English; the later in the list are checked first on ties. */
const CUES: readonly (readonly [StatedStatus['value'], RegExp])[] = [
  [
    'ended',
    new RegExp(
      `\\b(?:expired|terminated|came\\s+to\\s+an\\s+end|(?:was|were|has\\s+been|have\\s+been)\\s+(?:discontinued|ended|revoked|repealed|abrogated)|no\\s+longer\\s+in\\s+force|a\\s+(?:pris\\s+fin|expiré)|ont\\s+pris\\s+fin|(?:a|ont)\\s+été\\s+(?:dénoncée?s?|résiliée?s?|abrogée?s?)|n['’](?:est|était)\\s+plus\\s+en\\s+vigueur|arrivée?s?\\s+à\\s+(?:échéance|expiration))${END}`,
      'giu',
    ),
  ],
  [
    'suspended',
    new RegExp(
      `\\b(?:suspended|suspension\\s+of|put\\s+on\\s+hold|frozen|suspendue?s?|suspension\\s+d[eu]s?|gelée?s?|mise?s?\\s+en\\s+suspens)${END}`,
      'giu',
    ),
  ],
  [
    'in_force',
    new RegExp(
      `\\b(?:entered\\s+into\\s+force|came\\s+into\\s+force|(?:is|are|was|were|remains?)\\s+in\\s+force|in\\s+force\\s+since|took\\s+effect|entrée?s?\\s+en\\s+vigueur|(?:est|sont|était|reste)\\s+en\\s+vigueur|en\\s+vigueur\\s+depuis)${END}`,
      'giu',
    ),
  ],
  [
    'signed',
    new RegExp(
      `\\b(?:signed|signature\\s+of|concluded|ratified|signée?s?|signature\\s+d[eu]s?|conclue?s?|ratifiée?s?)${END}`,
      'giu',
    ),
  ],
  [
    'negotiating',
    new RegExp(
      `\\b(?:under\\s+negotiation|being\\s+negotiated|negotiations?\\s+(?:on|for|of|towards)|negotiating|in\\s+negotiation|en\\s+(?:cours\\s+de\\s+)?négociation|négociations?\\s+(?:sur|pour|en\\s+vue|d['’]un|de\\s+l['’]|du|des)|négocie(?:nt)?)${END}`,
      'giu',
    ),
  ],
  [
    'announced',
    new RegExp(
      `\\b(?:announced|will\\s+(?:be\\s+)?(?:launch|launched|sign|signed|establish|established)|plans?\\s+to\\s+(?:launch|sign|establish)|proposed|annoncée?s?|sera\\s+(?:lancée?|signée?)|seront\\s+(?:lancée?s|signée?s)|prévoi(?:t|ent)\\s+de\\s+(?:lancer|signer)|proposée?s?)${END}`,
      'giu',
    ),
  ],
];

/** A negation a few words before a cue cancels it ("has not yet been signed", "n'a pas été signé"). */
const NEGATED_BEFORE =
  /(?:\bnot\b|\bnever\b|\bn['’]|\bne\b|\bpas\b|\bjamais\b|\bno\s+longer\b|\byet\s+to\s+be\b)(?:\s+\S+){0,3}\s*$/iu;
/** How far from the instrument's name a status word may stand, in characters. */
const DISTANCE_LIMIT = 160;

/**
 * The status the sentence states for the instrument mentioned at `mention`, or null. `others` are
 * the spans of the other instruments named in the same sentence.
 */
export function readInstrumentStatus(
  text: string,
  sentence: Span,
  mention: Span,
  others: readonly Span[] = [],
): StatedStatus | null {
  const body = text.slice(sentence.start, sentence.end);
  let best: (StatedStatus & { distance: number }) | null = null;
  for (const [value, pattern] of CUES) {
    // The cue patterns are global and never match empty: one exec loop from the sentence's start
    // reads what matchAll on a fresh copy read, without building a copy per instrument and cue.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (start < mention.end && end > mention.start) continue; // a word of the title itself
      if (NEGATED_BEFORE.test(text.slice(Math.max(sentence.start, start - 40), start))) continue;
      const distance = start >= mention.end ? start - mention.end : mention.start - end;
      if (distance > DISTANCE_LIMIT) continue;
      const between =
        start >= mention.end ? { start: mention.end, end: start } : { start: end, end: mention.start };
      if (others.some((o) => o.start >= between.start && o.end <= between.end)) continue;
      if (best === null || distance < best.distance) {
        best = { value, start, end, quote: text.slice(start, end), distance };
      }
    }
  }
  return best === null ? null : { value: best.value, start: best.start, end: best.end, quote: best.quote };
}
