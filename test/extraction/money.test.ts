import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Language } from '../../src/domain/model.ts';
import { findAmounts } from '../../src/extraction/money.ts';

/** "value CURRENCY" of each amount, in text order. */
function sums(text: string, language: Language): string[] {
  return findAmounts(text, language).map((m) => `${m.value} ${m.currency}`);
}

void describe('findAmounts: currencies and scales', () => {
  void it('reads French sums with a decimal dot or comma exactly', () => {
    assert.deepEqual(sums("pour un montant total de 145.1 millions d'euros", 'fr'), ['145100000 EUR']);
    assert.deepEqual(sums('pour un montant total de 145,1 millions d’euros', 'fr'), ['145100000 EUR']);
    assert.deepEqual(sums('5 milliards de dollars', 'fr'), ['5000000000 USD']);
    assert.deepEqual(sums('1 milliard d’euros', 'fr'), ['1000000000 EUR']);
  });

  void it('reads English sums with a currency before the number', () => {
    assert.deepEqual(sums('an investment package of € 7.4 billion', 'en'), ['7400000000 EUR']);
    assert.deepEqual(sums('including up to EUR 200 million', 'en'), ['200000000 EUR']);
    assert.deepEqual(sums('a pledge by the US to provide USD 578 million', 'en'), ['578000000 USD']);
    assert.deepEqual(sums('$ 3 million, US$ 5m and $3bn', 'en'), [
      '3000000 USD',
      '5000000 USD',
      '3000000000 USD',
    ]);
    assert.deepEqual(sums('£ 5 million, GBP 2 million and CHF 10 million', 'en'), [
      '5000000 GBP',
      '2000000 GBP',
      '10000000 CHF',
    ]);
  });

  void it('reads compact scale-currency forms', () => {
    assert.deepEqual(sums('2,5 M€, 3 M EUR, 10 MEUR, 4 Mio. €, 5 bn EUR et 2 mrd EUR', 'fr'), [
      '2500000 EUR',
      '3000000 EUR',
      '10000000 EUR',
      '4000000 EUR',
      '5000000000 EUR',
      '2000000000 EUR',
    ]);
  });

  void it('reads CFA francs as XOF, and XAF in a Central African context', () => {
    assert.deepEqual(sums('un budget de 1 000 000 FCFA et de 10\u202F000 francs CFA', 'fr'), [
      '1000000 XOF',
      '10000 XOF',
    ]);
    assert.deepEqual(sums('un appui de 500\u00A0000 FCFA au Cameroun', 'fr'), ['500000 XAF']);
  });

  void it('reads thousands separators and decimal marks of each language', () => {
    assert.deepEqual(sums('EUR 1,500,000.50 and EUR 1.250 billion', 'en'), [
      '1500000.5 EUR',
      '1250000000 EUR',
    ]);
    assert.deepEqual(sums('1.234.567,89 euros et 1.500 euros', 'fr'), ['1234567.89 EUR', '1500 EUR']);
    assert.deepEqual(sums('200 euros', 'fr'), ['200 EUR']);
  });

  void it('quotes exactly the text each span points to', () => {
    const text = 'soit 145.1 millions d’euros au total';
    for (const m of findAmounts(text, 'fr')) assert.equal(text.slice(m.start, m.end), m.quote);
  });
});

void describe('findAmounts: hedges and ranges', () => {
  void it('keeps the stated number of an approximate sum and records the hedge', () => {
    const [more] = findAmounts('the mobilisation of more than € 210 million', 'en');
    assert.equal(more?.value, 210000000);
    assert.equal(more?.approximate, true);
    const [near] = findAmounts("près de 5 millions d'euros", 'fr');
    assert.equal(near?.approximate, true);
    const [exact] = findAmounts('a € 150 million support programme', 'en');
    assert.equal(exact?.approximate, false);
  });

  void it('gives both ends of a range', () => {
    assert.deepEqual(sums('between EUR 10 and 20 million', 'en'), ['10000000 EUR', '20000000 EUR']);
    assert.deepEqual(sums('de 2 à 3 millions d’euros', 'fr'), ['2000000 EUR', '3000000 EUR']);
  });

  void it('keeps two sums joined by "and" apart', () => {
    const both = findAmounts('€ 5,000 and 10,000 euros', 'en');
    assert.deepEqual(
      both.map((m) => [m.value, m.approximate]),
      [
        [5000, false],
        [10000, false],
      ],
    );
  });
});

void describe('findAmounts: bare scaled numbers', () => {
  void it('gives a bare "M" sum the currency of the sum just before it', () => {
    assert.deepEqual(
      sums(
        'un total de 145.1 millions d’euros, dont trois initiatives (pour 53.6 M) et six projets (91.5 M).',
        'fr',
      ),
      ['145100000 EUR', '53600000 EUR', '91500000 EUR'],
    );
  });

  void it('leaves a bare scaled number alone without a sum before it or when it counts people', () => {
    assert.deepEqual(sums('There were 3 M people and 2 million migrants.', 'en'), []);
    assert.deepEqual(sums('Le projet (53.6 M) a débuté.', 'fr'), []);
    assert.deepEqual(sums('A budget of EUR 5 million will help 2 million refugees.', 'en'), ['5000000 EUR']);
  });

  void it('does not inherit a currency across more than one sentence', () => {
    const text = 'The fund has EUR 5 million. It is new. It covers many needs. Then 3 M later.';
    assert.deepEqual(sums(text, 'en'), ['5000000 EUR']);
  });
});

void describe('findAmounts: numbers that are not money', () => {
  void it('leaves out percentages, years, counts and codes', () => {
    assert.deepEqual(sums('5 % of the 2020 budget; 23 EMN NCPs; EUR-Lex 2024; 70 participants', 'en'), []);
    assert.deepEqual(sums('70 participants de 26 pays, en 2019', 'fr'), []);
  });

  void it('does not read lower-case words as currency codes', () => {
    assert.deepEqual(sums('about 5 eur and 3 usd', 'en'), []);
  });
});

void describe('findAmounts: sums that lost their magnitude', () => {
  void it('drops a few units with decimals and no scale word, in both languages', () => {
    assert.deepEqual(sums('The Commission pledged EUR 1.8 to the reintegration facility.', 'en'), []);
    assert.deepEqual(sums("L'Union a engagé 2,4 € pour le volet retour du programme.", 'fr'), []);
  });

  void it('keeps real magnitudes written with a scale word or as whole units', () => {
    assert.deepEqual(sums('The Commission pledged EUR 1.8 million to the facility.', 'en'), ['1800000 EUR']);
    assert.deepEqual(sums('un appui de 3,2 Mio EUR et de 1,5 milliard d’euros', 'fr'), [
      '3200000 EUR',
      '1500000000 EUR',
    ]);
    assert.deepEqual(sums('une allocation de 500 € par personne', 'fr'), ['500 EUR']);
  });

  void it('keeps a price per unit with cents', () => {
    assert.deepEqual(sums('Seasonal workers earn at least AUD 23.23 per hour.', 'en'), ['23.23 AUD']);
  });
});
