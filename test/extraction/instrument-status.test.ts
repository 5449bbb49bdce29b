/** Instrument statuses read from the sentence that names the instrument (sentences written for these tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInstrumentStatus } from '../../src/extraction/instrument-status.ts';

/** The status stated for the first occurrence of `name` in `sentence` (the whole text is one sentence). */
function statusOf(sentence: string, name: string, others: readonly string[] = []) {
  const start = sentence.indexOf(name);
  assert.ok(start >= 0);
  const spans = others.map((o) => ({ start: sentence.indexOf(o), end: sentence.indexOf(o) + o.length }));
  const found = readInstrumentStatus(
    sentence,
    { start: 0, end: sentence.length },
    { start, end: start + name.length },
    spans,
  );
  return found === null ? null : [found.value, found.quote];
}

void describe('instrument status', () => {
  void it('reads each status in English', () => {
    assert.deepEqual(
      statusOf('The readmission agreement entered into force in 2019.', 'readmission agreement'),
      ['in_force', 'entered into force'],
    );
    assert.deepEqual(
      statusOf(
        'Ghana and Italy signed a memorandum of understanding on labour migration.',
        'memorandum of understanding',
      ),
      ['signed', 'signed'],
    );
    assert.deepEqual(
      statusOf('A mobility partnership with Jordan is under negotiation.', 'mobility partnership'),
      ['negotiating', 'under negotiation'],
    );
    assert.deepEqual(
      statusOf(
        'The visa facilitation agreement was suspended after the coup.',
        'visa facilitation agreement',
      ),
      ['suspended', 'suspended'],
    );
    assert.deepEqual(statusOf('The pilot scheme expired at the end of 2020.', 'pilot scheme'), [
      'ended',
      'expired',
    ]);
    assert.deepEqual(
      statusOf('Canada announced a new talent partnership with Kenya.', 'talent partnership'),
      ['announced', 'announced'],
    );
  });

  void it('reads each status in French', () => {
    assert.deepEqual(
      statusOf('L’accord de réadmission est entré en vigueur en 2014.', 'accord de réadmission'),
      ['in_force', 'entré en vigueur'],
    );
    assert.deepEqual(statusOf('Le mémorandum d’entente a été signé à Rabat.', 'mémorandum d’entente'), [
      'signed',
      'signé',
    ]);
    assert.deepEqual(
      statusOf(
        'Un partenariat pour les talents est en cours de négociation avec le Nigeria.',
        'partenariat pour les talents',
      ),
      ['negotiating', 'en cours de négociation'],
    );
    assert.deepEqual(
      statusOf('L’accord de gestion concertée a pris fin en 2021.', 'accord de gestion concertée'),
      ['ended', 'a pris fin'],
    );
    assert.deepEqual(
      statusOf(
        'La coopération au titre de la déclaration conjointe a été suspendue.',
        'déclaration conjointe',
      ),
      ['suspended', 'suspendue'],
    );
  });

  void it('says nothing where the sentence says nothing, or denies the step', () => {
    assert.equal(statusOf('The compact covers return, reintegration and legal pathways.', 'compact'), null);
    assert.equal(statusOf('The agreement has not yet been signed by either side.', 'agreement'), null);
    assert.equal(statusOf('L’accord n’a pas été ratifié par le Parlement.', 'accord'), null);
  });

  void it('gives each instrument of a sentence its own status', () => {
    const sentence =
      'The labour agreement was signed in 2016, while the readmission protocol is still under negotiation.';
    assert.deepEqual(statusOf(sentence, 'readmission protocol', ['labour agreement']), [
      'negotiating',
      'under negotiation',
    ]);
    assert.deepEqual(statusOf(sentence, 'labour agreement', ['readmission protocol']), ['signed', 'signed']);
  });
});
