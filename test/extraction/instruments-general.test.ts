import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toEvaluationObject } from '../../src/extraction/evaluation.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import { classifyTopics } from '../../src/extraction/topics.ts';
import { foldText } from '../../src/extraction/text.ts';

/** The instruments of a text as (type, sorted parties, quote, title) records. */
function instrumentsOf(text: string): { type: string; parties: string[]; quote: string; title: string }[] {
  return extractDocument(text).instruments.map((i) => ({
    type: i.type,
    parties: [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
    quote: i.quote,
    title: i.title,
  }));
}

const typesAndParties = (text: string): { type: string; parties: string[] }[] =>
  instrumentsOf(text).map(({ type, parties }) => ({ type, parties }));

void describe('instruments: legal forms beyond the corpus wording', () => {
  void it('reads a protocol between two governments as an agreement (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties('In 2023 Italy and Albania signed a protocol on migration management.'),
      [{ type: 'agreement', parties: ['AL', 'IT'] }],
    );
    assert.deepEqual(
      typesAndParties('Le Maroc et l’Espagne ont signé un protocole sur la coopération policière.'),
      [{ type: 'agreement', parties: ['ES', 'MA'] }],
    );
  });

  void it('keeps "protocole d’accord" a memorandum', () => {
    assert.deepEqual(typesAndParties('La Tunisie et l’Italie ont signé un protocole d’accord en 2020.'), [
      { type: 'memorandum_of_understanding', parties: ['IT', 'TN'] },
    ]);
  });

  void it('types a "Partnership Agreement" by its legal form, the agreement', () => {
    const found = typesAndParties(
      'Germany signed the Migration and Mobility Partnership Agreement with India in December 2022.',
    );
    assert.deepEqual(found, [{ type: 'agreement', parties: ['DE', 'IN'] }]);
  });

  void it('reads the French legal term "équipe commune d’enquête" and a compound adjective', () => {
    const found = instrumentsOf(
      'Les ministres ont créé une équipe commune d’enquête franco-marocaine en 2021.',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]?.type, 'operational_cooperation');
    assert.deepEqual(found[0]?.parties, ['FR', 'MA']);
  });

  void it('reads generic committee names as coordination mechanisms (FR and EN)', () => {
    assert.deepEqual(typesAndParties('Le Niger et l’Italie ont créé un comité mixte de suivi en 2019.'), [
      { type: 'coordination_mechanism', parties: ['IT', 'NE'] },
    ]);
    assert.deepEqual(typesAndParties('Ghana set up a joint steering committee with Germany in 2020.'), [
      { type: 'coordination_mechanism', parties: ['DE', 'GH'] },
    ]);
  });

  void it('reads plural standard operating procedures on return as one arrangement', () => {
    const found = typesAndParties(
      'La Gambie et l’Union européenne ont adopté des procédures opérationnelles standard pour le retour en 2018.',
    );
    assert.deepEqual(found, [{ type: 'readmission_agreement', parties: ['EU', 'GM'] }]);
  });

  void it('reads French envoys for "questions migratoires" and an adjective owner', () => {
    assert.deepEqual(
      typesAndParties('La Belgique a désigné un envoyé spécial pour les questions migratoires.'),
      [{ type: 'envoy', parties: ['BE'] }],
    );
    assert.deepEqual(
      typesAndParties('Le ministre français a désigné un envoyé spécial pour les migrations.'),
      [{ type: 'envoy', parties: ['FR'] }],
    );
  });

  void it('reads an English "migration envoy" owned by a nationality adjective', () => {
    assert.deepEqual(typesAndParties('The Swedish migration envoy visited Iraq in May 2023.'), [
      { type: 'envoy', parties: ['SE'] },
    ]);
  });

  void it('does not make the counterparts of an envoy’s talks its holders', () => {
    const found = typesAndParties(
      'Austria’s Special Envoy for Migration negotiated with Morocco and Egypt in 2024.',
    );
    assert.deepEqual(found, [{ type: 'envoy', parties: ['AT'] }]);
  });

  void it('reads the two agreements listed after a colon, each with its subject', () => {
    const found = typesAndParties(
      'La France et le Togo signent deux accords bilatéraux : un accord relatif à la réadmission des personnes et un accord relatif à la migration circulaire des professionnels.',
    );
    assert.deepEqual(found, [
      { type: 'readmission_agreement', parties: ['FR', 'TG'] },
      { type: 'labour_agreement', parties: ['FR', 'TG'] },
    ]);
  });
});

