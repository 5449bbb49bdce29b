/**
 * The scoring of `mda eval --reviewed` as a pure function: accepted and corrected values are gold,
 * rejected and replaced ones known wrong, unreviewed facts ignored; and the alignment of
 * re-extracted instruments to stored ones by where they are named.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  alignInstruments,
  scoreAgainstReviews,
  type ExtractedFact,
  type ReviewedFact,
} from '../../src/analysis/reviewed-eval.ts';

const fact = (
  property: string,
  value: unknown,
  instrumentId = 'ins_a',
  documentId = 'doc_1',
): ExtractedFact => ({
  documentId,
  instrumentId,
  property,
  value,
});
const reviewed = (state: ReviewedFact['reviewState'], property: string, value: unknown): ReviewedFact => ({
  ...fact(property, value),
  reviewState: state,
});

void describe('scoreAgainstReviews', () => {
  void it('counts true and false positives and negatives per field and over all fields', () => {
    const reviews = [
      reviewed('confirmed', 'type', 'dialogue'),
      reviewed('confirmed', 'party', { actorId: 'ML', role: 'participant' }),
      reviewed('rejected', 'party', { actorId: 'FR', role: 'participant' }),
      reviewed('superseded', 'date', { value: '2016', precision: 'year', role: 'launch' }),
      reviewed('corrected', 'date', { value: '2016-12', precision: 'month', role: 'launch' }),
      reviewed('unreviewed', 'topic', 'return_readmission'),
    ];
    const extracted = [
      fact('type', 'dialogue'),
      fact('party', { actorId: 'ML', role: 'participant' }),
      fact('party', { actorId: 'FR', role: 'participant' }),
      // Same value, another precision: the value and role are what the date is.
      fact('date', { value: '2016', precision: 'day', role: 'launch' }),
      fact('topic', 'return_readmission'),
      // Found, but no reviewer looked at it: not counted.
      fact('approach', 'team_europe'),
    ];
    const scores = scoreAgainstReviews(reviews, extracted);
    assert.deepEqual(
      scores.fields.map((f) => [
        f.field,
        f.gold,
        f.wrong,
        f.truePositives,
        f.falsePositives,
        f.falseNegatives,
      ]),
      [
        ['type', 1, 0, 1, 0, 0],
        ['party', 1, 1, 1, 1, 0],
        ['date', 1, 1, 0, 1, 1],
      ],
    );
    assert.deepEqual(
      [scores.fields[1]?.precision, scores.fields[1]?.recall, scores.fields[1]?.f1],
      [0.5, 1, 0.667],
    );
    assert.deepEqual(
      [scores.fields[2]?.precision, scores.fields[2]?.recall, scores.fields[2]?.f1],
      [0, 0, null],
    );
    assert.deepEqual(
      [scores.all.truePositives, scores.all.falsePositives, scores.all.falseNegatives, scores.all.precision],
      [2, 2, 1, 0.5],
    );
  });

  void it('keeps a value accepted in one sighting and rejected in another as right', () => {
    const scores = scoreAgainstReviews(
      [reviewed('rejected', 'topic', 'visa'), reviewed('confirmed', 'topic', 'visa')],
      [fact('topic', 'visa')],
    );
    assert.deepEqual([scores.all.gold, scores.all.wrong, scores.all.truePositives], [1, 0, 1]);
  });

  void it('has no ratio where nothing was counted', () => {
    const scores = scoreAgainstReviews([], [fact('type', 'dialogue')]);
    assert.deepEqual(scores.fields, []);
    assert.deepEqual([scores.all.precision, scores.all.recall, scores.all.f1], [null, null, null]);
  });
});

void describe('alignInstruments', () => {
  void it('maps a re-extracted instrument to the stored one named at the same place, else follows merges', () => {
    const align = alignInstruments(
      [
        { documentId: 'doc_1', instrumentId: 'ins_new_title', start: 10, end: 30 },
        { documentId: 'doc_2', instrumentId: 'ins_merged', start: 0, end: 5 },
      ],
      [
        { documentId: 'doc_1', instrumentId: 'ins_stored', start: 12, end: 28 },
        { documentId: 'doc_2', instrumentId: 'ins_elsewhere', start: 50, end: 60 },
      ],
      (id) => (id === 'ins_merged' ? 'ins_kept' : undefined),
    );
    assert.equal(align('doc_1', 'ins_new_title'), 'ins_stored');
    assert.equal(align('doc_2', 'ins_merged'), 'ins_kept');
    assert.equal(align('doc_2', 'ins_unknown'), 'ins_unknown');
  });
});
