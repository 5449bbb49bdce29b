/**
 * Issue 8, by class of miss: each case is a sentence written for this test (not taken from the
 * corpus, the dev gold or an evaluation set), in French and English where the class exists in both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';

/** The instruments of a text as (type, sorted parties) records, beneficiaries left out. */
function found(text: string, catalogue = false): { type: string; parties: string[] }[] {
  return extractDocument(text, { catalogue }).instruments.map((i) => ({
    type: i.type,
    parties: [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
  }));
}

void describe('instruments: legal forms outside the first lexicon', () => {
  void it('reads administrative and technical arrangements and letters of understanding (FR, EN)', () => {
    assert.deepEqual(
      // Its subject, return, makes it a readmission arrangement.
      found("L'Italie et la Tunisie ont conclu un arrangement administratif sur les retours."),
      [{ type: 'readmission_agreement', parties: ['IT', 'TN'] }],
    );
    assert.deepEqual(
      found('Mexico and Guatemala signed a technical arrangement on border crossings in 2022.'),
      [{ type: 'agreement', parties: ['GT', 'MX'] }],
    );
    assert.deepEqual(found('Costa Rica and Panama adopted a letter of understanding on transit migrants.'), [
      { type: 'agreement', parties: ['CR', 'PA'] },
    ]);
  });

  void it('reads an "avenant" and an additional protocol as agreements', () => {
    assert.deepEqual(found('La France et le Mali ont signé un avenant à la convention de 1994 en 2009.'), [
      { type: 'agreement', parties: ['FR', 'ML'] },
    ]);
    const additional = found(
      'Spain and Morocco signed an additional protocol to their 1992 agreement in 2021.',
    );
    assert.ok(additional.length >= 1);
    assert.deepEqual(additional[0], { type: 'agreement', parties: ['ES', 'MA'] });
  });

  void it('reads "accord technique" with a foreign police force as an agreement of both states', () => {
    assert.deepEqual(
      found(
        "Le ministère italien de l'Intérieur a conclu un accord technique avec la police tunisienne en 2011.",
      ),
      [{ type: 'agreement', parties: ['IT', 'TN'] }],
    );
  });

  void it('reads the feminine title "envoyée spéciale" as an envoy', () => {
    assert.deepEqual(found("L'Irlande a nommé une envoyée spéciale pour les migrations en 2022."), [
      { type: 'envoy', parties: ['IE'] },
    ]);
  });
});

void describe('instruments: joint operations, committees, dialogues by format', () => {
  void it('keeps plural joint operations held by named states (FR, EN)', () => {
    assert.deepEqual(found('La Grèce et la Turquie ont mené des opérations conjointes en mer Égée.'), [
      { type: 'operational_cooperation', parties: ['GR', 'TR'] },
    ]);
    assert.deepEqual(found('Croatia and Slovenia conducted joint police patrols along their border.'), [
      { type: 'operational_cooperation', parties: ['HR', 'SI'] },
    ]);
    // Without a holder the plural names a kind of cooperation.
    assert.deepEqual(found('Joint patrols are one tool among many.'), []);
  });

  void it('reads a committee named after what it steers ("comité de pilotage du partenariat X-Y")', () => {
    const result = found("Le comité de pilotage du partenariat Sénégal-Espagne s'est réuni à Dakar.");
    assert.deepEqual(result[0], { type: 'coordination_mechanism', parties: ['ES', 'SN'] });
  });

  void it('reads dialogues named by their format, without the host city as a party', () => {
    assert.deepEqual(found('The 5+5 Dialogue met in Valletta last spring.'), [
      { type: 'dialogue', parties: [] },
    ]);
    assert.deepEqual(found('The Niamey format brings together interior ministers of the region.'), [
      { type: 'dialogue', parties: [] },
    ]);
    assert.deepEqual(found('Le format de Niamey réunit les ministres de l’Intérieur.'), [
      { type: 'dialogue', parties: [] },
    ]);
    assert.deepEqual(found('The meeting used a new format.'), []);
  });
});

void describe('instruments: parties by count and anaphora', () => {
  void it('resolves "the three countries" to the nearest list of three states', () => {
    assert.deepEqual(
      found('Chile, Peru and Ecuador met in Lima in 2019. The three countries adopted a joint declaration.'),
      [{ type: 'joint_declaration', parties: ['CL', 'EC', 'PE'] }],
    );
    assert.deepEqual(
      found(
        'Le Bénin, le Togo et le Ghana se sont réunis à Lomé. Les trois pays ont signé un mémorandum en 2020.',
      ),
      [{ type: 'memorandum_of_understanding', parties: ['BJ', 'GH', 'TG'] }],
    );
  });

  void it('does not take a nationality adjective that qualifies people for a party', () => {
    assert.deepEqual(found('Colombia and Panama adopted a joint declaration on Haitian migrants in 2021.'), [
      { type: 'joint_declaration', parties: ['CO', 'PA'] },
    ]);
  });

  void it('splits "two memoranda with A and B" into one instrument per counterpart (EN, FR)', () => {
    assert.deepEqual(found('Italy signed two memoranda with Tunisia and Libya in 2017.'), [
      { type: 'memorandum_of_understanding', parties: ['IT', 'TN'] },
      { type: 'memorandum_of_understanding', parties: ['IT', 'LY'] },
    ]);
    assert.deepEqual(
      found('La Belgique a signé deux accords de réadmission avec le Bénin et le Togo en 2019.'),
      [
        { type: 'readmission_agreement', parties: ['BE', 'BJ'] },
        { type: 'readmission_agreement', parties: ['BE', 'TG'] },
      ],
    );
  });
});

void describe('instruments: one instrument under several names', () => {
  void it('merges a formal title and a later adjective-pair name of the same parties (FR)', () => {
    const text =
      "Le 4 avril 2019, le Maroc et le Portugal ont signé l'Accord relatif au recrutement de travailleurs " +
      "saisonniers. Le texte a été ratifié en 2020. L'accord maroco-portugais a été prolongé en 2022.";
    assert.deepEqual(found(text), [{ type: 'labour_agreement', parties: ['MA', 'PT'] }]);
  });

  void it('merges a memorandum with "the agreement", "the treaty" and "it" (EN)', () => {
    const text =
      'On 12 March 2020 Malta and Libya signed a memorandum of understanding on migration. The agreement ' +
      'set up coordination centres. Critics said the treaty lacked safeguards. It was renewed in 2023.';
    assert.deepEqual(found(text), [{ type: 'memorandum_of_understanding', parties: ['LY', 'MT'] }]);
  });

  void it('keeps two agreements of one pair apart when they are dated in different years', () => {
    const text =
      'Estonia and Georgia signed the readmission agreement in 2010. Estonia and Georgia signed the ' +
      'agreement on seasonal workers in 2019.';
    assert.equal(found(text).length, 2);
  });
});

void describe('parties: nationality adjectives beyond the library', () => {
  void it('reads French adjectives written like the English demonym, and spellings the library lacks', () => {
    const codes = (text: string): string[] =>
      [...new Set(extractDocument(text).countries.map((c) => c.code))].sort();
    assert.deepEqual(codes('Le gouvernement kosovar a reçu son homologue émirati à Pristina.'), ['AE', 'XK']);
    assert.deepEqual(codes('Le ministre capverdien et la ministre monténégrine se sont entretenus.'), [
      'CV',
      'ME',
    ]);
    assert.deepEqual(codes('Les autorités burkinabè ont publié un communiqué.'), ['BF']);
    assert.deepEqual(codes('A Bosnian delegation met Comorian officials.'), ['BA', 'KM']);
  });

  void it('reads a minister named by an adjective as a party', () => {
    assert.deepEqual(
      found('Le ministre portugais et le ministre capverdien ont signé un accord de mobilité en 2022.'),
      [{ type: 'agreement', parties: ['CV', 'PT'] }],
    );
  });
});

void describe('instruments: owners left implicit and operational forms', () => {
  void it('gives a national law cited by number the state named before it (FR, EN)', () => {
    assert.deepEqual(
      found('Le Tchad a durci sa législation en 2019 : la loi n° 2019-12 punit le trafic de migrants.'),
      [{ type: 'legal_act', parties: ['TD'] }],
    );
    assert.deepEqual(
      found('Kenya reformed its asylum rules. Act No. 10 of 2021 replaced the earlier text.'),
      [{ type: 'legal_act', parties: ['KE'] }],
    );
  });

  void it('gives a named scheme without owner the state named just before it', () => {
    assert.deepEqual(
      found(
        'New Zealand opened its orchards to Pacific workers. The Recognised Seasonal Employer scheme grew every year.',
      ),
      [{ type: 'programme', parties: ['NZ'] }],
    );
  });

  void it('reads joint return flights, mixed police units and Frontex working arrangements (EN, FR)', () => {
    assert.deepEqual(found('Belgium and Guinea organised joint return flights in 2021.'), [
      { type: 'operational_cooperation', parties: ['BE', 'GN'] },
    ]);
    assert.deepEqual(found("La France et l'Italie ont créé une unité mixte de police à la frontière."), [
      { type: 'operational_cooperation', parties: ['FR', 'IT'] },
    ]);
    assert.deepEqual(found('Britain and Albania set up a joint police unit in Tirana in 2023.'), [
      { type: 'operational_cooperation', parties: ['AL', 'GB'] },
    ]);
    assert.deepEqual(
      found('Frontex and the Ghanaian immigration service signed a working arrangement in 2016.'),
      [{ type: 'operational_cooperation', parties: ['FRONTEX', 'GH'] }],
    );
  });
});

void describe('instruments: non-binding return arrangements', () => {
  void it('reads return arrangements, good practices and admission procedures as readmission (EN, FR)', () => {
    assert.deepEqual(found('Sweden concluded a return arrangement with Somalia in 2019.'), [
      { type: 'readmission_agreement', parties: ['SE', 'SO'] },
    ]);
    assert.deepEqual(
      found('Belgium and Guinea agreed good practices for the efficient operation of return in 2023.'),
      [{ type: 'readmission_agreement', parties: ['BE', 'GN'] }],
    );
    assert.deepEqual(found("La Suisse et l'Éthiopie ont adopté des procédures d'admission en 2020."), [
      { type: 'readmission_agreement', parties: ['CH', 'ET'] },
    ]);
    assert.deepEqual(found('Le Danemark et le Ghana ont signé un accord sur les retours forcés.'), [
      { type: 'readmission_agreement', parties: ['DK', 'GH'] },
    ]);
  });
});

void describe('instruments: news words for agreements and EU civilian missions', () => {
  void it('reads a "deal" and a resettlement arrangement with their parties, not "a good deal of"', () => {
    assert.deepEqual(found('Norway signed a deal with Rwanda in 2019. The deal was criticised.'), [
      { type: 'agreement', parties: ['NO', 'RW'] },
    ]);
    assert.deepEqual(found('That cost a good deal of money.'), []);
    assert.deepEqual(found('Italy concluded a transfer arrangement with Albania in 2023.'), [
      { type: 'agreement', parties: ['AL', 'IT'] },
    ]);
  });

  void it('reads an EU civilian mission in a partner state as operational cooperation (EN, FR)', () => {
    assert.deepEqual(found('The EU runs EUCAP Sahel Mali, which advises the Malian police.'), [
      { type: 'operational_cooperation', parties: ['EU', 'ML'] },
    ]);
    assert.deepEqual(found("L'UE a déployé une mission civile au Niger en 2012."), [
      { type: 'operational_cooperation', parties: ['EU', 'NE'] },
    ]);
  });
});
