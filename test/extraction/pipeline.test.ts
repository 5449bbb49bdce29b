import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EvaluationObjectSchema, toEvaluationObject } from '../../src/extraction/evaluation.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import type { ExtractedDocument } from '../../src/extraction/types.ts';

const maliPath = new URL('../../corpus/mali-eu-high-level-dialogue-2016.fr.txt', import.meta.url);
const mali: ExtractedDocument = extractDocument(readFileSync(maliPath, 'utf8'));
/** The parties that hold, fund or run an instrument (the states it targets are beneficiaries). */
const parties = (i: { parties: readonly { actorId: string; role: string }[] }): string[] =>
  [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort();

void describe('pipeline on the EU–Mali high-level dialogue communiqué (real document)', () => {
  void it('detects French', () => {
    assert.equal(mali.language, 'fr');
  });

  void it('finds the high-level dialogue of 14 April 2016 held by the EU and Mali', () => {
    const dialogue = mali.instruments.find((i) => i.type === 'dialogue' && parties(i).join() === 'EU,ML');
    assert.ok(dialogue, 'an EU–Mali dialogue');
    assert.ok(dialogue.dates.some((d) => d.value === '2016-04-14'));
  });

  void it('finds the EU trust fund with its 145.1 million euros', () => {
    const fund = mali.instruments.find((i) => i.type === 'fund');
    assert.ok(fund, 'a fund');
    assert.deepEqual(parties(fund), ['EU']);
    // "six projets qui ciblent le Mali": Mali is where the money goes.
    assert.ok(fund.parties.some((p) => p.actorId === 'ML' && p.role === 'beneficiary'));
    assert.ok(fund.amounts.some((a) => a.value === 145_100_000 && a.currency === 'EUR'));
    assert.match(fund.quote, /Fonds\s+fiduciaire d’urgence/);
  });

  void it('finds the joint roadmap of the two parties', () => {
    const roadmap = mali.instruments.find(
      (i) => i.type === 'action_plan' && /Feuille de Route/.test(i.quote),
    );
    assert.ok(roadmap, 'the joint roadmap');
    assert.deepEqual(parties(roadmap), ['EU', 'ML']);
  });

  void it('gives the multilateral Valletta summit and action plan no parties', () => {
    const summit = mali.instruments.find((i) => /Sommet de La Valette/.test(i.quote));
    assert.deepEqual(summit && [summit.type, parties(summit)], ['dialogue', []]);
    const plan = mali.instruments.find((i) => /Plan d’Action de la Valette/.test(i.quote));
    assert.deepEqual(plan && [plan.type, parties(plan)], ['action_plan', []]);
  });

  void it('finds the commitment to hold the next dialogue before September 2017', () => {
    const next = mali.statements.find((s) => s.kind === 'commitment' && /prochain dialogue/.test(s.quote));
    assert.ok(next, 'the commitment');
    assert.equal(next.deadline?.value, '2017-09');
    assert.deepEqual([...next.owners].sort(), ['EU', 'ML']);
  });

  void it('records the dated dialogue rounds and the Valletta summit as events', () => {
    const dates = mali.events.map((e) => e.date?.value);
    assert.ok(dates.includes('2016-04-14'));
    assert.ok(dates.includes('2015-11-11'));
  });

  void it('gives every instrument a quote that is the text at its span', () => {
    const text = readFileSync(maliPath, 'utf8');
    for (const i of mali.instruments) assert.equal(text.slice(i.start, i.end), i.quote);
  });
});

void describe('evaluation object', () => {
  void it('is valid, sorted and de-duplicated, in the form of the specification', () => {
    const evaluation = toEvaluationObject(mali);
    assert.doesNotThrow(() => EvaluationObjectSchema.parse(evaluation));
    assert.deepEqual(evaluation.countries, [...new Set(evaluation.countries)].sort());
    assert.deepEqual(evaluation.organizations, [...new Set(evaluation.organizations)].sort());
    const amountKeys = evaluation.amounts.map((a) => `${a.value} ${a.currency}`);
    assert.equal(new Set(amountKeys).size, amountKeys.length);
    assert.ok(amountKeys.includes('145100000 EUR'));
    const dates = evaluation.dates.map((d) => d.value);
    assert.equal(new Set(dates).size, dates.length);
    assert.ok(dates.includes('2016-12-11'));
    for (const i of evaluation.instruments) {
      assert.deepEqual(i.parties, [...i.parties].sort());
      assert.doesNotMatch(i.quote, /\s{2,}/);
    }
    assert.ok(
      evaluation.instruments.some(
        (i) => i.type === 'dialogue' && i.parties.join() === 'EU,ML' && i.date === '2016-04-14',
      ),
    );
    assert.ok(evaluation.topics.includes('return_readmission'));
  });

  void it('leaves dates in citations out', () => {
    const text =
      'The MoU was signed between the EU and Tunisia in July 2023.¹\n\n¹ European Commission, https://ec.europa.eu, last accessed on 7 November 2024.';
    const dates = toEvaluationObject(extractDocument(text)).dates.map((d) => d.value);
    assert.ok(dates.includes('2023-07'));
    assert.ok(!dates.includes('2024-11-07'));
  });
});

void describe('links between instruments', () => {
  void it('places an instrument named "dans le cadre du" a process under that framework', () => {
    const doc = extractDocument(
      "Les patrouilles conjointes entre l'Espagne et le Sénégal ont été lancées dans le cadre du Processus de Rabat.",
    );
    const link = doc.links.find((l) => l.relation === 'under_framework');
    assert.ok(link, 'an under_framework link');
    assert.equal(doc.instruments[link.from]?.type, 'operational_cooperation');
    assert.equal(doc.instruments[link.to]?.type, 'dialogue');
  });

  void it('links readmission to visa facilitation with the approach the text names', () => {
    const doc = extractDocument(
      'The EU offered a visa facilitation agreement to Nigeria in exchange for a readmission agreement with Nigeria, a case of positive conditionality.',
    );
    const link = doc.links.find((l) => l.relation === 'linked_to');
    assert.ok(link, 'an issue linkage');
    assert.equal(link.approach, 'positive_conditionality');
    assert.equal(doc.instruments[link.from]?.type, 'readmission_agreement');
    assert.equal(doc.instruments[link.to]?.type, 'visa_agreement');
  });
});

void describe('pipeline on English text', () => {
  void it('runs every stage on a short English document', () => {
    const doc = extractDocument(
      'In March 2024, the EU and Egypt signed a Joint Declaration. Member States should step up return cooperation. Readmission remains a challenge.',
    );
    assert.equal(doc.language, 'en');
    assert.deepEqual(
      doc.instruments.map((i) => [i.type, parties(i)]),
      [['joint_declaration', ['EG', 'EU']]],
    );
    assert.ok(doc.statements.some((s) => s.kind === 'recommendation'));
    assert.ok(doc.topics.some((t) => t.code === 'return_readmission'));
  });
});
