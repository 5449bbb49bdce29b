/**
 * Precision rules of session 11: one instrument under several names (an owner adjective or a
 * possessive naming one of its sides, a later reference dated by a life event), a post named after
 * a head ("Policy Officer"), and an instrument still to be drafted. Every sentence here is written
 * for the test, in English and French; none is copied from the corpus or an evaluation set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typesAndParties } from '../support/instruments-found.ts';

void describe('one instrument, several names', () => {
  void it('merges "the Ghanaian memorandum" into the deal it names one side of, despite a stray year (EN)', () => {
    const text =
      "Five years on, Denmark's Ghana deal has brought few nurses. The memorandum of understanding signed in " +
      'Accra on 3 May 2021 let Ghanaian nurses work in Danish hospitals. The Ghanaian memorandum was the last ' +
      'piece of a recruitment policy that Denmark built in 2019.';
    assert.deepEqual(typesAndParties(text), [{ type: 'memorandum_of_understanding', parties: ['DK', 'GH'] }]);
  });

  void it('merges "le protocole sénégalais" into the agreement between Belgium and Senegal (FR)', () => {
    const text =
      "Cinq ans après, l'accord de la Belgique avec le Sénégal a peu servi. Le protocole d'accord signé à Dakar " +
      'le 4 mars 2020 ouvrait des bourses aux étudiants sénégalais. Le protocole sénégalais était la dernière ' +
      "pièce d'une politique que la Belgique avait bâtie en 2016.";
    assert.deepEqual(typesAndParties(text), [{ type: 'memorandum_of_understanding', parties: ['BE', 'SN'] }]);
  });

  void it('keeps one record when a later sentence dates the memorandum by its lapse (EN and FR)', () => {
    const en =
      'Norway and Kenya signed a memorandum of understanding on the return of migrants on 2 June 2016. ' +
      'Few people returned. By the time the memorandum lapsed in June 2021, only twelve returns had taken place.';
    assert.deepEqual(typesAndParties(en), [{ type: 'memorandum_of_understanding', parties: ['KE', 'NO'] }]);
    const fr =
      'Le Portugal et le Cap-Vert ont signé un accord de réadmission le 2 juin 2014. Peu de retours ont suivi. ' +
      "Lorsque l'accord a expiré en juin 2020, douze personnes seulement avaient été réadmises.";
    assert.deepEqual(typesAndParties(fr), [{ type: 'readmission_agreement', parties: ['CV', 'PT'] }]);
  });
});

void describe('heads that are not instruments', () => {
  void it('reads "Policy Officer" and "Programme Manager" as posts (EN)', () => {
    const text =
      'Prepared by Tom Grey, Policy Officer, and Ana Ruiz, Programme Manager. ' +
      'Canada signed a youth mobility agreement with Chile in 2008.';
    assert.deepEqual(typesAndParties(text), [{ type: 'labour_agreement', parties: ['CA', 'CL'] }]);
  });

  void it('reads "chargée de programme" as a post (FR)', () => {
    const text =
      'Note de Julie Petit, chargée de programme. ' +
      "L'Espagne a signé un accord de réadmission avec la Mauritanie en 2003.";
    assert.deepEqual(typesAndParties(text), [{ type: 'readmission_agreement', parties: ['ES', 'MR'] }]);
  });
});

void describe('instruments still to be drafted', () => {
  void it('drops a declaration the parties agreed to prepare and that could be signed later (EN)', () => {
    const text =
      'Romania and Moldova agreed to prepare a joint declaration on border management, which could be signed ' +
      'at the next meeting in Chisinau in 2026.';
    assert.deepEqual(typesAndParties(text), []);
  });

  void it('drops a declaration still to be drafted (FR)', () => {
    const text =
      'La Roumanie et la Moldavie sont convenues de préparer une déclaration conjointe sur la gestion des ' +
      'frontières, qui pourrait être signée lors de la prochaine réunion, prévue en 2026 à Chisinau.';
    assert.deepEqual(typesAndParties(text), []);
  });

  void it('keeps a declaration that was signed (EN and FR)', () => {
    assert.deepEqual(typesAndParties('In 2019 Italy and Tunisia signed a joint declaration on returns.'), [
      { type: 'joint_declaration', parties: ['IT', 'TN'] },
    ]);
    assert.deepEqual(
      typesAndParties("En 2019, l'Italie et la Tunisie ont signé une déclaration conjointe sur les retours."),
      [{ type: 'joint_declaration', parties: ['IT', 'TN'] }],
    );
  });
});

void describe('agreements on subjects outside migration', () => {
  void it('drops a maritime or defence agreement and keeps a labour one (EN)', () => {
    assert.deepEqual(
      typesAndParties('In August 2020 Greece and Egypt signed an agreement delimiting their maritime zones.'),
      [],
    );
    assert.deepEqual(typesAndParties('In 2021 Spain and Morocco signed a defence agreement.'), []);
    assert.deepEqual(typesAndParties('In 2021 Spain and Morocco signed an agreement on seasonal workers.'), [
      { type: 'labour_agreement', parties: ['ES', 'MA'] },
    ]);
  });

  void it('drops an agreement on maritime delimitation and keeps a readmission one (FR)', () => {
    assert.deepEqual(
      typesAndParties("En 2020, la Grèce et l'Égypte ont signé un accord de délimitation maritime."),
      [],
    );
    assert.deepEqual(typesAndParties("En 2020, la Grèce et l'Égypte ont signé un accord de réadmission."), [
      { type: 'readmission_agreement', parties: ['EG', 'GR'] },
    ]);
  });
});

void describe('a national scheme without a named holder', () => {
  void it('belongs to the state the document is about (EN)', () => {
    const text =
      'Korea recruits foreign workers from Nepal through its Employment Permit System. Korea admitted 100,000 ' +
      'workers in 2023, and Korea plans more.\n\nSeasonal work\n\nSince 2015 rural districts have also ' +
      'recruited farm workers under the Seasonal Worker Program.';
    assert.deepEqual(typesAndParties(text), [
      { type: 'programme', parties: ['KR'] },
      { type: 'programme', parties: ['KR'] },
    ]);
  });

  void it('belongs to the state the document is about (FR)', () => {
    const text =
      "Le Maroc a adopté une nouvelle politique migratoire en 2013 avec l'appui du Sénégal. Le Maroc a ensuite " +
      'régularisé 23 000 personnes ; le Maroc prépare une troisième étape.\n\nRégularisation\n\nLa première ' +
      'campagne exceptionnelle de régularisation a été ouverte en janvier 2014.';
    assert.deepEqual(typesAndParties(text), [
      { type: 'legal_act', parties: ['MA'] },
      { type: 'programme', parties: ['MA'] },
    ]);
  });

  void it('stays unowned when no state dominates the document (EN)', () => {
    const text =
      'Spain and Morocco met in Rabat. Spain and Morocco discussed returns.\n\nSchemes\n\n' +
      'Since 2015 rural districts have also recruited farm workers under the Seasonal Worker Program.';
    assert.deepEqual(typesAndParties(text), [{ type: 'programme', parties: [] }]);
  });
});
