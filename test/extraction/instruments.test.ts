import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE, HEAD_RULES } from '../../src/extraction/instruments/index.ts';
import catalogueFile from '../../src/extraction/instruments/catalogue.json' with { type: 'json' };
import { CatalogueFileSchema } from '../../src/extraction/instruments/catalogue-schema.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import type { InstrumentCandidate } from '../../src/extraction/types.ts';

/** The instruments of a text as (type, sorted parties, first date) triples. */
function instrumentsOf(
  text: string,
): { type: string; parties: string[]; date: string | null; quote: string }[] {
  return extractDocument(text).instruments.map((i: InstrumentCandidate) => ({
    type: i.type,
    parties: [...new Set(i.parties.map((p) => p.actorId))].sort(),
    date: i.dates[0]?.value ?? null,
    quote: i.quote,
  }));
}

void describe('instruments: legal forms and parties', () => {
  void it('reads a French readmission agreement signed by two states, with its year', () => {
    const found = instrumentsOf("L'Espagne et le Sénégal ont signé un accord de réadmission en 2006.");
    assert.deepEqual(
      found.map(({ type, parties, date }) => ({ type, parties, date })),
      [{ type: 'readmission_agreement', parties: ['ES', 'SN'], date: '2006' }],
    );
  });

  void it('reads a letter of intent "with" a partner plus the clause subject', () => {
    const found = instrumentsOf(
      'The Netherlands signed a letter of intent with Egypt on migration cooperation.',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]?.type, 'letter_of_intent');
    assert.deepEqual(found[0]?.parties, ['EG', 'NL']);
  });

  void it('reads a hyphenated pair "EU-Tunisia" and a month date for a memorandum', () => {
    const found = instrumentsOf(
      'The report discusses the EU-Tunisia Memorandum of Understanding of July 2023 at length.',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]?.type, 'memorandum_of_understanding');
    assert.deepEqual(found[0]?.parties, ['EU', 'TN']);
    assert.equal(found[0]?.date, '2023-07');
  });

  void it('keeps the legal form first: a joint declaration launching a partnership is a joint declaration', () => {
    const found = instrumentsOf(
      'In March 2024, the EU and Mauritania signed a joint declaration on strengthening a comprehensive migration partnership.',
    );
    assert.deepEqual(
      found.map(({ type, parties }) => ({ type, parties })),
      [{ type: 'joint_declaration', parties: ['EU', 'MR'] }],
    );
  });

  void it('reads "entre X et Y" for operational cooperation in French', () => {
    const found = instrumentsOf(
      "Les patrouilles conjointes entre l'Espagne et la Mauritanie ont réduit les départs.",
    );
    assert.deepEqual(
      found.map(({ type, parties }) => ({ type, parties })),
      [{ type: 'operational_cooperation', parties: ['ES', 'MR'] }],
    );
  });

  void it('gives a unilateral envoy the one state that appointed it', () => {
    const found = instrumentsOf('Belgium has appointed a Special Envoy for Asylum and Migration.');
    assert.deepEqual(
      found.map(({ type, parties }) => ({ type, parties })),
      [{ type: 'envoy', parties: ['BE'] }],
    );
  });

  void it('reads the agent of "organisée par" and a party after a verb of signing ("a signé avec")', () => {
    const conference = instrumentsOf(
      'Lors de la Conférence ministérielle sur la diaspora organisée par l’OIM en 2013, les participants ont parlé.',
    );
    assert.deepEqual(
      conference.map(({ type, parties, date }) => ({ type, parties, date })),
      [{ type: 'dialogue', parties: ['IOM'], date: '2013' }],
    );
    const convention = instrumentsOf(
      'Le Mali a signé avec la France une convention relative à la circulation des personnes en 1994.',
    );
    assert.deepEqual(
      convention.map(({ type, parties }) => ({ type, parties })),
      [{ type: 'agreement', parties: ['FR', 'ML'] }],
    );
  });

  void it('types each agreement by its own words when two subjects share a sentence', () => {
    const found = instrumentsOf(
      'The EU offered a visa facilitation agreement to Nigeria in exchange for a readmission agreement with Nigeria.',
    );
    assert.deepEqual(found.map((i) => i.type).sort(), ['readmission_agreement', 'visa_agreement']);
  });

  void it('gives multilateral processes from the catalogue no parties, in both languages', () => {
    const en = instrumentsOf('Spain and Morocco co-chair the Rabat Process this year.');
    const fr = instrumentsOf('Le Processus de Rabat a été lancé en 2006.');
    assert.deepEqual(
      en.map((i) => [i.type, i.parties]),
      [['dialogue', []]],
    );
    assert.deepEqual(
      fr.map((i) => [i.type, i.parties, i.date]),
      [['dialogue', [], '2006']],
    );
  });

  void it('types an agreement by its subject: circular migration is a labour agreement', () => {
    const found = instrumentsOf(
      'Spain has concluded bilateral agreements on circular migration with Morocco and Senegal.',
    );
    assert.deepEqual(
      found.map(({ type, parties }) => ({ type, parties })),
      // Bilateral agreements with two counterparts are two instruments (one per counterpart).
      [
        { type: 'labour_agreement', parties: ['ES', 'MA'] },
        { type: 'labour_agreement', parties: ['ES', 'SN'] },
      ],
    );
  });

  void it('splits "EPAs with A (2008), B (2009)" into one trade agreement per dated counterpart', () => {
    const found = instrumentsOf(
      'Japan has concluded EPAs with Indonesia (2008), the Philippines (2009), and Vietnam (2014).',
    );
    assert.deepEqual(
      found.map(({ type, parties, date }) => ({ type, parties, date })),
      [
        { type: 'trade_agreement', parties: ['ID', 'JP'], date: '2008' },
        { type: 'trade_agreement', parties: ['JP', 'PH'], date: '2009' },
        { type: 'trade_agreement', parties: ['JP', 'VN'], date: '2014' },
      ],
    );
  });
});

