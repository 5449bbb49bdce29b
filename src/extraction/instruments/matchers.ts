/**
 * Compiles the catalogue and the head rules into a few combined regular expressions (one pass over
 * the text each, instead of one pass per rule) and returns the non-overlapping matches: catalogue
 * names first, then head nouns.
 */
import type { Span } from '../../domain/model.ts';
import { CATALOGUE, type CatalogueEntry } from './catalogue.ts';
import { FIELD_HEAD_RULES, FIELD_HEAD_RULES_FIRST } from './field-heads.ts';
import { FORM_RULES, HEAD_RULES, type HeadRule } from './lexicon.ts';
import { escapeRegExp, firstUnitsClass, foldText } from '../text.ts';

/** A name or head noun found in the text. */
export type Match =
  | (Span & { readonly source: 'catalogue'; readonly entry: CatalogueEntry })
  | (Span & { readonly source: 'head'; readonly rule: HeadRule });

interface Compiled<T> {
  readonly regex: RegExp;
  readonly items: readonly T[];
}

function compile<T>(
  items: readonly T[],
  source: (item: T) => string,
  flags: string,
  firstUnits?: string,
): Compiled<T> {
  // Text from PDFs breaks lines inside names: a space in a pattern matches any run of white space.
  const body = items.map((item) => `(${source(item).replace(/ /g, '\\s+')})`).join('|');
  // `\b` also holds at the end of every word, where no name can start: a look-ahead on the units a
  // match can start with lets the engine leave those places (half of the boundaries) at once
  // instead of trying every alternative there. It only skips places that could not match.
  const first = firstUnits === undefined ? '' : `(?=[${firstUnits}])`;
  // ASCII word boundaries suffice on folded text (no accents left), and without the `u` flag
  // the engine scans several times faster.
  return { regex: new RegExp(`\\b${first}(?:${body})\\b`, flags), items };
}

// Capturing groups inside the rule patterns would shift the group numbers: the sources use only
// (?:…) groups, which a test checks.
// The folded text is lower case already: lower-casing the sources (they use no upper-case escapes
// such as \S or \W, which a test checks) lets the engine match without the slower `i` flag.
/** Longer names first, so that the longest name at a place is the one quoted. */
const longestFirst = (names: readonly string[]): string[] => [...names].sort((a, b) => b.length - a.length);
/**
 * What a folded head pattern can start with: every alternative of every pattern begins with a
 * letter (accented ones in classes such as `[eéè]`) or a digit, after any look-behind; a test
 * checks the patterns' syntax for it.
 */
export const HEAD_FIRST_UNITS = 'a-z0-9\\u00c0-\\u024f';
const catalogueFoldedNames = (e: CatalogueEntry): string[] =>
  longestFirst([...e.aliases.en, ...e.aliases.fr].map(foldText));

/**
 * A treaty's year may stand after its form word: "la Convention de 1951 relative au statut des
 * réfugiés", "the Protocol of 2000 against the Smuggling…" name the catalogued instrument too.
 */
const LEGAL_FORM_WORD =
  /^(?:convention|treaty|traite|protocol|protocole|agreement|accord|pact|pacte|charter|charte)\b/;
const withOptionalYear = (folded: string): string => {
  const pattern = escapeRegExp(folded);
  const form = LEGAL_FORM_WORD.exec(folded);
  return form
    ? `${pattern.slice(0, form[0].length)}(?: (?:de|of) [12][0-9]{3})?${pattern.slice(form[0].length)}`
    : pattern;
};

const catalogueFolded = compile(
  CATALOGUE,
  (e) => catalogueFoldedNames(e).map(withOptionalYear).join('|'),
  'g',
  firstUnitsClass(CATALOGUE.flatMap(catalogueFoldedNames)),
);
const catalogueCased = compile(
  CATALOGUE.filter((e) => e.acronyms.length > 0),
  (e) => longestFirst(e.acronyms).map(escapeRegExp).join('|'),
  'g',
  firstUnitsClass(CATALOGUE.flatMap((e) => e.acronyms)),
);
const headsFolded = compile(
  FORM_RULES.filter((r) => !r.caseSensitive),
  (r) => r.pattern.toLowerCase(),
  'g',
  HEAD_FIRST_UNITS,
);
// The field's heads (field-heads.ts) are a second expression: one alternation holding them all
// grows past the size the engine compiles to machine code and scans several times slower. At
// one place, the longer match wins; on a tie, `rank` keeps the order of `HEAD_RULES`.
const fieldRules = [...FIELD_HEAD_RULES_FIRST, ...FIELD_HEAD_RULES];
const headsField = compile(
  fieldRules.filter((r) => !r.caseSensitive),
  (r) => r.pattern.toLowerCase(),
  'g',
  HEAD_FIRST_UNITS,
);
const FIRST_RULES: ReadonlySet<HeadRule> = new Set(FIELD_HEAD_RULES_FIRST);
const LATER_RULES: ReadonlySet<HeadRule> = new Set(FIELD_HEAD_RULES);
/** Among matches with one span: the field's longer forms first, the rules of lexicon.ts, then the field's own heads. */
const rank = (m: Match): number =>
  m.source === 'head' ? (FIRST_RULES.has(m.rule) ? 0 : LATER_RULES.has(m.rule) ? 2 : 1) : 1;
const headsCased = compile(
  HEAD_RULES.filter((r) => r.caseSensitive === true),
  (r) => r.pattern,
  'g',
);

function run<T>(
  compiled: Compiled<T>,
  text: string,
  make: (item: T, start: number, end: number) => Match,
  out: Match[],
): void {
  if (compiled.items.length === 0) return;
  const { regex, items } = compiled;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const item = items[k - 1];
    if (item !== undefined) out.push(make(item, m.index, m.index + m[0].length));
  }
}

/** Keeps the earliest, then longest, of overlapping matches. */
function nonOverlapping(matches: Match[], taken: Span[]): Match[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));
  taken.sort((a, b) => a.start - b.start);
  const out: Match[] = [];
  let t = 0;
  let lastEnd = -1;
  for (const m of matches) {
    if (m.start < lastEnd) continue;
    while (t < taken.length && (taken[t] as Span).end <= m.start) t++;
    const blocker = taken[t];
    if (blocker && blocker.start < m.end) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/**
 * Catalogue names and head nouns in the text, without overlaps, in text order. Without the
 * catalogue (`useCatalogue` false) only the general rules read the text.
 */
export function findMatches(text: string, folded: string, useCatalogue = true): Match[] {
  const keptNames = useCatalogue ? catalogueNames(text, folded) : [];
  const heads: Match[] = [];
  run(headsFolded, folded, (rule, start, end) => ({ source: 'head', rule, start, end }), heads);
  run(headsField, folded, (rule, start, end) => ({ source: 'head', rule, start, end }), heads);
  run(headsCased, text, (rule, start, end) => ({ source: 'head', rule, start, end }), heads);
  const keptHeads = nonOverlapping(heads, [...keptNames]);
  return [...keptNames, ...keptHeads].sort((a, b) => a.start - b.start);
}

function catalogueNames(text: string, folded: string): Match[] {
  const names: Match[] = [];
  run(catalogueFolded, folded, (entry, start, end) => ({ source: 'catalogue', entry, start, end }), names);
  run(catalogueCased, text, (entry, start, end) => ({ source: 'catalogue', entry, start, end }), names);
  return nonOverlapping(names, []);
}

/** Spans of the catalogued names in the text (for stages that must not read inside names). */
export function namedInstrumentSpans(text: string, folded: string): Span[] {
  return catalogueNames(text, folded).map((m) => ({ start: m.start, end: m.end }));
}
