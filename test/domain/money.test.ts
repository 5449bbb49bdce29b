/** The one sum of money: totals of an instrument and money by source, each sum counted once. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  instrumentTotals,
  moneyBySource,
  sourcesTotal,
  type InstrumentAmount,
} from '../../src/domain/money.ts';

const eur = (
  m: number,
  role: InstrumentAmount['role'] = null,
  partOf: number | null = null,
): InstrumentAmount => ({
  value: m * 1e6,
  currency: 'EUR',
  approximate: false,
  role,
  partOf: partOf === null ? null : partOf * 1e6,
});

void describe('instrumentTotals', () => {
  void it('counts a total once, not with its parts', () => {
    assert.deepEqual(
      instrumentTotals([eur(145.1, 'total'), eur(53.6, 'part', 145.1), eur(91.5, 'part', 145.1)]),
      {
        EUR: 145_100_000,
      },
    );
  });
  void it('counts a share whose whole the instrument does not hold', () => {
    assert.deepEqual(instrumentTotals([eur(30, 'tranche', 100), eur(5)]), { EUR: 35_000_000 });
  });
  void it('adds amounts with no link, per currency', () => {
    assert.deepEqual(
      instrumentTotals([
        eur(1.1),
        eur(2.2),
        { value: 5, currency: 'USD', approximate: false, role: null, partOf: null },
      ]),
      { EUR: 3_300_000, USD: 5 },
    );
  });
});

void describe('moneyBySource', () => {
  const eu = { actorId: 'EU', role: 'donor' as const };
  const ml = { actorId: 'ML', role: 'beneficiary' as const };
  void it('gives each instrument to its funders once; several funders share one row', () => {
    const rows = moneyBySource(
      [
        {
          id: 'fund',
          parties: [eu, ml],
          amounts: [eur(145.1, 'total'), eur(53.6, 'part', 145.1), eur(91.5, 'part', 145.1)],
        },
        { id: 'joint', parties: [eu, { actorId: 'BE', role: 'donor' }, ml], amounts: [eur(4)] },
        {
          id: 'mou',
          parties: [
            { actorId: 'FR', role: 'signatory' },
            { actorId: 'ML', role: 'signatory' },
          ],
          amounts: [eur(10)],
        },
        { id: 'none', parties: [ml], amounts: [eur(1)] },
      ],
      'ML',
    );
    assert.deepEqual(
      rows.map((r) => [r.source, r.sharedWith, r.total / 1e6, r.instruments]),
      [
        ['EU', [], 145.1, ['fund']],
        ['FR', [], 10, ['mou']],
        ['BE', ['EU'], 4, ['joint']],
        [null, [], 1, ['none']],
      ],
    );
    assert.deepEqual(sourcesTotal(rows), { EUR: 160_100_000 });
  });
});
