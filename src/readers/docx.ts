/**
 * Reader for Word documents (.docx) via mammoth: the raw text (one paragraph per block, separated by
 * blank lines) and the first heading as title, read from mammoth's HTML rendering of the same file.
 */
import mammoth from 'mammoth';
import { AtlasError, emptyDocument, unreadableFile } from '../domain/errors.ts';
import { checkDocxArchive } from './docx-archive.ts';
import { firstHeading } from './html.ts';
import { asParserOverflow } from './limits.ts';
import { isBlank } from './normalise.ts';
import type { ExtractedText } from './types.ts';

/** Word's "Title" style is a heading too (mammoth's default map renders it as a plain paragraph). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Titre'] => h1:fresh"];

/** A failure inside mammoth: too deep for its recursive walk, or a corrupt archive or XML. */
function corrupt(file: string, error: unknown): AtlasError {
  const nesting = asParserOverflow(file, error);
  if (nesting instanceof AtlasError) return nesting;
  const reason = error instanceof Error ? error.message : String(error);
  return unreadableFile(file, `corrupt DOCX: ${reason}`, error);
}

/** Images are not text: the HTML rendering (read only for the title) leaves them out unread. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * Reads a .docx file's text and its first heading. The archive is checked against the DOCX limits
 * before mammoth inflates anything, and the two renderings run one after the other so only one
 * parsed body is in memory at a time. `checkText` (the characters limit) runs on the raw text before
 * the HTML rendering.
 */
export async function readDocx(
  file: string,
  bytes: Uint8Array,
  checkText: (text: string) => void = () => undefined,
): Promise<ExtractedText> {
  await checkDocxArchive(file, bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let html: string;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch (error) {
    throw corrupt(file, error);
  }
  checkText(text);
  try {
    const rendered = await mammoth.convertToHtml(
      { buffer },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage: NO_IMAGES },
    );
    html = rendered.value;
  } catch (error) {
    throw corrupt(file, error);
  }
  if (isBlank(text)) throw emptyDocument(file);
  return { text, title: firstHeading(html) };
}
