/** `mda extract FILE [--json]`: what the rules find in one document, without storing it. */
import type { Command } from 'commander';
import { z } from 'zod';
import { globalsOf } from '../context.ts';
import { JsonOption, parseOptions } from '../options.ts';

const ExtractOptions = JsonOption.extend({ catalogue: z.boolean().default(true) });
import { formatMoney, oneLine, out, partyNames, printJson, topicLabel, typeLabel } from '../output.ts';

export async function runExtract(file: string, raw: unknown, command: Command): Promise<void> {
  const { lang } = globalsOf(command);
  const { json, catalogue } = parseOptions(ExtractOptions, raw);
  // Loaded on use: the other commands start faster without the extraction rules.
  const { extractFile } = await import('../../services/extract-file.ts');
  const { toEvaluationObject } = await import('../../extraction/evaluation.ts');
  const { document, extracted } = await extractFile(file, { catalogue });
  const evaluation = toEvaluationObject(extracted);
  if (json) {
    printJson(evaluation);
    return;
  }
  const lines = [
    `${oneLine(document.title)} (${document.format}, ${document.text.length} characters, language ${evaluation.language})`,
    `countries: ${partyNames(evaluation.countries, lang) || '—'}`,
    `organizations: ${partyNames(evaluation.organizations, lang) || '—'}`,
    `amounts: ${evaluation.amounts.map((a) => formatMoney(a.value, a.currency, lang)).join('; ') || '—'}`,
    `dates: ${evaluation.dates.map((d) => d.value).join(', ') || '—'}`,
    `topics: ${evaluation.topics.map((t) => topicLabel(t, lang)).join(', ') || '—'}`,
    `instruments (${evaluation.instruments.length}):`,
    ...evaluation.instruments.map(
      (i) =>
        `  ${typeLabel(i.type, lang)} — ${partyNames(i.parties, lang) || '—'} — ${i.date ?? '—'} — "${oneLine(i.quote)}"`,
    ),
    `statements: ${extracted.statements.length}, events: ${extracted.events.length}`,
  ];
  out(lines.join('\n'));
}
