/**
 * The text analysis behind the search index, shared by indexing and querying so both sides agree:
 * folding (lower case, no diacritics), plural-stripped Snowball stems in French and English, and
 * bilingual *concept tokens* that let a French word find an English text and vice versa (a state's
 * names in both languages, the taxonomy's labels in both languages).
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frLocale from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { Language } from '../../domain/model.ts';
import { actorCode } from '../../domain/actors.ts';
import { TAXONOMY } from '../../domain/taxonomy.ts';
import { EXTRA_TYPE_PHRASES, GLOSSARY } from './glossary.ts';

countries.registerLocale(enLocale);
countries.registerLocale(frLocale);

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
// snowball-stemmers ships no type declarations; its one factory is typed here.
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };
const STEMMERS: Record<Language, Stemmer> = {
  fr: snowball.newStemmer('french'),
  en: snowball.newStemmer('english'),
};

/** Lower case without diacritics: what FTS5's `unicode61 remove_diacritics 2` indexes. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A word of a text with its UTF-16 offsets. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text (letters and digits; apostrophes and hyphens separate, as in FTS5). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * Strips a plural `s` before stemming. Snowball stems "réadmission" to `réadmiss` but
 * "réadmissions" to `réadm`; removing the plural first makes singular and plural agree.
 */
