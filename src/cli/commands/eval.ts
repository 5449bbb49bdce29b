/**
 * `mda eval --reviewed`: precision and recall of the current extractor per field, against the facts
 * reviewers accepted, corrected or rejected (services/eval-reviewed.ts). The gold-set evaluation of
 * the corpus is `npm run eval`.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { FieldScore } from '../../analysis/reviewed-eval.ts';
import { invalidInput } from '../../domain/errors.ts';
import { evaluateAgainstReviews } from '../../services/eval-reviewed.ts';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { out, printJson } from '../output.ts';

const EvalOptions = z.object({
  reviewed: z.boolean().default(false),
  catalogue: z.boolean().default(true),
  json: z.boolean().default(false),
});

const figure = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));

/** One table row: field, counts, then the ratios (n/a where nothing was counted). */
function row(score: FieldScore): string {
  return [
    score.field.padEnd(11),
    String(score.gold).padStart(5),
    String(score.wrong).padStart(6),
    String(score.truePositives).padStart(4),
    String(score.falsePositives).padStart(4),
    String(score.falseNegatives).padStart(4),
    figure(score.precision).padStart(9),
    figure(score.recall).padStart(7),
    figure(score.f1).padStart(6),
  ].join(' ');
}

export async function runEval(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(EvalOptions, raw);
  if (!options.reviewed) {
    throw invalidInput(
      'reviewed',
      'mda eval scores against the reviews stored in the atlas: give --reviewed (the gold-set evaluation of the corpus is `npm run eval`)',
    );
  }
  const result = await withStore(globals, (store) =>
    evaluateAgainstReviews(store, options.catalogue ? {} : { catalogue: false }),
  );
  if (options.json) return printJson(result);
  out(`${result.extractor} against ${result.reviewedFacts} reviewed facts in ${result.documents} documents`);
  if (result.fields.length === 0) {
    out('no reviewed facts yet: accept, correct or reject facts in the review queue first');
    return;
  }
  out('field        gold  wrong   TP   FP   FN precision recall    F1');
  for (const score of result.fields) out(row(score));
  out(row(result.all));
  out(
    'gold: accepted or corrected values; wrong: rejected or replaced values. Unreviewed facts are not counted.',
  );
}
