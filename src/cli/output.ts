/**
 * How the CLI shows things: labels in the chosen language (taxonomy labels, actor names), compact
 * text tables, and JSON. Stdout carries results only; messages and errors go to stderr (the current
 * run's streams: see io.ts).
 */
import { actorName } from '../domain/actors.ts';
import { escapeTerminalLine, escapeTerminalText } from '../domain/escape-terminal.ts';
import type { Language } from '../domain/model.ts';
import { labelOf } from '../domain/taxonomy.ts';
import type { CountBy, InstrumentSummary } from '../storage/atlas-store.ts';
import { currentIo } from './io.ts';

/**
 * Writes one line (or several) to stdout. Control characters other than the line breaks are escaped
 * here; user text inside a line (titles, file names, quotes) goes through `oneLine` where it is put
 * in, so its own newlines cannot start a line.
 */
export const out = (text: string): void => {
  const safe = escapeTerminalText(text.endsWith('\n') ? text.slice(0, -1) : text);
  currentIo().stdout.write(`${safe}\n`);
};

/**
 * Writes exactly one line to stderr: every control character in `text`, newlines included, is
 * escaped, so a file name holding "\nerror: …" or an ANSI sequence cannot forge or hide a line.
 */
export const err = (text: string): void => {
  currentIo().stderr.write(`${escapeTerminalLine(text.endsWith('\n') ? text.slice(0, -1) : text)}\n`);
};

/** User text (a title, a file name, a quote) made safe to put inside one terminal line. */
export const oneLine = (text: string): string => escapeTerminalLine(text);

/** A document's title on one line, or what names it when it has none: its file, never as a title. */
export const documentName = (title: string | null, fileName: string): string =>
  oneLine(title ?? `untitled (file ${fileName})`);

/**
 * Writes data (JSON, CSV) to stdout exactly as given: it is for programs, and JSON escapes control
 * characters itself, while CSV keeps a cell's newlines inside its quotes.
 */
export const outData = (text: string): void => {
  currentIo().stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

export const printJson = (value: unknown): void => outData(JSON.stringify(value, null, 2));

/** Taxonomy labels carry examples in parentheses; a terminal line shows only the name. */
const short = (label: string): string => label.replace(/\s*\(.*\)\s*$/, '');

export const typeLabel = (code: string, lang: Language): string =>
  short(labelOf('instrument_types', code, lang));
export const topicLabel = (code: string, lang: Language): string => short(labelOf('topics', code, lang));
export const approachLabel = (code: string, lang: Language): string =>
  short(labelOf('approaches', code, lang));

/** "European Union, Mali" in the chosen language. */
export const partyNames = (ids: readonly string[], lang: Language): string =>
  [...new Set(ids)].map((id) => actorName(id, lang)).join(', ');

/** Formats a number of money units: 145100000 EUR → "145.1 million EUR". */
export function formatMoney(value: number, currency: string, lang: Language): string {
  const million = lang === 'fr' ? 'millions' : 'million';
  const billion = lang === 'fr' ? 'milliards' : 'billion';
  if (value >= 1e9) return `${trim(value / 1e9)} ${billion} ${currency}`;
  if (value >= 1e6) return `${trim(value / 1e6)} ${million} ${currency}`;
  return `${value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')} ${currency}`;
}
const trim = (n: number): string => String(Math.round(n * 100) / 100);

/** One line per instrument: id, first date, type label, title, parties. */
export function instrumentLine(instrument: InstrumentSummary, lang: Language): string {
  const parties = partyNames(
    instrument.parties.map((p) => p.actorId),
    lang,
  );
  const date = (instrument.firstDate ?? '—').padEnd(10);
  return `${instrument.id}  ${date}  ${typeLabel(instrument.type, lang)}: ${oneLine(instrument.title)}${parties === '' ? '' : `  [${parties}]`}`;
}

/** A titled block of "label  count" lines, aligned. */
export function countBlock(
  title: string,
  counts: readonly CountBy[],
  label: (code: string) => string,
): string {
  if (counts.length === 0) return `${title}\n  (none)`;
  const labels = counts.map((c) => label(c.code));
  const width = Math.max(...labels.map((l) => l.length));
  return [title, ...counts.map((c, i) => `  ${(labels[i] ?? c.code).padEnd(width)}  ${c.count}`)].join('\n');
}