void describe('instruments: kinds, headings and generic mentions are not instruments', () => {
  void it('drops a disjunctive list of kinds in a comparative sentence', () => {
    const found = typesAndParties(
      'Several Member States (Italy, the Netherlands, Sweden) have appointed an ambassador, a special envoy or a special representative dedicated to migration.',
    );
    assert.deepEqual(found, []);
  });

  void it('drops kinds given as examples ("such as", "tels que")', () => {
    assert.deepEqual(
      typesAndParties(
        'Spain uses instruments such as bilateral agreements, MoUs, declarations of intent and special envoys.',
      ),
      [],
    );
    assert.deepEqual(
      typesAndParties(
        'Le Portugal utilise des outils tels que des accords bilatéraux ou des protocoles d’accord.',
      ),
      [],
    );
  });

  void it('does not read headings in capitals or lines after a blank line as legal acts', () => {
    const found = typesAndParties(
      'POLICY BRIEF\n\nHow states organise their migration policy\n\nKey points\n- Germany funds training.',
    );
    assert.deepEqual(found, []);
  });

  void it('does not read "an agreement" given as an example as an instrument', () => {
    const found = typesAndParties(
      'The EU–Georgia visa facilitation agreement is an example of an agreement negotiated in parallel.',
    );
    assert.deepEqual(found, [{ type: 'visa_agreement', parties: ['EU', 'GE'] }]);
  });
});

void describe('instruments: parties', () => {
  void it('reads capitals as the states that signed ("London and Kigali signed")', () => {
    assert.deepEqual(typesAndParties('In April 2022 London and Kigali signed a new treaty on asylum.'), [
      { type: 'agreement', parties: ['GB', 'RW'] },
    ]);
  });

  void it('reads the whole name of a multi-word country before a possessive', () => {
    const found = instrumentsOf("New Zealand's Recognised Seasonal Employer (RSE) scheme started in 2007.");
    assert.equal(found[0]?.type, 'programme');
    assert.deepEqual(found[0]?.parties, ['NZ']);
  });

  void it('does not make the nationality of workers a party of a programme', () => {
    const found = typesAndParties(
      'Honduran workers are recruited through the Temporary Foreign Worker Program every year.',
    );
    assert.deepEqual(found, [{ type: 'programme', parties: [] }]);
  });

  void it('keeps the funder of a programme run by an organization', () => {
    const found = typesAndParties(
      'L’Union européenne financera un programme de réintégration des migrants de retour mis en œuvre par l’OIM.',
    );
    assert.deepEqual(found, [{ type: 'programme', parties: ['EU', 'IOM'] }]);
  });

  void it('splits agreements listed "with X <date> and with Y <date>" per counterpart', () => {
    const found = typesAndParties(
      'Denmark concluded agreements with Ghana in March 2023 and with Rwanda on 2 May 2024 on labour migration.',
    );
    assert.deepEqual(found, [
      { type: 'labour_agreement', parties: ['DK', 'GH'] },
      { type: 'labour_agreement', parties: ['DK', 'RW'] },
    ]);
  });

  void it('reads counterparts named by the next sentence ("They have been agreed with…")', () => {
    const found = typesAndParties(
      'The Commission launched the Talent Partnerships in June 2021. They have so far been agreed with Morocco, Tunisia and Egypt.',
    );
    assert.deepEqual(found, [{ type: 'partnership', parties: ['EG', 'EU', 'MA', 'TN'] }]);
  });

  void it('takes the holder of a national programme from its section heading', () => {
    const found = typesAndParties(
      'Spain: circular migration\n\nThe Circular Migration Programme recruits seasonal workers every spring.',
    );
    assert.deepEqual(found, [{ type: 'programme', parties: ['ES'] }]);
  });

  void it('does not give the first term of a comparison to the instrument governed by "avec"', () => {
    const found = typesAndParties(
      'Le rapport compare le Protocole de la CEDEAO sur la libre circulation avec le Protocole de l’IGAD sur la libre circulation.',
    );
    assert.deepEqual(found, [
      { type: 'agreement', parties: ['ECOWAS'] },
      { type: 'agreement', parties: [] },
    ]);
  });

  void it('reads a funder named "avec un financement de" beside the implementing agency', () => {
    const found = typesAndParties(
      'Le mécanisme de transit d’urgence (ETM) mis en œuvre par le HCR avec un financement de l’UE évacue des réfugiés depuis 2017.',
    );
    assert.deepEqual(found, [{ type: 'programme', parties: ['EU', 'UNHCR'] }]);
  });

  void it('reads the implementing agencies after a long quoted title and a sum', () => {
    const found = typesAndParties(
      'The EU financed the SAFE programme ("Supporting Agencies for Fair Employment of Migrant Workers in the Region") with EUR 20 million, implemented by the ILO and the IOM together with Spanish agencies.',
    );
    assert.deepEqual(found, [{ type: 'programme', parties: ['ES', 'EU', 'ILO', 'IOM'] }]);
  });

  void it('records the targeted country of a fund as a beneficiary, left out of the evaluation', () => {
    const doc = extractDocument(
      'The EU Emergency Trust Fund for Africa approved 12 projects for Niger worth EUR 80 million in 2017.',
    );
    const fund = doc.instruments.find((i) => i.type === 'fund');
    assert.deepEqual(
      fund?.parties.map((p) => `${p.actorId}:${p.role}`),
      ['EU:donor', 'NE:beneficiary'],
    );
    const evaluation = toEvaluationObject(doc);
    assert.deepEqual(evaluation.instruments.find((i) => i.type === 'fund')?.parties, ['EU']);
  });

  void it('records a French "au profit du" beneficiary of a named programme', () => {
    const doc = extractDocument('La Belgique finance le programme PROMISE au profit du Sénégal depuis 2019.');
    const programme = doc.instruments.find((i) => i.type === 'programme');
    assert.ok(programme?.parties.some((p) => p.actorId === 'SN' && p.role === 'beneficiary'));
    assert.ok(programme?.parties.some((p) => p.actorId === 'BE' && p.role !== 'beneficiary'));
  });
});

