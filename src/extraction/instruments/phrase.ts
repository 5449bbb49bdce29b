/**
 * Reads the noun phrase around a head noun: its clause, its proper name ("Seasonal Worker
 * Programme", "Mécanisme national de coordination sur les migrations (NCM)") and whether it names
 * one instrument rather than a kind of instrument. Scans are bounded (a few words), so the cost per
 * match is constant.
 */
import type { Span } from '../../domain/model.ts';

/** Small words that may sit inside a proper name between capitalised words. */
const CONNECTORS = new Set([
  'of',
  'for',
  'on',
  'and',
  'in',
  'to',
  'the',
  'against',
  'de',
  'du',
  'des',
  'd',
  'la',
  'le',
  'les',
  'l',
  'pour',
  'sur',
  'et',
  'à',
  'en',
  'aux',
  'au',
]);

/** Words that end a name: relative pronouns and common verbs. */
const STOP_WORDS = new Set([
  'which',
  'that',
  'who',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'can',
  'qui',
  'que',
  'dont',
  'est',
  'sont',
  'ont',
  'a',
  'since',
  'depuis',
  'with',
  'avec',
  'between',
  'entre',
  'by',
  'par',
  'including',
  'notamment',
  // A sum of money ends a name ("programme for Egypt to USD 8 billion").
  'usd',
  'eur',
  'gbp',
  'cad',
  'aud',
  'nzd',
  'chf',
  'xof',
  'fcfa',
]);

const DETERMINERS = new Set([
  'the',
  'this',
  'these',
  'that',
  'those',
  'a',
  'an',
  'le',
  'la',
  'les',
  'un',
  'une',
  'des',
  'ce',
  'cet',
  'cette',
  'ces',
  'its',
  'their',
  'sa',
  'son',
  'ses',
  'leur',
  'leurs',
  'our',
  'notre',
  'nos',
]);
const PLACE_PREPOSITIONS = new Set(['in', 'en', 'au', 'aux', 'à', 'at']);

