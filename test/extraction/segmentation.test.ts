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
