/**
 * Decides how to read a file from its extension AND its first bytes, so a PDF saved as ".txt" is
 * read as a PDF and a ".pdf" that is really an HTML page is refused with a reason, instead of either
 * one reaching the extraction as garbage.
 */
import { extname } from 'node:path';
import type { AtlasError } from '../domain/errors.ts';
import { unknownFormat, unreadableFile } from '../domain/errors.ts';
import type { DocumentFormat } from '../domain/model.ts';

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/**
 * Documents the atlas cannot read yet but must not skip silently inside a folder, with what to do.
 * Anything else unknown in a folder (images, data, code) is clearly not a document and is skipped.
 */
const UNSUPPORTED_DOCUMENT_HINTS: Readonly<Record<string, string>> = {
  '.doc': 'legacy Word .doc; save it as .docx or PDF',
  '.dot': 'legacy Word template; save it as .docx or PDF',
  '.rtf': 'RTF; save it as .docx or PDF',
  '.odt': 'OpenDocument text; save it as .docx or PDF',
  '.pages': 'Apple Pages; export it as .docx or PDF',
  '.wpd': 'WordPerfect; save it as .docx or PDF',
  '.epub': 'EPUB; convert it to HTML or PDF',
  '.xps': 'XPS; print it to PDF',
  '.ppt': 'PowerPoint; export it as PDF',
  '.pptx': 'PowerPoint; export it as PDF',
  '.odp': 'OpenDocument presentation; export it as PDF',
};

/** The format a file's extension announces, or `undefined` for an extension the atlas does not read. */
export function formatFromExtension(file: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
}

/** For an unsupported extension that names a kind of document, the advice to give; else `undefined`. */
export function unsupportedDocumentHint(file: string): string | undefined {
  return UNSUPPORTED_DOCUMENT_HINTS[extname(file).toLowerCase()];
}

/** What the first bytes of a file say it is. */
export type ContentKind = 'pdf' | 'docx' | 'zip' | 'ole' | 'image' | 'rtf' | 'html' | 'text';

const ASCII = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    Math.max(0, Math.min(end, bytes.length) - start),
  ).toString('latin1');

const hasPrefix = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte);

/** Opening of an HTML document, after an optional BOM, whitespace and comments/XML prolog. */
const HTML_START =
  /^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

/** Sniffs the content kind from magic bytes (PDF, ZIP/DOCX, OLE, images, RTF) and HTML openings. */
export function sniffContent(bytes: Uint8Array): ContentKind {
  const head = ASCII(bytes, 0, 1024);
  if (head.startsWith('%PDF-')) return 'pdf';
  if (hasPrefix(bytes, [0x50, 0x4b, 0x03, 0x04]) || hasPrefix(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed in the ZIP headers, so a byte search finds the Word part.
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('word/document.xml')
      ? 'docx'
      : 'zip';
  }
  if (hasPrefix(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (
    hasPrefix(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    hasPrefix(bytes, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    head.startsWith('II*\u0000') ||
    head.startsWith('MM\u0000*')
  ) {
    return 'image';
  }
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (HTML_START.test(head)) return 'html';
  return 'text';
}

const BINARY_HINTS: Readonly<Record<'zip' | 'ole' | 'image' | 'rtf', string>> = {
  zip: 'a ZIP archive that is not a Word .docx (no word/document.xml)',
  ole: 'a legacy Office file (.doc/.xls) or a password-protected .docx; save it as an unprotected .docx or PDF',
  image: 'an image; the atlas reads text, so run OCR and save the text or a searchable PDF',
  rtf: 'RTF; save it as .docx or PDF',
};

/**
 * The format to read `file` as, from its extension and content. Container formats (PDF, DOCX) are
 * trusted by their magic bytes whatever the extension; an HTML page saved as ".txt" is read as HTML.
 * Throws `unknown_format` for content the atlas cannot read and `unreadable_file` when a ".pdf" or
 * ".docx" does not hold what its extension promises.
 */
export function detectFormat(file: string, bytes: Uint8Array): DocumentFormat {
  const declared = formatFromExtension(file);
  const kind = sniffContent(bytes);
  switch (kind) {
    case 'pdf':
    case 'docx':
      return kind;
    case 'zip':
    case 'ole':
    case 'image':
    case 'rtf':
      throw unknownFormat(file, BINARY_HINTS[kind]);
    case 'html':
      return declared === 'markdown' ? 'markdown' : 'html';
    case 'text':
      if (declared === undefined) throw unsupportedExtension(file);
      // The PDF spec lets readers accept junk before the header within the first 1024 bytes; only a
      // file named .pdf gets that leeway, so a text that merely mentions "%PDF-" stays text.
      if (declared === 'pdf') {
        if (ASCII(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
        throw unreadableFile(file, 'not a PDF: there is no %PDF header');
      }
      if (declared === 'docx') throw unreadableFile(file, 'not a Word .docx: it is not a ZIP archive');
      return declared;
  }
}

/** The `unknown_format` error for a file whose extension the atlas does not read. */
export function unsupportedExtension(file: string): AtlasError {
  const extension = extname(file).toLowerCase();
  const hint =
    unsupportedDocumentHint(file) ??
    (extension === '' ? 'the file has no extension' : `the extension "${extension}" is not supported`);
  return unknownFormat(file, hint);
}
