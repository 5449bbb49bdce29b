import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorById } from '../../src/domain/actors.ts';
import { toEvaluationObject } from '../../src/extraction/evaluation.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';

/** Sorted party ids (beneficiaries left out) of each instrument of a text. */
function parties(text: string): string[][] {
  return extractDocument(text).instruments.map((i) =>
    [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
  );
}

void describe('parties named through adjectives, capitals and offices', () => {
  void it('reads French and English adjective pairs', () => {
    assert.deepEqual(parties("L'accord franco-tchadien sur la mobilité des étudiants a été signé en 2014."), [
      ['FR', 'TD'],
    ]);
    assert.deepEqual(
      parties("L'accord germano-ghanéen relatif aux travailleurs qualifiés est entré en vigueur."),
      [['DE', 'GH']],
    );
    assert.deepEqual(parties('The Spanish-Mauritanian agreement on seasonal workers was renewed.'), [
      ['ES', 'MR'],
    ]);
  });

  void it('reads capitals standing for their states, while a process named after a city has no party', () => {
    assert.deepEqual(parties('Lisbonne et Nouakchott ont signé un accord de mobilité en 2022.'), [
      ['MR', 'PT'],
    ]);
    assert.deepEqual(parties('The Budapest Process met at senior officials level in 2021.'), [[]]);
  });

  void it('reads any capital of the registry, English or French, as an agent of a deal', () => {
    assert.deepEqual(parties('Ottawa and Manila signed a memorandum of understanding on nurses in 2023.'), [
      ['CA', 'PH'],
    ]);
    assert.deepEqual(parties('Varsovie et Kyiv ont signé une déclaration conjointe sur la mobilité.'), [
      ['PL', 'UA'],
    ]);
  });

  void it('reads ministers and ministries as their states', () => {
    assert.deepEqual(
      parties("Le ministre portugais de l'Intérieur a signé un mémorandum d'entente avec le Cap-Vert."),
      [['CV', 'PT']],
    );
    assert.deepEqual(parties("Austria's interior ministry concluded an agreement with Tunisia in 2021."), [
      ['AT', 'TN'],
    ]);
  });
});

void describe('parties referred to by "the two countries", "ces pays", "both sides"', () => {
  void it('resolves the anaphor to the nearest list of states, in both languages', () => {
    assert.deepEqual(
      parties(
        'Ghana and Nigeria held consultations in Accra. The two countries signed a readmission agreement.',
      ),
      [['GH', 'NG']],
    );
    assert.deepEqual(
      parties(
        'La Tunisie et la Libye se sont réunies à Tunis. Ces pays ont adopté une feuille de route commune.',
      ),
      [['LY', 'TN']],
    );
    assert.deepEqual(
      parties('Nepal and Qatar met in Doha last spring. Both sides signed a memorandum of understanding.'),
      [['NP', 'QA']],
    );
  });

  void it('does not resolve "the two countries" to a list of three', () => {
    const found = parties(
      'Chile, Peru and Bolivia met in Lima. The two countries signed a memorandum of understanding.',
    );
    assert.ok(found.every((p) => p.length === 0));
  });
});

void describe('a state and an organisation with the same code', () => {
  void it("reads Australia's programme as the state AU, the African Union's as the organisation", () => {
    const doc = extractDocument(
      "Australia's Pacific Labour Scheme recruits workers. The African Union's Migration Policy Framework for Africa was revised.",
    );
    const ids = doc.instruments.flatMap((i) => i.parties.map((p) => p.actorId));
    assert.ok(ids.includes('AU'));
    assert.equal(actorById('AU')?.kind, 'state');
    for (const id of ids.filter((x) => x.endsWith('AU'))) {
      assert.equal(actorById(id)?.kind, id === 'AU' ? 'state' : 'organization');
    }
    // The evaluation object keeps the spec's codes: the organisation is AU there too.
    const orgs = toEvaluationObject(doc).organizations;
    assert.deepEqual(orgs, ['AU']);
    assert.deepEqual(
      doc.organizations.map((o) => o.actorId),
      ['org:AU'],
    );
  });
});
