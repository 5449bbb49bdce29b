import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Language } from '../../src/domain/model.ts';
import {
  ISO_4217_CODES,
  buildCurrencyLexiconFromCldr,
  currencyLexicon,
  storedForm,
} from '../../src/extraction/currency-lexicon.ts';
import { findAmounts } from '../../src/extraction/money.ts';

/** "value CURRENCY" of each amount, in text order. */
function sums(text: string, language: Language): string[] {
  return findAmounts(text, language).map((m) => `${m.value} ${m.currency}`);
}

void describe('currency lexicon from CLDR', () => {
  void it('is stored exactly as this Node’s CLDR builds it (else run scripts/currency-lexicon.ts)', () => {
    assert.deepEqual(storedForm(currencyLexicon()), storedForm(buildCurrencyLexiconFromCldr()));
  });

  void it('knows the active ISO 4217 codes and names them in both languages', () => {
    for (const code of ['EUR', 'USD', 'MXN', 'KES', 'NGN', 'INR', 'BRL', 'SEK', 'TRY', 'XAF', 'SLE']) {
      assert.ok(ISO_4217_CODES.has(code), code);
    }
    const { names } = currencyLexicon();
    assert.equal(names.get('pesos colombiens'), 'COP');
    assert.equal(names.get('colombian pesos'), 'COP');
    assert.equal(names.get('couronnes norvégiennes'), 'NOK');
    assert.equal(names.get('shillings kényans'), 'KES');
    assert.equal(names.get('livres égyptiennes'), 'EGP');
    // A noun several currencies share is no name by itself.
    assert.equal(names.get('dinars'), undefined);
    assert.equal(names.get('pesos'), undefined);
  });
});

