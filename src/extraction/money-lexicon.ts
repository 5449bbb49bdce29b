/**
 * Words the money rules read: currency signs, codes and names (French and English, from CLDR: see
 * currency-lexicon.ts) with their ISO 4217 code, scale words ("millions", "bn", "Mio.", "M"), and the hedges that make a sum
 * approximate ("more than", "près de").
 */
import { ISO_4217_CODES, currencyLexicon, currencyOfHead } from './currency-lexicon.ts';
import { escapeRegExp, firstUnitsClass } from './text.ts';

/**
 * ISO 4217 codes that are also English or French words or common acronyms in capitals ("ALL 27
 * member states", "COP 28", "TOP 10", "SOS 3", "AMD 5"). Written before or after a number they are
 * read as money only with a scale word or a sum of at least a thousand units.
 */
const WORD_CODES = new Set(['ALL', 'AMD', 'BAM', 'BOB', 'COP', 'CUP', 'DOP', 'MOP', 'PEN', 'SOS', 'TOP']);

/** Whether a code written beside a number needs a scale word or a large sum to be money. */
export function codeNeedsMagnitude(code: string): boolean {
  return WORD_CODES.has(code);
}

/**
 * Regex source matching any of `words`, as a trie ("dinar(?:s(?: tunisiens)?)?"), so that the
 * engine tries a few first letters at each position instead of hundreds of alternatives, and the
 * longest word wins as it would in an alternation sorted by length. Spaces match any run of spaces.
 */
export function trieSource(words: Iterable<string>): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (child === undefined) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.next].map(
      ([ch, child]) => (ch === ' ' ? '\\s+' : escapeRegExp(ch)) + emit(child),
    );
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const ISO_SOURCE = `(?:${trieSource([...ISO_4217_CODES].filter((c) => /^[A-Z]{3}$/u.test(c)))})`;
const SIGN_SOURCE = trieSource(currencyLexicon().signs.keys());
const LETTER_SIGN_SOURCE = trieSource(currencyLexicon().letterSigns.keys());

/**
 * The units a currency written before a number starts with, as the body of a character class: a
 * sum starts with one of them, a digit or the number one in words (`extraFirst`), so the amount
 * pattern leaves every other place at once. Derived from the lexicon, so it follows its changes.
 */
export function prefixCurrencyFirstUnits(extraFirst: Iterable<string> = []): string {
  const { signs, letterSigns } = currencyLexicon();
  return firstUnitsClass([...signs.keys(), ...letterSigns.keys(), ...ISO_4217_CODES, ...extraFirst]);
}

/** Regex source of a currency before a number: signs, then ISO codes and local signs. */
export const PREFIX_CURRENCY_SOURCE: string = [
  SIGN_SOURCE,
  `(?:${ISO_SOURCE}|${LETTER_SIGN_SOURCE})(?![\\p{L}-])`,
].join('|');

/**
 * Regex source of a currency after a number or a scale: full names ("dinars tunisiens", "Swedish
 * kronor"), a shared noun with an English adjective before it ("Danish crowns"), signs, ISO codes.
 */
export const SUFFIX_CURRENCY_SOURCE: string = [
  `(?:${trieSource(currencyLexicon().names.keys())})(?![\\p{L}])`,
  `(?:\\p{Lu}[\\p{L}-]+\\s+)?(?:${trieSource(currencyLexicon().heads.keys())})(?![\\p{L}])`,
  SIGN_SOURCE,
  `(?:${ISO_SOURCE}|${LETTER_SIGN_SOURCE})(?![\\p{L}])`,
].join('|');

