import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { expressions } from 'franc-min/expressions.js';
import { detectLanguage, francFrenchOrEnglish, languageByStopwords } from '../../src/extraction/language.ts';

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

void test('reads the trigrams exactly as franc-min does, on every length and script', () => {
  // Samples of every length from the built-in corpus, plus texts franc leaves undecided.
  const samples = [
    '',
    'ab',
    'OK',
    '123 456',
    'a.b',
    '   ',
    'Привет мир',
    '中文文本测试',
    'mixed Привет hello',
  ];
  const corpus = join(import.meta.dirname, '..', '..', 'corpus');
  for (const file of readdirSync(corpus)) {
    const text = readFileSync(join(corpus, file), 'utf8');
    for (let k = 0; k < 200; k++) {
      const at = Math.floor((text.length * k) / 200);
      samples.push(text.slice(at, at + [3, 8, 40, 300, 2000, 3000][k % 6]!));
    }
  }
  const answers = new Set<string>();
  for (const sample of samples) {
    const expected = franc(sample, { only: ['fra', 'eng'], minLength: 3 });
    answers.add(expected);
    assert.equal(francFrenchOrEnglish(sample), expected, JSON.stringify(sample.slice(0, 80)));
  }
  assert.deepEqual([...answers].sort(), ['eng', 'fra', 'und']);
});

void test('no character belongs to the Latin script and to another of franc-min', () => {
  // The detection skips counting the other scripts when most of a sample is Latin, which holds
  // only if no character counts for two scripts.
  // Whole characters, astral ones as their two units, as franc's expressions (without the u flag) read them.
  const latin = new RegExp(`^(?:${expressions['Latin']?.source ?? '[^\\s\\S]'})$`);
  const others = Object.entries(expressions)
    .filter(([script]) => script !== 'Latin')
    .map(([script, expression]) => [script, new RegExp(`^(?:${expression.source})$`)] as const);
  let latinCount = 0;
  for (let code = 0; code <= 0x2ffff; code++) {
    const character = String.fromCodePoint(code);
    if (!latin.test(character)) continue;
    latinCount++;
    for (const [script, expression] of others) assert.ok(!expression.test(character), `${code} ${script}`);
  }
  assert.ok(latinCount > 1000);
});