void describe('findAmounts: currencies named in words', () => {
  void it('reads French names with their adjective, singular and plural', () => {
    assert.deepEqual(
      sums(
        'Ottawa débloque 45 millions de dollars canadiens ; Mexico ajoute 300 millions de pesos mexicains et Bogotá 2 milliards de pesos colombiens.',
        'fr',
      ),
      ['45000000 CAD', '300000000 MXN', '2000000000 COP'],
    );
    assert.deepEqual(
      sums(
        'Stockholm verse 80 millions de couronnes suédoises et Copenhague 1 milliard de couronnes danoises.',
        'fr',
      ),
      ['80000000 SEK', '1000000000 DKK'],
    );
    assert.deepEqual(
      sums(
        'Un fonds de 12 millions de livres libanaises, 7 millions de livres égyptiennes et 5 millions de lires turques.',
        'fr',
      ),
      ['12000000 LBP', '7000000 EGP', '5000000 TRY'],
    );
    assert.deepEqual(sums('Nairobi consacre 900 millions de shillings kényans au retour.', 'fr'), [
      '900000000 KES',
    ]);
  });

  void it('reads English names with their adjective before the noun', () => {
    assert.deepEqual(
      sums(
        'Canberra gave 60 million Australian dollars and Oslo 400 million Norwegian kroner to the fund.',
        'en',
      ),
      ['60000000 AUD', '400000000 NOK'],
    );
    assert.deepEqual(
      sums('Ankara set aside 2 billion Turkish lira and Riyadh 500 million Saudi riyals.', 'en'),
      ['2000000000 TRY', '500000000 SAR'],
    );
    assert.deepEqual(sums('The programme costs 3.5 billion Kenyan shillings.', 'en'), ['3500000000 KES']);
  });

  void it('reads names with one currency without an adjective', () => {
    assert.deepEqual(sums('Lagos announced 20 billion naira; Brasília added 4 billion reais.', 'en'), [
      '20000000000 NGN',
      '4000000000 BRL',
    ]);
    assert.deepEqual(sums('Pékin promet 8 milliards de yuans et Tokyo 30 milliards de yens.', 'fr'), [
      '8000000000 CNY',
      '30000000000 JPY',
    ]);
    assert.deepEqual(sums('Beijing offered 6 billion renminbi and Warsaw 90 million zlotys.', 'en'), [
      '6000000000 CNY',
      '90000000 PLN',
    ]);
  });

  void it('reads a shared noun with a state adjective the CLDR names lack ("Danish crowns")', () => {
    assert.deepEqual(sums('Denmark pledged 40 million Danish crowns and 10 million Swedish crowns.', 'en'), [
      '40000000 DKK',
      '10000000 SEK',
    ]);
  });

  void it('reads a shared noun alone from the one state its sentence names', () => {
    assert.deepEqual(sums('En Jordanie, le programme coûte 15 millions de dinars.', 'fr'), ['15000000 JOD']);
    assert.deepEqual(sums('Pakistan will spend 70 billion rupees on border posts.', 'en'), [
      '70000000000 PKR',
    ]);
    assert.deepEqual(sums('Le Maroc mobilise 2 milliards de dirhams.', 'fr'), ['2000000000 MAD']);
  });

  void it('leaves a shared noun unknown when no state or several decide it', () => {
    assert.deepEqual(sums('The programme costs 15 million dinars.', 'en'), []);
    assert.deepEqual(sums('La Tunisie et l’Algérie y consacrent 30 millions de dinars.', 'fr'), []);
    assert.deepEqual(sums('Ils ont versé 4 millions de pesos.', 'fr'), []);
  });

  void it('keeps the project convention for a lone "dollars", "pounds", "$" and "£"', () => {
    assert.deepEqual(sums('Canada received 5 million dollars and $ 2 million.', 'en'), [
      '5000000 USD',
      '2000000 USD',
    ]);
    assert.deepEqual(
      sums('London gave 3 million pounds and £ 4 million; 2 millions de livres sterling.', 'en'),
      ['3000000 GBP', '4000000 GBP', '2000000 GBP'],
    );
  });

  void it('reads CFA francs, Swiss francs, and a lone "francs" only with its state', () => {
    assert.deepEqual(
      sums('Berne versera 25 millions de francs suisses et Dakar 3 milliards de francs CFA.', 'fr'),
      ['25000000 CHF', '3000000000 XOF'],
    );
    assert.deepEqual(sums('Yaoundé a inscrit 4 milliards de FCFA au budget.', 'fr'), ['4000000000 XAF']);
    assert.deepEqual(sums('Le Rwanda prévoit 900 millions de francs.', 'fr'), ['900000000 RWF']);
    assert.deepEqual(sums('Ils prévoient 900 millions de francs.', 'fr'), []);
  });
});

void describe('findAmounts: currency signs and codes', () => {
  void it('reads signs of many currencies before and after the number', () => {
    assert.deepEqual(
      sums('India: ₹ 500 crore; Nigeria: ₦ 12bn; Brazil: R$ 3 billion; Turkey: ₺ 1.5 billion.', 'en'),
      ['5000000000 INR', '12000000000 NGN', '3000000000 BRL', '1500000000 TRY'],
    );
    assert.deepEqual(sums('Une aide de 12 millions $CA et de 5 millions MX$.', 'fr'), [
      '12000000 CAD',
      '5000000 MXN',
    ]);
    assert.deepEqual(sums('A $5B fund, US$ 3m and A$ 40 million.', 'en'), [
      '5000000000 USD',
      '3000000 USD',
      '40000000 AUD',
    ]);
  });

  void it('reads every active ISO code, and local signs as written', () => {
    assert.deepEqual(sums('QAR 2 billion, KRW 30 billion and 45 million PHP.', 'en'), [
      '2000000000 QAR',
      '30000000000 KRW',
      '45000000 PHP',
    ]);
    assert.deepEqual(sums('Alger engage 300 millions de DA, Tunis 40 MDT et Rabat 5 MDH.', 'fr'), [
      '300000000 DZD',
      '40000000 TND',
      '5000000 MAD',
    ]);
    assert.deepEqual(sums('Nairobi set aside Ksh 2 billion.', 'en'), ['2000000000 KES']);
  });

  void it('does not read acronyms that are codes as money without a magnitude', () => {
    assert.deepEqual(sums('At COP 28, the TOP 10 donors and ALL 27 member states met.', 'en'), []);
    assert.deepEqual(sums('La COP 28 a réuni 190 pays.', 'fr'), []);
    assert.deepEqual(sums('Colombia pledged COP 40 billion.', 'en'), ['40000000000 COP']);
  });

  void it('does not read lower-case local signs or words as currencies', () => {
    assert.deepEqual(sums('il y a 5 da et 3 um dans 10 livres', 'fr'), []);
    assert.deepEqual(sums('The report counts 5 million marks on the map and 3 sums.', 'en'), []);
  });
});

