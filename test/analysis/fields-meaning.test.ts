/**
 * Fields that mean something (sentences written for these tests): one approach per state and
 * sentence, and comparison questions that are propositions about the countries counted, not
 * statements about the document or about where its information came from.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractApproachAttributions } from '../../src/analysis/conditionality.ts';
import { extractCountryPositions } from '../../src/extraction/country-positions.ts';

void describe('one approach per state per sentence', () => {
  void it('keeps the approach the sentence names first for a state', () => {
    const text =
      'Portugal favours an incentive-based approach which, to a lesser extent, also uses negative conditionality such as visa restrictions.';
    assert.deepEqual(
      extractApproachAttributions(text, 'd').map((a) => [a.actorId, a.approach, a.stance]),
      [['PT', 'positive_conditionality', 'applies']],
    );
  });
  void it('reads French and keeps one attribution per state', () => {
    const text = 'La Suède privilégie la conditionnalité négative, avec quelques incitations ponctuelles.';
    assert.deepEqual(
      extractApproachAttributions(text, 'd').map((a) => [a.actorId, a.approach]),
      [['SE', 'negative_conditionality']],
    );
  });
});

void describe('comparison questions are propositions about the countries', () => {
  void it('gives no question for the sources of the document or the document itself', () => {
    const text =
      'This report was compiled on the basis of contributions from 4 Member States (BE, FR, IT, NL).\n\nThe present study covers 3 countries (AT, DE, PL) in detail.';
    const { claims, positions } = extractCountryPositions(text, 'd');
    // The counts stay (a stated count is checked against its list), the questions go.
    assert.ok(claims.length > 0);
    assert.deepEqual(
      positions.map((p) => p.question),
      [],
    );
  });
  void it('keeps a question the countries answer', () => {
    const text =
      'Three EMN Member Countries¹ use labour migration agreements with partner countries.\n\n¹ ES, IT, PT.';
    assert.deepEqual(
      [...new Set(extractCountryPositions(text, 'd').positions.map((p) => p.question))],
      ['use labour migration agreements with partner countries'],
    );
  });
});
