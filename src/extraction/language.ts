/**
 * Detects a document's main language (French or English) with franc-min on a few samples of the
 * text, so the cost stays constant on a 50 MB document; counts stopwords when franc cannot tell.
 */
import { franc } from 'franc-min';
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
    const code = franc(part, { only: ['fra', 'eng'], minLength: 3 });
    if (code === 'fra') fr++;
    else if (code === 'eng') en++;
  }
  if (fr !== en) return fr > en ? 'fr' : 'en';
  return languageByStopwords(parts.join('\n'));
}
