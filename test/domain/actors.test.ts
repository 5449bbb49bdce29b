import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ORGANIZATION_ACTORS,
  STATES,
  actorById,
  actorCode,
  actorName,
  countryByNumeric,
  isStateCode,
  organizationActorId,
  stateSurfaceForms,
} from '../../src/domain/actors.ts';
import { ORGANIZATIONS } from '../../src/domain/taxonomy.ts';

void test('states have alpha-2 ids and names in both languages', () => {
  assert.ok(STATES.length >= 195);
  assert.equal(actorName('MA', 'fr'), 'Maroc');
  assert.equal(actorName('GB', 'en'), 'United Kingdom');
  assert.equal(actorById('XK')?.name.en, 'Kosovo');
  assert.equal(actorById('ML')?.adjective?.en, 'Malian');
  assert.ok(isStateCode('PS'));
  assert.ok(!isStateCode('EU'));
});

void test('the 16 taxonomy organizations are actors', () => {
  assert.deepEqual(
    ORGANIZATION_ACTORS.map((a) => actorCode(a.id)),
    [...ORGANIZATIONS],
  );
  assert.equal(actorName('IOM', 'fr'), 'Organisation internationale pour les migrations');
  assert.equal(actorName('nope', 'en'), 'nope');
});

void test('maps ISO numeric codes to alpha-2', () => {
  assert.equal(countryByNumeric('504'), 'MA');
  assert.equal(countryByNumeric('56'), 'BE');
  assert.equal(countryByNumeric('999'), undefined);
});

void test('surface forms include aliases and adjectives', () => {
  const forms = stateSurfaceForms();
  assert.ok(forms.some((f) => f.code === 'MD' && f.form === 'République de Moldova'));
  assert.ok(forms.some((f) => f.code === 'MA' && f.form === 'marocaines' && f.anyCase));
});

void test('a state and an organisation never share an id: Australia is AU, the African Union org:AU', () => {
  assert.ok(isStateCode('AU'));
  assert.equal(actorById('AU')?.name.en, 'Australia');
  assert.equal(actorById('AU')?.kind, 'state');
  assert.equal(organizationActorId('AU'), 'org:AU');
  assert.equal(actorById('org:AU')?.name.fr, 'Union africaine');
  assert.equal(actorById('org:AU')?.kind, 'organization');
  assert.equal(actorCode('org:AU'), 'AU');
  // Codes that are no state's keep their taxonomy code as id.
  assert.equal(organizationActorId('EU'), 'EU');
  const ids = [...STATES, ...ORGANIZATION_ACTORS].map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
});
