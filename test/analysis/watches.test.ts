import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchWatch, matchWatches, parseWatch } from '../../src/analysis/watches.ts';
import type { InstrumentSummary } from '../../src/domain/analysis-model.ts';
import { AtlasError } from '../../src/domain/errors.ts';

function instrument(
  id: string,
  partner: string,
  topics: InstrumentSummary['topics'],
  title: string,
): InstrumentSummary {
  return {
    id,
    title,
    type: 'joint_declaration',
    parties: [
      { actorId: 'EU', kind: 'organization', role: 'signatory' },
      { actorId: partner, kind: 'state', role: 'signatory' },
    ],
    topics,
    approaches: [],
    amounts: [],
    dates: [],
    evidence: [{ documentId: 'd', start: 0, end: title.length, quote: title }],
  };
}

void describe('watches', () => {
  const watch = parseWatch({
    id: 'w1',
    name: 'New instrument with Mauritania on return',
    country: 'mr',
    topic: 'return_readmission',
  });
  const mauritania = instrument(
    'i-mr',
    'MR',
    ['return_readmission', 'border_management'],
    'Joint declaration EU–Mauritania on migration',
  );
  const mali = instrument(
    'i-ml',
    'ML',
    ['return_readmission'],
    'Communiqué conjoint Mali–UE sur la réadmission',
  );
  const mauritaniaTrade = instrument('i-mr2', 'MR', ['trade'], 'EU–Mauritania fisheries partnership');

  void it('matches an instrument with the partner and the topic, with reasons', () => {
    assert.deepEqual(matchWatch(watch, mauritania), {
      watchId: 'w1',
      instrumentId: 'i-mr',
      reasons: ['country MR', 'topic return_readmission'],
    });
  });

  void it('does not match another partner or another topic', () => {
    assert.equal(matchWatch(watch, mali), null);
    assert.equal(matchWatch(watch, mauritaniaTrade), null);
  });

  void it('matches words of the text without accents or case, and reports matches of an ingestion', () => {
    const byText = parseWatch({ id: 'w2', name: 'réadmission', text: 'Readmission Mali' });
    assert.deepEqual(
      matchWatches([watch, byText], [mauritania, mali, mauritaniaTrade]).map((m) => [
        m.watchId,
        m.instrumentId,
      ]),
      [
        ['w1', 'i-mr'],
        ['w2', 'i-ml'],
      ],
    );
  });

  void it('rejects a watch without any criterion or with an unknown topic', () => {
    assert.throws(() => parseWatch({ id: 'w3', name: 'everything' }), AtlasError);
    assert.throws(
      () => parseWatch({ id: 'w4', name: 'x', topic: 'fishing' }),
      (e: unknown) => e instanceof AtlasError && e.detail.field === 'topic',
    );
  });
});
