/**
 * Finds every state a text names: English and French names (with or without articles, hyphens or
 * accents), nationality adjectives in every gender and number, and ISO alpha-2 codes written in
 * lists ("AT, BE, CY and GE, UA", "(NO, GE, MD)") or after a name ("United Kingdom (UK)").
 * One pass of a token trie over the folded text plus two regular expressions: linear time.
 */
import { CODE_EXCEPTIONS, compoundPrefixState, isStateCode, stateSurfaceForms } from '../domain/actors.ts';
import type { CountryForm, CountryMention, Segmentation } from './types.ts';
import { PhraseMatcher, foldText, insideSpans, isUpperCaseLine, urlSpans } from './text.ts';

interface Found {
  readonly code: string;
  readonly form: CountryForm;
  /** Written in capitals in the lexicon ("UK", "USA"). */
  readonly acronym: boolean;
}

/**
 * Phrases that contain a state's name or adjective without naming the state: regions, oceans,
 * "Latin American". Longest match wins, so they shadow the shorter form.
 */
const NOT_STATES: readonly string[] = [
  'Latin America',
  'Latin American',
  'South American',
  'North American',
  'Central American',
  'latino-américain',
  'latino-américaine',
  'latino-américains',
  'latino-américaines',
  'sud-américain',
  'sud-américaine',
  'sud-américains',
  'nord-américain',
  'nord-américaine',
  'nord-américains',
  'Indian Ocean',
  'océan Indien',
  'Gulf of Guinea',
  'golfe de Guinée',
  'New Guinea',
  'Central African States',
  'Central African Economic',
  'West Indian',
  'Arab States',
  'Inter-American',
  'Pan-American',
  'interaméricain',
  'interaméricaine',
  'panaméricain',
];

/** Titles before a first name ("M. Maurice X"): the name that follows is a person's. */
const HONORIFIC_BEFORE = /(?:\b(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr|Me|Pr)\.?\s+)$/;

/**
 * English given names that are also states' names: followed by a capitalised surname ("Chad
 * Roberts", "Jordan Peterson", "Israel Kamakawiwoʻole") they name a person, not the state.
 */
const GIVEN_NAME_STATES = new Set([
  'Chad',
  'Jordan',
  'Georgia',
  'Israel',
  'India',
  'Kenya',
  'Jamaica',
  'Ireland',
]);

/**
 * Capitalised nouns that follow a state's name in the names of places, bodies and instruments
 * ("Jordan Compact", "Chad Basin", "India Gate", "Georgia Tech"): the state stays a state there.
 */
const NAMED_AFTER_STATE = new Set(
  (
    'compact process plan programme program fund agreement accord partnership declaration statement ' +
    'dialogue valley basin river lake sea gate tech government ministry embassy mission office ' +
    'response strategy initiative facility platform road corridor route border coast street state ' +
    'country desk team action framework protocol memorandum roadmap visa labour labor migration ' +
    'refugee refugees return project talent skills mobility cooperation agency authority authorities ' +
    'police army forces university institute centre center times post news today pact charter summit ' +
    'conference forum council committee task group window trust scheme arrangement deal treaty ' +
    'convention law act code policy review report national airways airlines'
  ).split(' '),
);

