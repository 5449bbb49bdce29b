/**
 * Escaping user text (file names, titles, quotes, library messages) for a terminal. A file name may
 * hold a newline, which would print as a second, forged "error:" line, or an ANSI escape sequence,
 * which would recolour, move the cursor or retitle the terminal; Unicode bidirectional controls
 * can make a name read backwards. One function for every line the CLI writes, so they cannot differ.
 */

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// Control characters are the point of this pattern: C0 (newline included), DEL, C1, the line and
// paragraph separators and the bidirectional embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` as ONE terminal line: every control character, newlines included, written as an escape (`\n`, `\x1b`). */
export function escapeTerminalLine(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** `text` for a terminal, its own newlines kept: every other control character written as an escape. */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeOne);
}