void describe('findAmounts: scales and number formats', () => {
  void it('reads lakh and crore with rupee sums', () => {
    assert.deepEqual(sums('New Delhi allotted ₹ 40 lakh, then INR 3 crore.', 'en'), [
      '4000000 INR',
      '30000000 INR',
    ]);
  });

  void it('reads thousands separators of every kind', () => {
    assert.deepEqual(
      sums(
        "CHF 1’500’000, CHF 2'000'000, 3\u2009000\u2009000 €, 4\u202F500\u00A0000 $ et 1.250.000,50 €",
        'fr',
      ),
      ['1500000 CHF', '2000000 CHF', '3000000 EUR', '4500000 USD', '1250000.5 EUR'],
    );
    assert.deepEqual(sums('USD 2,750,000 and 1,234.5 million euros', 'en'), [
      '2750000 USD',
      '1234500000 EUR',
    ]);
  });

  void it('reads thousands and billions written in words in both languages', () => {
    assert.deepEqual(sums('500 thousand euros and 3 thousand dollars', 'en'), ['500000 EUR', '3000 USD']);
    assert.deepEqual(sums('300 mille euros et 2 milliards de couronnes norvégiennes', 'fr'), [
      '300000 EUR',
      '2000000000 NOK',
    ]);
  });

  void it('drops a sum in any currency that lost its magnitude', () => {
    assert.deepEqual(sums('Oslo promised NOK 2.4 for the centres.', 'en'), []);
    assert.deepEqual(sums('Ottawa a promis 1,6 dollar canadien au programme.', 'fr'), []);
  });
});

void describe('findAmounts: sums written around the number', () => {
  void it('reads the number one written in words before a scale word', () => {
    assert.deepEqual(
      sums('Bruxelles annonce plus d’un milliard d’euros et une enveloppe d’un million de dollars.', 'fr'),
      ['1000000000 EUR', '1000000 USD'],
    );
    assert.deepEqual(
      sums('A billion euros for returns and one million dollars for a million migrants.', 'en'),
      ['1000000000 EUR', '1000000 USD'],
    );
  });

  void it('gives two coordinated sums in whole units the currency written after the second', () => {
    const both = findAmounts('Monthly wages rose from 9,000 and 11,000 rupees in India.', 'en');
    assert.deepEqual(
      both.map((m) => [m.value, m.currency, m.approximate]),
      [
        [9000, 'INR', false],
        [11000, 'INR', false],
      ],
    );
    assert.deepEqual(sums('En 2019 et 5 000 euros plus tard.', 'fr'), ['5000 EUR']);
  });

  void it('reads a comma before three digits as thousands when no scale word follows, in French too', () => {
    assert.deepEqual(sums('une prime de 5,000 euros et un fonds de 1,250 millions d’euros', 'fr'), [
      '5000 EUR',
      '1250000 EUR',
    ]);
  });

  void it('reads small sums in codes that are no common word', () => {
    assert.deepEqual(sums('Workers receive QAR 300 for transport and N$ 250 a week.', 'en'), [
      '300 QAR',
      '250 NAD',
    ]);
  });

  void it('reads the won as South Korea’s', () => {
    assert.deepEqual(sums('Seoul pays ₩ 2.1 million a month, up to 6 million won a year.', 'en'), [
      '2100000 KRW',
      '6000000 KRW',
    ]);
  });
});
