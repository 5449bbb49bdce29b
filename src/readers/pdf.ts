/**
 * Reader for PDF documents: the text layer through unpdf (a packaged pdf.js), pages merged. The atlas
 * does no OCR, so a PDF without a text layer is refused rather than stored empty. pdf.js is never
 * loaded a second time in this process (pdfjs-dist next to unpdf fails with a version mismatch).
 */
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { z } from 'zod';
import { noTextLayer, unreadableFile } from '../domain/errors.ts';
import { cleanTitle, firstLine, isBlank } from './normalise.ts';
import type { ExtractedText } from './types.ts';

/** The part of the PDF info dictionary the atlas uses; anything else in it is ignored. */
const PdfInfo = z.object({ Title: z.string().optional() }).loose();

/** Metadata titles that are tool noise rather than the document's title. */
const NOISE_TITLE =
  /^(?:untitled|sans titre|titre|title|document\d*)$|^microsoft (?:word|powerpoint) - |\.(?:docx?|pdf|rtf|odt|indd|pptx?)$/i;

/** Why pdf.js could not open a file, in words a user can act on. */
function openFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'password-protected PDF; remove the password first';
  return `corrupt PDF: ${message}`;
}

async function metadataTitle(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<string | undefined> {
  try {
    const info = PdfInfo.safeParse((await getMeta(pdf)).info);
    const title = info.success ? cleanTitle(info.data.Title) : undefined;
    return title !== undefined && !NOISE_TITLE.test(title) ? title : undefined;
  } catch {
    // Broken metadata does not make the text unreadable: fall back to the first line.
    return undefined;
  }
}

/** Reads a PDF's text layer and title (metadata Title, else first line of text). */
export async function readPdf(file: string, bytes: Uint8Array): Promise<ExtractedText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may transfer (detach) the buffer it is given, so it gets its own copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw unreadableFile(file, openFailure(error), error);
  }
  try {
    let text: string;
    try {
      text = (await extractText(pdf, { mergePages: true })).text;
    } catch (error) {
      throw unreadableFile(
        file,
        `corrupt PDF: ${error instanceof Error ? error.message : String(error)}`,
        error,
      );
    }
    if (isBlank(text)) throw noTextLayer(file);
    return { text, title: (await metadataTitle(pdf)) ?? firstLine(text) };
  } finally {
    await pdf.destroy();
  }
}
