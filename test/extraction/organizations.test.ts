import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findOrganizations } from '../../src/extraction/organizations.ts';

const codes = (text: string): string[] => [...new Set(findOrganizations(text).map((m) => m.code))].sort();

void test('finds the EU by name, acronym and institutions in both languages', () => {
  assert.deepEqual(codes("l'Union européenne et la Commission européenne"), ['EU']);
  assert.deepEqual(codes('The European Parliament, the EEAS and the Commission agreed.'), ['EU']);
  assert.deepEqual(codes("la stratégie de l'UE"), ['EU']);
  assert.deepEqual(codes('the Commission on Human Rights'), []);
  assert.deepEqual(codes('les Etats Membres'), []);
  assert.deepEqual(codes('DG HOME and DG INTPA officials'), ['EU']);
});

void test('UN bodies: longest name wins', () => {
  assert.deepEqual(codes('le Programme des Nations\n\nUnies pour le développement'), ['UNDP']);
  assert.deepEqual(codes('des organismes des Nations Unies'), ['UN']);
  assert.deepEqual(codes('UNHCR and the HCR; UNDP/PNUD'), ['UNDP', 'UNHCR']);
  assert.deepEqual(codes("L'OIM et l'IOM"), ['IOM']);
});

void test('regional organizations, agencies and banks', () => {
  assert.deepEqual(codes('CCPAO, CEDEAO, CEMAC, WAPIS, etc.'), ['CEMAC', 'ECOWAS', 'INTERPOL']);
  assert.deepEqual(codes('une cellule avec Frontex'), ['FRONTEX']);
  assert.deepEqual(
    codes('Asian Development Bank Institute (ADBI) and International Labour Organization (ILO)'),
    ['ADB', 'ILO'],
  );
  assert.deepEqual(codes("l'Union africaine et la Banque mondiale"), ['AU', 'WORLD_BANK']);
  assert.deepEqual(codes('the European Migration Network (EMN) and the OECD'), ['EMN', 'OECD']);
});

void test('acronyms need exact capitals and are not read in headings or country lists', () => {
  assert.deepEqual(codes('un accord au niveau national'), []);
  assert.deepEqual(codes('UN CADRE POUR LE RETOUR AU PAYS'), []);
  assert.deepEqual(codes('ES, FR, NL and UA reported; AT, AU, BE'), []);
  assert.deepEqual(codes('The AU and the EU met.'), ['AU', 'EU']);
});

void test('mentions inside URLs do not count', () => {
  assert.deepEqual(codes('<https://data.unhcr.org> and http://x.iom.int/OIM%20-%20report'), []);
  const [m] = findOrganizations('Support from UNDP.');
  assert.deepEqual(m, { start: 13, end: 17, quote: 'UNDP', code: 'UNDP', actorId: 'UNDP' });
});

void test('reads the organizations of a real meeting report', () => {
  const text = readFileSync(
    new URL('../../corpus/rabat-process-border-management-meeting.fr.txt', import.meta.url),
    'utf8',
  );
  assert.deepEqual(codes(text), ['CEMAC', 'ECOWAS', 'EU', 'FRONTEX', 'INTERPOL']);
});
