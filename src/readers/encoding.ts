/**
 * Decodes the bytes of a text-based document (plain text, Markdown, HTML). The atlas's rule is a
 * clear error and nothing lost: UTF-8 (with or without BOM) and UTF-16 with a BOM are read; anything
 * else is refused with the offset of the first bad byte rather than guessed at as Latin-1, because a
 * wrong guess would silently corrupt names and quotes ("Côte d'Ivoire", "€").
 */
import { unknownFormat, wrongEncoding } from '../domain/errors.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** The encoding announced by a byte-order mark, if any. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/** Byte offset of the first sequence that is not valid UTF-8 (found from the replacement character). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const index = lenient.indexOf('\ufffd');
  return index < 0 ? 0 : Buffer.byteLength(lenient.slice(0, index), 'utf8');
}

/**
 * Turns a text file's bytes into a string. Throws `wrong_encoding` for bytes that are not UTF-8 (or
 * UTF-16 with a BOM) and `unknown_format` for binary content (NUL bytes).
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const encoding = bomEncoding(bytes) ?? 'utf-8';
  let text: string;
  try {
    // The decoder drops the BOM itself (ignoreBOM defaults to false).
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') {
      throw wrongEncoding(file, `not valid ${encoding.toUpperCase()} despite its byte-order mark`);
    }
    if (bytes.includes(0)) throw binaryContent(file);
    const offset = firstInvalidUtf8Offset(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw wrongEncoding(
      file,
      `not valid UTF-8 (looks like Windows-1252/Latin-1?): byte 0x${byte} at offset ${offset}`,
    );
  }
  if (text.includes('\u0000')) throw binaryContent(file);
  return text;
}

function binaryContent(file: string) {
  return unknownFormat(file, 'binary content (NUL bytes), not text; a UTF-16 file needs a byte-order mark');
}
