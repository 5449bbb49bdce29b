/**
 * The document readers: the adapter that turns a file (plain text, Markdown, HTML, PDF, DOCX) into the
 * one normalised text the extraction runs on. Every failure leaves here as an AtlasError naming the
 * file; no library error escapes.
 */
import { z } from 'zod';
import { AtlasError, emptyDocument, invalidInput, unreadableFile } from '../domain/errors.ts';
import type { DocumentFormat } from '../domain/model.ts';
import { detectFormat } from './detect-format.ts';
import { loadDocumentBytes } from './files.ts';
import { checkCharacters, DEFAULT_MAX_CHARACTERS } from './limits.ts';
import { isBlank, normaliseText, titleFromFileName } from './normalise.ts';
import { readPlainText } from './text.ts';
import type { ExtractedText } from './types.ts';

export { expandInputs } from './files.ts';
export type { ExpandedInputs } from './files.ts';
export { detectFormat, formatFromExtension, sniffContent } from './detect-format.ts';
export { normaliseText } from './normalise.ts';
export { DEFAULT_MAX_CHARACTERS, MAX_HTML_NESTING, MAX_MARKDOWN_NESTING } from './limits.ts';
export { DOCX_LIMITS } from './limits.ts';

/** Default size limit for one document: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A document as read from disk, ready for extraction. */
export interface ReadDocument {
  /** The path as the caller gave it. */
  readonly path: string;
  readonly format: DocumentFormat;
  /** HTML <title> or first heading, DOCX first heading, PDF metadata Title or first line, else the file name. */
  readonly title: string;
  /** Plain text, NFC, `\n` line ends, paragraphs separated by one blank line; spans point into it. */
  readonly text: string;
  /** Size of the file on disk. */
  readonly bytes: number;
}

/** Options for `readDocument`. */
export interface ReadOptions {
  /** Largest file accepted, in bytes (default `DEFAULT_MAX_BYTES`). */
  readonly maxBytes?: number | undefined;
  /** Most characters of text in one document (default `DEFAULT_MAX_CHARACTERS`). */
  readonly maxCharacters?: number | undefined;
}

const ReadOptionsSchema = z.object({
  maxBytes: z.number().int().positive().optional(),
  // The extraction folds the whole text into one string: it must stay far below the engine's
  // largest string (2^29 units), where folding fails with an unrelated "utf-16le" error.
  maxCharacters: z
    .number()
    .int()
    .positive()
    .max(2 ** 28)
    .optional(),
});

/**
 * The format's reader; `checkText` is called on the text as early as the format allows. The parsers
 * (mammoth, html-to-text, marked, unpdf) are loaded only for their format: a plain-text file, the
 * common case of `mda extract`, starts without them.
 */
async function extract(
  file: string,
  format: DocumentFormat,
  bytes: Uint8Array,
  checkText: (text: string) => void,
): Promise<ExtractedText> {
  switch (format) {
    case 'text':
      return readPlainText(file, bytes);
    case 'markdown':
      return (await import('./markdown.ts')).readMarkdown(file, bytes, checkText);
    case 'html':
      return (await import('./html.ts')).readHtml(file, bytes, checkText);
    case 'pdf':
      return (await import('./pdf.ts')).readPdf(file, bytes);
    case 'docx':
      return (await import('./docx.ts')).readDocx(file, bytes, checkText);
  }
}

/**
 * Reads one document. The format comes from the extension checked against the content (see
 * `detectFormat`). Throws AtlasError: `unreadable_file` (missing, permission denied, a directory,
 * corrupt PDF/DOCX), `unknown_format`, `wrong_encoding`, `empty_document` (blank file, PDF without
 * a text layer), `document_too_large` (checked before the file is read) or `document_over_limit`
 * (DOCX archive limits, nesting depth, characters: each checked before the step it guards).
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadDocument> {
  const parsed = ReadOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'maxBytes');
    throw invalidInput(field, 'must be a positive whole number');
  }
  const maxBytes = parsed.data.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxCharacters = parsed.data.maxCharacters ?? DEFAULT_MAX_CHARACTERS;
  const checkText = (text: string): void => checkCharacters(path, text.length, maxCharacters);
  try {
    const bytes = await loadDocumentBytes(path, maxBytes);
    if (bytes.length === 0) throw emptyDocument(path);
    const format = detectFormat(path, bytes);
    const extracted = await extract(path, format, bytes, checkText);
    // Before normalisation, which is the first step over the whole text for every format.
    checkText(extracted.text);
    const text = normaliseText(extracted.text);
    if (isBlank(text)) throw emptyDocument(path);
    return { path, format, title: extracted.title ?? titleFromFileName(path), text, bytes: bytes.length };
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    // A library failed in a way the readers did not foresee: still one clear line naming the file.
    throw unreadableFile(path, error instanceof Error ? error.message : String(error), error);
  }
}
