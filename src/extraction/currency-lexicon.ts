/**
 * Every currency the amount finder knows, built once from the Unicode CLDR data that Node's ICU
 * carries (no table by hand): the ISO 4217 codes `Intl.supportedValuesOf('currency')` lists, their
 * names in French and English, singular and plural ("dinar tunisien", "dinars tunisiens", "Tunisian
 * dinars"), and their signs ("R$", "₹", "₦", "$CA", "MX$"). Pure: no I/O.
 *
 * A name without its adjective ("dinars", "pesos", "couronnes") is a head noun shared by several
 * currencies. It is read with the state named right beside it ("Danish crowns", "pesos
 * colombiens"), else with the one candidate state named in the sentence around it (an ISO 4217 code
 * starts with its state's ISO 3166 code: TND is Tunisia's), else with the convention the project has
 * always used ("dollars" are US dollars, "pounds" pounds sterling), else it stays unknown: a sum
 * with an unknown currency is left out rather than guessed.
 */
import { stateSurfaceForms } from '../domain/actors.ts';
import { escapeRegExp } from './text.ts';
import stored from './currency-lexicon.json' with { type: 'json' };

/**
 * Codes ICU still lists plus codes the project read before ICU dropped them (SLL, replaced by SLE
 * in 2022, still cited in older reports). Source: ISO 4217 list one, via CLDR.
 */
export const ISO_4217_CODES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('currency'), 'SLL']);

/** Codes of precious metals, funds and test units: never money a state commits. */
const NOT_MONEY = /^X(?:AG|AU|BA|BB|BC|BD|DR|PD|PT|SU|TS|UA|XX)$|^(?:BOV|CHE|CHW|CLF|COU|MXV|USN|UYI|UYW)$/u;

/** Sign, code and name conventions: what a sign or noun shared by several currencies means alone. */
const CONVENTION: ReadonlyMap<string, string> = new Map([
  // The project's convention since session 1: "$" and "dollars" alone are US dollars, "£" and
  // "pounds" alone sterling, "¥" and "yen" the Japanese yen.
  ['$', 'USD'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  // The won of international sums is South Korea's (North Korea's is not convertible).
  ['₩', 'KRW'],
  ['won', 'KRW'],
  ['wons', 'KRW'],
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['yen', 'JPY'],
  ['yens', 'JPY'],
  // The dirham most cited in French texts is Morocco's; "yuan" and "renminbi" are China's.
  ['dirham', 'MAD'],
  ['dirhams', 'MAD'],
  ['yuan', 'CNY'],
  ['yuans', 'CNY'],
  ['renminbi', 'CNY'],
  ['lira', 'TRY'],
  ['liras', 'TRY'],
  ['lire', 'TRY'],
  ['lires', 'TRY'],
]);

/** Heads whose convention holds even when another state is named in the sentence (only an adjective beside them changes it). */
const FIRM_CONVENTION = new Set(['$', '£', '¥', 'dollar', 'dollars', 'pound', 'pounds']);

/**
 * Names CLDR does not give in the form the press writes them, each with its code or its head
 * (so "Swedish crowns" is read like "Swedish kronor"). Common usage in French and English news.
 */
const EXTRA_NAMES: readonly (readonly [string, string])[] = [
  ['dollars américains', 'USD'],
  ['dollar américain', 'USD'],
  ['dollars us', 'USD'],
  ['dollars usd', 'USD'],
  ['us dollars', 'USD'],
  ['u.s. dollars', 'USD'],
  ['american dollars', 'USD'],
  ['francs cfa', 'XOF'],
  ['franc cfa', 'XOF'],
  ['cfa francs', 'XOF'],
  ['cfa franc', 'XOF'],
  ['f cfa', 'XOF'],
  ['fcfa', 'XOF'],
  ['pounds sterling', 'GBP'],
  ['pound sterling', 'GBP'],
  ['livres sterling', 'GBP'],
  ['livre sterling', 'GBP'],
  ['sterling', 'GBP'],
  ['reais', 'BRL'],
  ['réaux', 'BRL'],
  ['rmb', 'CNY'],
  ['yuan renminbi', 'CNY'],
  ['nairas', 'NGN'],
  ['naira', 'NGN'],
  ['lires turques', 'TRY'],
  ['lire turque', 'TRY'],
  ['turkish liras', 'TRY'],
  ['lebanese lira', 'LBP'],
  ['lebanese liras', 'LBP'],
  ['syrian lira', 'SYP'],
  ['syrian liras', 'SYP'],
];

/**
 * Nouns shared by several currencies, with every currency CLDR names with that noun (filled below)
 * and synonyms whose own names CLDR does not use ("crowns" for kronor, "rupees" for roupies).
 */
const HEAD_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['crown', 'couronne'],
  ['crowns', 'couronnes'],
  ['krona', 'couronne'],
  ['kronor', 'couronnes'],
  ['krone', 'couronne'],
  ['kroner', 'couronnes'],
  ['rupee', 'roupie'],
  ['rupees', 'roupies'],
  ['riyal', 'rial'],
  ['riyals', 'rials'],
  ['lira', 'livre'],
  ['liras', 'livres'],
  ['lire', 'livre'],
  ['lires', 'livres'],
]);

