/** Reader for plain-text documents (.txt): the bytes decoded, nothing else; the title is left to the file name. */
import { decodeText } from './encoding.ts';
import type { ExtractedText } from './types.ts';

/** Reads a plain-text document's bytes (UTF-8, or UTF-16 with a BOM). */
export function readPlainText(file: string, bytes: Uint8Array): ExtractedText {
  return { text: decodeText(file, bytes) };
}
