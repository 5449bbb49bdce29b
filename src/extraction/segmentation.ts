/**
 * Splits a document's text into sections, paragraphs, sentences and footnotes, with spans into the
 * original text. Works on text extracted from PDFs: hard line breaks and blank lines inside
 * paragraphs are merged back, footnote bodies ("12 Author, 'Title', 2022, https://…") are found by
 * their running numbers and linked to their markers (¹², [12], ^12, or a digit glued to a word).
 */
import type { Span } from '../domain/model.ts';
import type { Footnote, Section, Segmentation } from './types.ts';
import { insideSpans, urlSpans } from './text.ts';

interface Line extends Span {
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

const isBlank = (l: Line): boolean => l.text.trim() === '';

/**
 * A line that opens a block of notes: a separator rule ("____________", "———", "* * *") or a
 * heading naming the notes ("Notes", "Footnotes", "Références", "Sources :"). The first note may
 * follow it directly, without a blank line.
 */
const NOTES_OPENER_RE =
  /^\s*(?:[_\-–—=*·.•\s]{3,}|(?:(?:foot|end)?notes?|notes (?:de (?:bas de page|fin)|and references)|r[ée]f[ée]rences?|sources?|bibliograph(?:y|ie)|citations?)\s*:?)\s*$/iu;
const opensNotes = (l: Line): boolean => l.text.length <= 60 && NOTES_OPENER_RE.test(l.text);

/** A span with surrounding white space removed; `null` when only white space. */
function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}

// ---------------------------------------------------------------------------------------------
// Footnotes
// ---------------------------------------------------------------------------------------------

