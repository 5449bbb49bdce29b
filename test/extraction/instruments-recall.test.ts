/**
 * Candidate detection rules added for recall on unseen documents (session 11): counted plurals,
 * protocols and ententes by their subject, meetings named by their city, coordinated items sharing a
 * verb of signing, joint patrols of a bilateral communiqué, higher and permanent committees, funded
 * programmes, laws against smuggling, white papers, quoted names, recruitment and association
 * agreements. Every sentence is written for the test, in French and English; none is copied from
 * the corpus or an evaluation set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, typesAndParties } from '../support/instruments-found.ts';

const types = (text: string): string[] => found(text).map((i) => i.type);

void describe('instrument recall: legal forms', () => {
  void it('reads a small count of a form two named states signed as their instrument, not a kind', () => {
    assert.deepEqual(typesAndParties('Ghana and Nigeria signed two memoranda in 2018.'), [
      { type: 'memorandum_of_understanding', parties: ['GH', 'NG'] },
    ]);
    assert.deepEqual(typesAndParties('La Grèce et la Jordanie ont signé deux mémorandums en 2021.'), [
      { type: 'memorandum_of_understanding', parties: ['GR', 'JO'] },
    ]);
    // A vague or large count stays a kind.
    assert.deepEqual(found('Ghana and Nigeria concluded several protocols in 2020.'), []);
    assert.deepEqual(found('The EU has signed 17 readmission agreements.'), []);
  });

  void it('reads a protocol or an entente by its subject or its signing', () => {
    assert.deepEqual(
      typesAndParties('La Belgique et le Bénin ont signé en 2009 un protocole en matière de migration.'),
      [{ type: 'agreement', parties: ['BE', 'BJ'] }],
    );
    assert.deepEqual(
      typesAndParties('Portugal and Cabo Verde signed a protocol regarding seasonal workers in 2019.'),
      [{ type: 'labour_agreement', parties: ['CV', 'PT'] }],
    );
    assert.deepEqual(
      types('En 2011, la France et le Québec ont conclu une entente signée le 3 mai 2011 sur les diplômes.'),
      ['agreement'],
    );
  });

  void it('shares a verb of signing with an item coordinated after the first instrument', () => {
    assert.deepEqual(
      typesAndParties(
        "Le Danemark et le Sénégal ont signé mardi à Dakar une déclaration d'intention sur la formation et un protocole d'accord sur la reconnaissance des diplômes.",
      ),
      [
        { type: 'letter_of_intent', parties: ['DK', 'SN'] },
        { type: 'memorandum_of_understanding', parties: ['DK', 'SN'] },
      ],
    );
    assert.deepEqual(
      typesAndParties(
        'Malta and Tunisia signed on Friday in Tunis a letter of intent on vocational training and a memorandum of understanding on skills recognition.',
      ).map((i) => i.type),
      ['letter_of_intent', 'memorandum_of_understanding'],
    );
  });

  void it('types recruitment agreements as labour agreements and association agreements as trade', () => {
    assert.deepEqual(typesAndParties('Belgium concluded a recruitment agreement with Morocco in 1964.'), [
      { type: 'labour_agreement', parties: ['BE', 'MA'] },
    ]);
    assert.deepEqual(
      typesAndParties('La Belgique a conclu en 1964 un accord de recrutement avec la Turquie.'),
      [{ type: 'labour_agreement', parties: ['BE', 'TR'] }],
    );
    assert.deepEqual(types('The EU signed a Stabilisation and Association Agreement with Albania in 2006.'), [
      'trade_agreement',
    ]);
    assert.deepEqual(types("L'UE a signé un accord d'association avec la Jordanie en 1997."), [
      'trade_agreement',
    ]);
  });
});

void describe('instrument recall: laws and policy papers', () => {
  void it('reads laws against smuggling and trafficking, and laws by their year before a subject', () => {
    assert.deepEqual(
      typesAndParties(
        'Le Tchad a adopté en 2012 une loi relative à la lutte contre le trafic illicite de migrants.',
      ),
      [{ type: 'legal_act', parties: ['TD'] }],
    );
    assert.deepEqual(typesAndParties('Ghana passed an anti-trafficking law in 2005.'), [
      { type: 'legal_act', parties: ['GH'] },
    ]);
    assert.deepEqual(typesAndParties('Mali adopted a law against migrant smuggling in 2012.'), [
      { type: 'legal_act', parties: ['ML'] },
    ]);
    assert.deepEqual(
      typesAndParties('Le Togo a promulgué en 2016 la loi de 2016 portant code des étrangers.').map(
        (i) => i.type,
      ),
      ['legal_act'],
    );
  });

  void it('does not record a law the text says is missing', () => {
    assert.deepEqual(
      found('Les cadres juridiques restent faibles (absence de loi sur la lutte contre la traite).'),
      [],
    );
    assert.deepEqual(found('The report regrets the lack of a law on asylum in the region.'), []);
  });

  void it('reads a white paper as a policy act of its author', () => {
    assert.deepEqual(typesAndParties('Kenya published its White Paper on migration in 2023.'), [
      { type: 'legal_act', parties: ['KE'] },
    ]);
    assert.deepEqual(
      typesAndParties("Le gouvernement béninois a publié en 2022 son livre blanc sur l'immigration."),
      [{ type: 'legal_act', parties: ['BJ'] }],
    );
  });
});

void describe('instrument recall: dialogues, bodies and cooperation', () => {
  void it('reads a meeting held in a city as a dialogue named by it', () => {
    assert.deepEqual(types("La conférence ministérielle régionale s'est réunie à Tachkent en 2014."), [
      'dialogue',
    ]);
    assert.deepEqual(types('The regional ministerial conference met in Tashkent in 2014.'), ['dialogue']);
    assert.deepEqual(types('The Dakar ministerial meeting of May 2019 adopted a declaration.'), ['dialogue']);
    // A dialogue's later session is not a new dialogue, and a press conference is none.
    assert.deepEqual(found('France held a press conference in Paris in 2019.'), []);
  });

  void it('reads a dialogue a pair of parties engaged in or entered into', () => {
    assert.deepEqual(
      typesAndParties(
        "Le Niger et l'Union européenne ont engagé un dialogue politique sur les migrations en 2015.",
      ),
      [{ type: 'dialogue', parties: ['EU', 'NE'] }],
    );
    assert.deepEqual(
      typesAndParties('In 2015 Niger and the EU entered into a political dialogue on migration.'),
      [{ type: 'dialogue', parties: ['EU', 'NE'] }],
    );
  });

  void it("reads a name in single quotes on the left of its head ('Lomé Process')", () => {
    const result = found("Ministers launched the 'Lomé Process' in June 2022.");
    assert.deepEqual(
      result.map((i) => i.type),
      ['dialogue'],
    );
  });

  void it('reads joint patrols and joint cells of a bilateral communiqué as its two states', () => {
    assert.deepEqual(
      typesAndParties(
        "Communiqué conjoint du Bénin et du Togo. Les ministres de l'Intérieur du Bénin et du Togo se sont réunis le 3 mars 2025. Les deux parties saluent la reprise des patrouilles fluviales conjointes depuis le 15 janvier 2025.",
      ).filter((i) => i.type === 'operational_cooperation'),
      [{ type: 'operational_cooperation', parties: ['BJ', 'TG'] }],
    );
    assert.deepEqual(
      typesAndParties(
        "Le Bénin et le Niger ont installé une cellule commune d'échange d'informations en 2024.",
      ),
      [{ type: 'operational_cooperation', parties: ['BJ', 'NE'] }],
    );
    assert.deepEqual(typesAndParties('Benin and Niger set up joint river patrols in 2024.'), [
      { type: 'operational_cooperation', parties: ['BJ', 'NE'] },
    ]);
  });

  void it('reads higher, permanent and ad hoc committees', () => {
    assert.deepEqual(
      typesAndParties('Jordan and Iraq agreed to reconvene their Joint Higher Committee in 2025.'),
      [{ type: 'coordination_mechanism', parties: ['IQ', 'JO'] }],
    );
    assert.deepEqual(
      typesAndParties('La Jordanie et l’Irak ont créé en 2019 un comité permanent sur les réfugiés.'),
      [{ type: 'coordination_mechanism', parties: ['IQ', 'JO'] }],
    );
  });

  void it('reads a programme someone funds or runs, with its owner', () => {
    assert.deepEqual(
      typesAndParties("En 2016, la Norvège a financé un programme de l'OIT sur l'emploi des jeunes."),
      [{ type: 'programme', parties: ['ILO', 'NO'] }],
    );
    assert.deepEqual(
      typesAndParties('In 2020 IOM ran a programme offering voluntary return to stranded migrants.'),
      [{ type: 'programme', parties: ['IOM'] }],
    );
    // Funding names one programme; funded projects in general are kinds.
    assert.deepEqual(found('Norway funded projects in Mali in 2018.'), []);
  });
});