/** Dollar signs of the English press that CLDR writes otherwise ("A$" and "N$" where CLDR has "AU$" and "$NA"). */
const PRESS_SIGNS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['U.S.$', 'USD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['NZ$', 'NZD'],
  ['N$', 'NAD'],
  ['S$', 'SGD'],
];

/**
 * Local signs written without a symbol character, from CLDR's French and English locales of the
 * states that use them ("DA", "DT", "UM", "FG", "Ksh", "TSh", "USh", "FBu", "Fdj"), and the "DH"
 * of Moroccan usage. Read only as written (upper and lower case exactly).
 */
const LETTER_SIGNS: readonly (readonly [string, string])[] = [
  ['DA', 'DZD'],
  ['DT', 'TND'],
  ['UM', 'MRU'],
  ['FG', 'GNF'],
  ['FBu', 'BIF'],
  ['Fdj', 'DJF'],
  ['Ksh', 'KES'],
  ['KSh', 'KES'],
  ['TSh', 'TZS'],
  ['USh', 'UGX'],
  ['DH', 'MAD'],
  ['Dhs', 'AED'],
];

/**
 * Names CLDR gives that are ordinary words after a number too ("5 million mark", "a real", "the
 * sum", "or"): left out, so that only their plural or adjective form reads as money.
 */
const WORDS_NOT_NAMES = new Set([
  'mark',
  'marks',
  'real',
  'sol',
  'sols',
  'sum',
  'sums',
  'or',
  'gold',
  'kip',
  'tala',
  'kina',
  'pula',
  'loti',
  'nouveau',
  'nouveaux',
]);

const lower = (s: string): string => s.toLocaleLowerCase('fr');

/** The name part of a formatted sum: "2,00 dollars canadiens" → "dollars canadiens"; "(BCEAO)" dropped. */
function namePart(formatted: string): string {
  return lower(
    formatted
      .replace(/\([^)]*\)/gu, '')
      .replace(/[\d\s\u00A0\u202F.,]+/gu, ' ')
      .trim(),
  );
}

function format(
  locale: string,
  code: string,
  value: number,
  display: 'name' | 'symbol' | 'narrowSymbol',
): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: display,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(value);
}

function signOf(locale: string, code: string, display: 'symbol' | 'narrowSymbol'): string {
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: display,
  });
  return parts.formatToParts(1).find((p) => p.type === 'currency')?.value ?? code;
}

export interface CurrencyLexicon {
  /** Full names, lower case ("dinars tunisiens", "tunisian dinars") → code. */
  readonly names: ReadonlyMap<string, string>;
  /** Head nouns, lower case ("dinars", "couronnes", "crowns") → every code written with it. */
  readonly heads: ReadonlyMap<string, readonly string[]>;
  /** Signs with a symbol character ("R$", "₹", "$CA") → code (signs shared by several left out). */
  readonly signs: ReadonlyMap<string, string>;
  /** Signs of letters only, matched exactly as written. */
  readonly letterSigns: ReadonlyMap<string, string>;
}

function addTo(map: Map<string, Set<string>>, key: string, code: string): void {
  if (key === '') return;
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(code);
}

/**
 * The lexicon computed from the ICU that runs this process: the source of currency-lexicon.json,
 * which `node --import tsx scripts/currency-lexicon.ts` writes (ICU formatting of every currency
 * takes a few hundred milliseconds, too long for every start).
 */
