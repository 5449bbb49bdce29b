/**
 * Shared text helpers for the extraction stages. The central one is a *length-preserving* fold:
 * offsets in the folded text are offsets in the original, so a match found in folded text maps
 * straight back to a span of the document without any offset table.
 */
import type { Span } from '../domain/model.ts';

/** Code units folded by table; beyond this range only single-unit lower-casing applies. */
const TABLE_SIZE = 0x3000;
let foldTable: Uint16Array | null = null;

/** Apostrophe-like characters that documents use interchangeably with `'`. */
const APOSTROPHES = '\u2019\u2018\u02BC\u00B4\u0060\u2032';
/** Dash-like characters folded to `-`. */
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2212';
/** Space-like characters folded to a plain space. */
const SPACES = '\u00A0\u2007\u202F\u2009\u200A\u2002\u2003';

function foldUnit(code: number): number {
  const ch = String.fromCharCode(code);
  if (APOSTROPHES.includes(ch)) return 0x27;
  if (DASHES.includes(ch)) return 0x2d;
  if (SPACES.includes(ch)) return 0x20;
  const lower = ch.toLowerCase();
  // Keep only one unit per unit so that offsets never move ("İ" lower-cases to two units).
  const base = lower.normalize('NFD').charCodeAt(0);
  return Number.isNaN(base) ? code : base;
}

/**
 * The fold table, filled lazily: an entry is computed the first time its unit is met (0 means not
 * yet computed; unit 0 folds to itself either way). Filling all 12,288 entries up front cost tens of
 * milliseconds at every start of `mda extract`, for units most documents never contain.
 */
function table(): Uint16Array {
  foldTable ??= new Uint16Array(TABLE_SIZE);
  return foldTable;
}

/** The folded unit of `c` (< TABLE_SIZE), from the table or computed and stored. */
function foldedUnit(t: Uint16Array, c: number): number {
  const known = t[c] as number;
  if (known !== 0 || c === 0) return known;
  const folded = c >= 0xd800 && c < 0xe000 ? c : foldUnit(c);
  t[c] = folded;
  return folded;
}

const decoder = new TextDecoder('utf-16le');

/**
 * The first character of each of `words` as the body of a character class (a space stands for any
 * white space): put in a look-ahead before a long alternation, it lets the engine leave every place
 * no word can start at once.
 */
export function firstUnitsClass(words: Iterable<string>): string {
  const units = new Set<string>();
  for (const word of words) if (word !== '') units.add(String.fromCodePoint(word.codePointAt(0) as number));
  return [...units].map((unit) => (unit === ' ' ? '\\s' : unit.replace(/[\\\]^-]/gu, '\\$&'))).join('');
}

/** `s` with the characters a regular expression reads as syntax escaped, to match it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Lower-cases, strips diacritics and maps typographic apostrophes, dashes and spaces to ASCII,
 * one UTF-16 unit for one unit: `foldText(s).length === s.length` always holds, so spans found in
 * the folded text are spans of `s`. "Côte d’Ivoire" → "cote d'ivoire".
 */
export function foldText(s: string): string {
  const t = table();
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < TABLE_SIZE ? foldedUnit(t, c) : c;
  }
  // Decoding the buffer is far faster than concatenating millions of one-character strings.
  return decoder.decode(out);
}

/** Whether a code unit is part of a word (letter or digit, any script, as folded or not). */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  let known = wordUnitCache.get(code);
  if (known === undefined) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
    wordUnitCache.set(code, known);
  }
  return known;
}
const wordUnitCache = new Map<number, boolean>();

/** Whether `text[start, end)` is a whole word: no word character touches it on either side. */
export function isWholeWord(text: string, start: number, end: number): boolean {
  return (
    (start === 0 || !isWordUnit(text.charCodeAt(start - 1))) &&
    (end >= text.length || !isWordUnit(text.charCodeAt(end)))
  );
}