/** A capitalised word right after a name, and what follows it. */
const NEXT_WORD = /^\s(\p{Lu}[\p{L}ʻ'’-]*)/u;

/** Titles and roles before a person's given name ("Mr", "Senator", "Foreign Minister"). */
const ROLE_BEFORE =
  /(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Senator|Minister|President|Ambassador|Rep|Judge|Justice|Mme|M|Me|Pr)\.?\s+)$/;

/** Whether a given-name state ("Chad") starts a person's name here ("Chad Roberts"). */
function namesPerson(text: string, start: number, end: number, quote: string): boolean {
  if (!GIVEN_NAME_STATES.has(quote)) return false;
  if (ROLE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  const next = NEXT_WORD.exec(text.slice(end, end + 40));
  if (next === null) return false;
  const word = next[1] as string;
  // A possessive or an acronym after the name ("Jordan's", "India UN mission") is not a surname.
  if (word.length < 2 || word === word.toUpperCase()) return false;
  return !NAMED_AFTER_STATE.has(word.toLowerCase()) && !stateFirstWordSet().has(word.toLowerCase());
}

let stateFirstWords: ReadonlySet<string> | null = null;
/** First words of every state's name or adjective ("Lebanon", "Syrian"): "Jordan Lebanon" is a list. */
function stateFirstWordSet(): ReadonlySet<string> {
  stateFirstWords ??= new Set(
    stateSurfaceForms().map((f) => (f.form.split(/[\s-]/u)[0] ?? '').toLowerCase()),
  );
  return stateFirstWords;
}

/** Currency nouns: with a state's adjective or name right beside them they name money, not the state. */
const CURRENCY_NOUNS =
  'dollars?|francs?|pounds?|livres?|couronnes?|crowns?|kron(?:e|er|or|a|ur)|dinars?|dirhams?|rupees?|roupies?|pesos?|shillings?|rands?|yens?|yuans?|renminbi|rials?|riyals?|nairas?|cedis?|birrs?|leones?|ouguiyas?|lires?|liras?|zlotys?|forints?|lei|leu|levs?|leva|reais|rubles?|roubles?|hryvnias?|manats?|somonis?|soms?|tenge|lempiras?|quetzals?|colones|bolivianos?|guaranis?|soles|taka|kwachas?|kwanzas?|dalasis?|ariarys?|escudos?';
/** "dollars américains", "francs suisses", "dollars US": the currency noun comes first in French. */
const CURRENCY_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${CURRENCY_NOUNS})\\s+$`, 'iu');
/** "US dollars", "Canadian dollars", "Swiss francs", "US$": the currency noun or sign comes after. */
const CURRENCY_AFTER = new RegExp(`^(?:\\s?\\$|\\s+(?:${CURRENCY_NOUNS})(?![\\p{L}]))`, 'iu');

/** Whether a state's adjective, code or name at this span only forms the name of a currency. */
function namesCurrency(
  text: string,
  start: number,
  end: number,
  form: CountryForm,
  acronym: boolean,
): boolean {
  if (CURRENCY_AFTER.test(text.slice(end, end + 14))) return true;
  // A name right after a currency noun is more often the start of a new clause ("francs. Suisse…").
  return (
    (form === 'adjective' || acronym) && CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 14), start))
  );
}

let gazetteer: PhraseMatcher<Found> | null = null;

function buildGazetteer(): PhraseMatcher<Found> {
  const g = new PhraseMatcher<Found>((a, b) => a.code === b.code);
  for (const f of stateSurfaceForms()) {
    const exact = f.form.length <= 4 && f.form === f.form.toUpperCase();
    g.add(
      f.form,
      { code: f.code, form: f.kind, acronym: exact },
      f.rank,
      exact ? 'exact' : f.anyCase ? 'any' : 'capitalised',
    );
  }
  for (const phrase of NOT_STATES) g.add(phrase, null, -1, 'any');
  return g;
}

/** A state code as written in a list, mapped to ISO ("EL" → GR, "UK" → GB), or null. */
function codeOf(written: string): string | null {
  const code = CODE_EXCEPTIONS.get(written) ?? written;
  return isStateCode(code) ? code : null;
}

const CODE = String.raw`\b[A-Z]{2}\b`;
const SEP = String.raw`\s*(?:,\s*(?:and|et|&)?|;|\/|\band\b|\bet\b|&)\s*`;
/** Two or more two-letter codes joined by commas, slashes, "and" or "et". */
const CODE_LIST_RE = new RegExp(`${CODE}(?:${SEP}${CODE})+`, 'g');
/** A single code after "except", "sauf"…: "EU Member States except DK" ("including IT" is not Italy). */
const CODE_AFTER_WORD_RE =
  /\b(?:except|excluding|sauf|hors|excepté|à l'exception d[eu]|à l’exception d[eu])\s+([A-Z]{2})\b/g;
const PAREN_CODE_RE = /\(([A-Z]{2})\)/g;

function codeMentions(text: string, named: readonly CountryMention[]): CountryMention[] {
  const out: CountryMention[] = [];
  const push = (start: number, written: string): void => {
    const code = codeOf(written);
    if (code) out.push({ start, end: start + 2, quote: written, code, form: 'code' });
  };
  for (const m of text.matchAll(CODE_LIST_RE)) {
    const codes = [...m[0].matchAll(/[A-Z]{2}/g)];
    const valid = codes.filter((c) => codeOf(c[0]) !== null);
    if (valid.length < 2) continue;
    // "IT and HR departments": two codes without a comma count only between brackets.
    if (
      codes.length === 2 &&
      !m[0].includes(',') &&
      !(text.charAt(m.index - 1) === '(' && text.charAt(m.index + m[0].length) === ')')
    ) {
      continue;
    }
    // In a line of capitals, "IN AND OUT" is prose: only comma or slash lists are codes there.
    if (isUpperCaseLine(text, m.index) && !/[,/]/.test(m[0])) continue;
    for (const c of valid) push(m.index + c.index, c[0]);
  }
  for (const m of text.matchAll(CODE_AFTER_WORD_RE)) {
    const written = m[1] as string;
    push(m.index + m[0].length - 2, written);
  }
  // "United Kingdom (UK)": a single code in brackets right after a name.
  const nameEnds = new Set(named.map((n) => n.end));
  for (const m of text.matchAll(PAREN_CODE_RE)) {
    let k = m.index;
    while (k > 0 && /\s/.test(text.charAt(k - 1))) k--;
    if (nameEnds.has(k)) push(m.index + 1, m[1] as string);
  }
  return out;
}

/** A combining form and its hyphen right before a mention: "franco-", "Gréco-", "germano-". */
const PREFIX_BEFORE = /(?<![\p{L}-])(\p{L}{3,12})-$/u;

/**
 * The first parts of compound adjectives before a state's adjective or name: "franco" in
 * "franco-sénégalais", "Anglo" in "Anglo-Irish", each gazetted from the domain's list of combining
 * forms; chains ("franco-germano-marocain") are read right to left.
 */
function compoundPrefixes(text: string, named: readonly CountryMention[]): CountryMention[] {
  const out: CountryMention[] = [];
  for (const n of named) {
    let at = n.start;
    for (let guard = 0; guard < 3; guard++) {
      const m = PREFIX_BEFORE.exec(text.slice(Math.max(0, at - 14), at));
      const code = m ? compoundPrefixState(foldText(m[1] as string)) : undefined;
      if (!m || code === undefined) break;
      const start = at - m[0].length;
      out.push({ start, end: at - 1, quote: text.slice(start, at - 1), code, form: 'adjective' });
      at = start;
    }
  }
  return out;
}

/**
 * Every mention of a state in `text`, in text order: names, adjectives and codes, with the span
 * and the quote. Mentions inside URLs and e-mail addresses are left out.
 * The segmentation is accepted for the pipeline's uniform signature; the finder reads lines itself.
 * `folded` is `foldText(text)`, passed by the pipeline, which folds the text once for every stage.
 */
export function findCountries(
  text: string,
  _segmentation?: Segmentation,
  folded: string = foldText(text),
): CountryMention[] {
  gazetteer ??= buildGazetteer();
  const urls = urlSpans(text);
  const named: CountryMention[] = [];
  for (const m of gazetteer.find(text, folded)) {
    if (insideSpans(urls, m.start)) continue;
    const quote = text.slice(m.start, m.end);
    const short = m.value.acronym;
    // "UK", "US" in a line of capitals ("LET US KNOW") are words, not countries.
    if (short && isUpperCaseLine(text, m.start)) continue;
    if (
      m.value.form === 'name' &&
      !quote.includes(' ') &&
      HONORIFIC_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start))
    ) {
      continue;
    }
    if (namesCurrency(text, m.start, m.end, m.value.form, short)) continue;
    if (m.value.form === 'name' && namesPerson(text, m.start, m.end, quote)) continue;
    named.push({ start: m.start, end: m.end, quote, code: m.value.code, form: m.value.form });
  }
  named.push(...compoundPrefixes(text, named));
  named.sort((a, b) => a.start - b.start);
  const seen = new Set(named.map((n) => n.start));
  const codes = codeMentions(text, named).filter((c) => !seen.has(c.start) && !insideSpans(urls, c.start));
  const all = [...named, ...codes].sort((a, b) => a.start - b.start);
  // A code may be found by two rules (a list and "except DK"): keep one mention per span.
  return all.filter((m, i) => i === 0 || m.start !== (all[i - 1] as CountryMention).start);
}
