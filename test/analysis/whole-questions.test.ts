/**
 * Comparison questions as whole questions with a subject, in the predicate's language, and titles
 * the atlas built written in either language (issue 9): pure functions, examples from the corpus.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeQuestion } from '../../src/analysis/questions.ts';
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
