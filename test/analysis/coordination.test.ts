import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractRoadmapPriorities } from '../../src/analysis/commitments.ts';
import { coordinationCsv, coordinationJson, coordinationView } from '../../src/analysis/coordination.ts';
import type { InstrumentSummary, PartySummary } from '../../src/domain/analysis-model.ts';
import type { TopicCode } from '../../src/domain/taxonomy.ts';

const MALI = readFileSync(
  new URL('../../corpus/mali-eu-high-level-dialogue-2016.fr.txt', import.meta.url),
  'utf8',
);

function instrument(
  id: string,
  title: string,
  parties: PartySummary[],
  topics: TopicCode[],
  millions: number[],
): InstrumentSummary {
  return {
    id,
    title,
    type: 'programme',
    parties,
    topics,
    approaches: [],
    amounts: millions.map((m) => ({
      value: m * 1_000_000,
      currency: 'EUR',
      approximate: false,
      role: null,
      partOf: null,
    })),
    dates: [],
    evidence: [{ documentId: 'synthetic', start: 0, end: title.length, quote: title }],
  };
}
const state = (actorId: string, role: PartySummary['role'] = 'partner'): PartySummary => ({
  actorId,
  kind: 'state',
  role,
});
const eu = (role: PartySummary['role']): PartySummary => ({ actorId: 'EU', kind: 'organization', role });

/** A synthetic Mali portfolio: the EU Trust Fund, member states' programmes, one elsewhere. */
const INSTRUMENTS = [
  instrument(
    'eutf-ml',
    'Fonds fiduciaire d’urgence – projets Mali',
    [eu('donor'), state('ML')],
    ['root_causes_development', 'diaspora'],
    [91.5],
  ),
  instrument(
    'eutf-reg',
    'Fonds fiduciaire d’urgence – initiatives régionales',
    [eu('donor'), state('ML'), state('NE'), state('BF')],
    ['border_management'],
    [53.6],
  ),
  instrument(
    'fr-codev',
    'Programme de codéveloppement France–Mali',
    [state('FR', 'donor'), state('ML')],
    ['diaspora', 'root_causes_development'],
    [10],
  ),
  instrument(
    'de-border',
    'German border police support in Mali',
    [state('DE', 'donor'), state('ML')],
    ['border_management'],
    [5],
  ),
  instrument(
    'nl-return',
    'Netherlands–Mali return cooperation',
    [state('NL'), state('ML')],
    ['return_readmission'],
    [],
  ),
  instrument(
    'joint-civ',
    'EU–Belgium civil registry project',
    [eu('donor'), state('BE', 'donor'), state('ML')],
    [],
    [4],
  ),
  instrument('sn-only', 'Senegal programme', [state('FR', 'donor'), state('SN')], ['diaspora'], [7]),
];

void describe('coordination view for Mali', () => {
  const priorities = extractRoadmapPriorities(MALI, 'mali');
  const view = coordinationView('ML', INSTRUMENTS, priorities);

  void it('lists the EU and the member states active in Mali with their money', () => {
    assert.deepEqual(view.actors.map((a) => a.actorId).sort(), ['BE', 'BF', 'DE', 'EU', 'FR', 'NE', 'NL']);
    const euActivity = view.actors.find((a) => a.actorId === 'EU');
    assert.equal(euActivity?.instruments.length, 3);
    assert.deepEqual(euActivity?.money, { EUR: 145_100_000 });
    assert.deepEqual(euActivity?.sharedMoney, { EUR: 4_000_000 });
    assert.deepEqual(view.actors.find((a) => a.actorId === 'FR')?.money, { EUR: 10_000_000 });
    assert.deepEqual(view.actors.find((a) => a.actorId === 'DE')?.money, { EUR: 5_000_000 });
    // Not a donor: listed with its instrument, no money.
    assert.deepEqual(view.actors.find((a) => a.actorId === 'NL')?.money, {});
    assert.deepEqual(view.totals, { EUR: 164_100_000 });
  });

  void it('finds overlaps: several actors on one topic with Mali', () => {
    const border = view.overlaps.find((o) => o.topic === 'border_management');
    assert.deepEqual(border?.actors.slice().sort(), ['BF', 'DE', 'EU', 'NE']);
    const diaspora = view.overlaps.find((o) => o.topic === 'diaspora');
    assert.deepEqual(diaspora?.actors.slice().sort(), ['EU', 'FR']);
    assert.deepEqual(diaspora?.instruments, ['eutf-ml', 'fr-codev']);
  });

  void it('finds gaps: roadmap priority areas with no instrument behind them', () => {
    const gapTopics = view.gaps.map((g) => g.topic).sort();
    assert.deepEqual(gapTopics, ['civil_registry', 'irregular_migration', 'protection']);
    const civil = view.gaps.find((g) => g.topic === 'civil_registry');
    assert.match(civil?.priorities[0]?.label ?? '', /registres d’état civil/);
  });

  void it('exports CSV and JSON', () => {
    const csv = coordinationCsv(view);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'section,partner,actor,instrument_id,instrument,type,topics,money,shared_money');
    assert.ok(
      lines.includes(
        'instrument,ML,FR,fr-codev,Programme de codéveloppement France–Mali,programme,diaspora root_causes_development,10000000 EUR,',
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('gap,ML,,,') && l.endsWith(',civil_registry,,')));
    assert.deepEqual(JSON.parse(coordinationJson(view)), JSON.parse(JSON.stringify(view)));
  });
});