export function stripPlural(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Stems already computed (vocabularies are small; Snowball in JS is the costly step). */
const STEM_CACHE: Record<Language, Map<string, string>> = { fr: new Map(), en: new Map() };
const STEM_CACHE_LIMIT = 200_000;

/** The folded Snowball stem of one word in one language. */
export function stemOf(word: string, language: Language): string {
  const cache = STEM_CACHE[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = foldWord(STEMMERS[language].stem(stripPlural(word.toLowerCase())));
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** Stems of a text, space-separated, for the index's `stems` column. */
export function stemText(text: string, language: Language): string {
  return tokenize(text)
    .filter((token) => token.word.length > 2)
    .map((token) => stemOf(token.word, language))
    .join(' ');
}

/** Concept token for a code of a vocabulary (letters and digits only, so FTS5 keeps it whole). */
export function conceptToken(
  vocabulary: 'state' | 'org' | 'type' | 'topic' | 'approach' | 'word',
  code: string,
): string {
  const prefix = { state: 'xs', org: 'xo', type: 'xt', topic: 'xp', approach: 'xa', word: 'xw' }[vocabulary];
  return prefix + code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Words too general to stand for a concept on their own ("other", "project"). */
/** Single words of type and approach labels specific enough to stand for their concept. */
const SPECIFIC_WORDS = new Set([
  'treaty',
  'traite',
  'communique',
  'compact',
  'pacte',
  'roadmap',
  'dialogue',
  'programme',
  'facility',
  'facilite',
  'regulation',
  'reglement',
  'rewards',
  'recompenses',
  'penalties',
  'sanctions',
  'seasonal',
  'saisonniere',
  'circular',
  'circulaire',
]);

const GENERIC = new Set([
  'search',
  'recherche',
  'other',
  'autre',
  'autres',
  'project',
  'projet',
  'scheme',
  'dispositif',
  'facility',
  'process',
]);
const MAX_PHRASE = 6;

/** Folded words already seen: texts repeat the same words, and NFD normalisation is the costly part. */
const FOLD_CACHE = new Map<string, string>();

/** `fold` for one word, cached. */
export function foldWord(word: string): string {
  const cached = FOLD_CACHE.get(word);
  if (cached !== undefined) return cached;
  const folded = fold(word);
  if (FOLD_CACHE.size >= 200_000) FOLD_CACHE.clear();
  FOLD_CACHE.set(word, folded);
  return folded;
}

/** A word folded and plural-stripped: one part of a phrase key. */
function wordKey(word: string): string {
  return stripPlural(foldWord(word));
}

/** Folded, plural-stripped words joined by spaces: the lookup key of a phrase. */
function phraseKey(words: readonly string[]): string {
  return words.map(wordKey).join(' ');
}

/** First word of each lexicon phrase → the longest phrase starting with it (bounds n-gram lookups). */
const longestFrom = new Map<string, number>();

/** Phrase key → concept tokens, built once from the taxonomy and the country names. */
const lexicon = new Map<string, Set<string>>();

function addPhrase(phrase: string, concept: string): void {
  const words = tokenize(phrase).map((token) => token.word);
  if (words.length === 0 || words.length > MAX_PHRASE) return;
  const key = phraseKey(words);
  // Three-letter acronyms (IOM, OIM, ILO, OIT) are kept; shorter keys ("eu", "un") are common
  // French words, and other three-letter words are too ambiguous to stand for a concept.
  const acronym = words.length === 1 && /^[A-Z]{3,}$/.test(phrase.trim());
  if (key.length < (acronym ? 3 : 4) || (words.length === 1 && GENERIC.has(key))) return;
  const first = wordKey(words[0] ?? '');
  longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, words.length));
  const concepts = lexicon.get(key) ?? new Set<string>();
  concepts.add(concept);
  lexicon.set(key, concepts);
}

/** Splits a taxonomy label into the phrases that each name the concept ("A, B or C (D)"). */
function labelPhrases(label: string): string[] {
  return label
    .split(/[,;/()]|\s(?:or|ou|and|et|e\.g\.|ex\.)\s/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

for (const [vocabulary, entries] of [
  ['type', TAXONOMY.instrument_types],
  ['topic', TAXONOMY.topics],
  ['approach', TAXONOMY.approaches],
  ['org', TAXONOMY.organizations],
] as const) {
  for (const entry of entries) {
    const concept = conceptToken(vocabulary, entry.code);
    for (const label of [entry.en, entry.fr]) {
      for (const phrase of labelPhrases(label)) {
        // A lone word of an instrument-type or approach label ("accord", "migration", "global")
        // is too general to stand for the type; only the specific ones on the list do.
        const single = !/\s/.test(phrase);
        if (
          single &&
          (vocabulary === 'type' || vocabulary === 'approach') &&
          !SPECIFIC_WORDS.has(fold(phrase))
        ) {
          continue;
        }
        addPhrase(phrase, concept);
      }
    }
    if (vocabulary === 'org') addPhrase(entry.code, concept);
  }
}
for (const [code, phrases] of Object.entries(EXTRA_TYPE_PHRASES)) {
  for (const phrase of phrases) addPhrase(phrase, conceptToken('type', code));
}

for (const [english, french] of GLOSSARY) {
  const concept = conceptToken('word', english[0] ?? '');
  for (const form of [...english, ...french]) addPhrase(form, concept);
}

for (const language of ['en', 'fr'] as const) {
  for (const [code, names] of Object.entries(countries.getNames(language, { select: 'all' }))) {
    for (const name of names) addPhrase(name, conceptToken('state', code));
  }
}

/** Adds an actor's names (from the database's actor table) to the concept lexicon. */
export function registerActorNames(actorId: string, kind: string, names: readonly string[]): void {
  const concept = kind === 'state' ? conceptToken('state', actorId) : conceptToken('org', actorCode(actorId));
  for (const name of names) addPhrase(name, concept);
}

/** A run of words in a text that names a concept. */
export interface ConceptMatch {
  readonly first: number;
  readonly last: number;
  readonly concepts: readonly string[];
}

/**
 * The longest concept phrase starting at word `index` (null: none), the one step of `findConcepts`.
 * `keyAt` gives a word's phrase key (undefined past the last word); it is asked only for the words
 * the phrase could span, so a caller may read a text's words only as far as it needs.
 */
function conceptAt(keyAt: (index: number) => string | undefined, index: number): ConceptMatch | null {
  const first = keyAt(index);
  if (first === undefined) return null;
  const longest = longestFrom.get(first) ?? 0;
  let available = 1;
  while (available < longest && keyAt(index + available) !== undefined) available++;
  for (let size = Math.min(longest, available); size >= 1; size--) {
    let key = first;
    for (let next = 1; next < size; next++) key += ` ${keyAt(index + next) ?? ''}`;
    const concepts = lexicon.get(key);
    if (concepts) return { first: index, last: index + size - 1, concepts: [...concepts] };
  }
  return null;
}

/** Finds concept phrases in a token list, longest match first, left to right (linear in words). */
export function findConcepts(tokens: readonly Token[]): ConceptMatch[] {
  const keys = tokens.map((token) => wordKey(token.word));
  const matches: ConceptMatch[] = [];
  let index = 0;
  while (index < tokens.length) {
    const found = conceptAt((at) => keys[at], index);
    if (found) {
      matches.push(found);
      index = found.last + 1;
    } else {
      index++;
    }
  }
  return matches;
}

/**
 * The words of a text as `tokenize` finds them, read only as far as they are asked for, with the
 * concept phrases `findConcepts` would find among them (a snippet needs the words up to its window
 * only: on a search page, half of each row's text or less).
 */
export class LazyTokens {
  private readonly found: Token[] = [];
  private readonly keys: string[] = [];
  private readonly pattern = new RegExp(WORD.source, WORD.flags);
  private done = false;
  /** The next word the concept scan decides on: matches starting before it are known. */
  private scanned = 0;
  private readonly matches: ConceptMatch[] = [];

  constructor(private readonly text: string) {}

  /** The word at `index`, or undefined past the last. */
  at(index: number): Token | undefined {
    while (!this.done && this.found.length <= index) {
      const match = this.pattern.exec(this.text);
      if (match === null) this.done = true;
      else this.found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
    }
    return this.found[index];
  }

  private keyAt(index: number): string | undefined {
    const token = this.at(index);
    if (token === undefined) return undefined;
    return (this.keys[index] ??= wordKey(token.word));
  }

  /**
   * The concept phrases `findConcepts` finds in the whole text that start at word `index` or
   * before, in order (the scan is greedy from the left, so it reads them the same way).
   */
  conceptsThrough(index: number): readonly ConceptMatch[] {
    while (this.scanned <= index && this.at(this.scanned) !== undefined) {
      const found = conceptAt((at) => this.keyAt(at), this.scanned);
      if (found) {
        this.matches.push(found);
        this.scanned = found.last + 1;
      } else {
        this.scanned++;
      }
    }
    return this.matches;
  }
}

/**
 * The distinct concept tokens of a text, space-separated, for the index's `concepts` column. Unlike
 * query parsing, every phrase found counts, nested ones too: "accord de réadmission" gives the
 * readmission-agreement type and the words "agreement" and "readmission".
 */
export function conceptText(text: string): string {
  const concepts = new Set<string>();
  const keys = tokenize(text).map((token) => wordKey(token.word));
  keys.forEach((key, index) => {
    const longest = Math.min(longestFrom.get(key) ?? 0, keys.length - index);
    for (let size = 1; size <= longest; size++) {
      const found = lexicon.get(size === 1 ? key : keys.slice(index, index + size).join(' '));
      if (found) for (const concept of found) concepts.add(concept);
    }
  });
  return [...concepts].join(' ');
}
