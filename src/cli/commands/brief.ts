/**
 * `mda brief ML --lang fr --out brief.pdf`: the briefing pack for a dialogue with a partner country
 * (src/analysis/brief.ts), in French or English (the global `--lang`), as a PDF printed by
 * Chromium or as a stand-alone HTML file (`--format html`; without `--out`, to standard output).
 * `--rates FILE.csv` adds the money chain's common currency, named after the file; without it the
 * chain stays in the currencies the IATI activities report.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { isoDay } from '../../domain/input-schemas.ts';
import { invalidInput } from '../../domain/errors.ts';
import { briefFor } from '../../services/brief.ts';
import { todayIso } from '../../services/analyses.ts';
import { briefDocument } from '../../web/brief.ts';
import { translator } from '../../web/i18n.ts';
import { globalsOf } from '../context.ts';
import { CountryCode, parseOptions } from '../options.ts';
import { err, oneLine, outData } from '../output.ts';

const BriefOptions = z
  .object({
    out: z.string().trim().min(1, 'give a file name').optional(),
    format: z.enum(['pdf', 'html'], { error: () => 'expected pdf or html' }).optional(),
    today: isoDay.optional(),
    rates: z.string().trim().min(1, 'must name a CSV file').optional(),
  })
  .transform((o) => ({
    ...o,
    // The file name says the format when --format does not: brief.html is HTML, anything else PDF.
    format: o.format ?? (o.out !== undefined && /\.html?$/i.test(o.out) ? 'html' : 'pdf'),
  }));

/** Writes beside the target, then renames: an interrupted run never leaves half a PDF. */
async function writeWhole(file: string, data: string | Buffer): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, data);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export async function runBrief(country: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const partner = parseOptions(z.object({ country: CountryCode }), { country }).country;
  const options = parseOptions(BriefOptions, raw);
  if (options.format === 'pdf' && options.out === undefined) {
    throw invalidInput(
      'out',
      'a PDF goes to a file: give --out brief.pdf (or --format html for standard output)',
    );
  }
  // A bad rate table is refused before the database is opened.
  const { readExchangeRates } = await import('../../readers/exchange-rates.ts');
  const rates = options.rates === undefined ? undefined : await readExchangeRates(options.rates);
  const { openAtlas } = await import('../../storage/database.ts');
  const atlas = await openAtlas({
    ...(globals.data === undefined ? {} : { dataDir: globals.data }),
    ...(globals.database === undefined ? {} : { database: globals.database }),
  });
  let html: string;
  try {
    const brief = await briefFor({ store: atlas.store, rates }, partner, options.today ?? todayIso());
    html = briefDocument(brief, translator(globals.lang));
  } finally {
    await atlas.store.close();
  }
  if (options.format === 'html' && options.out === undefined) return outData(html);
  const file = options.out as string;
  if (options.format === 'html') {
    await writeWhole(file, html);
  } else {
    const { htmlToPdf } = await import('../../web/pdf.ts');
    await writeWhole(file, await htmlToPdf(html));
  }
  err(`wrote ${oneLine(file)}`);
}
