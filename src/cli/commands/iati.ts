/**
 * `mda iati …`: import IATI activity files, link activities to instruments (by hand, or by
 * reviewing the links `suggest` proposes), list the links. One line per file or link on stdout;
 * one `error: FILE: reason` line per bad file on stderr, the others imported (exit 1 when any failed).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { AtlasError, unreadableFile } from '../../domain/errors.ts';
import { narrativeIn, type IatiLink } from '../../domain/iati/model.ts';
import { userText } from '../../domain/input-schemas.ts';
import type { IatiImportItem } from '../../services/iati/import.ts';
import { globalsOf, withStore } from '../context.ts';
import { setExitCode } from '../io.ts';
import { CountryCode, parseOptions } from '../options.ts';
import { err, oneLine, out, outData, printJson } from '../output.ts';

const Id = (what: string) => z.string().trim().min(1, `give ${what}`).max(500);
const By = userText(100).default(process.env.USER ?? 'cli');

/** `imported FILE: 12 activities (2 replaced) [iatf_…]` or `unchanged FILE: …`. */
export function importLine(item: IatiImportItem): string {
  const file = oneLine(item.file);
  if (item.status === 'failed') {
    const message = item.error?.message ?? 'failed';
    return oneLine(message.startsWith(`${item.file}:`) ? `error: ${message}` : `error: ${file}: ${message}`);
  }
  const n = item.activities ?? 0;
  const count = `${n} ${n === 1 ? 'activity' : 'activities'}`;
  if (item.status === 'unchanged') return `unchanged ${file}: already imported as ${item.fileId} (${count})`;
  const replaced = item.replaced ? ` (${item.replaced} replaced)` : '';
  return `imported ${file}: ${count}${replaced} [${item.fileId}]`;
}

export async function runIatiImport(files: string[], raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(z.object({ json: z.boolean().default(false) }), raw);
  const { importIatiFiles } = await import('../../services/iati/import.ts');
  const items = await withStore(globals, (store) =>
    importIatiFiles(store, files, {
      onItem: (item) => {
        if (options.json) return;
        if (item.status === 'failed') err(importLine(item));
        else out(importLine(item));
      },
    }),
  );
  const failed = items.filter((item) => item.status === 'failed').length;
  if (options.json) {
    printJson(
      items.map((item) => ({
        file: item.file,
        status: item.status,
        fileId: item.fileId,
        activities: item.activities,
        replaced: item.replaced,
        error: item.error === undefined ? undefined : { code: item.error.code, message: item.error.message },
      })),
    );
  } else {
    const imported = items.filter((item) => item.status === 'imported').length;
    out(`${imported} imported, ${items.length - imported - failed} unchanged, ${failed} failed`);
  }
  if (failed > 0) setExitCode(1);
}

/** `lnk_…  ins_… ↔ ACTIVITY  matched 0.85 unreviewed  (name: …; country: ML)`. */
export function linkLine(link: IatiLink): string {
  const score = link.score === null ? '' : ` ${link.score}`;
  const reasons = link.reasons.length === 0 ? '' : `  (${link.reasons.join('; ')})`;
  return oneLine(
    `${link.id}  ${link.instrumentId} ↔ ${link.activityId}  ${link.method}${score} ${link.reviewState}${reasons}`,
  );
}

export async function runIatiLink(
  instrument: string,
  activity: string,
  raw: unknown,
  command: Command,
): Promise<void> {
  const globals = globalsOf(command);
  const ids = parseOptions(
    z.object({ instrument: Id('an instrument id (ins_…)'), activity: Id('an IATI identifier') }),
    {
      instrument,
      activity,
    },
  );
  const options = parseOptions(z.object({ by: By, json: z.boolean().default(false) }), raw);
  const { link, created } = await withStore(globals, (store) =>
    store.iati.addLink({
      instrumentId: ids.instrument,
      activityId: ids.activity,
      method: 'manual',
      assertedBy: `user:${options.by}`,
      reviewState: 'confirmed',
    }),
  );
  if (options.json) return printJson({ link, created });
  out(`${created ? 'linked' : 'already linked'}: ${linkLine(link)}`);
}

