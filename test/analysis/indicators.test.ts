import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  extractIndicators,
  indicatorSeries,
  indicatorsFromInstruments,
  parseIndicatorInput,
} from '../../src/analysis/indicators.ts';
import { AtlasError } from '../../src/domain/errors.ts';

const INFORM = readFileSync(
  new URL('../../corpus/emn-oecd-migration-diplomacy-2024.en.txt', import.meta.url),
  'utf8',
);
const MALI = readFileSync(
  new URL('../../corpus/mali-eu-high-level-dialogue-2016.fr.txt', import.meta.url),
  'utf8',
);

void describe('indicators read from documents', () => {
  const inform = extractIndicators(INFORM, 'emn', { language: 'en' });

  void it("gives Georgia's visa-free destinations as a series 65 (2020) → 74 (2024) with its source", () => {
    const series = indicatorSeries(inform).find((s) => s.country === 'GE' && s.unit === 'count');
    assert.equal(series?.indicator, 'countries allowing visa-free travel for Georgian citizens');
    assert.deepEqual(
      series?.values.map((v) => [v.date, v.value]),
      [
        ['2020', 65],
        ['2024', 74],
      ],
    );
    const source = series?.values[0]?.source;
    assert.ok(source && 'quote' in source && source.quote.includes('from 65 in 2020 to 74 by 2024'));
  });

  void it('gives the share of PALM workers returning, about 74%', () => {
    const palm = inform.find((v) => v.unit === '%' && v.value === 74);
    assert.equal(palm?.indicator, 'share of workers returning the following year');
    assert.equal(palm?.approximate, true);
    assert.equal(palm?.country, 'AU');
  });

  void it('gives the money committed through the EU Trust Fund for Mali: 145.1, 53.6 and 91.5 million euros', () => {
    const money = extractIndicators(MALI, 'mali', { language: 'fr' }).filter((v) => v.unit === 'EUR');
    assert.deepEqual(
      money.map((v) => v.value),
      [145_100_000, 53_600_000, 91_500_000],
    );
    assert.equal(money[2]?.indicator, 'money committed: six projets qui ciblent le Mali');
    assert.ok(money.every((v) => v.country === 'ML'));
  });
});

void describe('indicators from instruments and users', () => {
  void it('turns an instrument total into one money-committed value, its breakdown counted once', () => {
    const values = indicatorsFromInstruments([
      {
        id: 'eutf',
        title: 'EU Trust Fund for Africa',
        type: 'fund',
        parties: [],
        topics: [],
        approaches: [],
        amounts: [
          { value: 145_100_000, currency: 'EUR', approximate: false, role: 'total', partOf: null },
          { value: 53_600_000, currency: 'EUR', approximate: false, role: 'part', partOf: 145_100_000 },
          { value: 91_500_000, currency: 'EUR', approximate: false, role: 'part', partOf: 145_100_000 },
        ],
        dates: [{ value: '2016-12', precision: 'month' }],
        evidence: [{ documentId: 'mali', start: 3618, end: 3640, quote: '145.1 millions d’euros' }],
      },
    ]);
    assert.deepEqual(
      values.map((v) => [v.instrumentId, v.value, v.unit, v.date]),
      [['eutf', 145_100_000, 'EUR', '2016-12']],
    );
  });

  void it('accepts a valid user value and sorts it into its series', () => {
    const v2022 = parseIndicatorInput({
      indicator: 'visa-free destinations',
      value: 70,
      unit: 'count',
      date: '2022',
      country: 'GE',
      enteredBy: 'ana',
    });
    const v2020 = parseIndicatorInput({
      indicator: 'Visa-free destinations',
      value: 65,
      unit: 'count',
      date: '2020',
      country: 'GE',
      enteredBy: 'ana',
    });
    assert.deepEqual(v2022.source, { enteredBy: 'ana', note: null });
    const [series, ...rest] = indicatorSeries([v2022, v2020]);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      series?.values.map((v) => v.value),
      [65, 70],
    );
  });

  void it('rejects a bad user value with an invalid_input error naming the field', () => {
    assert.throws(
      () =>
        parseIndicatorInput({
          indicator: 'visa-free destinations',
          value: 70,
          unit: 'count',
          date: '2022-13',
          enteredBy: 'ana',
        }),
      (e: unknown) => e instanceof AtlasError && e.code === 'invalid_input' && e.detail.field === 'date',
    );
    assert.throws(() => parseIndicatorInput({ indicator: 'x', value: 'many' }), AtlasError);
  });
});