/** Whether a string has letters and no lower-case letter ("OECD", "EU-LEVEL"). */
export function isUpperCaseWord(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

/** Whether the first letter of a string is upper case. */
export function startsUpperCase(word: string): boolean {
  const m = /\p{L}/u.exec(word);
  return m !== null && m[0] !== m[0].toLowerCase();
}

const URL_RE = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"\]]+/gi;
/** Around an "@": the address it belongs to (found from the "@" since few texts have many). */
const EMAIL_LEFT_RE = /[\w.+-]+$/;
const EMAIL_RIGHT_RE = /^[\w-]+\.[\w.-]+/;

/**
 * Spans of URLs, bare `www.` addresses and e-mail addresses, sorted. Names inside an address
 * ("data.unhcr.org", "…/OIM%20-%20…") are not mentions of the thing they name.
 */
export function urlSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let end = m.index + m[0].length;
    // A trailing sentence dot, comma or bracket belongs to the prose, not the address.
    while (end > m.index && /[.,;:)>]/.test(text.charAt(end - 1))) end--;
    spans.push({ start: m.index, end });
  }
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const left = EMAIL_LEFT_RE.exec(text.slice(Math.max(0, at - 64), at));
    const right = EMAIL_RIGHT_RE.exec(text.slice(at + 1, at + 256));
    // A sentence's final dot is not part of the address.
    if (left && right) {
      spans.push({ start: at - left[0].length, end: at + 1 + right[0].replace(/\.+$/, '').length });
    }
  }
  spans.sort((x, y) => x.start - y.start);
  // An e-mail address inside a URL: keep the URL's span only, so spans stay disjoint.
  const disjoint: Span[] = [];
  for (const sp of spans) {
    const last = disjoint.at(-1);
    if (!last || sp.start >= last.end) disjoint.push(sp);
  }
  return disjoint;
}

/** Whether `pos` falls inside one of the sorted, non-overlapping `spans` (binary search). */
export function insideSpans(spans: readonly Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** How far `lineAt` looks each way: a "line" of a text without line breaks is a window. */
const MAX_LINE_REACH = 400;

/**
 * Start and end offsets of the line holding `pos` (without its line break), at most
 * `MAX_LINE_REACH` units each way so that calling it for every mention stays linear.
 */
export function lineAt(text: string, pos: number): Span {
  let start = pos;
  const low = Math.max(0, pos - MAX_LINE_REACH);
  while (start > low && text.charCodeAt(start - 1) !== 0x0a) start--;
  let end = pos;
  const high = Math.min(text.length, pos + MAX_LINE_REACH);
  while (end < high && text.charCodeAt(end) !== 0x0a) end++;
  return { start, end };
}

/**
 * Whether the line holding `pos` is written in capitals ("1. KEY POINTS TO NOTE"): short
 * upper-case words there are ordinary words, not acronyms or country codes.
 */
export function isUpperCaseLine(text: string, pos: number): boolean {
  const { start, end } = lineAt(text, pos);
  const line = text.slice(start, end);
  // A lower-case letter settles it, and most lines have one: their words need not be listed.
  if (/\p{Ll}/u.test(line)) return false;
  return (line.match(/\p{L}{2,}/gu) ?? []).length >= 2;
}

// ---------------------------------------------------------------------------------------------
// Phrase gazetteer: a token trie over folded text, one pass, longest match wins.
// ---------------------------------------------------------------------------------------------

/**
 * How the original text must be written for a phrase to count: `any` case ("maliennes"),
 * `capitalised` first letter ("Mali", "Union européenne"), or `exact` letters ("EU", "OIM").
 */
export type CaseRule = 'any' | 'capitalised' | 'exact';

/** Words dropped at the start of a phrase: "the Gambia" and "la Gambie" are found from "Gambia". */
const LEADING_ARTICLES = new Set(['the', 'la', 'le', 'les', 'l']);

interface PhraseEntry<T> {
  value: T | null;
  rank: number;
  caseRule: CaseRule;
  /** Letters of the form as written, for `exact` phrases. */
  letters: string;
}

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  entry?: PhraseEntry<T>;
}

