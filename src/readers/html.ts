/**
 * Reader for HTML documents (.html/.htm) via html-to-text: the visible text with headings, paragraphs
 * and list items on their own lines, without scripts, styles, navigation, link targets or images.
 */
import { convert } from 'html-to-text';
import type { HtmlToTextOptions } from 'html-to-text';
import { decodeText } from './encoding.ts';
import { checkHtmlNesting } from './html-nesting.ts';
import { asParserOverflow } from './limits.ts';
import { cleanTitle } from './normalise.ts';
import type { ExtractedText } from './types.ts';

const SKIPPED = ['script', 'style', 'noscript', 'template', 'nav', 'svg', 'iframe', 'button', 'img', 'hr'];

// Headings are kept in their own case (html-to-text upper-cases them by default, which would turn
// "Côte d'Ivoire" into a different string than the one quoted as evidence).
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 },
}));

const HTML_TO_TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  decodeEntities: true,
  // html-to-text silently truncates input over 16 Mi characters by default; the atlas's own size
  // limit bounds the input, and nothing may be lost without an error.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    ...HEADINGS,
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Only the start of a page is searched for its title, which keeps the search linear and cheap. */
const TITLE_SEARCH_LIMIT = 200_000;

/** HTML (a page or a fragment) turned into plain text, before normalisation. */
export function htmlToPlainText(html: string): string {
  return convert(html, HTML_TO_TEXT_OPTIONS);
}

/** An HTML page's title: its <title>, else its first heading, else `undefined`. */
export function htmlTitle(html: string): string | undefined {
  const head = html.slice(0, TITLE_SEARCH_LIMIT);
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(head)?.[1];
  const fromTitle = title === undefined ? undefined : cleanTitle(convert(title, { wordwrap: false }));
  if (fromTitle !== undefined) return fromTitle;
  return firstHeading(head);
}

/** The text of the first <h1>…<h6> element near the start, entities decoded and inner tags dropped. */
export function firstHeading(html: string): string | undefined {
  const heading = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i.exec(html.slice(0, TITLE_SEARCH_LIMIT))?.[2];
  return heading === undefined ? undefined : cleanTitle(convert(heading, HTML_TO_TEXT_OPTIONS));
}

/**
 * HTML of `file` turned into plain text and a title, after checking its nesting depth (html-to-text
 * walks the tree recursively, so a page nested thousands of levels deep would overflow the stack).
 */
export function htmlDocumentText(file: string, html: string, title = htmlTitle): ExtractedText {
  checkHtmlNesting(file, html);
  try {
    return { text: htmlToPlainText(html), title: title(html) };
  } catch (error) {
    throw asParserOverflow(file, error);
  }
}

/** Reads an HTML document's bytes into its visible text and title; `checkText` runs before parsing. */
export function readHtml(
  file: string,
  bytes: Uint8Array,
  checkText: (text: string) => void = () => undefined,
): ExtractedText {
  const html = decodeText(file, bytes);
  checkText(html);
  return htmlDocumentText(file, html);
}
