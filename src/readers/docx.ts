/**
 * Reader for Word documents (.docx) via mammoth: the raw text (one paragraph per block, separated by
 * blank lines) and the first heading as title, read from mammoth's HTML rendering of the same file.
 */
import mammoth from 'mammoth';
import { emptyDocument, unreadableFile } from '../domain/errors.ts';
import { firstHeading } from './html.ts';
import { isBlank } from './normalise.ts';
import type { ExtractedText } from './types.ts';

/** Word's "Title" style is a heading too (mammoth's default map renders it as a plain paragraph). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Titre'] => h1:fresh"];

/** Reads a .docx file's text and its first heading. */
export async function readDocx(file: string, bytes: Uint8Array): Promise<ExtractedText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let html: string;
  try {
    const [raw, rendered] = await Promise.all([
      mammoth.extractRawText({ buffer }),
      mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true }),
    ]);
    text = raw.value;
    html = rendered.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadableFile(file, `corrupt DOCX: ${reason}`, error);
  }
  if (isBlank(text)) throw emptyDocument(file);
  return { text, title: firstHeading(html) };
}
