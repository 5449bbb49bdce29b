/**
 * Session 12 precision rules (issue 8, causes 2 and 3), on sentences written for these tests in
 * French and English: a state's name before a conference's form names its host, not its holder; a
 * shortened proper name joins the record it shortens; a catalogued treaty's year may stand after its
 * form word.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';

function found(
  text: string,
  catalogue = false,
): { type: string; parties: string[]; quote: string; confidence: number }[] {
  return extractDocument(text, { catalogue }).instruments.map((i) => ({
    type: i.type,
    parties: [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
    quote: i.quote,
    confidence: i.confidence ?? -1,
  }));
}

void describe('a state named before a conference form is its host (cause 2)', () => {
  void it('gives no party to "the Peru Declaration on …" in English and French text', () => {
    for (const text of [
      'Ministers from twelve states met in Lima and adopted the Peru Declaration on Labour Mobility in 2023.',
      'Les ministres de douze pays ont adopté en 2023 la Peru Declaration on Labour Mobility.',
    ]) {
      assert.deepEqual(
        found(text).map((r) => ({ type: r.type, parties: r.parties })),
        [{ type: 'joint_declaration', parties: [] }],
        text,
      );
    }
  });

  void it('keeps the two states of a pair adjective as the parties of a declaration', () => {
    assert.deepEqual(
      found('The Spanish-Moroccan Declaration on seasonal work was adopted in Rabat in 2019.').map(
        (i) => i.parties,
      ),
      [['ES', 'MA']],
    );
  });
});

void describe('a shortened proper name is the record it shortens (cause 3)', () => {
  void it('merges "EUCAP Sahel Mali" into "la mission civile EUCAP Sahel Mali" (FR)', () => {
    const records = found(
      "En 2021, l'UE a prolongé la mission civile EUCAP Sahel Mali. Depuis, EUCAP Sahel Mali forme les gardes-frontières maliens.",
    );
    assert.equal(records.length, 1, JSON.stringify(records));
    assert.deepEqual(records[0]?.parties, ['EU', 'ML']);
  });

  void it('merges "the Kiribati Labour Scheme" into "the Australia–Kiribati Labour Scheme" (EN) but not another name', () => {
    const records = found(
      'Australia and Kiribati launched the Australia–Kiribati Labour Scheme in 2022. The Kiribati Labour Scheme places workers on farms.',
    );
    assert.equal(records.length, 1, JSON.stringify(records));
    const two = found(
      'Australia and Kiribati launched the Pacific Farm Scheme in 2022. Australia and Fiji launched the Coastal Care Scheme in 2023.',
    );
    assert.equal(two.length, 2, JSON.stringify(two));
  });
});

void describe('a catalogued treaty with its year after the form word', () => {
  void it('reads "la Convention de 1951 relative au statut des réfugiés" and "the Convention of 1951 relating to…" as the Refugee Convention', () => {
    for (const text of [
      'Le Tchad a rappelé son attachement à la Convention de 1951 relative au statut des réfugiés.',
      'Kenya remains bound by the Convention of 1951 relating to the Status of Refugees.',
    ]) {
      const records = found(text, true);
      assert.deepEqual(
        records.map((r) => ({ type: r.type, parties: r.parties })),
        [{ type: 'agreement', parties: [] }],
        text,
      );
      assert.ok((records[0]?.confidence ?? 0) >= 0.9);
    }
  });
});

void describe('subjects and holders read from the field', () => {
  void it('types an agreement on employment or on trainees as a labour agreement (EN and FR)', () => {
    assert.deepEqual(
      found('Norway and Chile signed an agreement on the employment of nurses in 2019.').map((r) => r.type),
      ['labour_agreement'],
    );
    assert.deepEqual(
      found("La Belgique et le Vietnam ont conclu en 2018 un accord sur l'échange de stagiaires.").map(
        (r) => r.type,
      ),
      ['labour_agreement'],
    );
  });

  void it('gives a law no sign ties to its maker to the state the document is about, not the last state named', () => {
    const fr =
      "La Norvège a durci sa politique d'asile en 2023. La Norvège impose désormais des entretiens rapides. " +
      'La Norvège a aussi ouvert des centres fermés. Une délégation du Maroc a visité Oslo en mai. ' +
      'La loi n° 2023-41 prévoit des délais de recours plus courts.';
    assert.deepEqual(
      found(fr).map((r) => ({ type: r.type, parties: r.parties })),
      [{ type: 'legal_act', parties: ['NO'] }],
    );
    const en =
      'Denmark tightened its asylum rules in 2021. Denmark now screens claims at the border. Denmark also ' +
      'cut benefits for new arrivals. A delegation from Rwanda visited Copenhagen in May. Law No. 2021-226 ' +
      'shortens appeal deadlines.';
    assert.deepEqual(
      found(en).map((r) => ({ type: r.type, parties: r.parties })),
      [{ type: 'legal_act', parties: ['DK'] }],
    );
  });
});

void describe('instrument confidence refitted in session 12', () => {
  void it('trusts a memorandum tied by a pair adjective (FR and EN) and not one read from the clause alone', () => {
    for (const text of [
      "Le protocole d'accord franco-ivoirien sur la mobilité des étudiants a été signé à Abidjan le 2 mars 2021.",
      'The Irish-Ghanaian memorandum on nurse recruitment was signed in Accra on 2 March 2021.',
    ]) {
      const [record] = found(text);
      assert.ok(record !== undefined && record.confidence >= 0.8, text);
    }
    const [loose] = found('Ireland and Ghana signed an agreement in Accra on 2 March 2021.');
    assert.ok(loose !== undefined && loose.confidence < 0.8, JSON.stringify(loose));
  });
});
