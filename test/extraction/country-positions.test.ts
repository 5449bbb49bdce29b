import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  extractCountClaims,
  extractCountryPositions,
  stanceOf,
} from '../../src/extraction/country-positions.ts';
import { locateFootnotes } from '../../src/extraction/positions/footnotes.ts';
import { parseCount } from '../../src/extraction/positions/numbers.ts';
import { segment } from '../../src/extraction/segmentation.ts';

const INFORM = readFileSync(
  new URL('../../corpus/emn-oecd-migration-diplomacy-2024.en.txt', import.meta.url),
  'utf8',
);

void describe('number words', () => {
  void it('reads English and French counts in words and digits', () => {
    assert.equal(parseCount('Seventeen'), 17);
    assert.equal(parseCount('twenty-three'), 23);
    assert.equal(parseCount('dix-sept'), 17);
    assert.equal(parseCount('vingt et un'), 21);
    assert.equal(parseCount('soixante-dix'), 70);
    assert.equal(parseCount('23'), 23);
    // "one"/"un" alone are articles more often than counts.
    assert.equal(parseCount('un'), null);
  });
});

void describe('country positions of the EMN-OECD inform', () => {
  const claims = extractCountClaims(INFORM, 'emn');
  const byFootnote = (n: number) => claims.find((c) => c.list?.footnote === n);

  void it('reads each footnoted count with the list of its footnote', () => {
    const expected: [number, number, string][] = [
      [57, 17, 'AT BE CY CZ DE ES FR HU IE LT MT NL SE SI SK GE UA'],
      [58, 6, 'EE FI LU LV PL PT'],
      [62, 4, 'BE DE ES FI'],
      [64, 10, 'CY CZ EE FI LT LU LV MT PL PT'],
      [65, 7, 'EE FI LV LU MT PL PT'],
      [72, 9, 'AT BE CY FR HU LT MT SI SK'],
      [76, 4, 'BE FI FR MT'],
      [92, 10, 'AT BE DE ES FR MT NL SK GE UA'],
      [101, 8, 'AT DE ES FR MT NL SK GE'],
      [102, 5, 'DE ES NL SK UA'],
      [103, 7, 'AT DE ES FR NL GE UA'],
    ];
    for (const [footnote, stated, codes] of expected) {
      const claim = byFootnote(footnote);
      assert.ok(claim, `claim of footnote ${footnote}`);
      assert.equal(claim.stated, stated, `stated count of footnote ${footnote}`);
      assert.deepEqual(claim.list?.countries, codes.split(' '), `list of footnote ${footnote}`);
      assert.equal(claim.list?.exhaustive, true);
    }
  });

  void it('takes the predicate as the question and reads negation as the stance', () => {
    const uses = byFootnote(57);
    assert.equal(
      uses?.question,
      'use migration diplomacy at national level as part of their wider international migration affairs',
    );
    assert.equal(uses?.stance, 'yes');
    assert.equal(uses?.count.quote, 'Seventeen EMN Member and Observer Countries');
    // "with six⁵⁸ reporting that …": a count without its noun, predicate after "that".
    assert.equal(
      byFootnote(58)?.question,
      'migration diplomacy is not currently part of their international migration affairs',
    );
    assert.equal(byFootnote(58)?.stance, 'no');
    // "… is not a prominent part … in seven EMN Member and Observer Countries⁶⁵": predicate first.
    assert.equal(
      byFootnote(65)?.question,
      'Migration diplomacy is not a prominent part of international migration affairs',
    );
    assert.equal(
      byFootnote(102)?.question,
      'The implementation of migration agreements is identified as a challenge',
    );
  });

  void it('keeps counts of the key points, which have no footnotes', () => {
    const eleven = claims.find((c) => c.stated === 11);
    assert.equal(eleven?.question, 'report challenges in negotiations with third countries');
    assert.equal(eleven?.list, null);
    assert.ok(claims.some((c) => c.stated === 6 && c.list === null && c.stance === 'no'));
  });

  void it('reads an inline list and lists without a number, and marks samples as not exhaustive', () => {
    const ncps = claims.find((c) => c.stated === 23);
    assert.equal(ncps?.list?.source, 'inline');
    assert.equal(ncps?.list?.countries.length, 23);
    const some = byFootnote(80);
    assert.equal(some?.stated, null);
    assert.deepEqual(some?.list?.countries, ['BE', 'DE', 'ES', 'FI']);
    assert.equal(byFootnote(87)?.list?.exhaustive, false);
  });

  void it('gives one position per listed country with the sentence and the list item', () => {
    const { positions } = extractCountryPositions(INFORM, 'emn');
    const malta = positions.filter((p) => p.country === 'MT');
    assert.ok(malta.some((p) => p.stance === 'yes' && p.question.startsWith('use migration diplomacy')));
    assert.ok(
      malta.some((p) => p.stance === 'no' && p.question.startsWith('Migration diplomacy is not a prominent')),
    );
    for (const p of positions) {
      assert.equal(INFORM.slice(p.listItem?.start, p.listItem?.end), p.listItem?.quote);
      assert.ok(p.evidence.end > p.evidence.start);
    }
  });

  void it('gives the same claims when the pipeline segmentation is passed in', () => {
    const withSegmentation = extractCountClaims(INFORM, 'emn', { segmentation: segment(INFORM) });
    assert.deepEqual(
      withSegmentation.map((c) => [c.stated, c.list?.countries.join(' ')]),
      claims.map((c) => [c.stated, c.list?.countries.join(' ')]),
    );
  });
});

void describe('country positions in other layouts', () => {
  void it('reads French counts, glued plain-digit markers and lists of country names', () => {
    const text = [
      'Dix-sept pays membres et observateurs1 utilisent la diplomatie migratoire au niveau national.',
      'Trois pays2 ne disposent pas d’un envoyé spécial.',
      '',
      '1 AT, BE, CY, CZ, DE, ES, FR, HU, IE, LT, MT, NL, SE, SI, SK et GE, UA.',
      '',
      '2 Belgique, Italie et Grèce.',
    ].join('\n');
    const claims = extractCountClaims(text, 'fr-doc');
    assert.equal(claims.length, 2);
    assert.equal(claims[0]?.stated, 17);
    assert.equal(claims[0]?.list?.countries.length, 17);
    assert.equal(claims[0]?.question, 'utilisent la diplomatie migratoire au niveau national');
    assert.equal(claims[1]?.stated, 3);
    assert.equal(claims[1]?.stance, 'no');
    assert.deepEqual(claims[1]?.list?.countries, ['BE', 'IT', 'GR']);
  });

  void it('locates footnotes only when a marker points to them', () => {
    const text = 'Some text¹ here.\n\n1 A note.\n\n2 Not a footnote: no marker points to it.';
    const notes = locateFootnotes(text);
    assert.deepEqual(
      notes.map((n) => n.number),
      [1],
    );
    assert.equal(stanceOf('is partly covered'), 'partly');
  });
});
