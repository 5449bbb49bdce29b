/**
 * The nesting check of HTML (see limits.ts), apart from the other limits because it needs
 * htmlparser2: only HTML and Markdown documents load it.
 */
import { Parser } from 'htmlparser2';
import { MAX_HTML_NESTING, nestingTooDeep } from './limits.ts';

/** A thrown marker that stops the depth scan at the first element over the limit. */
class DepthExceeded extends Error {}

/**
 * Deepest element nesting of an HTML text, as htmlparser2 (the parser html-to-text uses) builds it:
 * void elements and implied end tags (`<li>` closing the previous `<li>`) are counted as the DOM
 * will have them. Stops as soon as `limit` is passed (the result is then `limit + 1`).
 */
export function htmlNestingDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser({
    onopentag() {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) throw new DepthExceeded();
    },
    onclosetag() {
      depth -= 1;
    },
  });
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof DepthExceeded)) throw error;
  }
  return deepest;
}

/** Throws `document_over_limit` for HTML nested deeper than `limit` elements. */
export function checkHtmlNesting(file: string, html: string, limit = MAX_HTML_NESTING): void {
  const depth = htmlNestingDepth(html, limit);
  if (depth > limit) throw nestingTooDeep(file, limit);
}
