/**
 * `npm run eval`: extracts every corpus document in this process, through the same function as
 * `mda extract FILE --json` (extractFile → toEvaluationObject), writes NAME.json files into a
 * temporary folder and prints the table of the shared scorer against the dev gold. Exits non-zero
 * only on errors (a document that fails, a scorer that fails), never on low scores.
 *
 * `npm run eval -- --heldout` scores the held-out set instead (eval/heldout/docs against
 * eval/heldout/gold): documents written for the project to check that the rules generalise.
 * `npm run eval -- --blind` scores the blind set (eval/blind/docs against eval/blind/gold), written
 * without looking at the rules; it must never be used to tune them (see eval/blind/README.md).
 *
 * `npm run eval -- --set DIR` scores any folder laid out the same way (DIR/docs against DIR/gold),
 * such as eval/blind2.
 *
 * `--lang fr|en` keeps only the documents whose gold `language` is that code, so that each
 * language of a set can be scored on its own.
 *
 * `--no-catalogue` extracts with the general rules only (no catalogue of well-known instruments).
 * After the scores it prints a calibration table: predicted facts per confidence bucket and the
 * share the gold confirms (see calibration.ts).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calibrationTable, judgeSet } from './calibration.ts';
import { toEvaluationObject } from '../src/extraction/evaluation.ts';
import { extractFile } from '../src/services/extract-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const heldout = process.argv.includes('--heldout');
const blind = process.argv.includes('--blind');
const setIndex = process.argv.indexOf('--set');
const setArgument = setIndex >= 0 ? process.argv[setIndex + 1] : undefined;
const set = setArgument
  ? resolve(process.cwd(), setArgument)
  : blind
    ? join(root, 'eval', 'blind')
    : heldout
      ? join(root, 'eval', 'heldout')
      : undefined;
const corpus = set ? join(set, 'docs') : join(root, 'corpus');
/**
 * The shared folder (scorer, dev gold): the nearest `shared/` with the scorer above the checkout, so
 * that /work/main and a worktree /work/wt/NAME both find /work/shared (or MDA_SHARED_DIR).
 */
function sharedFolder(): string {
  if (process.env['MDA_SHARED_DIR']) return resolve(process.env['MDA_SHARED_DIR']);
  for (let dir = resolve(root, '..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'eval', 'score.mjs'))) return candidate;
    if (dirname(dir) === dir) return resolve(root, '..', 'shared');
  }
}
const shared = sharedFolder();
const gold = process.env['MDA_GOLD_DIR'] ?? (set ? join(set, 'gold') : join(shared, 'eval', 'dev'));
const scorer = join(shared, 'eval', 'score.mjs');
const keep = process.argv.includes('--keep');
const langIndex = process.argv.indexOf('--lang');
const lang = langIndex >= 0 ? process.argv[langIndex + 1] : undefined;

/** Base names (without extension) of the gold files whose `language` is `code`. */
function goldNamesInLanguage(code: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
    const parsed: unknown = JSON.parse(readFileSync(join(gold, file), 'utf8'));
    const language =
      typeof parsed === 'object' && parsed !== null && 'language' in parsed ? parsed.language : undefined;
    if (language === code) names.add(file.replace(/\.json$/, ''));
  }
  return names;
}
const useCatalogue = !process.argv.includes('--no-catalogue');

async function main(): Promise<number> {
  const badSet =
    setIndex >= 0 &&
    (!setArgument || !existsSync(join(set ?? '', 'docs')) || !existsSync(join(set ?? '', 'gold')));
  if ((langIndex >= 0 && lang !== 'fr' && lang !== 'en') || badSet) {
    console.error(
      'usage: npm run eval -- [--heldout | --blind | --set DIR] [--lang fr|en] [--no-catalogue] [--keep]\n' +
        '  --set DIR: a folder holding docs/ and gold/',
    );
    return 64;
  }
  const only = lang ? goldNamesInLanguage(lang) : undefined;
  // The scorer reads every gold file of its folder, so a language subset gets its own gold folder.
  const goldDir = only ? mkdtempSync(join(tmpdir(), 'mda-eval-gold-')) : gold;
  if (only) for (const name of only) copyFileSync(join(gold, `${name}.json`), join(goldDir, `${name}.json`));
  const out = mkdtempSync(join(tmpdir(), 'mda-eval-'));
  let failures = 0;
  const files = readdirSync(corpus)
    .filter((f) => /\.(?:txt|md|html?|pdf|docx)$/.test(f))
    .filter((f) => !only || only.has(f.replace(/\.[^.]+$/, '')))
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
  const result = spawnSync(process.execPath, [scorer, goldDir, out], { encoding: 'utf8' });
  console.log(useCatalogue ? 'catalogue: on' : 'catalogue: off (--no-catalogue: general rules only)');
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const scored = readdirSync(goldDir).filter((f) => f.endsWith('.json') && existsSync(join(out, f)));
  console.log(`\n${calibrationTable(judgeSet(goldDir, out, scored))}`);
  if (only) rmSync(goldDir, { recursive: true, force: true });
  if (keep) console.log(`predictions kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) return result.status ?? 1;
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
