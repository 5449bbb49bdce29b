/**
 * Reads a user's exchange-rate table (CSV, parsed with csv-parse): a header `from,to,year,rate`,
 * then one row per currency and year — `USD,EUR,2018,0.85` (1 USD = 0.85 EUR in 2018), or an
 * empty or `*` year for a rate used for every year. All rows convert into one currency. A bad row
 * refuses the file with its line number: rates are never guessed or partly applied.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ExchangeRates } from '../domain/iati/chain.ts';
import { AtlasError, invalidData, unreadableFile } from '../domain/errors.ts';

const CURRENCY = /^[A-Z]{3}$/;
const RATE = /^\d+(\.\d+)?$/;
const COLUMNS = ['from', 'to', 'year', 'rate'];

/** Parses the CSV text; `source` names the table wherever a converted figure is shown. */
export function parseExchangeRates(text: string, source: string): ExchangeRates {
  let rows: string[][];
  try {
    const parsed: unknown = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
    rows = parsed as string[][];
  } catch (error) {
    throw invalidData(
      source,
      `not a readable CSV table (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const [header, ...body] = rows;
  if (header === undefined || header.map((h) => h.toLowerCase()).join(',') !== COLUMNS.join(',')) {
    throw invalidData(source, `the first line must be the header ${COLUMNS.join(',')}`);
  }
  if (body.length === 0) throw invalidData(source, 'no rates (only the header)');
  let target: string | undefined;
  const rates = new Map<string, number>();
  body.forEach((row, index) => {
    const line = index + 2;
    const [from = '', to = '', year = '', rate = ''] = row.map((cell) => cell.toUpperCase());
    const bad = (why: string) => invalidData(source, `line ${line}: ${why}`);
    if (!CURRENCY.test(from) || !CURRENCY.test(to)) {
      throw bad('from and to must be currency codes (EUR, USD…)');
    }
    if (target !== undefined && to !== target) throw bad(`every rate must convert into ${target}, not ${to}`);
    target = to;
    if (year !== '' && year !== '*' && !/^(19|20|21)\d\d$/.test(year)) {
      throw bad(`year "${year}" is not a year`);
    }
    if (!RATE.test(rate) || Number(rate) <= 0) throw bad(`rate "${rate}" is not a positive decimal number`);
    const key = `${from}|${year === '' ? '*' : year}`;
    if (rates.has(key)) throw bad(`a second rate for ${from} ${year === '' ? '(every year)' : year}`);
    rates.set(key, Number(rate));
  });
  return { target: target!, source, rates };
}

/** Reads the table from a file; its name is the label shown with converted figures. */
export async function readExchangeRates(file: string): Promise<ExchangeRates> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    throw unreadableFile(file, (error as NodeJS.ErrnoException).code ?? String(error), error);
  }
  return parseExchangeRates(text, basename(file));
}
