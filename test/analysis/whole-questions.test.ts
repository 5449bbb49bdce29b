/**
 * Comparison questions as whole questions with a subject, in the predicate's language, and titles
 * the atlas built written in either language (issue 9): pure functions, examples from the corpus.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askable, criteriaQuestion, predicateLanguage, wholeQuestion } from '../../src/analysis/questions.ts';
import { APPROACHES, INSTRUMENT_TYPES } from '../../src/domain/taxonomy.ts';
import { genericTitle, genericTitleIn } from '../../src/extraction/instruments/titles.ts';

void test('a verb phrase gets the countries as its subject', () => {
  assert.equal(
    wholeQuestion(
      'use migration diplomacy at national level as part of their wider international migration affairs',
    ),
    'Which countries use migration diplomacy at national level as part of their wider international migration affairs?',
  );
  assert.equal(
    wholeQuestion('have concluded MoUs with partner countries.'),
    'Which countries have concluded MoUs with partner countries?',
  );
  assert.equal(
    wholeQuestion('are party to the Rabat Process'),
    'Which countries are party to the Rabat Process?',
  );
  // "they …": the countries are already the subject.
  assert.equal(
    wholeQuestion('they report on the assessment of readmission cooperation'),
    'Which countries report on the assessment of readmission cooperation?',
  );
});

void test('a clause with its own subject is what the countries say', () => {
  assert.equal(
    wholeQuestion('Migration diplomacy is not a prominent part of international migration affairs'),
    'Which countries say that migration diplomacy is not a prominent part of international migration affairs?',
  );
  assert.equal(
    wholeQuestion('their geographical focus is mainly on countries of origin'),
    'Which countries say that their geographical focus is mainly on countries of origin?',
  );
  // An acronym keeps its capitals.
  assert.equal(wholeQuestion('EU funds are used'), 'Which countries say that EU funds are used?');
});

void test('a French predicate gets a French question', () => {
  assert.equal(
    wholeQuestion('utilisent la diplomatie migratoire au niveau national'),
    'Quels pays utilisent la diplomatie migratoire au niveau national\u00a0?',
  );
  assert.equal(
    wholeQuestion('la diplomatie migratoire est un volet important'),
    'Quels pays indiquent que la diplomatie migratoire est un volet important\u00a0?',
  );
  assert.equal(wholeQuestion('elles ont conclu des accords'), 'Quels pays ont conclu des accords\u00a0?');
});

void test('a built title is written in either language, a source title is left alone', () => {
  const english = genericTitle({
    language: 'en',
    head: 'declaration',
    type: 'joint_declaration',
    phrase: 'joint declaration',
    bareHead: true,
    parties: ['SI', 'MA'],
    topics: ['irregular_migration'],
    phraseTopics: [],
  });
  assert.equal(english, 'Joint declaration Morocco–Slovenia on irregular migration');
  const french = genericTitleIn(english, 'fr');
  assert.equal(french, 'Déclaration conjointe Maroc–Slovénie sur la migration irrégulière');
  assert.equal(genericTitleIn(french ?? '', 'en'), english);
  assert.equal(genericTitleIn(english, 'en'), english);
  assert.equal(
    genericTitleIn('Procédures opérationnelles standard de retour Mali–UE', 'en'),
    'Standard operating procedures on return Mali–EU',
  );
  assert.equal(genericTitleIn('Accord de réadmission', 'en'), 'Readmission agreement');
  assert.equal(genericTitleIn('Dialogue de Haut Niveau sur la Migration', 'en'), null);
  assert.equal(genericTitleIn('Flying consuls Slovakia', 'fr'), null);
  assert.equal(genericTitleIn('Joint declaration Atlantis–Slovenia', 'fr'), null);
});

void test('fragments and sentences about the document never become questions', () => {
  for (const fragment of [
    'This inform was prepared on the basis of national contributions',
    'Ce rapport a été établi à partir des contributions nationales',
    'of the Member States',
    'and the implementation of the',
    'apply cross-sectoral approaches (see section 4',
    'have concluded MoUs with «\u00a0partner countries',
    'use',
    'which were concluded in 2016',
  ]) {
    assert.equal(askable(fragment), false, fragment);
  }
  for (const whole of [
    'use migration diplomacy at national level as part of their wider international migration affairs',
    "they report on the assessment of third countries' readmission cooperation under Article 25a",
    'The implementation of migration agreements is identified as a challenge',
    'utilisent la diplomatie migratoire au niveau national',
  ]) {
    assert.equal(askable(whole), true, whole);
  }
});

void test('an instrument comparison asks a whole question in the reader’s language', () => {
  assert.equal(criteriaQuestion({ types: ['envoy'] }, 'en'), 'Which states use special envoys?');
  assert.equal(
    criteriaQuestion({ types: ['envoy'] }, 'fr'),
    'Quels États recourent à des envoyés spéciaux\u00a0?',
  );
  assert.equal(
    criteriaQuestion({ topics: ['visa'] }, 'en'),
    'Which states are party to instruments on visa policy?',
  );
  assert.equal(
    criteriaQuestion({ topics: ['visa'] }, 'fr'),
    'Quels États sont parties à des instruments sur le thème «\u00a0Politique des visas\u00a0»\u00a0?',
  );
  assert.equal(
    criteriaQuestion({ types: ['fund'], topics: ['return_readmission'] }, 'en'),
    'Which states are party to instruments meeting these criteria: Funding instrument, Return, readmission and reintegration?',
  );
  // Every type and approach: a question with its subject, no code, in each language.
  for (const criteria of [
    ...INSTRUMENT_TYPES.map((t) => ({ types: [t] })),
    ...APPROACHES.map((a) => ({ approaches: [a] })),
  ]) {
    const en = criteriaQuestion(criteria, 'en');
    const fr = criteriaQuestion(criteria, 'fr');
    assert.match(en, /^Which states [a-z][^_]*\?$/u, en);
    assert.match(fr, /^Quels États [a-zé][^_]*\u00a0\?$/u, fr);
  }
});

void test('a predicate is asked, and marked, in the language it was written in', () => {
  assert.equal(predicateLanguage('have concluded MoUs with partner countries'), 'en');
  assert.equal(predicateLanguage('ont signé des accords de réadmission avec leurs voisins'), 'fr');
  assert.equal(predicateLanguage('la coopération est une priorité'), 'fr');
  assert.match(wholeQuestion('ont signé des accords de réadmission avec leurs voisins'), /^Quels pays /);
});