/** Central African CFA franc context (the CEMAC, its six states and their capitals): the XAF franc, not the West African XOF. */
const CEMAC =
  /CEMAC|BEAC|Afrique\s+centrale|Central\s+Africa|Cameroun|Cameroon|Gabon|Tchad|Chad|Congo|Guinée\s+équatoriale|Equatorial\s+Guinea|Centrafrique|Central\s+African\s+Republic|Yaoundé|Yaounde|Libreville|N['’]Djamena|Brazzaville|Malabo|Bangui/iu;

/**
 * ISO 4217 code of a currency as written, or null. ISO codes count only in upper case ("EUR", not
 * "eur"), local letter signs only as written ("DA", "Ksh"), names in any case. `around` is nearby
 * text, read to tell the Central African CFA franc; `sentence` is the sentence of the sum, where the
 * state of a shared noun ("dinars") is read; `after` is the text right after the currency, where
 * French puts a noun's adjective.
 */
export function currencyOf(surface: string, around: string, after = '', sentence = around): string | null {
  const compact = surface.replace(/\s+/gu, ' ').trim();
  const lower = compact.toLocaleLowerCase('fr');
  const { names, signs, letterSigns } = currencyLexicon();
  let code: string | null | undefined = signs.get(compact) ?? letterSigns.get(compact);
  if (code === undefined && /^[A-Z]{3}$/u.test(compact)) code = ISO_4217_CODES.has(compact) ? compact : null;
  if (code === undefined) {
    const nextWord = /^\s*[\p{L}-]+/u.exec(after)?.[0] ?? '';
    code = names.get(lower) ?? currencyOfHead(compact, compact + nextWord, sentence, around);
  }
  if (code === undefined || code === null) return null;
  if (code === 'XOF' && CEMAC.test(around)) return 'XAF';
  return code;
}

/** Scale word → power of ten. French "billion" is 10¹², as French writes it. */
export function scaleOf(word: string, language: 'fr' | 'en'): number | null {
  const w = word.replace(/\.$/u, '');
  if (w === 'M' || w === 'm') return 6;
  if (w === 'k' || w === 'K') return 3;
  if (w === 'b' || w === 'B') return 9;
  const lower = w.toLowerCase();
  if (/^(?:thousands?|mille|milliers?)$/u.test(lower)) return 3;
  // The Indian scale words, written with rupee sums: a lakh is 10⁵, a crore 10⁷.
  if (/^lakhs?$/u.test(lower)) return 5;
  if (/^crores?$/u.test(lower)) return 7;
  if (/^(?:millions?|mio|mln|mn)$/u.test(lower)) return 6;
  if (/^(?:milliards?|mds?|mrds?|md|bn)$/u.test(lower)) return 9;
  if (/^billions?$/u.test(lower)) return language === 'fr' ? 12 : 9;
  if (/^trillions?$/u.test(lower)) return language === 'fr' ? 18 : 12;
  return null;
}

/** Regex source of a scale word after a number: "millions", "bn", "Mio.", "M" (as in "2,5 M€"). */
export const SCALE_SOURCE = `(?:thousands?|mille|milliers?|millions?|milliards?|billions?|trillions?|lakhs?|crores?|mln|mio\\.?|mrds?\\.?|mds?|mn|bn|[kKmMb])(?![\\p{L}])|(?:Mds?|Mrd|M|k|K)(?=(?:${ISO_SOURCE}|${LETTER_SIGN_SOURCE})(?![\\p{L}]))`;

/** Scales that make a bare number money in a sentence about money: "(pour 53.6 M)", "(91.5 M)". */
export const MONEY_SCALE = /^(?:M|Mio\.?|mio\.?|millions?|milliards?|billions?|bn|mn|Mds?|Mrds?\.?)$/u;

/** Hedges just before a sum: it is approximate ("more than € 210 million", "près de 5 M€"). */
export const APPROXIMATE_BEFORE =
  /(?:\b(?:more|less|fewer)\s+than|\bover|\bunder|\babout|\baround|\bapproximately|\bnearly|\balmost|\bup\s+to|\bsome|\bat\s+least|\broughly|\ban\s+estimated|\bestimated\s+at|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\benviron|\bquelque|\bjusqu['’]à|\bau\s+moins|\bau-delà\s+de|\bd['’]environ|\bapproximativement|[~≈±])\s*$/iu;
