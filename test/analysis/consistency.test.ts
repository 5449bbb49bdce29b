import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkConsistency } from '../../src/analysis/consistency.ts';
import { extractCountClaims } from '../../src/extraction/country-positions.ts';

const INFORM = readFileSync(
  new URL('../../corpus/emn-oecd-migration-diplomacy-2024.en.txt', import.meta.url),
  'utf8',
);

/** A synthesis whose counts, lists and either/or questions all agree. */
const CONSISTENT = [
  'Key points',
  '',
  '- Five EMN Member Countries use special envoys in their migration diplomacy, with three reporting that special envoys are not used in their migration diplomacy.',
  '',
  'Findings',
  '',
  'Five EMN Member Countries¹ use special envoys in their migration diplomacy, with three² reporting that special envoys are not used in their migration diplomacy.',
  'Four countries³ report challenges in negotiations with third countries.',
  'Readmission cooperation with partners is assessed as satisfactory by two countries.⁴',
  '',
  '1 AT, BE, DE, ES and FR.',
  '',
  '2 CY, LU and MT.',
  '',
  '3 AT, BE, NL and SK.',
  '',
  '4 FI and SE.',
].join('\n');

void describe('consistency of the EMN-OECD inform', () => {
  const findings = checkConsistency(extractCountClaims(INFORM, 'emn'));
  const quoted = (start: number, end: number) => INFORM.slice(start, end).replace(/\s+/g, ' ').trim();

  void it('finds the six-versus-seven countries for which migration diplomacy is not a prominent part', () => {
    const f = findings.find((x) => x.kind === 'conflicting_counts' && x.counts?.includes(7));
    assert.ok(f, 'conflicting counts 6 / 7');
    assert.deepEqual([...(f.counts ?? [])].sort(), [6, 7]);
    // Both lists are given: Malta is in the list of seven and not in the list of six.
    assert.deepEqual(f.countries, ['MT']);
    const texts = f.quotes.map((q) => q.quote);
    assert.ok(
      texts.some((q) => q.includes('with six⁵⁸ reporting that migration diplomacy is not currently part')),
    );
    assert.ok(
      texts.some((q) =>
        q.includes('not a prominent part of international migration affairs in seven EMN Member'),
      ),
    );
    for (const q of f.quotes) assert.equal(quoted(q.start, q.end), q.quote);
  });

  void it('finds eleven (key points) against ten (section 6.2) countries reporting challenges in negotiations', () => {
    const f = findings.find((x) => x.kind === 'conflicting_counts' && x.counts?.includes(11));
    assert.ok(f);
    assert.deepEqual(f.counts, [11, 10]);
    assert.equal(f.stated, 11);
    assert.equal(f.listed, 10);
    assert.equal(f.quotes.length, 2);
  });

  void it('finds Malta both among the users of migration diplomacy and among those for which it is not a part', () => {
    const overlap = findings.find((x) => x.kind === 'overlapping_lists');
    assert.deepEqual(overlap?.countries, ['MT']);
    assert.equal(overlap?.quotes.length, 4);
    const both = findings.filter((x) => x.kind === 'both_sides');
    assert.deepEqual(
      both.map((x) => x.countries),
      [['MT']],
    );
    assert.ok(both[0]?.quotes.some((q) => q.quote === 'MT'));
  });

  void it('finds nothing else: every stated count matches its footnote list', () => {
    assert.equal(findings.filter((x) => x.kind === 'count_mismatch').length, 0);
    assert.equal(findings.length, 4);
  });
});

void describe('consistency of made-up syntheses', () => {
  void it('finds nothing in a consistent synthesis', () => {
    const claims = extractCountClaims(CONSISTENT, 'synthetic');
    assert.equal(claims.length, 6, 'the check has claims to work on');
    assert.deepEqual(checkConsistency(claims), []);
  });

  void it('flags a stated count that differs from its own list, with both numbers', () => {
    const text = 'Three countries¹ have appointed a special envoy for migration.\n\n1 BE, DE, ES and FR.';
    const [finding, ...rest] = checkConsistency(extractCountClaims(text, 'bad'));
    assert.equal(rest.length, 0);
    assert.equal(finding?.kind, 'count_mismatch');
    assert.equal(finding?.stated, 3);
    assert.equal(finding?.listed, 4);
    assert.equal(finding?.quotes[1]?.quote, 'BE, DE, ES and FR.');
  });
});

/** The kinds, stated/listed numbers and countries of each finding: what must match across languages. */
function summary(text: string): string[] {
  return checkConsistency(extractCountClaims(text, 'synthesis')).map((f) =>
    [f.kind, f.stated ?? '', f.listed ?? '', (f.counts ?? []).join('/'), (f.countries ?? []).join(',')].join(
      ' ',
    ),
  );
}

void describe('consistency in French and English', () => {
  const read = (name: string): string =>
    readFileSync(new URL(`../fixtures/consistency/${name}`, import.meta.url), 'utf8');
  const english = read('synthesis.en.txt');
  const french = read('synthese.fr.txt');

  void it('finds one finding of each kind in the English synthesis', () => {
    assert.deepEqual(summary(english), [
      'count_mismatch 12 11  AT,BE,CZ,DE,EE,ES,FI,FR,HU,IT,LV',
      'conflicting_counts 11 10 11/10 ',
      'overlapping_lists    NL',
      'both_sides    NL',
    ]);
  });

  void it('finds the same findings in its French version, with counts written in French words', () => {
    assert.deepEqual(summary(french), summary(english));
  });

  void it('reads French number words, approximate counts and names in footnote lists', () => {
    const claims = extractCountClaims(french, 'fr');
    assert.deepEqual(
      claims.map((c) => c.stated),
      [11, 7, 4, 10, 7, 4, 12, 12],
    );
    // "Une douzaine d'États membres" listing 13 states is no mismatch; nor is "about a dozen".
    const dozen = claims.at(-1);
    assert.equal(dozen?.list?.countries.length, 13);
    assert.deepEqual(
      extractCountClaims(english, 'en').map((c) => c.stated),
      [11, 7, 4, 10, 7, 4, 12, 12],
    );
    // Names written out in a French footnote list are read like codes.
    assert.deepEqual(claims[4]?.list?.countries, ['BE', 'DE', 'ES', 'FR', 'IT', 'NL', 'PT']);
  });

  void it('counts "une dizaine", "une vingtaine" and "sept", "onze", "douze" in French', () => {
    const text = [
      'Une vingtaine de pays¹ ont conclu des partenariats pour les talents.',
      'Sept pays² ont nommé un envoyé spécial.',
      '',
      '¹ AT, BE, BG, CZ, DE, DK, EE, ES, FI, FR, HR, HU, IE, IT, LT, LU, LV, NL, PL et SE.',
      '',
      '² AT, BE, DE, ES, FR et IT.',
    ].join('\n');
    assert.deepEqual(summary(text), ['count_mismatch 7 6  AT,BE,DE,ES,FR,IT']);
  });
});
