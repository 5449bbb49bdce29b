/**
 * A small footnote locator for synthesis documents, used when no segmentation is given: footnote
 * markers in the body (superscript digits "Countries⁵⁷", or plain digits glued to a word
 * "Countries57") and footnote bodies (a paragraph whose line starts with the footnote's number).
 * It returns the same shape as the segmentation stage (`Footnote`), so either can feed the
 * country-position extractor.
 */
import type { Span } from '../../domain/model.ts';
import type { Footnote } from '../types.ts';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The value of a run of superscript or ASCII digits. */
export function footnoteNumber(written: string): number {
  let digits = '';
  for (const ch of written) {
    const i = SUPERSCRIPTS.indexOf(ch);
    digits += i >= 0 ? String(i) : ch;
  }
  return Number(digits);
}

/** A footnote body: a line starting with its number (plain or superscript) then a space. */
const BODY_RE = /^[ \t]*([0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \t]+(?=\S)/gmu;
/** Superscript markers after any non-space character. */
const SUPER_MARKER_RE = /(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}/gu;
/**
 * Plain digits glued to a lower-case word or to its closing punctuation ("countries57",
 * "countries.57"): the form PDF text extraction leaves. Upper-case words are skipped ("G7").
 */
const GLUED_MARKER_RE = /(?<=\p{Ll}|\p{Ll}[.,;:)’”'"])[0-9]{1,3}(?=[\s.,;:)]|$)/gu;
const CITATION_RE = /https?:\/\/|www\.|last accessed|accessed on|consulté le|\bpp?\.\s*\d|\bibid\b|\bdoi\b/iu;

/** Where a blank line or the end of the text closes the paragraph starting at `from`. */
function paragraphEnd(text: string, from: number): number {
  const re = /\n[ \t]*\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/**
 * Footnotes of a text with the markers pointing to them. A numbered line counts as a footnote only
 * when a marker with its number occurs before it, so numbered paragraphs are not taken for notes.
 */
export function locateFootnotes(text: string): Footnote[] {
  const bodies: { number: number; start: number; bodyStart: number }[] = [];
  for (const m of text.matchAll(BODY_RE)) {
    bodies.push({ number: footnoteNumber(m[1] as string), start: m.index, bodyStart: m.index + m[0].length });
  }
  const bodyStarts = new Set(bodies.map((b) => b.start));
  const markers: { number: number; span: Span }[] = [];
  for (const re of [SUPER_MARKER_RE, GLUED_MARKER_RE]) {
    for (const m of text.matchAll(re)) {
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      // The number opening a footnote line is the footnote's own number, not a marker.
      if (bodyStarts.has(lineStart) && text.slice(lineStart, m.index).trim() === '') continue;
      markers.push({ number: footnoteNumber(m[0]), span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  markers.sort((a, b) => a.span.start - b.span.start);
  // Markers by number, in text order, so each body finds its own in one lookup (linear overall).
  const byNumber = new Map<number, Span[]>();
  for (const mk of markers) {
    const list = byNumber.get(mk.number) ?? [];
    list.push(mk.span);
    byNumber.set(mk.number, list);
  }

  const footnotes: Footnote[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i] as (typeof bodies)[number];
    const own = (byNumber.get(body.number) ?? []).filter((span) => span.start < body.start);
    if (own.length === 0) continue;
    const next = bodies[i + 1];
    const end = Math.min(paragraphEnd(text, body.bodyStart), next ? next.start : text.length);
    const content = text.slice(body.bodyStart, end).trimEnd();
    footnotes.push({
      start: body.start,
      end: body.bodyStart + content.length,
      number: body.number,
      markers: own,
      isCitation: CITATION_RE.test(content),
    });
  }
  return footnotes;
}

/** The text of a footnote without its leading number. */
export function footnoteBody(text: string, footnote: Span): Span {
  const m = /^[ \t]*(?:[0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \t]+/u.exec(text.slice(footnote.start, footnote.end));
  return { start: footnote.start + (m ? m[0].length : 0), end: footnote.end };
}
