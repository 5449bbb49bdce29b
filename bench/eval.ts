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
 * `npm run eval -- --spent` scores every spent set in turn (eval/blind, blind2 .. blind10, heldout:
 * sets that were blind once, were scored before and after a rule round, and may be read for error
 * analysis since) and then prints their pooled calibration table.
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
import { calibrationTable, type JudgedFact, judgeSet } from './calibration.ts';
import { toEvaluationObject } from '../src/extraction/evaluation.ts';
import { extractFile } from '../src/services/extract-file.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const heldout = process.argv.includes('--heldout');
/** Sets that were blind once and have since been read and used to tune the rules. */
const SPENT_SETS = [
  'blind',
  'blind2',
  'blind3',
  'blind4',
  'blind5',
  'blind6',
  'blind7',
  'blind8',
  'blind9',
  'blind10',
  'heldout',
] as const;
const spent = process.argv.includes('--spent');
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
const scorer = join(shared, 'eval', 'score.mjs');
const keep = process.argv.includes('--keep');
const langIndex = process.argv.indexOf('--lang');
const lang = langIndex >= 0 ? process.argv[langIndex + 1] : undefined;

/** Base names (without extension) of the gold files whose `language` is `code`. */
function goldNamesInLanguage(gold: string, code: string): Set<string> {
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
  if ((langIndex >= 0 && lang !== 'fr' && lang !== 'en') || badSet || (spent && set)) {
    console.error(
      'usage: npm run eval -- [--heldout | --blind | --set DIR | --spent] [--lang fr|en] [--no-catalogue] [--keep]\n' +
        '  --set DIR: a folder holding docs/ and gold/',
    );
    return 64;
  }
  if (!spent) return (await scoreSet(set)).status;
  const pooled: JudgedFact[] = [];
  let status = 0;
  for (const name of SPENT_SETS) {
    console.log(`\n=== eval/${name} (spent: used for tuning)`);
    const result = await scoreSet(join(root, 'eval', name));
    pooled.push(...result.facts);
    status = status || result.status;
  }
  console.log(`\n=== pooled spent sets (${SPENT_SETS.map((n) => `eval/${n}`).join(', ')})`);
  console.log(calibrationTable(pooled));
  return status;
}

/** Extracts and scores one set (the dev corpus when `set` is undefined); prints its tables. */
async function scoreSet(set: string | undefined): Promise<{ status: number; facts: JudgedFact[] }> {
  const corpus = set ? join(set, 'docs') : join(root, 'corpus');
  const gold = process.env['MDA_GOLD_DIR'] ?? (set ? join(set, 'gold') : join(shared, 'eval', 'dev'));
  const only = lang ? goldNamesInLanguage(gold, lang) : undefined;
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
  const facts = judgeSet(goldDir, out, scored);
  console.log(`\n${calibrationTable(facts)}`);
  if (only) rmSync(goldDir, { recursive: true, force: true });
  if (keep) console.log(`predictions kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
  const status = result.status !== 0 ? (result.status ?? 1) : failures > 0 ? 1 : 0;
  return { status, facts };
}

process.exitCode = await main();
