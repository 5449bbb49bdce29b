/**
 * The briefing pack's assembly (pure): instruments grouped by type in date order, money passed
 * through from the country totals (never re-added), open commitments only, soonest deadline first,
 * with the last status a person recorded, levers and approaches of the partner only, the partner
 * left out of "who else is active", and sources numbered once, in order of first citation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assembleBrief, type BriefInput, type BriefInstrumentInput } from '../../src/analysis/brief.ts';
import type { TrackedCommitment } from '../../src/domain/analysis-model.ts';
import { computeChain } from '../../src/domain/iati/chain.ts';

const quote = (documentId: string) => ({ documentId, start: 0, end: 4, quote: 'text' });

const instrument = (
  id: string,
  type: BriefInstrumentInput['type'],
  firstDate: string | null,
  documentIds: string[],
): BriefInstrumentInput => ({
  id,
  type,
  title: `Instrument ${id}`,
  legalForm: 'agreement',
  binding: null,
  status: 'not_stated',
  parties: [{ actorId: 'ML', role: 'partner' }],
  dates: firstDate === null ? [] : [{ value: firstDate, precision: 'day', role: 'signature' }],
  amounts: [],
  topics: [],
  approaches: [],
  firstDate,
  documentIds,
});

const commitment = (
  id: string,
  status: TrackedCommitment['status'],
  deadline: string | null,
  documentId: string,
): TrackedCommitment => ({
  id,
  documentId,
  text: `Commitment ${id}`,
  owners: ['ML', 'EU'],
  deadline:
    deadline === null ? null : { value: deadline, precision: 'month', inclusive: false, quote: deadline },
  status,
  nextDialogue: false,
  topics: [],
  source: quote(documentId),
  overdue: false,
  daysLeft: null,
});

const doc = (id: string) => ({
  id,
  title: id,
  publisher: null,
  published: null,
  sourceUrl: null,
  language: 'fr',
});

function input(): BriefInput {
  const open = commitment('st_a_1', 'open', '2017-09', 'doc_b');
  return {
    partner: 'ML',
    today: '2026-12-01',
    instruments: [
      instrument('i3', 'dialogue', null, ['doc_c']),
      instrument('i1', 'dialogue', '2016-12-11', ['doc_a']),
      instrument('i2', 'readmission_agreement', '2016-04-14', ['doc_a', 'doc_missing']),
    ],
    money: [
      { source: 'EU', currency: 'EUR', total: 145_100_000, instruments: 1 },
      { source: null, currency: 'EUR', total: 1_000, instruments: 1 },
    ],
    moneyChain: computeChain(
      [
        {
          identifier: 'XI-1',
          titles: [],
          status: '2',
          file: 'f.xml',
          path: 'iati-activity[1]',
          transactions: [
            { type: 2, date: '2017-03-01', value: 10, currency: 'EUR', path: 'transaction[1]' },
            { type: 3, date: '2018-03-01', value: 4, currency: 'USD', path: 'transaction[2]' },
          ],
          budgets: [],
          results: [],
          via: 'manual',
          instruments: ['i1'],
        },
      ],
      [],
    ),
    tracker: {
      today: '2026-12-01',
      commitments: [
        commitment('st_a_2', 'open', null, 'doc_a'),
        open,
        commitment('st_a_3', 'done', '2016-01', 'doc_a'),
      ],
      nextDialogue: open,
      overdue: 1,
    },
    statusHistory: new Map([
      [
        'st_a_1',
        [
          { status: 'open', changedBy: 'user:a', changedAt: '2017-01-01T00:00:00Z', note: null },
          { status: 'in_progress', changedBy: 'user:b', changedAt: '2017-05-01T00:00:00Z', note: 'date set' },
        ],
      ],
    ]),
    conditionality: [
      {
        country: 'ML',
        steps: [{ country: 'ML', kind: 'assessment', legalBasis: null, date: null, source: quote('doc_c') }],
        approaches: [],
      },
      {
        country: 'GM',
        steps: [{ country: 'GM', kind: 'proposal', legalBasis: null, date: null, source: quote('doc_d') }],
        approaches: [],
      },
    ],
    indicators: [],
    coordination: {
      actors: [
        { actorId: 'ML', kind: 'state', instruments: [], money: {}, sharedMoney: {}, topics: [] },
        {
          actorId: 'EU',
          kind: 'organization',
          instruments: [{ id: 'i1', title: 't', type: 'dialogue' }],
          money: { EUR: 145_100_000 },
          sharedMoney: {},
          topics: [],
        },
      ],
      overlaps: [],
      gaps: [],
    },
    documents: [doc('doc_a'), doc('doc_b'), doc('doc_c'), doc('doc_d')],
  };
}

void describe('assembleBrief', () => {
  const brief = assembleBrief(input());

  void it('groups instruments by type, dated first in date order, undated last', () => {
    assert.deepEqual(
      brief.instrumentsByType.map((g) => [g.type, g.instruments.map((i) => i.id)]),
      [
        ['dialogue', ['i1', 'i3']],
        ['readmission_agreement', ['i2']],
      ],
    );
  });

  void it('passes the country totals through as they are', () => {
    assert.deepEqual(brief.money, input().money);
  });

  void it('passes the money chain through as the chain computes it, currencies kept apart', () => {
    assert.deepEqual(brief.moneyChain, input().moneyChain);
    assert.deepEqual(
      brief.moneyChain.byYear.map((r) => [r.year, r.currency, r.committed, r.disbursed]),
      [
        [2017, 'EUR', 10, 0],
        [2018, 'USD', 0, 4],
      ],
    );
  });

  void it('lists open commitments only, soonest deadline first, with the last recorded status', () => {
    assert.deepEqual(
      brief.openCommitments.map((c) => c.id),
      ['st_a_1', 'st_a_2'],
    );
    assert.equal(brief.openCommitments[0]?.lastRecorded?.status, 'in_progress');
    assert.equal(brief.openCommitments[0]?.lastRecorded?.note, 'date set');
    assert.equal(brief.openCommitments[1]?.lastRecorded, null);
    assert.equal(brief.nextDialogue?.id, 'st_a_1');
  });

  void it("keeps the partner's levers only and leaves the partner out of who else is active", () => {
    assert.deepEqual(
      brief.levers.steps.map((s) => s.kind),
      ['assessment'],
    );
    assert.deepEqual(
      brief.othersActive.map((a) => a.actorId),
      ['EU'],
    );
  });

  void it('numbers each cited document once, in order of first citation, and only known ones', () => {
    assert.deepEqual(
      brief.sources.map((s) => [s.number, s.id]),
      [
        [1, 'doc_a'],
        [2, 'doc_c'],
        [3, 'doc_b'],
      ],
    );
    assert.deepEqual(brief.instrumentsByType[1]?.instruments[0]?.sources, [1]);
    assert.equal(brief.openCommitments[0]?.source, 3);
    assert.equal(brief.levers.steps[0]?.source, 2);
  });
});
