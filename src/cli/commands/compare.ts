/**
 * `mda compare [QUESTION]`: which countries report something, with the count, the list and the
 * evidence (stored country positions, or instruments by type/approach/topic); a report file on
 * demand. `mda consistency DOCUMENT`: the inconsistencies of a synthesis.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { comparisonReportHtml, comparisonReportMarkdown } from '../../analysis/report.ts';
import type { Comparison } from '../../domain/analysis-model.ts';
import { invalidInput } from '../../domain/errors.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../../domain/taxonomy.ts';
import { comparison, comparisonQuestions, consistency } from '../../services/analyses.ts';
import { globalsOf, withStore } from '../context.ts';
import { JsonOption, parseOptions } from '../options.ts';
import { oneLine, out, printJson, documentName } from '../output.ts';

const CompareOptions = z
  .object({
    type: z.array(z.enum(INSTRUMENT_TYPES, { error: () => 'unknown instrument type' })).default([]),
    approach: z.array(z.enum(APPROACHES, { error: () => 'unknown approach' })).default([]),
    topic: z.array(z.enum(TOPICS, { error: () => 'unknown topic' })).default([]),
    stance: z.enum(['yes', 'no', 'partly'], { error: () => 'expected yes, no or partly' }).optional(),
    json: z.boolean().default(false),
    report: z.enum(['md', 'html'], { error: () => 'expected md or html' }).optional(),
    out: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(20),
  })
  .refine((o) => o.report === undefined || o.out !== undefined, {
    error: '--report needs --out FILE',
    path: ['report'],
  });

/** "17  AT BE CY …  use migration diplomacy (stated: 17)". */
function comparisonLines(c: Comparison): string[] {
  const stated = c.statedCounts.length > 0 ? `  (stated: ${c.statedCounts.join(', ')})` : '';
  const lines = [`${c.question}`, `  ${c.count} countries${stated}: ${c.countries.join(' ')}`];
  for (const e of c.evidence) {
    const first = e.evidence[0];
    if (first) {
      lines.push(`  ${e.country}  ${first.documentId}@${first.start}  “${first.quote.slice(0, 110)}”`);
    }
  }
  return lines;
}

export async function runCompare(
  question: string | undefined,
  raw: unknown,
  command: Command,
): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(CompareOptions, raw);
  const criteria = o.type.length + o.approach.length + o.topic.length > 0;
  const result = await withStore(globals, async (store) => {
    if (question === undefined && !criteria) {
      const questions = await comparisonQuestions(store);
      if (o.report === undefined) return { questions };
      const top = questions.slice(0, o.limit);
      const comparisons = await Promise.all(
        top.map((q) => comparison(store, { question: q.question, stance: q.stance })),
      );
      return { questions, comparisons };
    }
    const c = await comparison(store, {
      ...(question === undefined ? {} : { question }),
      ...(o.stance === undefined ? {} : { stance: o.stance }),
      types: o.type,
      lang: globals.lang,
      approaches: o.approach,
      topics: o.topic,
    });
    return { comparisons: [c] };
  });
  if (o.report !== undefined && o.out !== undefined) {
    const comparisons = result.comparisons ?? [];
    const render = o.report === 'md' ? comparisonReportMarkdown : comparisonReportHtml;
    await writeFile(o.out, render(comparisons, { language: globals.lang }), 'utf8');
    if (!o.json) out(`report written to ${o.out} (${comparisons.length} questions)`);
  }
  if (o.json) {
    return printJson(
      result.comparisons?.length === 1 && question !== undefined ? result.comparisons[0] : result,
    );
  }
  if (o.report !== undefined) return;
  if (result.questions !== undefined && result.comparisons === undefined) {
    for (const q of result.questions.slice(0, o.limit)) {
      const stated = q.stated.length > 0 ? ` (stated: ${q.stated.join(', ')})` : '';
      out(`${String(q.countries).padStart(3)}  ${q.stance.padEnd(6)}  ${oneLine(q.question)}${stated}`);
    }
    out(`${Math.min(o.limit, result.questions.length)} of ${result.questions.length} questions`);
    return;
  }
  for (const c of result.comparisons ?? []) out(comparisonLines(c).join('\n'));
}

export async function runConsistency(document: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { json } = parseOptions(JsonOption, raw);
  if (document.trim() === '') throw invalidInput('document', 'give a document id or a file path');
  const result = await withStore(globals, (store) => consistency(store, document));
  if (json) return printJson(result.findings);
  for (const f of result.findings) {
    out(`${f.kind}: ${oneLine(f.message)}`);
    for (const q of f.quotes) out(`  @${q.start}  “${oneLine(q.quote.slice(0, 140))}”`);
  }
  out(`${result.findings.length} findings in ${documentName(result.title, result.fileName)}`);
}
