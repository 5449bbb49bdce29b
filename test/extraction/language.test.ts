import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, languageByStopwords } from '../../src/extraction/language.ts';

void test('detects French and English paragraphs', () => {
  assert.equal(
    detectLanguage(
      'Les deux parties ont convenu de renforcer leur coopération dans le domaine de la migration.',
    ),
    'fr',
  );
  assert.equal(
    detectLanguage(
      'Both parties agreed to strengthen their cooperation on migration and the return of migrants.',
    ),
    'en',
  );
});

void test('falls back on stopwords when the text is too short to tell', () => {
  assert.equal(languageByStopwords('le la et des'), 'fr');
  assert.equal(languageByStopwords('the of and'), 'en');
  assert.ok(['fr', 'en'].includes(detectLanguage('OK')));
});

void test('samples long texts from several places', () => {
  const french = 'La coopération entre le Mali et l’Union européenne porte sur la migration. '.repeat(2_000);
  const english = 'The cooperation between Mali and the European Union covers migration. '.repeat(20_000);
  // A French cover page does not make an English report French.
  assert.equal(detectLanguage(french.slice(0, 3_000) + english), 'en');
  assert.equal(detectLanguage(french), 'fr');
});
