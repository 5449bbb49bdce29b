import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  conditionalityTimelines,
  extractApproachAttributions,
  extractLeverageSteps,
} from '../../src/analysis/conditionality.ts';

const INFORM = readFileSync(
  new URL('../../corpus/emn-oecd-migration-diplomacy-2024.en.txt', import.meta.url),
  'utf8',
);

void describe('conditionality tracker on the inform', () => {
  const steps = extractLeverageSteps(INFORM, 'emn');
  const attributions = extractApproachAttributions(INFORM, 'emn');

  void it('records the article 25a assessment and proposal for the six countries the inform names', () => {
    const proposed = steps.filter((s) => s.kind === 'proposal').map((s) => s.country);
    assert.deepEqual(proposed, ['BD', 'IQ', 'GM', 'SN', 'ET', 'SO']);
    assert.ok(steps.every((s) => s.legalBasis === 'Visa Code art. 25a'));
    assert.ok(steps.every((s) => s.source.quote.includes('put forward proposals for visa measures')));
  });

  void it('attributes approaches to states with evidence, including opposition', () => {
    const has = (actor: string, approach: string, stance: string) =>
      attributions.some((a) => a.actorId === actor && a.approach === approach && a.stance === stance);
    assert.ok(has('FI', 'negative_conditionality', 'applies'));
    assert.ok(has('DE', 'positive_conditionality', 'applies'));
    assert.ok(
      has('JP', 'positive_conditionality', 'applies'),
      '"This could be described as positive conditionality" refers to Japan',
    );
    assert.ok(has('IE', 'negative_conditionality', 'opposes'));
    assert.ok(has('ES', 'negative_conditionality', 'opposes'));
    assert.ok(!has('ES', 'negative_conditionality', 'applies'));
  });

  void it('builds a timeline per country, steps in order', () => {
    const bd = conditionalityTimelines(steps, attributions).find((t) => t.country === 'BD');
    assert.deepEqual(
      bd?.steps.map((s) => s.kind),
      ['assessment', 'proposal'],
    );
  });
});

void describe('conditionality tracker in French', () => {
  void it('reads dated steps and a restrictive decision per country', () => {
    const text = [
      'En 2022, la Commission a évalué la coopération en matière de réadmission de la Gambie au titre de l’article 25a du code des visas.',
      'Le Conseil a adopté en octobre 2024 une décision d’exécution prévoyant des mesures restrictives en matière de visas à l’égard de la Gambie.',
      'Le Sénégal a bénéficié de mesures favorables en matière de visas en 2025.',
    ].join(' ');
    const timeline = conditionalityTimelines(extractLeverageSteps(text, 'fr'));
    const gm = timeline.find((t) => t.country === 'GM');
    assert.deepEqual(
      gm?.steps.map((s) => [s.kind, s.date?.value]),
      [
        ['assessment', '2022'],
        ['implementing_decision', '2024-10'],
        ['restrictive_decision', '2024-10'],
      ],
    );
    assert.deepEqual(
      timeline.find((t) => t.country === 'SN')?.steps.map((s) => s.kind),
      ['favourable_decision'],
    );
  });
});
