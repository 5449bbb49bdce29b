/**
 * `npm run eval`: extracts every corpus document in this process, through the same function as
 * `mda extract FILE --json` (extractFile → toEvaluationObject), writes NAME.json files into a
 * temporary folder and prints the table of the shared scorer against the dev gold. Exits non-zero
 * only on errors (a document that fails, a scorer that fails), never on low scores.
 *
 * `npm run eval -- --heldout` scores the held-out set instead (eval/heldout/docs against
 * eval/heldout/gold): documents written for the project to check that the rules generalise.
 * `--no-catalogue` extracts with the general rules only (no catalogue of well-known instruments).
 * After the scores it prints a calibration table: predicted facts per confidence bucket and the
 * share the gold confirms (see calibration.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrationTable, judgeSet } from './calibration.ts';
import { toEvaluationObject } from '../src/extraction/evaluation.ts';
import { extractFile } from '../src/services/extract-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const heldout = process.argv.includes('--heldout');
const corpus = heldout ? join(root, 'eval', 'heldout', 'docs') : join(root, 'corpus');
// The shared folder sits next to the checkout, or next to the folder of worktrees.
const shared =
  process.env['MDA_SHARED_DIR'] ??
  [resolve(root, '..', 'shared'), resolve(root, '..', '..', 'shared')].find((dir) =>
    existsSync(join(dir, 'eval', 'score.mjs')),
  ) ??
  resolve(root, '..', 'shared');
const gold =
  process.env['MDA_GOLD_DIR'] ??
  (heldout ? join(root, 'eval', 'heldout', 'gold') : join(shared, 'eval', 'dev'));
const scorer = join(shared, 'eval', 'score.mjs');
const keep = process.argv.includes('--keep');
const useCatalogue = !process.argv.includes('--no-catalogue');

async function main(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'mda-eval-'));
  let failures = 0;
  const files = readdirSync(corpus)
    .filter((f) => /\.(?:txt|md|html?|pdf|docx)$/.test(f))
    .sort();
  for (const file of files) {
    try {
      const started = performance.now();
      const { extracted } = await extractFile(join(corpus, file), { catalogue: useCatalogue });
      const evaluation = toEvaluationObject(extracted);
      const name = file.replace(/\.[^.]+$/, '.json');
      writeFileSync(join(out, name), `${JSON.stringify(evaluation, null, 2)}\n`);
      const ms = (performance.now() - started).toFixed(0);
      console.log(
        `${file}: ${evaluation.instruments.length} instruments, ${evaluation.topics.length} topics (${ms} ms)`,
      );
    } catch (error) {
      failures++;
      console.error(`${file}: extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const result = spawnSync(process.execPath, [scorer, gold, out], { encoding: 'utf8' });
  console.log(useCatalogue ? 'catalogue: on' : 'catalogue: off (--no-catalogue: general rules only)');
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const scored = readdirSync(gold).filter((f) => f.endsWith('.json') && existsSync(join(out, f)));
  console.log(`\n${calibrationTable(judgeSet(gold, out, scored))}`);
  if (keep) console.log(`predictions kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) return result.status ?? 1;
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
