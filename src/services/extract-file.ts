/**
 * One file through the pure pipeline: read it, extract from its text. Used by `mda extract`, the
 * ingestion service and the evaluation script; writes nothing.
 */
import type { Language } from '../domain/model.ts';
import { extractDocument } from '../extraction/pipeline.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import { readDocument } from '../readers/index.ts';
import type { ReadDocument } from '../readers/index.ts';

export interface ExtractFileOptions {
  /** Largest file accepted, in bytes. */
  readonly maxBytes?: number | undefined;
  /** Most characters of text in one document. */
  readonly maxCharacters?: number | undefined;
  /** Forces the document language instead of detecting it. */
  readonly language?: Language | undefined;
  /** `false` extracts without the catalogue of well-known instruments (general rules only). */
  readonly catalogue?: boolean | undefined;
}

/** A document as read and what the rules found in it. */
export interface ExtractedFile {
  readonly document: ReadDocument;
  readonly extracted: ExtractedDocument;
}

/** Reads one file with the size and character limits of `options`. */
export function readFileDocument(path: string, options: ExtractFileOptions = {}): Promise<ReadDocument> {
  return readDocument(path, { maxBytes: options.maxBytes, maxCharacters: options.maxCharacters });
}

/** What the rules find in a document already read. */
export function extractReadDocument(
  document: ReadDocument,
  options: Pick<ExtractFileOptions, 'language' | 'catalogue'> = {},
): ExtractedDocument {
  return extractDocument(document.text, {
    ...(options.language === undefined ? {} : { language: options.language }),
    ...(options.catalogue === false ? { catalogue: false } : {}),
  });
}

/** Reads and extracts one file. Throws the readers' AtlasErrors (unreadable, wrong encoding…). */
export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<ExtractedFile> {
  const document = await readFileDocument(path, options);
  return { document, extracted: extractReadDocument(document, options) };
}