void describe('instruments: practice cards', () => {
  void it('reads a programme, its donors and its years from the fields of a practice card', () => {
    const card = [
      'Titre de la pratique : Connecting Diaspora for Development (CD4D)',
      '',
      'Pays/région : Pays-Bas et : Ghana, Maroc',
      '',
      'Donateur et partenaire(s)',
      'd’exécution :',
      '',
      'Ministère néerlandais des affaires étrangères',
      '',
      'Année(s) de mise en œuvre : 2016-2019',
      '',
      'Résumé : CD4D soutient le développement de secteurs ciblés.',
    ].join('\n');
    const found = instrumentsOf(card);
    assert.deepEqual(
      found.map(({ type, parties, date }) => ({ type, parties, date })),
      [{ type: 'programme', parties: ['NL'], date: '2016' }],
    );
    assert.equal(found[0]?.quote, 'Connecting Diaspora for Development (CD4D)');
  });
});

void describe('instruments: what is not an instrument', () => {
  void it('ignores plural kinds of instruments listed without parties', () => {
    const found = instrumentsOf(
      'Instruments include bilateral agreements, memoranda of understanding (MoUs), declarations of intent and special envoys.',
    );
    assert.deepEqual(found, []);
  });

  void it('ignores the everyday French "accord" ("ont marqué leur accord")', () => {
    assert.deepEqual(
      instrumentsOf('Les deux parties ont marqué leur accord sur les domaines de coopération.'),
      [],
    );
  });

  void it('ignores a common noun such as "programme" without a name or an owner', () => {
    assert.deepEqual(instrumentsOf('The programme was evaluated and the project continued.'), []);
  });
});

void describe('instruments: one record per distinct instrument', () => {
  void it('merges a repeated mention and an anaphor into the first record', () => {
    const found = instrumentsOf(
      'Sweden has had an MoU on return with Iraq since 2008. The MoU states that both countries promote voluntary return.',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]?.type, 'memorandum_of_understanding');
    assert.deepEqual(found[0]?.parties, ['IQ', 'SE']);
    assert.equal(found[0]?.date, '2008');
  });

  void it('merges the aliases of a catalogued instrument across languages', () => {
    const found = instrumentsOf(
      "The EU Emergency Trust Fund for Africa (EUTF) financed projects. Le Fonds fiduciaire d'urgence a financé neuf projets.",
    );
    assert.deepEqual(
      found.map((i) => [i.type, i.parties]),
      [['fund', ['EU']]],
    );
  });
});

void describe('instruments: catalogue and lexicon', () => {
  void it('compiles every head pattern without capturing groups (the combined matcher numbers groups by rule)', () => {
    for (const pattern of HEAD_RULES.map((r) => r.pattern)) {
      const groups = new RegExp(`${pattern}|`).exec('')?.length;
      assert.equal(groups, 1, pattern);
    }
  });

  void it('keeps the catalogue as data with sources: the file matches its schema', () => {
    const parsed = CatalogueFileSchema.safeParse(catalogueFile);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
    for (const entry of parsed.data.entries) {
      assert.ok(entry.aliases.en.length + entry.aliases.fr.length > 0, `${entry.key} has a name`);
    }
  });

  void it('recognises every catalogued instrument by each of its names, in both languages', () => {
    for (const entry of CATALOGUE) {
      for (const name of [...entry.aliases.en, ...entry.aliases.fr, ...entry.acronyms]) {
        const found = extractDocument(`The report mentions the ${name} in passing.`, {
          language: 'en',
        }).instruments;
        assert.ok(
          found.some((i) => i.type === entry.type && i.title === entry.title),
          `${entry.key} by "${name}": ${JSON.stringify(found.map((i) => [i.type, i.title]))}`,
        );
      }
    }
  });

  void it('switches the catalogue off: only the general rules read', () => {
    const text = 'The Rabat Process met in Dakar. The EUTF financed projects.';
    const withCatalogue = extractDocument(text).instruments.map((i) => i.title);
    const without = extractDocument(text, { catalogue: false }).instruments.map((i) => i.title);
    assert.ok(withCatalogue.includes('Rabat Process'));
    assert.ok(!without.includes('EU Emergency Trust Fund for Africa'));
  });
});
