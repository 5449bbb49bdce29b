// Writes src/domain/world-states.json: the part of world-countries the actor registry reads (the
// states it keeps, and only the fields it uses), so `mda` parses about 60 KB at start-up instead of
// the package's 1.4 MB. `--check` exits 1 when the file differs from what the installed package
// gives (test/domain/world-states.test.ts runs it); run without it after updating world-countries.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { ROOT } from '../bin/dist-state.js';

const FILE = join(ROOT, 'src', 'domain', 'world-states.json');
/** Territories kept as states although not UN members (the same list as src/domain/actors.ts). */
const EXTRA_STATES = new Set(['XK', 'PS', 'TW', 'VA']);

const pick = (names) => (names === undefined ? undefined : { m: names.m, f: names.f });

const countries = createRequire(import.meta.url)('world-countries');
const states = countries
  .filter((c) => c.unMember || EXTRA_STATES.has(c.cca2))
  .map((c) => ({
    cca2: c.cca2,
    ccn3: c.ccn3,
    unMember: c.unMember,
    name: { common: c.name.common, official: c.name.official },
    ...(c.translations.fra === undefined
      ? {}
      : {
          translations: { fra: { common: c.translations.fra.common, official: c.translations.fra.official } },
        }),
    demonyms: {
      ...(c.demonyms.eng ? { eng: pick(c.demonyms.eng) } : {}),
      ...(c.demonyms.fra ? { fra: pick(c.demonyms.fra) } : {}),
    },
    altSpellings: c.altSpellings,
    capital: c.capital,
  }));
// One state per line: small, and a package update shows as a readable diff.
const text = `[\n${states.map((s) => JSON.stringify(s)).join(',\n')}\n]\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    // missing: differs
  }
  if (current !== text) {
    process.stderr.write(`${FILE} is not what world-countries gives: run node scripts/world-states.mjs\n`);
    process.exit(1);
  }
} else {
  writeFileSync(FILE, text);
}
