/**
 * Text normalisation shared by every reader. The string returned here is the one the extraction runs
 * on and the one character spans point into, so every format ends in exactly the same shape.
 */
import { basename, extname } from 'node:path';

/** Longest title kept; longer first lines are usually a paragraph, not a title. */
const MAX_TITLE_LENGTH = 200;

/**
 * Puts extracted text in the atlas's canonical form: Unicode NFC, `\n` line ends (no `\r`), form
 * feeds as paragraph breaks, no trailing spaces on lines, at most one blank line between paragraphs,
 * and no blank lines at either end.
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, '\n')
      // A form feed is a page break in text dumps of PDFs: keep it as a paragraph break.
      .replace(/\f/g, '\n\n')
      .normalize('NFC')
      // The lookbehind makes each run of spaces be tried once, from its start: linear even for a
      // line of a million layout spaces, where a bare `[ ]+$` would be quadratic.
      .replace(/(?<![ \t\u00a0\u2000-\u200b\u3000])[ \t\u00a0\u2000-\u200b\u3000]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '')
  );
}

/**
 * Cleans a candidate title (whitespace collapsed, NFC); `undefined` when nothing is left, so the
 * caller can fall back to the next source of a title.
 */
export function cleanTitle(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const title = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (title === '') return undefined;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…` : title;
}

/** The title of last resort: the file's name without its extension ("dialogue-2016.fr.txt" → "dialogue-2016.fr"). */
export function titleFromFileName(file: string): string {
  const name = basename(file);
  const stem = name.slice(0, name.length - extname(name).length);
  return stem === '' ? name : stem;
}

/** The first non-blank line of a text, as a title candidate. */
export function firstLine(text: string): string | undefined {
  const match = /^[ \t]*(\S[^\n]*)$/m.exec(text);
  return cleanTitle(match?.[1]);
}

/** True when the text holds nothing but whitespace (including no-break and zero-width spaces). */
export function isBlank(text: string): boolean {
  // An alternation, not a character class: the joiner U+200D inside a class upsets lint for good reason.
  return /^(?:\s|\u200b|\u200c|\u200d|\u2060)*$/.test(text);
}
