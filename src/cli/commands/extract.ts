/** `mda extract FILE [--json]`: what the rules find in one document, without storing it. */
import type { Command } from 'commander';
import { z } from 'zod';
import { globalsOf } from '../context.ts';
import { JsonOption, parseOptions } from '../options.ts';
import { formatMoney, out, partyNames, printJson, topicLabel, typeLabel } from '../output.ts';

const ExtractOptions = JsonOption.extend({ catalogue: z.boolean().default(true) });

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract one document and print the result (nothing is stored)')
    .argument('<file>', 'a .txt, .md, .html, .pdf or .docx file')
    .option('--json', 'print exactly the evaluation object (see spec/extraction.md) and nothing else')
    .option('--no-catalogue', 'general rules only: do not read the catalogue of well-known instruments')
    .action(async (file: string, raw: unknown, command: Command) => {
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
        `${document.title} (${document.format}, ${document.text.length} characters, language ${evaluation.language})`,
        `countries: ${partyNames(evaluation.countries, lang) || '—'}`,
        `organizations: ${partyNames(evaluation.organizations, lang) || '—'}`,
        `amounts: ${evaluation.amounts.map((a) => formatMoney(a.value, a.currency, lang)).join('; ') || '—'}`,
        `dates: ${evaluation.dates.map((d) => d.value).join(', ') || '—'}`,
        `topics: ${evaluation.topics.map((t) => topicLabel(t, lang)).join(', ') || '—'}`,
        `instruments (${evaluation.instruments.length}):`,
        ...evaluation.instruments.map(
          (i) =>
            `  ${typeLabel(i.type, lang)} — ${partyNames(i.parties, lang) || '—'} — ${i.date ?? '—'} — "${i.quote}"`,
        ),
        `statements: ${extracted.statements.length}, events: ${extracted.events.length}`,
      ];
      out(lines.join('\n'));
    });
}