export function buildCurrencyLexiconFromCldr(): CurrencyLexicon {
  const nameCodes = new Map<string, Set<string>>();
  const headCodes = new Map<string, Set<string>>();
  const signCodes = new Map<string, Set<string>>();
  for (const code of ISO_4217_CODES) {
    if (NOT_MONEY.test(code)) continue;
    for (const [locale, headFirst] of [
      ['fr', true],
      ['en', false],
    ] as const) {
      for (const value of [1, 2]) {
        const name = namePart(format(locale, code, value, 'name'));
        if (name === lower(code) || !/\p{L}/u.test(name)) continue;
        addTo(nameCodes, name, code);
        const words = name.split(' ');
        // French writes the noun first ("dinars tunisiens"), English last ("Tunisian dinars").
        if (words.length > 1) addTo(headCodes, (headFirst ? words[0] : words.at(-1)) ?? '', code);
      }
      for (const display of ['symbol', 'narrowSymbol'] as const) {
        const sign = signOf(locale, code, display);
        // A sign needs a symbol character: "р." or "Cg." are abbreviations, not signs.
        if (sign !== code && /[^\p{L}.\s]/u.test(sign)) addTo(signCodes, sign, code);
      }
    }
  }
  // A head with one currency is a name in itself ("naira"); shared heads are resolved by context.
  for (const [head, codes] of headCodes) {
    if (codes.size === 1) addTo(nameCodes, head, [...codes][0] as string);
  }
  for (const [synonym, head] of HEAD_SYNONYMS) {
    for (const code of headCodes.get(head) ?? []) addTo(headCodes, synonym, code);
  }
  for (const code of ['LBP', 'SYP']) {
    for (const head of ['lira', 'liras', 'lire', 'lires']) addTo(headCodes, head, code);
  }
  const names = new Map<string, string>();
  for (const [name, codes] of nameCodes) {
    if (codes.size === 1 && !WORDS_NOT_NAMES.has(name)) names.set(name, [...codes][0] as string);
  }
  for (const [name, code] of EXTRA_NAMES) names.set(name, code);
  const signs = new Map<string, string>();
  for (const [sign, codes] of signCodes) {
    if (codes.size === 1) signs.set(sign, [...codes][0] as string);
    else if (CONVENTION.has(sign)) signs.set(sign, CONVENTION.get(sign) as string);
  }
  for (const [sign, code] of PRESS_SIGNS) signs.set(sign, code);
  const heads = new Map<string, readonly string[]>();
  for (const [head, codes] of headCodes) {
    if (codes.size > 1 && !names.has(head) && !WORDS_NOT_NAMES.has(head)) heads.set(head, [...codes].sort());
  }
  for (const head of CONVENTION.keys()) {
    if (/\p{L}/u.test(head) && !heads.has(head) && !names.has(head)) {
      heads.set(head, [CONVENTION.get(head) as string]);
    }
  }
  return { names, heads, signs, letterSigns: new Map(LETTER_SIGNS) };
}

/** The stored form of the lexicon (currency-lexicon.json): sorted entries, so diffs stay readable. */
export interface StoredCurrencyLexicon {
  readonly names: readonly (readonly [string, string])[];
  readonly heads: readonly (readonly [string, readonly string[]])[];
  readonly signs: readonly (readonly [string, string])[];
}

const byKey = <T>(a: readonly [string, T], b: readonly [string, T]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** The lexicon as stored in currency-lexicon.json. */
export function storedForm(lexicon: CurrencyLexicon): StoredCurrencyLexicon {
  return {
    names: [...lexicon.names].sort(byKey),
    heads: [...lexicon.heads].sort(byKey),
    signs: [...lexicon.signs].sort(byKey),
  };
}

/** Written by scripts/currency-lexicon.ts from this module's own builder; checked by its unit test. */
const storedLexicon = stored as unknown as StoredCurrencyLexicon;

let lexicon: CurrencyLexicon | null = null;
/** The lexicon, read from currency-lexicon.json (built from CLDR by scripts/currency-lexicon.ts). */
export function currencyLexicon(): CurrencyLexicon {
  lexicon ??= {
    names: new Map(storedLexicon.names),
    heads: new Map(storedLexicon.heads),
    signs: new Map(storedLexicon.signs),
    letterSigns: new Map(LETTER_SIGNS),
  };
  return lexicon;
}

/** Regex source of a state's names and adjectives, per ISO 3166 code, built on first use. */
const statePatterns = new Map<string, RegExp | null>();
function statePattern(country: string): RegExp | null {
  if (!statePatterns.has(country)) {
    const forms = stateSurfaceForms()
      .filter((f) => f.code === country && f.form.length > 2)
      .map((f) => escapeRegExp(f.form).replace(/ /gu, '\\s+'));
    statePatterns.set(
      country,
      forms.length === 0
        ? null
        : new RegExp(
            `(?<![\\p{L}])(?:${forms.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`,
            'iu',
          ),
    );
  }
  return statePatterns.get(country) ?? null;
}

/** The one candidate currency whose state is named in `text`, or null (none or several). */
function namedState(candidates: readonly string[], text: string): string | null {
  const found = candidates.filter((code) => statePattern(code.slice(0, 2))?.test(text) === true);
  return found.length === 1 ? (found[0] as string) : null;
}

/**
 * The currency of a head noun ("dinars", "Danish crowns") from the words beside it (`beside`: the
 * noun with its adjective, and the word after it, where French puts the adjective), else from its
 * sentence, else from the text around the sentence (`around`), else by convention, else null.
 */
export function currencyOfHead(
  surface: string,
  beside: string,
  sentence: string,
  around = sentence,
): string | null {
  const words = lower(surface).split(/\s+/u);
  const first = words[0];
  const head =
    words.length > 1 && first !== undefined && currencyLexicon().heads.has(first)
      ? first
      : (words.at(-1) ?? '');
  const candidates = currencyLexicon().heads.get(head);
  if (candidates === undefined) return null;
  const convention = CONVENTION.get(head);
  const adjacent = namedState(candidates, beside);
  if (adjacent !== null) return adjacent;
  if (convention !== undefined && FIRM_CONVENTION.has(head)) return convention;
  return namedState(candidates, sentence) ?? namedState(candidates, around) ?? convention ?? null;
}