const SuggestOptions = z.object({
  country: CountryCode.optional(),
  threshold: z.coerce
    .number({ error: () => 'expected a number between 0 and 1' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .optional(),
  json: z.boolean().default(false),
});

export async function runIatiSuggest(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(SuggestOptions, raw);
  const { suggestLinks } = await import('../../services/iati/links.ts');
  const suggestions = await withStore(globals, (store) =>
    suggestLinks(store, {
      ...(options.country === undefined ? {} : { country: options.country }),
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    }),
  );
  if (options.json) return printJson(suggestions);
  for (const { link, created } of suggestions) out(`${created ? 'new  ' : 'known'} ${linkLine(link)}`);
  const created = suggestions.filter((s) => s.created).length;
  out(
    `${created} new link${created === 1 ? '' : 's'} suggested, ${suggestions.length - created} already known; ` +
      'review each with `mda iati review LINK_ID accept|reject`',
  );
}

const Decision = z.enum(['accept', 'reject'], { error: () => 'expected accept or reject' });

export async function runIatiReview(
  linkId: string,
  decision: string,
  raw: unknown,
  command: Command,
): Promise<void> {
  const globals = globalsOf(command);
  const input = parseOptions(z.object({ link: Id('a link id (lnk_…)'), decision: Decision }), {
    link: linkId,
    decision,
  });
  const options = parseOptions(z.object({ by: By, json: z.boolean().default(false) }), raw);
  const link = await withStore(globals, (store) =>
    store.iati.reviewLink(
      input.link,
      input.decision === 'accept' ? 'confirmed' : 'rejected',
      `user:${options.by}`,
    ),
  );
  if (options.json) return printJson(link);
  out(linkLine(link));
}

const LinksOptions = z.object({
  instrument: Id('an instrument id').optional(),
  activity: Id('an IATI identifier').optional(),
  state: z
    .enum(['unreviewed', 'confirmed', 'rejected'], {
      error: () => 'expected unreviewed, confirmed or rejected',
    })
    .optional(),
  json: z.boolean().default(false),
});

export async function runIatiLinks(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(LinksOptions, raw);
  const { links, titles } = await withStore(globals, async (store) => {
    const links = await store.iati.listLinks({
      ...(options.instrument === undefined ? {} : { instrument: options.instrument }),
      ...(options.activity === undefined ? {} : { activity: options.activity }),
      ...(options.state === undefined ? {} : { state: options.state }),
    });
    const activities = await store.iati.activities([...new Set(links.map((l) => l.activityId))]);
    const titles = new Map(
      activities.map((s) => [s.activity.identifier, narrativeIn(s.activity.titles, globals.lang) ?? '']),
    );
    return { links, titles };
  });
  if (options.json) return printJson(links);
  for (const link of links) {
    out(linkLine(link));
    const title = titles.get(link.activityId);
    if (title) out(`    ${oneLine(title)}`);
  }
  if (links.length === 0) out('no links');
}

const ChainOptions = z
  .object({
    country: CountryCode.optional(),
    instrument: Id('an instrument id').optional(),
    rates: z.string().trim().min(1, 'must name a CSV file').optional(),
    json: z.boolean().default(false),
    csv: z.boolean().default(false),
  })
  .refine((o) => (o.country === undefined) !== (o.instrument === undefined), {
    message: 'give either --country CODE or --instrument ID',
    path: ['country'],
  });

/** `mda iati chain --country ML | --instrument ID [--rates FILE.csv] [--json|--csv]`. */
export async function runIatiChain(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(ChainOptions, raw);
  const { readExchangeRates } = await import('../../readers/exchange-rates.ts');
  const rates = options.rates === undefined ? undefined : await readExchangeRates(options.rates);
  const { countryFundingChain, instrumentFundingChain } = await import('../../services/iati/chain.ts');
  const chain = await withStore(globals, (store) =>
    options.country !== undefined
      ? countryFundingChain(store, options.country, rates === undefined ? {} : { rates })
      : instrumentFundingChain(store, options.instrument!, rates === undefined ? {} : { rates }),
  );
  if (options.json) return printJson(chain);
  if (options.csv) {
    const { chainCsv } = await import('../../services/iati/chain-csv.ts');
    return outData(chainCsv(chain));
  }
  const { chainLines } = await import('./iati-chain-text.ts');
  for (const line of chainLines(chain, globals.lang)) out(line);
}

const ExportOptions = z.object({
  country: CountryCode.optional(),
  out: z
    .string({ error: () => 'give the file to write with --out FILE.xml' })
    .trim()
    .min(1),
});

/** `mda iati export [--country ML] --out FILE.xml`: the activities as IATI 2.03 XML. */
export async function runIatiExport(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(ExportOptions, raw);
  const { exportIati } = await import('../../services/iati/export.ts');
  const count = await withStore(globals, async (store) => {
    try {
      return await exportIati(
        store,
        options.out,
        options.country === undefined ? {} : { country: options.country },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AtlasError('conflict', `${options.out}: the file exists (it is never overwritten)`);
      }
      if (error instanceof AtlasError) throw error;
      throw unreadableFile(options.out, (error as NodeJS.ErrnoException).code ?? String(error), error);
    }
  });
  out(`wrote ${count} ${count === 1 ? 'activity' : 'activities'} to ${oneLine(options.out)} (IATI 2.03)`);
}
