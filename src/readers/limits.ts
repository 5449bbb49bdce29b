/**
 * The readers' safety limits, each checked by a cheap linear scan BEFORE the costly step it guards:
 * the parsers of HTML and Markdown walk their trees recursively (deep nesting overflows the stack or,
 * for Markdown lists, re-reads the text once per level), and the extraction's working memory grows
 * with the number of characters. A document over a limit is refused with one `document_over_limit`
 * line naming the file and the limit, and the rest of the batch goes on. The checks that need a
 * parser (HTML nesting, the DOCX archive) live beside their readers, so plain text loads no parser.
 */
import { documentOverLimit } from '../domain/errors.ts';

/** Default largest number of characters (UTF-16 units) of one document's text: 50 Mi. */
export const DEFAULT_MAX_CHARACTERS = 50 * 1024 * 1024;

/**
 * Deepest element nesting accepted in HTML. html-to-text walks the tree recursively and overflows a
 * fresh stack between 1,600 and 2,000 nested list elements; real pages stay well under 100 levels,
 * and the margin leaves room for the callers' own stack frames.
 */
export const MAX_HTML_NESTING = 512;

/**
 * Deepest nesting of lists and block quotes accepted in Markdown. marked re-reads a list item's text
 * once per level, so its time grows with depth × size (3 MB nested 100 deep: 20 s); real documents
 * nest a handful of levels. Its HTML rendering (two elements per level) stays under the HTML limit.
 */
export const MAX_MARKDOWN_NESTING = 64;

/** The limits on a .docx archive; see `DOCX_LIMITS`. */
export interface DocxLimits {
  /** Most entries (files) in the archive. */
  readonly maxEntries: number;
  /** Largest total of the entries' uncompressed sizes, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Largest `word/document.xml` (the body mammoth parses into memory), in bytes. */
  readonly maxDocumentXmlBytes: number;
  /** Highest uncompressed/compressed ratio of an entry over `ratioFloorBytes`. */
  readonly maxCompressionRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny repetitive parts compress very well). */
  readonly ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Word's own files hold a few dozen parts and compress XML 5 to 20 times; mammoth needs roughly
 * 50 bytes of memory per byte of document.xml, so 32 MiB of body XML (several hundred pages of
 * text) stays within a default Node heap.
 */
export const DOCX_LIMITS: DocxLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 200 * MiB,
  maxDocumentXmlBytes: 32 * MiB,
  maxCompressionRatio: 100,
  ratioFloorBytes: 1 * MiB,
};

const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** Throws `document_over_limit` when a text has more than `maxCharacters` characters. */
export function checkCharacters(file: string, length: number, maxCharacters: number): void {
  if (length > maxCharacters) {
    throw documentOverLimit(
      file,
      'characters',
      `text of ${formatCount(length)} characters is over the limit of ${formatCount(maxCharacters)} characters per document`,
      'split the document, or raise the limit with --max-chars',
    );
  }
}

/** The `document_over_limit` error for nesting deeper than `limit` (HTML elements, Markdown lists). */
export function nestingTooDeep(file: string, limit: number) {
  return documentOverLimit(
    file,
    'nesting_depth',
    `nesting deeper than ${formatCount(limit)} levels (elements, lists or quotes)`,
    'flatten the nested structure',
  );
}

/** Leading container markers of a Markdown line: block quotes (`>`) and list items (`-`, `*`, `+`, `1.`, `1)`). */
const CONTAINER_MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** An opening code fence; a backtick fence's info string may not hold a backtick (CommonMark). */
const FENCE = /^[ \t]{0,3}(?:(`{3,})(?=[^`]*$)|(~{3,}))/;

/** Columns of leading whitespace (a tab advances to the next multiple of 4) and its length. */
function indentation(line: string): { columns: number; length: number } {
  let columns = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) columns += 1;
    else if (c === 0x09) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, length: i };
}

/**
 * An upper estimate of the container nesting of a Markdown text (lists and block quotes), in one
 * pass over its lines without parsing it: a list item opens a level inside every open item whose
 * content column it is indented to, and each marker on a line ("> - > 1. text") opens one more.
 * Fenced code is skipped. Stops as soon as `limit` is passed.
 */
export function markdownNestingDepth(markdown: string, limit: number): number {
  /** Content columns of the list items open above the current line. */
  const open: number[] = [];
  let deepest = 0;
  let fence: string | undefined;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const line = markdown.slice(start, end);
    start = end + 1;
    const fenceMatch = FENCE.exec(line);
    const fenceRun = fenceMatch?.[1] ?? fenceMatch?.[2];
    if (fence !== undefined) {
      // Only a run of the same character, at least as long, closes the fence.
      if (fenceRun !== undefined && fenceRun[0] === fence[0] && fenceRun.length >= fence.length) {
        fence = undefined;
      }
      continue;
    }
    if (fenceRun !== undefined) {
      fence = fenceRun;
      continue;
    }
    const indent = indentation(line);
    if (indent.length === line.length) continue; // blank lines keep the open items open
    while (open.length > 0 && (open[open.length - 1] ?? 0) > indent.columns) open.pop();
    let rest = line.slice(indent.length);
    let column = indent.columns;
    const opened: number[] = [];
    for (let m = CONTAINER_MARKER.exec(rest); m !== null; m = CONTAINER_MARKER.exec(rest)) {
      rest = rest.slice(m[0].length);
      const more = indentation(rest);
      rest = rest.slice(more.length);
      column += m[0].length + more.columns;
      // A block quote's marker nests too, but only list items keep a content column open below.
      opened.push(m[0].startsWith('>') ? -1 : column);
      if (open.length + opened.length > limit) return open.length + opened.length;
    }
    deepest = Math.max(deepest, open.length + opened.length);
    for (const content of opened) if (content >= 0) open.push(content);
  }
  return deepest;
}

/** Throws `document_over_limit` for Markdown whose lists and quotes nest deeper than `limit`. */
export function checkMarkdownNesting(file: string, markdown: string, limit = MAX_MARKDOWN_NESTING): void {
  const depth = markdownNestingDepth(markdown, limit);
  if (depth > limit) throw nestingTooDeep(file, limit);
}

/**
 * The `document_over_limit` error for a parser that overflowed the stack despite the checks above:
 * nesting the scans do not see (inline markup, Word tables in tables) or a paragraph of megabytes
 * on which a parser's regular expressions recurse. Still one clear line naming the file.
 */
export function asParserOverflow(file: string, error: unknown): unknown {
  return error instanceof RangeError && /call stack/i.test(error.message)
    ? documentOverLimit(
        file,
        'parser_stack',
        'too deeply nested, or a paragraph too long, for the parser',
        'flatten the nested structure or split the long paragraphs',
      )
    : error;
}
