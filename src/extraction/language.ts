/**
 * Detects a document's main language (French or English) with franc-min's trigram models on a few
 * samples of the text, so the cost stays constant on a 50 MB document; counts stopwords when the
 * trigrams cannot tell.
 */
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import type { Language } from '../domain/model.ts';

/** Characters taken from each of the sampled places of the text. */
const SAMPLE_LENGTH = 2000;
/** Places sampled, as fractions of the text length (start, middle, later parts). */
const SAMPLE_AT = [0, 0.25, 0.5, 0.75];

const FRENCH_STOPWORDS = new Set(
  'le la les des du de et en un une est dans pour sur au aux que qui par avec ce cette sont ont été pas plus leur leurs entre'.split(
    ' ',
  ),
);
const ENGLISH_STOPWORDS = new Set(
  'the of and to in is for on that with by are as be this from was were have has which their not or an its between'.split(
    ' ',
  ),
);

/** franc's sample limit, shortest text and penalty for a trigram its model lacks. */
const FRANC_MAX_LENGTH = 2048;
const FRANC_MIN_LENGTH = 3;
const FRANC_MAX_DIFFERENCE = 300;

/**
 * A trigram as a map key: three units below 1024 (Latin letters, accented or not, and the space)
 * packed into one small integer, which is cheaper to count than a new three-unit string; any other
 * trigram is its string. An integer and a string are never the same key.
 */
type TrigramKey = number | string;
function trigramKey(s: string, i: number): TrigramKey {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : s.slice(i, i + 3);
}

/** A trigram's model weight (its rank in franc's list) per language, for the two we read. */
function trigramModel(code: 'eng' | 'fra'): Map<TrigramKey, number> {
  const listed = (data['Latin']?.[code] ?? '').split('|');
  const weights = new Map<TrigramKey, number>();
  // franc walks its list from the end, so a trigram listed twice keeps its first rank.
  for (let weight = listed.length - 1; weight >= 0; weight--) {
    const trigram = listed[weight] as string;
    weights.set(trigram.length === 3 ? trigramKey(trigram, 0) : trigram, weight);
  }
  return weights;
}
/** In franc's order of its Latin-script languages, which decides a tie. */
const MODELS = Object.keys(data['Latin'] ?? {})
  .filter((code): code is 'eng' | 'fra' => code === 'eng' || code === 'fra')
  .map((code) => ({ code, weights: trigramModel(code) }));

const LATIN = expressions['Latin'];

/**
 * The script with the most characters in `sample` (the first in franc's order on a tie). The
 * scripts' expressions match disjoint sets of characters (a test checks it), so when more than half
 * of the sample is Latin no other script can have as many and the others need not be counted.
 */
function topScript(sample: string): string | undefined {
  if (LATIN && 2 * (sample.match(LATIN)?.length ?? 0) > sample.length) return 'Latin';
  let top: string | undefined;
  let topCount = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (sample.match(expression)?.length ?? 0) / sample.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return top;
}

/**
 * What `franc(value, { only: ['fra', 'eng'], minLength: 3 })` answers, computed the same way
 * without its generic parts: franc counted trigrams in an object with string keys and sorted them
 * for every sample, which made language detection an eighth of the extraction time. The distance
 * to a model is a sum over distinct trigrams, so counting them in a Map gives the same numbers.
 */
export function francFrenchOrEnglish(value: string): 'fra' | 'eng' | 'und' {
  if (value.length < FRANC_MIN_LENGTH) return 'und';
  const sample = value.slice(0, FRANC_MAX_LENGTH);
  if (topScript(sample) !== 'Latin' || MODELS.length === 0) return 'und';
  // franc's cleaning: ASCII punctuation, symbols and digits become spaces, white space collapses.
  const cleaned = ` ${sample
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<TrigramKey, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const trigram = trigramKey(cleaned, i);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  let best: 'fra' | 'eng' | 'und' = 'und';
  let bestDistance = Infinity;
  for (const { code, weights } of MODELS) {
    let distance = 0;
    for (const [trigram, count] of counts) {
      const weight = weights.get(trigram);
      distance += weight === undefined ? FRANC_MAX_DIFFERENCE : Math.abs(count - weight - 1);
    }
    // franc's stable sort keeps the earlier language on equal distances.
    if (distance < bestDistance) {
      bestDistance = distance;
      best = code;
    }
  }
  return best;
}

/** Some thousands of characters drawn from several places of the text. */
function samples(text: string): string[] {
  if (text.length <= SAMPLE_LENGTH * SAMPLE_AT.length) return [text];
  return SAMPLE_AT.map((f) => {
    const at = Math.floor(text.length * f);
    return text.slice(at, at + SAMPLE_LENGTH);
  });
}

/** The language whose stopwords are more frequent in the text; English on a tie. */
export function languageByStopwords(text: string): Language {
  let fr = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FRENCH_STOPWORDS.has(w)) fr++;
    if (ENGLISH_STOPWORDS.has(w)) en++;
  }
  return fr > en ? 'fr' : 'en';
}

/**
 * The main language of a text: `fr` or `en`. Only these two are candidates, since the atlas reads
 * and presents only them. Short or mixed texts fall back on stopword counts.
 */
export function detectLanguage(text: string): Language {
  // Each sample votes, so a French cover page does not make an English report French.
  let fr = 0;
  let en = 0;
  const parts = samples(text);
  for (const part of parts) {
    const code = francFrenchOrEnglish(part);
    if (code === 'fra') fr++;
    else if (code === 'eng') en++;
  }
  if (fr !== en) return fr > en ? 'fr' : 'en';
  return languageByStopwords(parts.join('\n'));
}