/** One phrase found in a text. */
export interface PhraseMatch<T> extends Span {
  readonly value: T;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** The first two code units of a word as one number (the second is 0 for a one-letter word). */
function prefixKey(s: string, start: number, end: number): number {
  return s.charCodeAt(start) * 65536 + (end - start > 1 ? s.charCodeAt(start + 1) : 0);
}
const lettersOf = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether the text between two tokens of one phrase only joins them (spaces, a hyphen, an apostrophe). */
function joins(folded: string, from: number, to: number): boolean {
  if (to - from > 40) return false;
  for (let i = from; i < to; i++) {
    const c = folded.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x2d && c !== 0x27) return false;
  }
  return true;
}

/**
 * A gazetteer of phrases matched on whole tokens of folded text, whatever the spacing, hyphens or
 * line breaks between them ("Pays-Bas", "Nations\n\nUnies"). Runs in one pass over the tokens; at
 * each position the longest phrase wins, so "Papua New Guinea" is never read as "Guinea". A phrase
 * added with value `null` blocks shorter ones ("Latin American" is not the United States).
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  private readonly prefixes = new Set<number>();

  /** @param same tells whether two values are the same thing, for phrases listed twice. */
  constructor(private readonly same: (a: T, b: T) => boolean) {}

  /**
   * Adds a phrase. When a phrase is already present, the lower `rank` wins; at equal rank two
   * different values make it ambiguous, and it then blocks rather than guesses.
   */
  add(form: string, value: T | null, rank: number, caseRule: CaseRule): void {
    const tokens = foldText(form).match(TOKEN_RE) ?? [];
    while (tokens.length > 1 && LEADING_ARTICLES.has(tokens[0] as string)) tokens.shift();
    if (tokens.length === 0) return;
    const head = tokens[0] as string;
    this.prefixes.add(prefixKey(head, 0, head.length));
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (!child) {
        child = { next: new Map() };
        node.next.set(t, child);
      }
      node = child;
    }
    const entry: PhraseEntry<T> = { value, rank, caseRule, letters: lettersOf(form) };
    const old = node.entry;
    if (!old || rank < old.rank) node.entry = entry;
    else if (rank === old.rank && old.value !== null) {
      if (value === null || !this.same(old.value, value)) old.value = null;
      // "Kosovar" (English, capitalised) and "kosovar" (French, any case) are one form: the
      // French reading must not be lost to the English one's stricter case rule.
      else if (old.caseRule === 'capitalised' && caseRule === 'any') node.entry = { ...old, caseRule };
    }
  }

  /** Every phrase in `text`, in order, non-overlapping. `folded` may be passed when already computed. */
  find(text: string, folded: string = foldText(text)): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const n = folded.length;
    let k = 0;
    while (k < n) {
      while (k < n && !isWordUnit(folded.charCodeAt(k))) k++;
      const start = k;
      while (k < n && isWordUnit(folded.charCodeAt(k))) k++;
      if (start === k) break;
      // Most words start no phrase: reject them on their first two letters, without a substring.
      if (!this.prefixes.has(prefixKey(folded, start, k))) continue;
      let node = this.root.next.get(folded.slice(start, k));
      let best: { entry: PhraseEntry<T>; end: number } | null = null;
      let end = k;
      while (node) {
        if (node.entry && this.caseHolds(text, start, end, node.entry)) best = { entry: node.entry, end };
        if (node.next.size === 0) break;
        let p = end;
        while (p < n && p - end <= 40 && !isWordUnit(folded.charCodeAt(p))) p++;
        if (p >= n || !joins(folded, end, p)) break;
        let q = p;
        while (q < n && isWordUnit(folded.charCodeAt(q))) q++;
        node = node.next.get(folded.slice(p, q));
        end = q;
      }
      if (best) {
        if (best.entry.value !== null) out.push({ start, end: best.end, value: best.entry.value });
        k = best.end;
      }
    }
    return out;
  }

  private caseHolds(text: string, start: number, end: number, entry: PhraseEntry<T>): boolean {
    switch (entry.caseRule) {
      case 'any':
        return true;
      case 'capitalised': {
        const c = text.charAt(start);
        return c !== c.toLowerCase();
      }
      case 'exact':
        return lettersOf(text.slice(start, end)) === entry.letters;
    }
  }
}
