/**
 * Reader for Markdown (.md/.markdown): rendered to HTML by marked (CommonMark + GFM), then to plain
 * text by the HTML reader, so headings stay their own paragraphs and the markup (#, **, links) goes.
 */
import { marked } from 'marked';
import { decodeText } from './encoding.ts';
import { firstHeading, htmlDocumentText } from './html.ts';
import { asParserOverflow, checkMarkdownNesting } from './limits.ts';
import { cleanTitle } from './normalise.ts';
import type { ExtractedText } from './types.ts';

/** A YAML front-matter block at the very start ("---\ntitle: …\n---"), as static-site tools write. */
// Its first line must be a YAML key, so a document that merely opens with a thematic break ("---")
// does not lose its first paragraphs.
const FRONT_MATTER = /^---[ \t]*\r?\n([A-Za-z_][\w-]*:[^\n]*\n[\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_TITLE = /^title:[ \t]*(["']?)(.*)\1[ \t]*$/m;

/**
 * Markdown source of `file` turned into plain text and a title (front-matter title, else first
 * heading). Its nesting is checked first: marked re-reads nested lists once per level, and raw
 * HTML inside Markdown reaches the HTML reader's own depth check.
 */
export function markdownToPlainText(file: string, markdown: string): ExtractedText {
  checkMarkdownNesting(file, markdown);
  const frontMatter = FRONT_MATTER.exec(markdown);
  const body = frontMatter === null ? markdown : markdown.slice(frontMatter[0].length);
  const metaTitle = frontMatter === null ? undefined : FRONT_MATTER_TITLE.exec(frontMatter[1] ?? '')?.[2];
  let html: string;
  try {
    html = marked.parse(body, { async: false, gfm: true });
  } catch (error) {
    throw asParserOverflow(file, error);
  }
  return htmlDocumentText(file, html, (rendered) => cleanTitle(metaTitle) ?? firstHeading(rendered));
}

/** Reads a Markdown document's bytes; `checkText` runs before parsing. */
export function readMarkdown(
  file: string,
  bytes: Uint8Array,
  checkText: (text: string) => void = () => undefined,
): ExtractedText {
  const markdown = decodeText(file, bytes);
  checkText(markdown);
  return markdownToPlainText(file, markdown);
}