const WORD = /[\p{L}0-9][\p{L}0-9'’.-]*/uy;

/** The clause around a match: the sentence cut at semicolons and bullets. */
export function clauseAround(text: string, sentence: Span, start: number, end: number): Span {
  let left = sentence.start;
  for (let i = start - 1; i >= sentence.start; i--) {
    const c = text[i];
    if (c === ';' || c === '•' || c === '') {
      left = i + 1;
      break;
    }
  }
  let right = sentence.end;
  for (let i = end; i < sentence.end; i++) {
    const c = text[i];
    if (c === ';' || c === '•' || c === '') {
      right = i;
      break;
    }
  }
  return { start: left, end: right };
}

/** Whether a word starts with a capital (a character test: this runs for every word of a name). */
const isCapitalised = (w: string): boolean => {
  const code = w.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(w.charAt(0));
};
const UPPER = /^\p{Lu}$/u;
const isAcronym = (w: string): boolean => /^[\p{Lu}][\p{Lu}\p{N}-]{1,}$/u.test(w.replace(/[.’']s?$/, ''));

/** The proper name extent around a head and whether it names one instrument. */
export interface NamedPhrase extends Span {
  /** A capitalised word or an acronym in parentheses belongs to the phrase. */
  readonly named: boolean;
}

/** Words immediately before `pos` within `floor`, nearest first, with their spans. */
function wordsBefore(text: string, pos: number, floor: number, max: number): Span[] {
  const out: Span[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    while (j > floor && text[j - 1] === ' ') j--;
    if (j <= floor) break;
    // An acronym in parentheses inside the name: "Recognised Seasonal Employer (RSE) scheme".
    if (text[j - 1] === ')') {
      let open = j - 2;
      while (open > floor && j - open <= 12 && text[open] !== '(') open--;
      if (open > floor && j - open <= 12 && /^\([\p{Lu}][\p{Lu}\p{N}-]+\)$/u.test(text.slice(open, j))) {
        out.push({ start: open, end: j });
        i = open;
        continue;
      }
    }
    let k = j;
    // "Senegal–Spain": an en dash joins a pair of names like a hyphen.
    while (k > floor && /[\p{L}0-9'’–-]/u.test(text[k - 1] as string)) k--;
    if (k === j) break; // punctuation: the name cannot extend past it
    out.push({ start: k, end: j });
    i = k;
  }
  return out;
}

/**
 * Extends a head match over the words of its name: capitalised words and connectors on the left,
 * and on the right either capitalised words or (French style) a lower-case tail closed by an
 * acronym in parentheses, "Mécanisme national de coordination sur les migrations (NCM)".
 */
export function namedPhrase(text: string, clause: Span, head: Span, skip: readonly Span[]): NamedPhrase {
  const isSkipped = (s: Span): boolean => skip.some((k) => k.start < s.end && s.start < k.end);
  let start = head.start;
  let named = false;
  // Left: capitalised words (not the sentence's first word), connectors between them, years.
  const left = wordsBefore(text, head.start, clause.start, 6);
  let lastCapital = false;
  for (const raw of left) {
    // "the 'Rome Process'": an opening single quote starts the name and closes it on the left.
    const opened = /^['’]\p{L}/u.test(text.slice(raw.start, raw.end));
    const w = opened ? { start: raw.start + 1, end: raw.end } : raw;
    const word = text.slice(w.start, w.end);
    const wasCapital = lastCapital;
    lastCapital = false;
    const lower = word.toLowerCase().replace(/['’]$/, '');
    if (word.startsWith('(')) {
      named = true;
      lastCapital = true;
      start = w.start;
      continue;
    }
    // A determiner starts the noun phrase ("Cette initiative" at the start of a line).
    if (DETERMINERS.has(lower)) break;
    // "and"/"et" on the left joins two names ("le Plan d'Action de la Valette et la Politique…")
    // unless capitalised words stand on both sides ("Migration and Economic Development Partnership").
    if (lower === 'and' || lower === 'et') {
      if (!wasCapital) break;
      continue;
    }
    if (CONNECTORS.has(lower)) continue;
    const first =
      w.start === clause.start || /[.:!?]\s*$/.test(text.slice(Math.max(clause.start, w.start - 3), w.start));
    if ((isCapitalised(word) && !first) || /^\d{4}(?:-\d{2,4})?$/.test(word) || /['’]s$/.test(word)) {
      if (isCapitalised(word) && !/^\d/.test(word) && !isSkipped(w)) named = true;
      lastCapital = isCapitalised(word);
      start = w.start;
      if (opened) break;
      continue;
    }
    break;
  }
  // Right: capitalised words joined by connectors; after the first lower-case content word the
  // name can only go on if an acronym in parentheses closes it (French names are lower case).
  let end = head.end;
  let pos = head.end;
  let capEnd = head.end;
  let words = 0;
  let lowerRun = 0;
  let capitalNamed = false;
  let previous = '';
  while (pos < clause.end && words < 14) {
    let newlines = 0;
    while (pos < clause.end && (text[pos] === ' ' || text[pos] === '\n' || text[pos] === '\r')) {
      if (text[pos] === '\n') newlines++;
      pos++;
    }
    // A blank line ends the paragraph: the next line is a heading or another text, not the name.
    if (newlines > 1) break;
    // A name in quotes right after the head: projet « Migrants Resource Centre », the "X" scheme.
    if (words === 0 && /[«"“]/.test(text[pos] ?? '')) {
      const close = text.slice(pos + 1, Math.min(clause.end, pos + 120)).search(/[»"”]/);
      // A name in quotes starts with a capital ("between equals" only qualifies the head).
      if (close > 1 && /^\s*[\p{Lu}\d]/u.test(text.slice(pos + 1, pos + 4))) {
        named = true;
        end = pos + close + 2;
        capEnd = end;
      }
      break;
    }
    if (text[pos] === '(') {
      const close = text.indexOf(')', pos);
      const inner = close > pos ? text.slice(pos + 1, close) : '';
      const acronym = inner.split(' ')[0] ?? '';
      const actor = isSkipped({ start: pos + 1, end: pos + 1 + acronym.length });
      if (
        close > pos &&
        close - pos < 24 &&
        /^[\p{Lu}][\p{L}\p{N} .&-]*$/u.test(inner) &&
        isAcronym(acronym) &&
        !actor
      ) {
        named = true;
        end = close + 1;
        capEnd = end;
      }
      break;
    }
    WORD.lastIndex = pos;
    const m = WORD.exec(text);
    if (!m) break;
    const word = m[0].replace(/[.’']$/, '');
    const span = { start: pos, end: pos + word.length };
    const lower = word.toLowerCase().replace(/^(?:d|l)['’]/, '');
    const connector = CONNECTORS.has(lower) || CONNECTORS.has(word.toLowerCase().replace(/['’].*$/, ''));
    if (STOP_WORDS.has(lower)) break;
    // After "in"/"en" a capitalised word is a place ("programmes in Africa"), not part of the name.
    // "aux Initiatives de Solidarité" goes on; "aux Pays-Bas" is a place (a known actor).
    const place = PLACE_PREPOSITIONS.has(previous) && (previous !== 'aux' || isSkipped(span));
    // "… No. 12 of 2019 and the Act No. 80": a determiner after "and" opens another noun phrase.
    if ((previous === 'and' || previous === 'et') && DETERMINERS.has(lower)) break;
    const before = previous;
    previous = lower;
    // "Protocole de l'IGAD": the elided article does not hide the capital.
    const capital = isCapitalised(word.charAt(1) === "'" || word.charAt(1) === '’' ? word.slice(2) : word);
    if (!connector && capital && !/^\d/.test(word) && place) {
      lowerRun++;
    } else if ((!connector || capital) && capital && !/^\d/.test(word)) {
      // "Royal Decree 557/2011 and Greece": a state after "and" starts the next item, not the name.
      if ((before === 'and' || before === 'et') && isSkipped(span)) break;
      if (lowerRun === 0) {
        if (!isSkipped(span)) capitalNamed = true;
        capEnd = span.end;
      }
    } else if (!connector && /^\d{4}(?:-\d{2,4})?$/.test(word)) {
      // "Plan d'action 2018-2020" names the plan; "en 2013" only dates it.
      if (lowerRun === 0 && !place) capEnd = span.end;
    } else if (!connector && ++lowerRun > 6) {
      break;
    }
    pos = pos + m[0].length;
    words++;
  }
  if (capitalNamed) named = true;
  end = Math.max(end, capEnd);
  return { start, end, named };
}
