/**
 * List downloads: any list answers as CSV or as a JSON file when asked with `?format=csv|json`
 * or `Accept: text/csv`, with the right Content-Type and a Content-Disposition file name.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PAGE, MAX_DOWNLOAD } from './validation.ts';
import { invalidInput } from '../domain/errors.ts';
import { csvHeader } from '../domain/csv-headers.ts';
import type { Language } from '../domain/model.ts';
import { pickLanguage } from '../presentation/language.ts';

/**
 * The language a download is asked in: `?lang=`, then the `lang` cookie the pages set, then
 * Accept-Language, else English (CSV column names follow it).
 */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  return pickLanguage(query?.lang, request.headers.cookie, request.headers['accept-language']);
}

export type ListFormat = 'page' | 'json' | 'csv';

/** How the client wants a list: a JSON page (default), a JSON file or a CSV file. */
export function listFormat(request: FastifyRequest, format: 'json' | 'csv' | undefined): ListFormat {
  if (format !== undefined) return format;
  const accept = request.headers.accept ?? '';
  return /\btext\/csv\b/.test(accept) ? 'csv' : 'page';
}

/** The page size to use: 50 by default for pages (20 for search), everything (up to 10,000) for downloads. */
export function pageLimit(limit: number | undefined, format: ListFormat, defaultLimit = 50): number {
  if (format === 'page') {
    if (limit !== undefined && limit > MAX_PAGE) throw invalidInput('limit', `must be at most ${MAX_PAGE}`);
    return limit ?? defaultLimit;
  }
  return limit ?? MAX_DOWNLOAD;
}

/** A CSV column: its header and how to read it from a row. */
export interface CsvColumn<T> {
  readonly header: string;
  /** `lang`: the download's language, for values the atlas writes itself (built titles). */
  readonly value: (row: T, lang: Language) => string | number | boolean | null | undefined;
}

/** One CSV cell (RFC 4180 quoting; a leading =, +, @ is defused so spreadsheets do not run it). */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text with a header line in `lang` (CRLF line ends, as RFC 4180 says). */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  lang: Language = 'en',
): string {
  const lines = [columns.map((column) => csvCell(csvHeader(column.header, lang))).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row, lang))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Sends a page of a list in the requested format. */
export function sendList<T>(
  reply: FastifyReply,
  format: ListFormat,
  name: string,
  page: {
    readonly items: readonly T[];
    readonly total: number;
    readonly limit: number;
    readonly offset: number;
  },
  columns: readonly CsvColumn<T>[],
): FastifyReply {
  if (format === 'csv') {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .header('x-total-count', String(page.total))
      .send(toCsv(page.items, columns, requestLanguage(reply.request)));
  }
  if (format === 'json') {
    void reply.header('content-disposition', `attachment; filename="${name}.json"`);
  }
  return reply.type('application/json; charset=utf-8').send(page);
}
