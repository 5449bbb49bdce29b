/**
 * Writes src/extraction/currency-lexicon.json: the currency names, shared nouns and signs the amount
 * finder reads, computed from the CLDR data of this Node's ICU (see currency-lexicon.ts). Run after
 * a Node upgrade: `node --import tsx scripts/currency-lexicon.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCurrencyLexiconFromCldr, storedForm } from '../src/extraction/currency-lexicon.ts';

const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'extraction',
  'currency-lexicon.json',
);
writeFileSync(target, `${JSON.stringify(storedForm(buildCurrencyLexiconFromCldr()), null, 1)}\n`);
console.log(`wrote ${target} (ICU ${process.versions.icu}, CLDR ${process.versions.cldr})`);
