/**
 * General instrument rules, on sentences written for these tests in both languages (issue 8,
 * causes 1, 3 and 4), without the catalogue: legal forms and titles outside the first lexicon,
 * one record per instrument named several ways, the legal form before the subject, holders read
 * from the name, and the candidate-and-features score.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import {
  KEEP_THRESHOLD,
  type MentionFeatures,
  scoreMention,
} from '../../src/extraction/instruments/score.ts';

function found(text: string): { type: string; parties: string[]; quote: string; confidence: number }[] {
  return extractDocument(text, { catalogue: false }).instruments.map((i) => ({
    type: i.type,
    parties: [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
    quote: i.quote,
    confidence: i.confidence ?? -1,
  }));
}
const types = (text: string): string[] => found(text).map((i) => i.type);

void describe('instrument rules: legal forms and titles (cause 1)', () => {
  void it('reads an exchange of letters and a political declaration as instruments, in French and English', () => {
    assert.deepEqual(
      types(
        'Le Portugal et le Cap-Vert ont signé en 2019 un échange de lettres sur la mobilité des étudiants.',
      ),
      ['agreement'],
    );
    assert.deepEqual(
      types('In March 2021 Sweden and Ghana adopted a political declaration on legal pathways.'),
      ['joint_declaration'],
    );
  });

  void it('reads a protocol and a memorandum named by a pair adjective', () => {
    const fr = found('Le protocole franco-tunisien a été signé à Tunis en 2008.');
    assert.deepEqual(
      fr.map((i) => i.type),
      ['agreement'],
    );
    const en = found('The Greek-Egyptian memorandum was signed in Cairo in 2022.');
    assert.deepEqual(
      en.map((i) => i.type),
      ['memorandum_of_understanding'],
    );
  });

  void it('reads a national law cited by its number', () => {
    assert.deepEqual(types('Le Niger a adopté la loi n° 2015-36 relative au trafic illicite de migrants.'), [
      'legal_act',
    ]);
    assert.deepEqual(found('Niger adopted Law No. 2015-36 on the smuggling of migrants.')[0]?.parties, [
      'NE',
    ]);
  });

  void it('reads envoy titles beyond "special envoy", feminine forms included', () => {
    assert.deepEqual(types("L'Italie a nommé une représentante spéciale pour les migrations en 2023."), [
      'envoy',
    ]);
    assert.deepEqual(types('Denmark appointed a special commissioner for migration in 2021.'), ['envoy']);
    assert.deepEqual(
      types('La Belgique a désigné une ambassadrice itinérante pour les questions migratoires.'),
      ['envoy'],
    );
  });

  void it('reads joint operations and joint patrols as operational cooperation', () => {
    assert.deepEqual(
      types('Spain and Mauritania launched joint operations against smuggling networks in 2020.'),
      ['operational_cooperation'],
    );
    assert.deepEqual(types("Le Maroc et l'Espagne organisent des patrouilles mixtes depuis 2019."), [
      'operational_cooperation',
    ]);
  });

  void it('reads committees named either way round', () => {
    assert.deepEqual(types('France and Senegal set up a Steering Committee on migration in 2018.'), [
      'coordination_mechanism',
    ]);
    assert.deepEqual(types('La France et le Sénégal ont créé un comité de pilotage en 2018.'), [
      'coordination_mechanism',
    ]);
  });

  void it('reads a dialogue named by its format', () => {
    assert.deepEqual(
      types('The 5+5 Dialogue brought together ministers from both shores in Tunis in 2022.'),
      ['dialogue'],
    );
  });

  void it('reads a shared adjective across a coordination as two instruments', () => {
    const both = found('In 2022 Italy and Tunisia signed a joint declaration and roadmap on migration.');
    assert.deepEqual(both.map((i) => i.type).sort(), ['action_plan', 'joint_declaration']);
  });
});

void describe('instrument rules: holders read from the name', () => {
  void it('gives a city-named process or summit no parties, even with states in its sentence', () => {
    const fr = found('Le Sénégal et la Gambie ont participé au Sommet de Lomé sur la migration en 2019.');
    assert.deepEqual(
      fr.map((i) => [i.type, i.parties]),
      [['dialogue', []]],
    );
    const en = found('Ghana and Togo attended the Accra Process meeting in 2021.');
    assert.deepEqual(
      en.map((i) => [i.type, i.parties]),
      [['dialogue', []]],
    );
  });

  void it('gives an EU regulation the EU, not the subject of its sentence, unless a state owns it by name', () => {
    const eu = found('Within the European Union, Austria applied the Screening Regulation from 2026.');
    assert.deepEqual(
      eu.map((i) => [i.type, i.parties]),
      [['legal_act', ['EU']]],
    );
    const owned = found("Germany's Western Balkans regulation opened its labour market in 2016.");
    assert.deepEqual(
      owned.map((i) => i.parties),
      [['DE']],
    );
  });
});

void describe('instrument rules: one instrument, several names (cause 3)', () => {
  void it('merges "the agreement", "the memorandum" and "le protocole" into the first record, with every mention as evidence', () => {
    const doc = extractDocument(
      'Italy and Albania signed a readmission agreement in November 2023. The memorandum provides for two centres. ' +
        'Critics say the memorandum was rushed.',
      { catalogue: false },
    );
    assert.equal(doc.instruments.length, 1);
    const fr = extractDocument(
      'La France et le Maroc ont signé un accord de réadmission le 3 mars 2020. Le protocole prévoit des délais de réponse. ' +
        'Le traité entre la France et le Maroc entre en vigueur en 2021.',
      { catalogue: false },
    );
    assert.deepEqual(
      fr.instruments.map((i) => [i.type, [...new Set(i.parties.map((p) => p.actorId))].sort()]),
      [['readmission_agreement', ['FR', 'MA']]],
    );
  });

  void it('keeps a new instrument introduced by an indefinite article apart', () => {
    const doc = extractDocument(
      "La France et la Côte d'Ivoire ont signé un accord de réadmission en 2021. Il est complété par un arrangement administratif entre les deux pays en 2022.",
      { catalogue: false },
    );
    assert.equal(doc.instruments.length, 2);
  });
});

void describe('instrument rules: the legal form named beats the subject (cause 4)', () => {
  void it('keeps a memorandum on circular migration a memorandum, in both languages', () => {
    assert.deepEqual(
      types('In 2019 Spain and Morocco signed a memorandum of understanding on circular migration.'),
      ['memorandum_of_understanding'],
    );
    assert.deepEqual(
      types("En 2019, l'Espagne et le Maroc ont signé un mémorandum d'entente sur la migration circulaire."),
      ['memorandum_of_understanding'],
    );
  });
});

void describe('instrument candidates: features and score', () => {
  const base: MentionFeatures = {
    catalogued: false,
    legalFormHead: true,
    titleShape: false,
    parties: 2,
    partiesTied: true,
    dated: true,
    signingDistance: 10,
    established: false,
    inList: false,
    pluralKind: false,
    kindOf: false,
    hypothetical: false,
    bareCommonNoun: false,
    notAnInstrument: false,
  };

  void it('keeps a legal form with parties, a date and a signing verb, and scores it high', () => {
    assert.ok(scoreMention(base) >= 0.8);
  });

  void it('drops a kind, a hypothesis or an organization name whatever else it has', () => {
    for (const veto of ['kindOf', 'hypothetical', 'notAnInstrument'] as const) {
      assert.ok(scoreMention({ ...base, [veto]: true }) < KEEP_THRESHOLD, veto);
    }
  });

  void it('scores a bare legal form lower than one tied to parties and a date', () => {
    const bare = scoreMention({
      ...base,
      parties: 0,
      partiesTied: false,
      dated: false,
      signingDistance: null,
    });
    assert.ok(bare >= KEEP_THRESHOLD && bare < scoreMention(base));
  });

  void it('gives every extracted instrument its score as confidence', () => {
    const [signed] = found('The Hispano-Senegalese readmission agreement was signed in 2006.');
    assert.ok(signed !== undefined && signed.confidence >= 0.8, JSON.stringify(signed));
    const [subject] = found('Spain and Senegal signed a readmission agreement in 2006.');
    assert.ok(subject !== undefined && subject.confidence > 0.5 && subject.confidence < 0.8);
  });
});
