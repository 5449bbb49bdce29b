/**
 * Amount roles read from the words around each sum, in French and English (sentences written for
 * these tests): totals with their breakdown, tranches, disbursements, pledges, and sums that say
 * nothing of what they are.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAmounts } from '../../src/extraction/money.ts';

const roles = (text: string, lang: 'fr' | 'en') =>
  findAmounts(text, lang).map((a) => [
    a.value / 1e6,
    a.role ?? null,
    a.partOf === null || a.partOf === undefined ? null : a.partOf / 1e6,
    a.roleCue?.quote ?? null,
  ]);

void describe('amount roles', () => {
  void it('reads a French total and its breakdown after « dont »', () => {
    assert.deepEqual(
      roles(
        'Le programme dispose d’une enveloppe globale de 40 millions d’euros, dont 25 M pour la Guinée et 15 M pour le Sénégal.',
        'fr',
      ),
      [
        [40, 'total', null, 'enveloppe globale de'],
        [25, 'part', 40, 'dont'],
        [15, 'part', 40, 'dont'],
      ],
    );
  });

  void it('reads an English total whose breakdown follows "including"', () => {
    assert.deepEqual(
      roles('Norway provides EUR 12 million, including EUR 4 million for reintegration.', 'en'),
      [
        [12, 'total', null, 'including'],
        [4, 'part', 12, 'including'],
      ],
    );
  });

  void it('links the sums of a sentence opening with "Of this" to the sum before it', () => {
    assert.deepEqual(
      roles(
        'The facility receives € 30 million. Of this amount, € 10 million goes to Niger and € 5 million to Chad.',
        'en',
      ),
      [
        [30, 'total', null, 'Of this amount'],
        [10, 'part', 30, 'Of this amount'],
        [5, 'part', 30, 'Of this amount'],
      ],
    );
    assert.deepEqual(
      roles(
        'Le fonds atteint 8 millions d’euros. Sur ce montant, 3 millions d’euros ont été décaissés.',
        'fr',
      ),
      [
        [8, 'total', null, 'Sur ce montant'],
        [3, 'disbursement', 8, 'décaissés'],
      ],
    );
  });

  void it('reads tranches, disbursements and pledges, linked to a total of the same sentence', () => {
    assert.deepEqual(
      roles('Spain pledged € 9 million, of which a first tranche of € 3 million was paid in May.', 'en'),
      [
        [9, 'pledge', null, 'pledged'],
        [3, 'tranche', 9, 'tranche'],
      ],
    );
    assert.deepEqual(roles('Of the € 50 million committed, € 20 million has been disbursed.', 'en'), [
      [50, 'total', null, 'Of the'],
      [20, 'disbursement', 50, 'disbursed'],
    ]);
    assert.deepEqual(roles('Lors de la conférence, la Belgique a promis 2 millions d’euros.', 'fr'), [
      [2, 'pledge', null, 'promis'],
    ]);
  });

  void it('does not make a breakdown of sums that exceed the whole or are in another currency', () => {
    assert.deepEqual(roles('Italy gives € 5 million, including € 7 million in loans.', 'en'), [
      [5, null, null, null],
      [7, null, null, null],
    ]);
    assert.deepEqual(roles('Le Japon apporte 10 millions de dollars, dont 2 millions d’euros.', 'fr'), [
      [10, null, null, null],
      [2, null, null, null],
    ]);
  });

  void it('leaves sums with no word of their role without one', () => {
    assert.deepEqual(roles('France gave € 6 million and Sweden € 2 million to the programme.', 'en'), [
      [6, null, null, null],
      [2, null, null, null],
    ]);
    // A "total" far before the sum, past a clause break, is not the sum's.
    assert.deepEqual(
      roles('Au total, plusieurs partenaires, dont la France, ont versé 6 millions d’euros.', 'fr'),
      [[6, null, null, null]],
    );
  });
});
