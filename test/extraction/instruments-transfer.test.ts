/**
 * Instrument rules of session 9, each kept only when it raised the development half of the spent
 * sets without lowering the check half (see the report of branch s9-rules). Every sentence here is
 * written for the test, in both languages; none is copied from the corpus or an evaluation set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instrumentConfidence } from '../../src/extraction/confidence.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import { typesAndParties } from '../support/instruments-found.ts';

void describe('one instrument, several names: a treaty and a memorandum stay two', () => {
  // The document is about the memorandum (its title names it first); the treaty it builds on is
  // named later between the same two states, undated.
  void it('keeps an undated treaty apart from the memorandum a note is about (FR)', () => {
    const text =
      'Le mémorandum hispano-marocain de 2019 et ses suites\n\n' +
      "Madrid et Rabat avaient d'abord signé le traité d'amitié et de bon voisinage entre l'Espagne et le Maroc. " +
      'Le mémorandum de 2019 porte sur les travailleurs saisonniers.';
    assert.deepEqual(typesAndParties(text), [
      { type: 'memorandum_of_understanding', parties: ['ES', 'MA'] },
      { type: 'agreement', parties: ['ES', 'MA'] },
    ]);
  });

  void it('keeps an undated treaty apart from the memorandum a note is about (EN)', () => {
    const text =
      'The Portugal–Angola memorandum of 2019\n\n' +
      'Lisbon and Luanda first signed the treaty of friendship between Portugal and Angola. ' +
      'The memorandum of 2019 covers seasonal workers.';
    assert.deepEqual(typesAndParties(text), [
      { type: 'memorandum_of_understanding', parties: ['AO', 'PT'] },
      { type: 'agreement', parties: ['AO', 'PT'] },
    ]);
  });
});

void describe('a letter of intent in a document about two states', () => {
  void it('gives an unnamed declaration of intent the two principal states (FR and EN)', () => {
    const fr =
      "Le Sénégal et l'Italie renforcent leur coopération. Le Sénégal accueillera une délégation italienne en mars. " +
      "Une déclaration d'intention sur la formation des jeunes a aussi été signée le 3 mars 2024.";
    assert.ok(
      typesAndParties(fr).some((i) => i.type === 'letter_of_intent' && i.parties.join() === 'IT,SN'),
      JSON.stringify(typesAndParties(fr)),
    );
    const en =
      'Ghana and the Netherlands are stepping up their cooperation. Ghana will host a Dutch delegation in May. ' +
      'A letter of intent on training young people was also signed on 3 May 2024.';
    assert.ok(
      typesAndParties(en).some((i) => i.type === 'letter_of_intent' && i.parties.join() === 'GH,NL'),
      JSON.stringify(typesAndParties(en)),
    );
  });
});

void describe('type: a titled agreement is typed by its title, not by its clause', () => {
  void it('keeps a titled agreement an agreement when a later word of its clause says visa (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties(
        'In 2016 Chile and Peru concluded the Andean Transit Agreement, under which lorry drivers without a visa may cross the border for 72 hours.',
      ),
      [{ type: 'agreement', parties: ['CL', 'PE'] }],
    );
    assert.deepEqual(
      typesAndParties(
        "En 2016, le Chili et le Pérou ont signé l'Accord de Tacna, qui permet aux chauffeurs sans visa de franchir la frontière pendant 72 heures.",
      ),
      [{ type: 'agreement', parties: ['CL', 'PE'] }],
    );
  });

  void it('types an agreement on youth mobility or young professionals as a labour agreement (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties('In 2015 Chile and New Zealand signed an agreement on youth mobility.'),
      [{ type: 'labour_agreement', parties: ['CL', 'NZ'] }],
    );
    assert.deepEqual(
      typesAndParties(
        'En 2015, le Chili et la Nouvelle-Zélande ont signé un accord relatif à la mobilité des jeunes.',
      ),
      [{ type: 'labour_agreement', parties: ['CL', 'NZ'] }],
    );
  });

  void it('still types an untitled agreement by its subject', () => {
    assert.deepEqual(
      typesAndParties('In 2016 Chile and Peru concluded an agreement on visa exemptions for lorry drivers.'),
      [{ type: 'visa_agreement', parties: ['CL', 'PE'] }],
    );
  });
});

void describe('instrument confidence refitted on the tuning half of the spent sets', () => {
  const plain = {
    catalogued: false,
    type: 'readmission_agreement',
    parties: 2,
    dated: false,
    definiteArticle: false,
    signals: { cue: 'subject', established: false, inList: false, guessedHolder: false },
  };

  void it('keeps a record with no sign either way under 0.8, to be reviewed', () => {
    assert.ok(instrumentConfidence(plain) < 0.8);
  });

  void it('raises a record named in three places or more to 0.8 and above', () => {
    assert.ok(instrumentConfidence({ ...plain, mentions: 3 }) >= 0.8);
    assert.ok(instrumentConfidence({ ...plain, mentions: 2 }) < 0.8);
  });

  void it('keeps a plan, a fund, a partnership or a bare agreement under 0.8 even when tied by a pair adjective', () => {
    const tied = { ...plain, signals: { ...plain.signals, cue: 'pair' } };
    assert.ok(instrumentConfidence(tied) >= 0.8);
    for (const type of ['action_plan', 'fund', 'partnership', 'agreement']) {
      assert.ok(instrumentConfidence({ ...tied, type }) < 0.8, type);
    }
  });

  void it('rates a memorandum named often in a document above one named once (EN and FR)', () => {
    const confidenceOf = (text: string): number[] =>
      extractDocument(text, { catalogue: false }).instruments.map((i) => i.confidence ?? 0);
    const once = confidenceOf('Chile and Peru signed a memorandum on labour migration in 2021.');
    const often = confidenceOf(
      'Chile and Peru signed a memorandum on labour migration in 2021. The memorandum sets yearly quotas. ' +
        'Under the memorandum, recruitment goes through public employment services.',
    );
    assert.equal(once.length, 1);
    assert.equal(often.length, 1);
    assert.ok((often[0] ?? 0) > (once[0] ?? 0), JSON.stringify({ once, often }));
    const fr = confidenceOf(
      'Le Chili et le Pérou ont signé un mémorandum sur la migration de travail en 2021. Le mémorandum fixe des quotas. ' +
        'Au titre du mémorandum, le recrutement passe par les services publics de l’emploi.',
    );
    assert.equal(fr.length, 1);
    assert.ok((fr[0] ?? 0) >= 0.8, JSON.stringify(fr));
  });
});
