import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segment } from '../../src/extraction/segmentation.ts';

const DOC = [
  '1. INTRODUCTION',
  '',
  'Countries use migration diplomacy.¹ Some use readmission agreements, e.g. with Mali.² It is old.',
  '',
  '1 Note for the reader: this is a content note.',
  '',
  "2 Smith, J., 'Readmission', (2019), https://example.org, last accessed on 27 July 2024.",
  '',
  '2.1. Current approach',
  '',
  'S.E. M. Diop a reçu 145.1 millions d’euros. Mme Dupont était présente.',
].join('\n');

void test('finds numbered sections with levels and extents', () => {
  const s = segment(DOC);
  assert.deepEqual(
    s.sections.map((x) => [x.number, x.heading, x.level]),
    [
      ['1', 'INTRODUCTION', 1],
      ['2.1', 'Current approach', 2],
    ],
  );
  assert.equal(s.sections[0]?.end, DOC.length);
});

void test('links footnote bodies to superscript markers and flags citations', () => {
  const s = segment(DOC);
  assert.equal(s.footnotes.length, 2);
  const [one, two] = s.footnotes;
  assert.ok(one && two);
  assert.equal(one.number, 1);
  assert.equal(DOC.slice(one.markers[0]?.start, one.markers[0]?.end), '¹');
  assert.equal(one.isCitation, false);
  assert.equal(two.isCitation, true);
  assert.ok(DOC.slice(two.start, two.end).startsWith('2 Smith'));
});

void test('reads bracketed and glued markers', () => {
  const text =
    'Diasporas matter [1]. Les communautés transnationales2 demeurent liées.\n\n1 A note.\n\n2 Une autre note.';
  const s = segment(text);
  assert.equal(text.slice(s.footnotes[0]?.markers[0]?.start, s.footnotes[0]?.markers[0]?.end), '[1]');
  assert.equal(text.slice(s.footnotes[1]?.markers[0]?.start, s.footnotes[1]?.markers[0]?.end), '2');
});

void test('splits sentences without breaking on abbreviations, initials or decimals', () => {
  const s = segment(DOC);
  const sentences = s.sentences.map((x) => DOC.slice(x.start, x.end));
  assert.ok(sentences.includes('Some use readmission agreements, e.g. with Mali.²'));
  assert.ok(sentences.includes('S.E. M. Diop a reçu 145.1 millions d’euros.'));
  assert.ok(
    sentences.includes(
      "2 Smith, J., 'Readmission', (2019), https://example.org, last accessed on 27 July 2024.",
    ),
  );
  // In order and non-overlapping.
  for (let i = 1; i < s.sentences.length; i++) {
    assert.ok((s.sentences[i - 1]?.end ?? 0) <= (s.sentences[i]?.start ?? 0));
  }
});

void test('merges lines wrapped by PDF extraction into one paragraph', () => {
  const text =
    'Les deux parties ont rappelé la qualité des relations et les liens étroits entre le Mali et \n\nl’Union européenne. \n\nBamako, 11 Décembre 2016';
  const s = segment(text);
  assert.equal(s.paragraphs.length, 2);
  assert.equal(s.sentences.length, 2);
});

void test('segments a real report: numbered sections, all 104 notes (ASCII and superscript numbers) each with its marker', () => {
  const text = readFileSync(
    new URL('../../corpus/emn-oecd-migration-diplomacy-2024.en.txt', import.meta.url),
    'utf8',
  );
  const s = segment(text);
  assert.ok(s.sections.some((x) => x.number === '3.2' && x.heading === 'Current approach' && x.level === 2));
  assert.equal(s.footnotes.length, 104);
  assert.ok(s.footnotes.every((f, i) => f.number === i + 1 && f.markers.length > 0));
  assert.ok(s.footnotes.find((f) => f.number === 6)?.isCitation); // "6 Ibid."
  assert.equal(s.footnotes.find((f) => f.number === 1)?.isCitation, false);
  // Sentences are in order, do not overlap, and every footnote is covered by sentences.
  for (let i = 1; i < s.sentences.length; i++) {
    assert.ok((s.sentences[i - 1]?.end ?? 0) <= (s.sentences[i]?.start ?? 0));
  }
  for (const f of s.footnotes) assert.ok(s.sentences.some((x) => x.start === f.start));
});

void test('finds glued digit markers in a French PDF text', () => {
  const text = readFileSync(
    new URL('../../corpus/iom-gcm-diaspora-thematic-paper.fr.txt', import.meta.url),
    'utf8',
  );
  const s = segment(text);
  assert.equal(s.footnotes.length, 2);
  const marker = s.footnotes[0]?.markers[0];
  assert.ok(marker);
  assert.equal(text.slice(marker.start - 'transnationales'.length, marker.end), 'transnationales1');
  assert.ok(s.sections.some((x) => x.heading === 'INTRODUCTION'));
});

void test('finds notes right under a "Notes" heading or a separator line, without a blank line', () => {
  for (const opener of ['Notes', '____________', '———', 'Références :', 'Sources']) {
    const text = [
      'The Commission launched the partnership in June 2021¹. It was renewed in 2023².',
      '',
      opener,
      '¹ Based on replies to an ad-hoc query launched in 2023 (last accessed 30 August 2024).',
      '² A content note: the partnership was renewed in March 2023.',
    ].join('\n');
    const s = segment(text);
    assert.deepEqual(
      s.footnotes.map((f) => [f.number, f.isCitation, text.slice(f.markers[0]?.start, f.markers[0]?.end)]),
      [
        [1, true, '¹'],
        [2, false, '²'],
      ],
      opener,
    );
  }
});

void test('does not take a numbered line under an ordinary line for a note', () => {
  const text = 'Figures for the year\n1 000 migrants returned in 2023.';
  assert.equal(segment(text).footnotes.length, 0);
});

void test('flags a note that only cites an official act as a citation, not a note with content', () => {
  const text = [
    'The mechanism¹ and the instrument² fund partnerships³.',
    '',
    '1 Council Implementing Decision (EU) 2022/60 of 12 January 2022 on the Operational Coordination Mechanism, OJ L 10.',
    '2 Règlement (UE) 2021/947 du Parlement européen et du Conseil du 9 juin 2021 établissant un instrument.',
    '3 Regulation (EU) 2021/947 of 9 June 2021 set the envelope. It was first used in 2022 for Morocco.',
  ].join('\n');
  const s = segment(text);
  assert.deepEqual(
    s.footnotes.map((f) => [f.number, f.isCitation]),
    [
      [1, true],
      [2, true],
      [3, false],
    ],
  );
});
