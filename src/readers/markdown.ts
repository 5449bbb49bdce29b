/**
 * Reader for Markdown (.md/.markdown): rendered to HTML by marked (CommonMark + GFM), then to plain
 * text by the HTML reader, so headings stay their own paragraphs and the markup (#, **, links) goes.
 */
import { marked } from 'marked';
import { decodeText } from './encoding.ts';
import { firstHeading, htmlToPlainText } from './html.ts';
import { cleanTitle } from './normalise.ts';
import type { ExtractedText } from './types.ts';

/** A YAML front-matter block at the very start ("---\ntitle: …\n---"), as static-site tools write. */
// Its first line must be a YAML key, so a document that merely opens with a thematic break ("---")
// does not lose its first paragraphs.
const FRONT_MATTER = /^---[ \t]*\r?\n([A-Za-z_][\w-]*:[^\n]*\n[\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_TITLE = /^title:[ \t]*(["']?)(.*)\1[ \t]*$/m;

/** Markdown source turned into plain text and a title (front-matter title, else first heading). */
export function markdownToPlainText(markdown: string): ExtractedText {
  const frontMatter = FRONT_MATTER.exec(markdown);
  const body = frontMatter === null ? markdown : markdown.slice(frontMatter[0].length);
  const metaTitle = frontMatter === null ? undefined : FRONT_MATTER_TITLE.exec(frontMatter[1] ?? '')?.[2];
  const html = marked.parse(body, { async: false, gfm: true });
  return { text: htmlToPlainText(html), title: cleanTitle(metaTitle) ?? firstHeading(html) };
}

/** Reads a Markdown document's bytes. */
export function readMarkdown(file: string, bytes: Uint8Array): ExtractedText {
  return markdownToPlainText(decodeText(file, bytes));
}
