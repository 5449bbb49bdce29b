/**
 * Heads of the field that name an instrument by what it does (session 12, issue 8 recall): return
 * and charter flights, coordinated patrols and joint missions, border and readmission committees,
 * worker schemes, laws on a field subject, memoranda of cooperation, rounds of consultations,
 * envoys on smuggling, protocols and arrangements by their subject, plans by their shape, the EU's
 * compacts, supplementary acts, funds by their size or purpose, officers posted with a partner's
 * services. Every sentence is written for the test, in French and English; none is copied from the
 * corpus or an evaluation set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEAD_RULES } from '../../src/extraction/instruments/index.ts';
import { FIELD_HEAD_RULES, FIELD_HEAD_RULES_FIRST } from '../../src/extraction/instruments/field-heads.ts';
import { found, typesAndParties } from '../support/instruments-found.ts';

const types = (text: string): string[] => found(text).map((i) => i.type);

void describe('field heads: operational cooperation', () => {
  void it('reads charter and return flights two states run as cooperation, not one flight', () => {
    assert.deepEqual(
      typesAndParties('Italy and Tunisia have organised charter flights to Tunis since 2021.'),
      [{ type: 'operational_cooperation', parties: ['IT', 'TN'] }],
    );
    assert.deepEqual(
      typesAndParties('La Belgique et le Maroc ont repris les vols de retour affrétés en 2022.'),
      [{ type: 'operational_cooperation', parties: ['BE', 'MA'] }],
    );
    // One flight is an event.
    assert.deepEqual(found('A charter flight left Rome on Monday.'), []);
  });

  void it('reads coordinated patrols, joint identification missions and humanitarian corridors', () => {
    assert.deepEqual(
      typesAndParties('Greece and Türkiye agreed on coordinated patrols in the Aegean in 2020.'),
      [{ type: 'operational_cooperation', parties: ['GR', 'TR'] }],
    );
    assert.deepEqual(
      typesAndParties("La Mauritanie et l'Espagne mènent des patrouilles maritimes coordonnées depuis 2006."),
      [{ type: 'operational_cooperation', parties: ['ES', 'MR'] }],
    );
    assert.deepEqual(
      typesAndParties('Kenya and Ethiopia carried out joint identification missions in 2019.'),
      [{ type: 'operational_cooperation', parties: ['ET', 'KE'] }],
    );
    assert.deepEqual(typesAndParties('Peru and Ecuador opened a humanitarian corridor in May 2023.'), [
      { type: 'operational_cooperation', parties: ['EC', 'PE'] },
    ]);
  });

  void it('reads officers posted with a partner state’s services', () => {
    assert.deepEqual(
      types(
        'Des officiers de la police sénégalaise sont détachés auprès de la police espagnole depuis 2019.',
      ),
      ['operational_cooperation'],
    );
    assert.deepEqual(typesAndParties("Le déploiement d'agents de Frontex en Albanie a commencé en 2019."), [
      { type: 'operational_cooperation', parties: ['AL', 'FRONTEX'] },
    ]);
    assert.ok(
      types('Ghanaian liaison officers were posted to Rome in 2021 by Ghana and Italy.').includes(
        'operational_cooperation',
      ),
    );
  });
});

void describe('field heads: bodies, schemes and laws', () => {
  void it('reads committees named by their field in either word order', () => {
    assert.deepEqual(typesAndParties('Namibia and Botswana set up a Joint Border Committee in 2017.'), [
      { type: 'coordination_mechanism', parties: ['BW', 'NA'] },
    ]);
    assert.deepEqual(
      typesAndParties('Le Niger et le Nigéria ont créé un comité de sécurité transfrontalier en 2015.'),
      [{ type: 'coordination_mechanism', parties: ['NE', 'NG'] }],
    );
    assert.deepEqual(
      typesAndParties("Le comité régional de suivi de la CEDEAO s'est réuni à Abuja en 2022."),
      [{ type: 'coordination_mechanism', parties: ['ECOWAS'] }],
    );
  });

  void it('reads worker schemes named by whom they admit', () => {
    assert.deepEqual(typesAndParties('Canada expanded its seasonal agricultural worker programme in 2019.'), [
      { type: 'programme', parties: ['CA'] },
    ]);
    assert.deepEqual(
      typesAndParties("L'Espagne a lancé un programme de travailleurs saisonniers avec le Honduras en 2021."),
      [{ type: 'programme', parties: ['ES', 'HN'] }],
    );
  });

  void it('reads a law with an adjective or a subject a few words in, never the verb "act on"', () => {
    assert.deepEqual(
      typesAndParties("Le Portugal a adopté une loi spéciale sur l'accueil des réfugiés en 2022."),
      [{ type: 'legal_act', parties: ['PT'] }],
    );
    assert.deepEqual(typesAndParties('Hungary passed a new law on the protection of its borders in 2017.'), [
      { type: 'legal_act', parties: ['HU'] },
    ]);
    assert.deepEqual(found('Countries must act on migration now.'), []);
    assert.deepEqual(
      typesAndParties('La CEDEAO a adopté un acte additionnel sur la libre circulation en 2014.'),
      [{ type: 'legal_act', parties: ['ECOWAS'] }],
    );
  });

  void it('reads funds by their size or their purpose', () => {
    assert.deepEqual(
      typesAndParties("Le Japon a créé un fonds de 50 millions d'euros pour le Niger en 2019."),
      [{ type: 'fund', parties: ['JP'] }],
    );
    assert.deepEqual(typesAndParties('Norway set up a fund to repatriate stranded workers in 2020.'), [
      { type: 'fund', parties: ['NO'] },
    ]);
  });

  void it('reads programmes named by their field', () => {
    assert.deepEqual(typesAndParties('The UK funds a reintegration programme in Albania.'), [
      { type: 'programme', parties: ['AL', 'GB'] },
    ]);
  });
});

void describe('field heads: legal forms, dialogues and envoys', () => {
  void it('reads memoranda of cooperation by their acronym', () => {
    assert.deepEqual(typesAndParties('Japan and Nepal signed a MoC on specified skilled workers in 2019.'), [
      { type: 'memorandum_of_understanding', parties: ['JP', 'NP'] },
    ]);
  });

  void it('reads protocols and arrangements by their subject', () => {
    assert.deepEqual(typesAndParties('Chile and Bolivia signed a readmission protocol in 2019.'), [
      { type: 'readmission_agreement', parties: ['BO', 'CL'] },
    ]);
    assert.deepEqual(
      typesAndParties("Le Mali et la Côte d'Ivoire ont signé un protocole de réadmission en 2016."),
      [{ type: 'readmission_agreement', parties: ['CI', 'ML'] }],
    );
    assert.deepEqual(
      typesAndParties(
        'La Guinée et la Belgique ont conclu un arrangement pour organiser les retours en 2020.',
      ),
      [{ type: 'readmission_agreement', parties: ['BE', 'GN'] }],
    );
  });

  void it('reads rounds of consultations on migration as a dialogue', () => {
    assert.deepEqual(
      typesAndParties('Mexico and Guatemala held a round of consultations on labour migration in 2022.'),
      [{ type: 'dialogue', parties: ['GT', 'MX'] }],
    );
    assert.deepEqual(
      typesAndParties(
        "La France et l'Algérie ont tenu des consultations bilatérales sur la migration en 2021.",
      ),
      [{ type: 'dialogue', parties: ['DZ', 'FR'] }],
    );
  });

  void it('reads envoys on smuggling and on international cooperation on migration', () => {
    assert.deepEqual(
      typesAndParties('Sweden appointed an Ambassador for Migrant Smuggling and Human Trafficking in 2020.'),
      [{ type: 'envoy', parties: ['SE'] }],
    );
    assert.deepEqual(
      types(
        'La Suisse a nommé une ambassadrice chargée de la coopération internationale en matière de migration en 2019.',
      ),
      ['envoy'],
    );
  });

  void it('reads plans by their shape and the EU’s compacts in French', () => {
    assert.deepEqual(typesAndParties("Le HCR et l'OIM ont adopté un plan opérationnel conjoint en 2021."), [
      { type: 'action_plan', parties: ['IOM', 'UNHCR'] },
    ]);
    assert.deepEqual(types('The Commission presented a 5-point plan with Frontex in 2016.'), ['action_plan']);
    assert.deepEqual(typesAndParties("L'UE a conclu le pacte UE-Jordanie en 2016."), [
      { type: 'compact', parties: ['EU', 'JO'] },
    ]);
  });
});

void describe('field heads: rule shape', () => {
  void it('are part of the head rules, the longer forms first', () => {
    for (const rule of [...FIELD_HEAD_RULES_FIRST, ...FIELD_HEAD_RULES]) assert.ok(HEAD_RULES.includes(rule));
    assert.equal(HEAD_RULES[0], FIELD_HEAD_RULES_FIRST[0]);
    assert.equal(HEAD_RULES[HEAD_RULES.length - 1], FIELD_HEAD_RULES[FIELD_HEAD_RULES.length - 1]);
  });
});