// Converters sometimes keep the superscript on the note's own number ("⁷² AT, BE…").
const FOOTNOTE_LINE_RE = /^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+\S/;
/** The next footnote number may skip at most this many (a note lost in extraction). */
const MAX_FOOTNOTE_GAP = 3;
const CITATION_RE =
  /last accessed|accessed on|retrieved from|consulté le|dernier accès|\bibid\b|\bop\. ?cit\b|\bpp?\. ?\d|\bvol\. ?\d|\bdoi\b|^\s*\d+\s+\p{Lu}[\p{L}'-]+,\s+(?:\p{Lu}\.\s*)+|\(\s*(?:19|20)\d{2}[a-z]?\s*\)/iu;

/**
 * A note that opens with an official act cited by its number ("Council Implementing Decision (EU)
 * 2022/60 of 12 January 2022 on…", "Règlement (UE) 2021/947 du Parlement européen…", "COM(2020)
 * 609 final"): a reference, whose dates are the act's, when nothing but the reference follows.
 */
const LEGAL_ACT_NOTE_RE =
  /^\s*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+(?:(?:(?:Council|Commission|European Parliament|Joint)\s+)?(?:(?:Implementing|Delegated|Framework)\s+)?(?:Regulation|Decision|Directive|Recommendation)|(?:R[èe]glement|D[ée]cision|Directive|Recommandation)(?:\s+(?:d['’]ex[ée]cution|d[ée]l[ée]gu[ée]e?|-cadre))?)\s*\((?:EU|EC|EEC|UE|CE|CEE|PESC|CFSP)(?:,\s*Euratom)?\)\s*(?:No\s*|n°\s*)?\d{1,4}\/\d{1,4}|^\s*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s+(?:COM|SWD|JOIN)\s*\(\d{4}\)\s*\d+/u;
/** A sentence boundary inside a note: a stop followed by a new capitalised sentence. */
const NOTE_SENTENCE_BREAK_RE = /[.!?]\s+\p{Lu}\p{Ll}/u;

/** Whether a note is only the reference of an official act, with no sentence of its own. */
const isLegalActReference = (body: string): boolean =>
  LEGAL_ACT_NOTE_RE.test(body) && !NOTE_SENTENCE_BREAK_RE.test(body);

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** The number written in ASCII or superscript digits. */
const noteNumber = (digits: string): number =>
  Number(digits.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (d) => String(SUPERSCRIPTS.indexOf(d))));
const superscript = (n: number): string =>
  String(n)
    .split('')
    .map((d) => SUPERSCRIPTS.charAt(Number(d)))
    .join('');

/**
 * Footnote bodies: a line opening with the next running number, after a blank line, a notes
 * heading or separator, or a note.
 */
function footnoteBodies(text: string, lines: readonly Line[]): { number: number; span: Span }[] {
  const notes: { number: number; span: Span }[] = [];
  let expected = 1;
  let lastNoteLine = -2;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const m = FOOTNOTE_LINE_RE.exec(line.text);
    const n = m ? noteNumber(m[1] as string) : NaN;
    const previous = lines[i - 1];
    const afterBreak =
      m !== null &&
      (previous === undefined || isBlank(previous) || opensNotes(previous) || lastNoteLine === i - 1);
    if (m && afterBreak && n >= expected && n <= expected + MAX_FOOTNOTE_GAP - (notes.length === 0 ? 1 : 0)) {
      // The body runs until a blank line or the next note's number.
      let j = i + 1;
      while (j < lines.length && !isBlank(lines[j] as Line)) {
        const next = FOOTNOTE_LINE_RE.exec((lines[j] as Line).text);
        if (next && noteNumber(next[1] as string) === n + 1) break;
        j++;
      }
      const span = trimSpan(text, line.start, (lines[j - 1] as Line).end);
      if (span) notes.push({ number: n, span });
      expected = n + 1;
      lastNoteLine = j - 1;
      i = j;
    } else i++;
  }
  return notes;
}

/** How far before its body a note's marker is looked for at most (endnotes can be far). */
const MARKER_WINDOW = 200_000;

/** Markers in the body pointing to note `n`, between `from` and `to`. */
function markersOf(text: string, n: number, from: number, to: number, notes: readonly Span[]): Span[] {
  // A bounded window keeps the search linear in the text whatever the number of notes.
  const base = Math.max(from, to - MARKER_WINDOW);
  const window = text.slice(base, to);
  const found: Span[] = [];
  const isSuper = (c: string): boolean => c !== '' && SUPERSCRIPTS.includes(c);
  for (const form of [superscript(n), `[${n}]`, `^${n}`]) {
    for (let at = window.indexOf(form); at !== -1; at = window.indexOf(form, at + form.length)) {
      const start = base + at;
      const end = start + form.length;
      // ¹ inside ¹² is another note; "2022³²" is a year followed by note 32.
      const clean =
        form.startsWith('[') ||
        (form.startsWith('^')
          ? !/\d/.test(text.charAt(end))
          : !isSuper(text.charAt(start - 1)) && !isSuper(text.charAt(end)));
      if (clean && !insideSpans(notes, start)) found.push({ start, end });
    }
  }
  if (found.length > 0) return found.sort((x, y) => x.start - y.start);
  // PDF text often loses the superscript: "transnationales1 demeurent". The first such digit after
  // the previous marker is taken, so notes stay in order.
  const glued = new RegExp(`(?:\\p{Ll}{2}|[^\\d\\s][.,;:)»”’"])(${n})(?![\\d\\p{L}])`, 'gu');
  for (const m of window.matchAll(glued)) {
    const start = base + m.index + m[0].length - String(n).length;
    if (!insideSpans(notes, start)) return [{ start, end: start + String(n).length }];
  }
  return [];
}

function findFootnotes(text: string, lines: readonly Line[]): Footnote[] {
  const bodies = footnoteBodies(text, lines);
  const spans = bodies.map((b) => b.span);
  const urls = urlSpans(text);
  let from = 0;
  // Notes printed together (a page foot) have their markers in the text before the group, after
  // the previous group: the search for a marker starts there.
  let groupStart = 0;
  let previousGroupEnd = 0;
  return bodies.map(({ number, span }, k) => {
    const prev = bodies[k - 1]?.span;
    if (!prev || text.slice(prev.end, span.start).trim() !== '') {
      previousGroupEnd = prev?.end ?? 0;
      groupStart = span.start;
    }
    from = Math.max(from, previousGroupEnd);
    const markers = markersOf(text, number, from, groupStart, spans).filter(
      (m) => !insideSpans(urls, m.start),
    );
    if (markers.length > 0) from = (markers.at(-1) as Span).end;
    const body = text.slice(span.start, span.end);
    const isCitation =
      CITATION_RE.test(body) ||
      isLegalActReference(body) ||
      urls.some((u) => u.start >= span.start && u.start < span.end);
    return { ...span, number, markers, isCitation };
  });
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/** "3.2. Current approach", "1. KEY POINTS": a dotted number, a short title, no final stop. */
const NUMBERED_HEADING_RE = /^\s*(\d{1,2}(?:\.\d{1,2})*)(?:\.\s+|\s+(?=\p{Lu}))(\p{Lu}[^\n]{1,118})$/u;
/** Table-of-contents lines end with a page number: they list sections, they are not sections. */
const TOC_LINE_RE = /(?:\t|\.{3,}|\s{3,})\s*\d{1,3}\s*$/;

function headingOf(line: Line): { heading: string; number: string | null; level: number } | null {
  // Headings are short; long lines are prose (and are not worth running the patterns on).
  if (line.text.length > 200) return null;
  const t = line.text.trim();
  if (t.length < 3 || TOC_LINE_RE.test(line.text) || /[.;:,]$/.test(t) || t.startsWith('(')) return null;
  const m = NUMBERED_HEADING_RE.exec(line.text);
  if (
    m &&
    (m[1] as string).includes('.') === false &&
    !/\.\s/.test(line.text.slice(0, (m[1] as string).length + 3))
  ) {
    // "12 Author, …" is a footnote, "3 000 migrants" a number: a one-part number needs its dot.
    return null;
  }
  if (m) {
    const number = m[1] as string;
    return { heading: (m[2] as string).trim(), number, level: number.split('.').length };
  }
  // The cheap tests first: most lines have a lower-case letter, and their letters need no counting.
  const upper =
    t.length <= 100 && !/\p{Ll}/u.test(t) && t.replace(/[^\p{L}]/gu, '').length >= 4 && /\p{L}{3,}/u.test(t);
  return upper && !/^[A-Z]{2}(?:[\s,/]+[A-Z]{2})+$/.test(t) ? { heading: t, number: null, level: 1 } : null;
}

type Heading = NonNullable<ReturnType<typeof headingOf>>;

/** The lines outside notes that are headings, each with its heading (read once per line). */
function headingLinesOf(lines: readonly Line[], notes: readonly Span[]): { line: Line; h: Heading }[] {
  const out: { line: Line; h: Heading }[] = [];
  for (const line of lines) {
    if (insideSpans(notes, line.start)) continue;
    const h = headingOf(line);
    if (h) out.push({ line, h });
  }
  return out;
}

function findSections(text: string, headed: readonly { line: Line; h: Heading }[]): Section[] {
  const heads: { start: number; end: number; heading: string; number: string | null; level: number }[] = [];
  for (const { line, h } of headed) {
    const prev = heads.at(-1);
    // A title of capitals wrapped on several lines is one heading.
    const between = prev ? text.slice(prev.end, line.start) : '';
    if (
      prev &&
      h.number === null &&
      prev.number === null &&
      between.trim() === '' &&
      !between.includes('\n\n\n')
    ) {
      heads[heads.length - 1] = { ...prev, end: line.end, heading: `${prev.heading} ${h.heading}` };
    } else {
      heads.push({
        start: line.start + (line.text.length - line.text.trimStart().length),
        end: line.end,
        ...h,
      });
    }
  }
  // A section runs to the next heading of the same or a higher level: one pass with a stack.
  const ends = new Array<number>(heads.length).fill(text.length);
  const open: number[] = [];
  heads.forEach((h, k) => {
    while (open.length > 0 && (heads[open.at(-1) as number] as (typeof heads)[number]).level >= h.level) {
      ends[open.pop() as number] = h.start;
    }
    open.push(k);
  });
  return heads.map((h, k) => {
    const end = ends[k] as number;
    return {
      start: h.start,
      end: trimSpan(text, h.start, end)?.end ?? end,
      heading: h.heading,
      number: h.number,
      level: h.level,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and sentences
// ---------------------------------------------------------------------------------------------

/** Lines this long that end without punctuation were wrapped by the PDF, not ended by the writer. */
const WRAPPED_LINE_MIN = 60;

function findParagraphs(
  text: string,
  lines: readonly Line[],
  notes: readonly Span[],
  headings: readonly Span[],
): Span[] {
  const blocks: Span[] = [];
  let start = -1;
  let last: Line | null = null;
  const close = (): void => {
    if (start >= 0 && last) {
      const s = trimSpan(text, start, last.end);
      if (s) blocks.push(s);
    }
    start = -1;
  };
  for (const line of lines) {
    const noteStart = insideSpans(notes, line.start) && !insideSpans(notes, line.start - 1);
    const heading = insideSpans(headings, line.end - 1);
    if (isBlank(line) || noteStart || heading) close();
    if (isBlank(line)) continue;
    if (start < 0) start = line.start;
    last = line;
    // A heading is a paragraph of its own, even when the text follows on the next line.
    if (heading) close();
  }
  close();
  // Merge blocks split by the blank lines PDF extraction puts between wrapped lines.
  const merged: Span[] = [];
  for (const b of blocks) {
    const prev = merged.at(-1);
    if (prev && !insideSpans(notes, b.start) && !insideSpans(notes, prev.start) && continues(text, prev, b)) {
      merged[merged.length - 1] = { start: prev.start, end: b.end };
    } else merged.push(b);
  }
  return merged;
}

function continues(text: string, prev: Span, next: Span): boolean {
  // Only the end of the paragraph so far matters (and reading only it keeps merging linear).
  const tail = text.slice(Math.max(prev.start, prev.end - 2 * WRAPPED_LINE_MIN), prev.end);
  if (/[.!?:;»”)\]>]$/.test(tail)) return false;
  const lastLine = tail.slice(tail.lastIndexOf('\n') + 1);
  const first = text.charAt(next.start);
  if (/\p{Ll}/u.test(first)) return true;
  // A long line cut after a word, a comma or a hyphen, followed by more words: one paragraph.
  return lastLine.length >= WRAPPED_LINE_MIN && /[\p{L},\-–]\s*$/u.test(tail) && /\p{L}/u.test(first);
}

/** Abbreviations after which a full stop does not end a sentence (folded, without the last dot). */
const ABBREVIATIONS = new Set(
  'e.g i.e eg ie cf vs no nos nr art arts p pp vol ed eds fig para paras s.e m mm mme mmes mlle mr mrs ms dr prof st jr sr inc ltd co corp dept approx n.d op cit al ca resp e.a av ap j.-c env chap sect ref min max'.split(
    ' ',
  ),
);

const BOUNDARY_RE = /[.!?…]+["»”’')\]⁰¹²³⁴⁵⁶⁷⁸⁹\d]*\s+(?=[\p{Lu}\d"«“'([•\-–])|\n\s*(?=[•\-–*]\s)/gu;

function splitSentences(text: string, para: Span, out: Span[]): void {
  const body = text.slice(para.start, para.end);
  let start = 0;
  for (const m of body.matchAll(BOUNDARY_RE)) {
    const at = m.index;
    if (body.charAt(at) === '.') {
      const word = /([\p{L}][\p{L}.-]*)$/u.exec(body.slice(Math.max(0, at - 12), at))?.[1] ?? '';
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower)) continue;
      if (lower === 'etc' && !/^\s+\p{Lu}/u.test(body.slice(at + 1))) continue;
      // "F. B. Adamson", "S. Langley": a capital initial is not a sentence.
      if (/^\p{Lu}$/u.test(word)) continue;
      // "3.2. Current approach": the dots of a section number.
      const before = body.slice(Math.max(0, at - 12), at);
      if ((at <= 12 ? /^[\d.\t ]*\d$/ : /\n[\d.\t ]*\d$/).test(before)) continue;
      // "145.1": a decimal point.
      if (/\d/.test(body.charAt(at - 1)) && /\d/.test(body.charAt(at + 1))) continue;
    }
    const end = at + m[0].length;
    const s = trimSpan(text, para.start + start, para.start + end);
    if (s) out.push(s);
    start = end;
  }
  const s = trimSpan(text, para.start + start, para.end);
  if (s) out.push(s);
}

/**
 * The structure of a document: numbered and capitals headings with their extent, paragraphs
 * (merged across PDF line wrapping), sentences of the body and of footnotes in text order, and
 * footnotes with their markers and whether they are bibliographic references.
 */
export function segment(text: string): Segmentation {
  const lines = linesOf(text);
  const footnotes = findFootnotes(text, lines);
  const noteSpans: Span[] = footnotes.map((f) => ({ start: f.start, end: f.end }));
  // A blank line is never a heading (headingOf wants three characters), so these are every
  // non-blank heading line outside the notes.
  const headed = headingLinesOf(lines, noteSpans);
  const sections = findSections(text, headed);
  const headingLines = headed.map(({ line }) => line);
  const paragraphs = findParagraphs(text, lines, noteSpans, headingLines);
  const sentences: Span[] = [];
  for (const p of paragraphs) splitSentences(text, p, sentences);
  return { sections, paragraphs, sentences, footnotes };
}
