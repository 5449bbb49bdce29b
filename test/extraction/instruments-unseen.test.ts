/**
 * Instrument rules for wording the corpus does not use: capitals standing for their states, arrangements,
 * national laws by date or subject, joint bodies, and how sure a guessed holder is. Every sentence
 * here is written for the test, in both languages; none is copied from the corpus or an evaluation set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, typesAndParties } from '../support/instruments-found.ts';

void describe('instruments on unseen wording: parties', () => {
  void it('reads capitals governed by between/with as their states (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties('In May 2018 a readmission agreement was concluded between Madrid and Nouakchott.'),
      [{ type: 'readmission_agreement', parties: ['ES', 'MR'] }],
    );
    assert.deepEqual(typesAndParties('En 2017, la Belgique a signé un accord de réadmission avec Bamako.'), [
      { type: 'readmission_agreement', parties: ['BE', 'ML'] },
    ]);
  });

  void it('reads Brussels as the EU, and keeps a process named after a capital a process', () => {
    assert.deepEqual(
      typesAndParties('A joint statement on returns was adopted between Brussels and Dakar in June 2020.'),
      [{ type: 'joint_declaration', parties: ['EU', 'SN'] }],
    );
    const process = found(
      'Les partenaires du Processus de Khartoum se sont réunis en 2019 avec Nairobi Process observers.',
    );
    assert.ok(process.every((i) => i.type === 'dialogue'));
  });

  void it('reads a dashed pair of states that opens a long title', () => {
    assert.deepEqual(
      typesAndParties('The Mexico–United States Southern Border Security Forum met in 2022.'),
      [{ type: 'dialogue', parties: ['MX', 'US'] }],
    );
  });

  void it('reads "the two governments" as the two states the previous sentence names in passing', () => {
    assert.deepEqual(
      typesAndParties(
        'Ireland had offered help in 2015, an offer that Portugal long rejected. The two governments finally concluded an arrangement on resettlement in May 2021.',
      ),
      [{ type: 'agreement', parties: ['IE', 'PT'] }],
    );
  });

  void it('reads "its" programme as the state the previous sentence is about, never a beneficiary', () => {
    const result = found(
      "Norway's links with Baltic states include several schemes. In 2019, the government renamed its Nordic Trainee Programme to offer places to nationals of Latvia.",
    );
    assert.deepEqual(
      result.map(({ type, parties }) => ({ type, parties })),
      [{ type: 'programme', parties: ['NO'] }],
    );
    // Read across a sentence, the holder is a guess: it stays under 0.8.
    assert.ok((result[0]?.confidence ?? 1) < 0.8);
  });

  void it('does not record an instrument the text denies', () => {
    assert.deepEqual(typesAndParties('Senegal has never signed a readmission agreement with Italy.'), []);
    assert.deepEqual(
      typesAndParties("Le Niger n'a jamais conclu un accord de réadmission avec la Belgique."),
      [],
    );
  });
});

void describe('instruments on unseen wording: legal forms', () => {
  void it('reads arrangements as agreements, typed by their subject (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties('A returns arrangement was concluded between Denmark and Iraq in October 2020.'),
      [{ type: 'readmission_agreement', parties: ['DK', 'IQ'] }],
    );
    assert.deepEqual(
      typesAndParties(
        'En 2021, un arrangement bilatéral entre la Suisse et la Tunisie sur le rapatriement des ressortissants a été conclu.',
      ),
      [{ type: 'readmission_agreement', parties: ['CH', 'TN'] }],
    );
    assert.deepEqual(
      typesAndParties(
        "L'arrangement administratif luxembourgeois-capverdien relatif à l'identification et au retour date de 2016.",
      ).map((i) => i.type),
      ['readmission_agreement'],
    );
    assert.deepEqual(
      typesAndParties('Sweden concluded an arrangement with Kenya in April 2023 on labour mobility.'),
      [{ type: 'labour_agreement', parties: ['KE', 'SE'] }],
    );
  });

  void it('leaves everyday arrangements alone', () => {
    assert.deepEqual(
      typesAndParties('The embassy made arrangements with the airline for the delegation.'),
      [],
    );
  });

  void it('reads a signed bare "accord" and a protocol coordinated with it as two instruments', () => {
    assert.deepEqual(
      typesAndParties('Le Sénégal et l’Espagne ont signé un accord et un protocole en 2007.'),
      [
        { type: 'agreement', parties: ['ES', 'SN'] },
        { type: 'agreement', parties: ['ES', 'SN'] },
      ],
    );
    assert.deepEqual(typesAndParties("Il est d'accord avec cette idée."), []);
  });

  void it('reads treaties named after a place and bilateral protocols', () => {
    assert.deepEqual(
      typesAndParties('Le traité de Ouchy, signé entre la Suisse et l’Italie en 1998, règle les contrôles.'),
      [{ type: 'agreement', parties: ['CH', 'IT'] }],
    );
    assert.deepEqual(
      typesAndParties(
        'Le protocole bilatéral de réadmission conclu entre la Bulgarie et la Turquie en 2004 est appliqué.',
      ),
      [{ type: 'readmission_agreement', parties: ['BG', 'TR'] }],
    );
  });

  void it('reads national laws by date, bills and codes, held by a state and not an organization', () => {
    assert.deepEqual(
      typesAndParties('Le Parlement luxembourgeois a voté la loi du 18 mars 2022 sur l’immigration.'),
      [{ type: 'legal_act', parties: ['LU'] }],
    );
    assert.deepEqual(
      typesAndParties(
        'Au Sénégal, le projet de loi sur les réfugiés, salué par le HCR, a été adopté en 2022.',
      ),
      [{ type: 'legal_act', parties: ['SN'] }],
    );
    assert.deepEqual(typesAndParties('Ireland introduced the International Protection Bill in 2015.'), [
      { type: 'legal_act', parties: ['IE'] },
    ]);
  });

  void it('reads joint command centres and mixed follow-up groups as cooperation (FR and EN)', () => {
    assert.deepEqual(
      typesAndParties('Un centre de commandement commun hispano-marocain a ouvert à Algésiras en 2019.'),
      [{ type: 'operational_cooperation', parties: ['ES', 'MA'] }],
    );
    assert.deepEqual(
      typesAndParties('Belgium and Morocco opened a joint command centre for border surveillance in 2020.'),
      [{ type: 'operational_cooperation', parties: ['BE', 'MA'] }],
    );
    assert.deepEqual(typesAndParties('Le Mali et la France ont créé un groupe de suivi mixte en 2009.'), [
      { type: 'coordination_mechanism', parties: ['FR', 'ML'] },
    ]);
  });

  void it('gives a joint council of a bilateral document to its two principal states', () => {
    const text =
      'Le Cap-Vert et le Portugal coopèrent depuis 2007. Le Portugal finance des formations au Cap-Vert. ' +
      'Un Conseil paritaire se réunit chaque année.';
    assert.deepEqual(typesAndParties(text), [{ type: 'coordination_mechanism', parties: ['CV', 'PT'] }]);
  });

  void it('reads assisted voluntary return programmes and regularisation campaigns as programmes (FR and EN)', () => {
    assert.deepEqual(
      typesAndParties('Le Gabon a lancé en 2015 une campagne exceptionnelle de régularisation.'),
      [{ type: 'programme', parties: ['GA'] }],
    );
    assert.deepEqual(typesAndParties('Chile opened a regularisation process for migrants in 2021.'), [
      { type: 'programme', parties: ['CL'] },
    ]);
    assert.deepEqual(
      typesAndParties('Austria funds an assisted voluntary return programme implemented by IOM.'),
      [{ type: 'programme', parties: ['AT', 'IOM'] }],
    );
  });

  void it('reads the states whose forces a joint patrol or operation brings together', () => {
    assert.deepEqual(
      typesAndParties(
        'Les patrouilles conjointes de la police italienne et de la garde nationale tunisienne ont repris en 2017.',
      ),
      [{ type: 'operational_cooperation', parties: ['IT', 'TN'] }],
    );
    assert.deepEqual(
      typesAndParties('Frontex started a joint operation in support of Albanian border police in 2019.'),
      [{ type: 'operational_cooperation', parties: ['AL', 'FRONTEX'] }],
    );
  });
});

void describe('instruments on unseen wording: titles whose last word is the form', () => {
  void it('reads national acts, ordinances and decrees by their capitalised title', () => {
    assert.deepEqual(
      typesAndParties('Canada passed the Refugee Resettlement Reform Act 2019 after a long debate.'),
      [{ type: 'legal_act', parties: ['CA'] }],
    );
    assert.deepEqual(typesAndParties("Japan's Immigration Control Act was revised in 2018."), [
      { type: 'legal_act', parties: ['JP'] },
    ]);
    // A bare "the Act" names no act by itself.
    assert.deepEqual(typesAndParties('The Act was passed in 2010.'), []);
  });

  void it('reads laws on any field subject in both languages', () => {
    assert.deepEqual(typesAndParties('Le Maroc a révisé sa loi sur les réfugiés de 2014.'), [
      { type: 'legal_act', parties: ['MA'] },
    ]);
    assert.deepEqual(typesAndParties('En 2022, la Suède a modifié la loi sur les gardes-frontières.'), [
      { type: 'legal_act', parties: ['SE'] },
    ]);
    assert.deepEqual(typesAndParties('Brazil adopted a law on refugees in 1997.'), [
      { type: 'legal_act', parties: ['BR'] },
    ]);
  });

  void it('reads a named pilot, and a title ending in "Pilot" or "Scheme", as a programme', () => {
    assert.deepEqual(typesAndParties('In 2019 Norway launched the Nordic Care Worker Pilot.'), [
      { type: 'programme', parties: ['NO'] },
    ]);
    assert.deepEqual(typesAndParties('Australia opened the Skilled Nurse Agreement Pilot in 2022.'), [
      { type: 'programme', parties: ['AU'] },
    ]);
    assert.deepEqual(typesAndParties('The pilot of the airline was Norwegian.'), []);
  });

  void it('reads a "protocole d\'entente" as a memorandum whatever its subject', () => {
    assert.deepEqual(
      typesAndParties("Le Bénin et le Togo ont signé un protocole d'entente sur le retour en 2019."),
      [{ type: 'memorandum_of_understanding', parties: ['BJ', 'TG'] }],
    );
  });
});

void describe('instruments on unseen wording: a memorandum or agreement that names no party', () => {
  void it('gives it the two states a document is about, as a guess under 0.8 (EN and FR)', () => {
    const en = found(
      'Ghana and Portugal have worked together on labour migration since 2015. Ghana sends nurses and Portugal trains them. The memorandum of understanding signed on 4 March 2019 sets annual quotas.',
    );
    assert.deepEqual(
      en.map(({ type, parties }) => ({ type, parties })),
      [{ type: 'memorandum_of_understanding', parties: ['GH', 'PT'] }],
    );
    assert.ok((en[0]?.confidence ?? 1) < 0.8);
    assert.deepEqual(
      typesAndParties(
        "Le Portugal et le Cap-Vert coopèrent depuis 2010 sur les migrations. Le Cap-Vert forme des infirmiers et le Portugal les recrute. Le protocole d'accord signé le 4 mars 2018 fixe des quotas annuels.",
      ),
      [{ type: 'memorandum_of_understanding', parties: ['CV', 'PT'] }],
    );
  });

  void it('leaves it without parties when the document is about a state and an organisation', () => {
    assert.deepEqual(
      typesAndParties(
        'The EU and the IOM have worked together since 2015. The IOM runs camps and the EU pays. The memorandum of understanding signed on 4 March 2019 sets annual quotas.',
      ),
      [{ type: 'memorandum_of_understanding', parties: [] }],
    );
  });
});

void describe('instruments on unseen wording: royal decree-laws', () => {
  void it('reads a royal decree-law by its number in both languages', () => {
    assert.deepEqual(typesAndParties("L'Espagne a adopté le décret-loi royal 3/2021 du 9 mars 2021."), [
      { type: 'legal_act', parties: ['ES'] },
    ]);
    assert.deepEqual(typesAndParties('Spain adopted Royal Decree-Law 3/2021 in March 2021.'), [
      { type: 'legal_act', parties: ['ES'] },
    ]);
  });
});

void describe('instruments on unseen wording: dialogues held on a rhythm or at the top', () => {
  void it('reads a dialogue its parties set up, in either word order (EN and FR)', () => {
    assert.deepEqual(typesAndParties('Chile and Peru launched a dialogue on migration in 2016.'), [
      { type: 'dialogue', parties: ['CL', 'PE'] },
    ]);
    assert.deepEqual(
      typesAndParties('La Suisse et le Ghana ont lancé un dialogue annuel sur la migration en 2012.'),
      [{ type: 'dialogue', parties: ['CH', 'GH'] }],
    );
  });

  void it('reads intergovernmental consultations and leaders’ meetings as dialogues', () => {
    assert.deepEqual(
      typesAndParties(
        'The fifth Franco-Italian Intergovernmental Consultations took place in Rome in May 2022.',
      ),
      [{ type: 'dialogue', parties: ['FR', 'IT'] }],
    );
    assert.deepEqual(typesAndParties("The Annual Canada–Mexico Leaders' Meeting was held in 2023."), [
      { type: 'dialogue', parties: ['CA', 'MX'] },
    ]);
  });
});

void describe('instruments on unseen wording: French envoy titles with their remit', () => {
  void it('reads the remit as part of the title, not an agreement of its own', () => {
    assert.deepEqual(
      typesAndParties(
        'La Belgique a désigné en 2019 un plénipotentiaire spécial chargé des accords migratoires.',
      ),
      [{ type: 'envoy', parties: ['BE'] }],
    );
    assert.deepEqual(
      typesAndParties(
        "En 2020, l'Autriche a nommé une ambassadrice pour la coopération internationale en matière de migration.",
      ),
      [{ type: 'envoy', parties: ['AT'] }],
    );
  });
});

void describe('instruments on unseen wording: regional frameworks and treaties named after a place', () => {
  void it('gives a regional strategy or set of guidelines no parties, whoever endorsed it (EN and FR)', () => {
    assert.deepEqual(
      typesAndParties(
        'At the ministerial meeting, Ghana and Togo endorsed the Regional Strategy for Labour Mobility in West Africa.',
      ),
      [{ type: 'legal_act', parties: [] }],
    );
    assert.deepEqual(
      typesAndParties(
        "Le Ghana et le Togo ont adopté en 2021 la Stratégie régionale pour la mobilité de la main-d'œuvre en Afrique de l'Ouest.",
      ),
      [{ type: 'legal_act', parties: [] }],
    );
    assert.deepEqual(
      typesAndParties(
        'Ghana and Togo welcomed the Regional Guidelines on the Protection of Migrant Children.',
      ),
      [{ type: 'legal_act', parties: [] }],
    );
  });

  void it('gives a treaty named after a place no parties, but keeps a treaty named by its subject', () => {
    assert.deepEqual(
      typesAndParties(
        'In 2019 Ghana and Nigeria reaffirmed their commitment to the Treaty of Abuja on free movement.',
      ),
      [{ type: 'agreement', parties: [] }],
    );
    assert.deepEqual(
      typesAndParties(
        'En 2019, le Ghana et le Nigeria ont réaffirmé leur attachement au Traité de Lagos sur la libre circulation.',
      ),
      [{ type: 'agreement', parties: [] }],
    );
    assert.deepEqual(typesAndParties('In 2008 Italy and Libya signed the Treaty of Friendship.'), [
      { type: 'agreement', parties: ['IT', 'LY'] },
    ]);
    assert.deepEqual(typesAndParties('Ghana adopted its National Migration Strategy in 2020.'), [
      { type: 'legal_act', parties: ['GH'] },
    ]);
  });
});