void describe('instruments: held dialogues, joint bodies and long French names', () => {
  void it('reads "hold regular dialogues" as a dialogue of the two actors, titled by them', () => {
    const found = instrumentsOf('The EU and Mali hold regular dialogues on migration since 2016.');
    assert.deepEqual(
      found.map(({ type, parties, title }) => ({ type, parties, title })),
      [{ type: 'dialogue', parties: ['EU', 'ML'], title: 'Dialogue EU–Mali' }],
    );
  });

  void it('gives a joint body of a bilateral communiqué to its two principal actors', () => {
    const found = typesAndParties(
      "L'Union européenne et le Sénégal ont tenu leur dialogue. L'Union européenne et le Sénégal saluent les progrès. Un comité technique conjoint se réunira tous les six mois.",
    );
    assert.ok(found.some((i) => i.type === 'coordination_mechanism' && i.parties.join() === 'EU,SN'));
  });

  void it('reads a French name through "aux" up to its acronym', () => {
    const [programme] = instrumentsOf(
      "La France finance le Programme d'Appui aux Initiatives de Solidarité pour le Développement (PAISD) depuis 2009.",
    );
    assert.equal(
      programme?.quote,
      "Programme d'Appui aux Initiatives de Solidarité pour le Développement (PAISD)",
    );
  });
});

void describe('instruments: titles and topics', () => {
  void it('builds a title from the kind and the parties for a bare "MoU", keeping the quote', () => {
    const [mou] = instrumentsOf('Sweden signed an MoU with Iraq in 2023.');
    assert.equal(mou?.quote, 'MoU');
    assert.equal(mou?.title, 'Memorandum of understanding Iraq–Sweden');
  });

  void it('builds a French title for generic standard procedures', () => {
    const text =
      'Le Mali et l’Union européenne ont adopté en 2016 des procédures standard pour le retour des migrants.';
    const [sop] = extractDocument(text, { language: 'fr' }).instruments;
    assert.equal(sop?.title, 'Procédures opérationnelles standard de retour UE–Mali');
  });

  void it('keeps proper names as titles', () => {
    const [plan] = instrumentsOf('Italy adopted the Mattei Plan for Africa in January 2024.');
    assert.equal(plan?.title, 'Mattei Plan for Africa');
  });

  void it('gives a readmission instrument the return topic from its own name and clause', () => {
    const doc = extractDocument(
      'Ghana and Germany signed a readmission agreement in 2021; they also discussed investment and trade.',
    );
    const agreement = doc.instruments.find((i) => i.type === 'readmission_agreement');
    assert.deepEqual(agreement?.topics, ['return_readmission']);
  });
});

void describe('topics: general cues', () => {
  const topicsOf = (text: string): string[] => {
    const doc = extractDocument(text);
    return classifyTopics(foldText(text), doc.segmentation.sentences).map((t) => t.code);
  };

  void it('does not read "dignité" alone as human rights', () => {
    assert.deepEqual(topicsOf('Le retour doit se faire dans le respect de la dignité des personnes.'), []);
  });

  void it('reads workers’ rights and fair recruitment as human rights', () => {
    assert.ok(
      topicsOf('The scheme protects migrant workers’ rights and promotes fair recruitment.').includes(
        'human_rights',
      ),
    );
    assert.ok(
      topicsOf('L’accord interdit la servitude pour dettes et le travail forcé.').includes('human_rights'),
    );
  });

  void it('reads the Central Mediterranean route as irregular migration', () => {
    assert.ok(
      topicsOf('Sea crossings on the Central Mediterranean route fell by half.').includes(
        'irregular_migration',
      ),
    );
  });
});
