/**
 * Instrument rules of session 8: whose national law it is (possessive, government or parliament with
 * its nationality, a legislature's name), plans as plans of action, bodies named by their sides,
 * agreements listed per counterpart, and schemes called systems. Every sentence is written for the
 * test, in both languages; none is copied from the corpus or an evaluation set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';

/** Type and parties (no beneficiaries) of what the general rules alone find (no catalogue). */
function typesAndParties(text: string): { type: string; parties: string[] }[] {
  return extractDocument(text, { catalogue: false }).instruments.map((i) => ({
    type: i.type,
    parties: [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
  }));
}

void describe('instruments: the state a national law belongs to', () => {
  void it('reads a possessive as the state the sentence opens with, not the origins it names (FR and EN)', () => {
    assert.deepEqual(
      typesAndParties(
        "Le Kenya accueille des réfugiés venus de Somalie et d'Éthiopie en vertu de sa loi sur les réfugiés de 2021.",
      ),
      [{ type: 'legal_act', parties: ['KE'] }],
    );
    assert.deepEqual(
      typesAndParties('Chile admits workers from Peru and Bolivia under its immigration law of 2021.'),
      [{ type: 'legal_act', parties: ['CL'] }],
    );
  });

  void it('reads a government or parliament with its nationality over the other states of the sentence', () => {
    assert.deepEqual(
      typesAndParties(
        'Après la crise avec la Biélorussie, le gouvernement letton a présenté en 2022 une loi sur les gardes-frontières.',
      ),
      [{ type: 'legal_act', parties: ['LV'] }],
    );
    assert.deepEqual(
      typesAndParties('Following arrivals from Belarus, the Polish parliament passed an aliens act in 2023.'),
      [{ type: 'legal_act', parties: ['PL'] }],
    );
  });

  void it("reads a legislature's own name as its state", () => {
    assert.deepEqual(
      typesAndParties('In March 2020 the Bundestag amended the asylum law to cover arrivals from Syria.'),
      [{ type: 'legal_act', parties: ['DE'] }],
    );
  });
});

void describe('instruments: plans are plans of action', () => {
  void it('types a named plan or a response plan as an action plan (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties(
        'In 2021 Brazil launched its National Reception Plan for arrivals at the northern border.',
      ),
      [{ type: 'action_plan', parties: ['BR'] }],
    );
    assert.deepEqual(
      typesAndParties(
        "En 2019, l'OIM et le HCR ont lancé un plan régional d'intervention pour les réfugiés.",
      ),
      [{ type: 'action_plan', parties: ['IOM', 'UNHCR'] }],
    );
  });
});

void describe('instruments: bodies named by their sides, secretariats and steering groups', () => {
  void it('finds binational and tripartite commissions and joint secretariats (FR and EN)', () => {
    assert.deepEqual(
      typesAndParties('En 2016, le Ghana et le Togo ont créé une commission binationale sur les migrations.'),
      [{ type: 'coordination_mechanism', parties: ['GH', 'TG'] }],
    );
    assert.deepEqual(
      typesAndParties('In 2014 Uganda and Rwanda set up a joint secretariat for labour mobility.'),
      [{ type: 'coordination_mechanism', parties: ['RW', 'UG'] }],
    );
    assert.deepEqual(
      typesAndParties('La Belgique a installé en 2018 un groupe de pilotage interministériel sur le retour.'),
      [{ type: 'coordination_mechanism', parties: ['BE'] }],
    );
  });
});

void describe('instruments: agreements listed per counterpart', () => {
  void it('gives one agreement per counterpart of a plural "with" list (EN and FR)', () => {
    assert.deepEqual(typesAndParties('In 2004 Portugal signed labour agreements with Ukraine and Moldova.'), [
      { type: 'labour_agreement', parties: ['PT', 'UA'] },
      { type: 'labour_agreement', parties: ['MD', 'PT'] },
    ]);
    assert.deepEqual(
      typesAndParties(
        'En 2012, la Grèce a conclu des accords de réadmission avec la Géorgie et le Pakistan.',
      ),
      [
        { type: 'readmission_agreement', parties: ['GE', 'GR'] },
        { type: 'readmission_agreement', parties: ['GR', 'PK'] },
      ],
    );
  });

  void it('keeps an open list ("and several other countries") one record', () => {
    assert.deepEqual(
      typesAndParties('Italy has labour agreements with Tunisia, Egypt and several other countries.'),
      [{ type: 'labour_agreement', parties: ['EG', 'IT', 'TN'] }],
    );
  });
});

void describe('instruments: schemes called systems', () => {
  void it('reads a capitalised permit, recruitment or wage protection system as a programme', () => {
    assert.deepEqual(
      typesAndParties('Since 2012 Oman has run a Wage Protection System for private employers.'),
      [{ type: 'programme', parties: ['OM'] }],
    );
    assert.deepEqual(typesAndParties('The filing system of the office was slow in 2019.'), []);
  });
});
