import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findCountries } from '../../src/extraction/countries.ts';
import { segment } from '../../src/extraction/segmentation.ts';
import { foldText, urlSpans } from '../../src/extraction/text.ts';

const codes = (text: string): string[] =>
  [...new Set(findCountries(text, segment(text)).map((m) => m.code))].sort();

void test('finds English and French names with articles, hyphens and accents', () => {
  assert.deepEqual(codes('Talks with the Gambia and la Gambie.'), ['GM']);
  assert.deepEqual(codes('Le ministre du Royaume des Pays-Bas a visité les Pays-Bas.'), ['NL']);
  assert.deepEqual(codes('Türkiye, Turkey and la Turquie signed.'), ['TR']);
  assert.deepEqual(codes("Côte d'Ivoire, Côte-d’Ivoire and Cote d'Ivoire"), ['CI']);
  assert.deepEqual(codes('La République de Moldova and the Republic of Moldova'), ['MD']);
  assert.deepEqual(codes('Les Etats-Unis, the UK, the US and the USA'), ['GB', 'US']);
  assert.deepEqual(codes('Kosovo, Palestine and Georgia'), ['GE', 'PS', 'XK']);
  assert.deepEqual(codes('2. MIGRATION FROM MALI AND PERU TO THE US'), ['ML', 'PE']);
});

void test('finds nationality adjectives in every gender and number', () => {
  assert.deepEqual(codes('Malian workers and Iraqi, Jordanian officials'), ['IQ', 'JO', 'ML']);
  assert.deepEqual(codes('les travailleurs maliens, une délégation marocaine, les pêcheurs sénégalais'), [
    'MA',
    'ML',
    'SN',
  ]);
  const m = findCountries('la diaspora malienne', segment('la diaspora malienne'));
  assert.equal(m[0]?.form, 'adjective');
  assert.equal(m[0]?.quote, 'malienne');
});

void test('longest match wins', () => {
  assert.deepEqual(codes('Papua New Guinea'), ['PG']);
  assert.deepEqual(codes('Guinea-Bissau and Guinea'), ['GN', 'GW']);
  assert.deepEqual(codes('la Guinée équatoriale'), ['GQ']);
  assert.deepEqual(codes('la République démocratique du Congo'), ['CD']);
  assert.deepEqual(codes('the Niger and Nigeria'), ['NE', 'NG']);
  assert.deepEqual(codes('the Dominican Republic'), ['DO']);
});

void test('regions and lookalikes are not states', () => {
  assert.deepEqual(codes('the Sahel, the Western Balkans, Pacific islands and Africa'), []);
  assert.deepEqual(codes('Latin American countries and the Indian Ocean'), []);
  assert.deepEqual(codes('les pays latino-américains'), []);
  assert.deepEqual(codes('M. Maurice Dupont a parlé.'), []);
  assert.deepEqual(codes('the Inter-American Development Bank and Pacific Island countries'), []);
});

void test('reads ISO codes only in lists or after a name', () => {
  assert.deepEqual(codes('23 NCPs (AT, BE, CY and GE, UA)'), ['AT', 'BE', 'CY', 'GE', 'UA']);
  assert.deepEqual(codes('Observer Countries (NO, GE, MD)'), ['GE', 'MD', 'NO']);
  assert.deepEqual(codes('EU Member States except DK'), ['DK']);
  assert.deepEqual(codes('EL, IT and ES reported'), ['ES', 'GR', 'IT']);
  assert.deepEqual(codes('United Kingdom (UK)'), ['GB']);
  assert.deepEqual(codes('IT is a tool. NO comment. IN AND OUT'), []);
  assert.deepEqual(codes('the IT and HR departments'), []);
  assert.deepEqual(codes('tools including IT systems'), []);
  assert.deepEqual(codes('two NCPs (AT and BE)'), ['AT', 'BE']);
  const m = findCountries('(AT, BE)', segment('(AT, BE)'));
  assert.deepEqual(
    m.map((x) => [x.start, x.end, x.quote, x.form]),
    [
      [1, 3, 'AT', 'code'],
      [5, 7, 'BE', 'code'],
    ],
  );
});

void test('ignores names inside URLs and keeps spans on the original text', () => {
  assert.deepEqual(codes('see https://example.org/Mali/Tunisia-deal for more'), []);
  const text = 'Accord avec le Sénégal.';
  const [m] = findCountries(text, segment(text));
  assert.ok(m);
  assert.equal(text.slice(m.start, m.end), 'Sénégal');
  assert.equal(m.code, 'SN');
});

void test('reads the states of a real French communiqué', () => {
  const text = readFileSync(
    new URL('../../corpus/mali-eu-high-level-dialogue-2016.fr.txt', import.meta.url),
    'utf8',
  );
  const mentions = findCountries(text, segment(text));
  assert.deepEqual([...new Set(mentions.map((m) => m.code))].sort(), ['ML', 'NL']);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.quote);
});

void test('the text fold keeps offsets: one unit for one unit', () => {
  const text = 'Côte d’Ivoire – ÉTATS-UNIS\u00a0Türkiye';
  const folded = foldText(text);
  assert.equal(folded, "cote d'ivoire - etats-unis turkiye");
  assert.equal(folded.length, text.length);
  assert.deepEqual(urlSpans('see https://a.org/x. and mail me@x.org.'), [
    { start: 4, end: 19 },
    { start: 30, end: 38 },
  ]);
});

void test('does not read a currency named after a state as a mention of the state', () => {
  assert.deepEqual(codes('un financement de 2,3 millions de dollars américains'), []);
  assert.deepEqual(codes('10 millions de dollars australiens et 2 millions de dollars US'), []);
  assert.deepEqual(codes('USD 5 million (5 million US dollars), 3 million Canadian dollars'), []);
  assert.deepEqual(codes('200 Swiss francs, 1 million couronnes danoises, NZ$ 2 m, US$ 4 million'), []);
  assert.deepEqual(codes('New Zealand dollars paid to Tunisian dinars'), []);
  // The state itself, or an adjective that is not part of a currency name, still counts.
  assert.deepEqual(codes('des francs suisses versés par la Suisse à des travailleurs américains'), [
    'CH',
    'US',
  ]);
  assert.deepEqual(codes('paid in dollars. Canada said'), ['CA']);
});

void test('a given name that is also a state, followed by a surname, names a person', () => {
  assert.deepEqual(codes('Chad Roberts, a researcher, and Kenya Moore spoke at the panel.'), []);
  assert.deepEqual(codes('Foreign Minister Israel Halevi met his counterpart.'), []);
  assert.deepEqual(codes('Jordan Whitfield argued that the Jordan Compact worked for Jordan.'), ['JO']);
  // Names of places and instruments after the state keep it a state.
  assert.deepEqual(codes('the Lake Chad Basin, Chad Basin authorities and Georgia Tech'), ['GE', 'TD']);
  // A list of states is not a person.
  assert.deepEqual(codes('Refugees hosted by Jordan Lebanon and Türkiye'), ['JO', 'LB', 'TR']);
});

void test('reads the combining forms of compound adjectives in both languages', () => {
  assert.deepEqual(codes('le partenariat gréco-turc et le dialogue austro-tunisien'), [
    'AT',
    'GR',
    'TN',
    'TR',
  ]);
  assert.deepEqual(codes('the Anglo-Irish and Sino-Nigerian talks'), ['CN', 'GB', 'IE', 'NG']);
  // A combining form before a word that names no state is not read ("Indo-Pacific", "Anglo-Saxon").
  assert.deepEqual(codes('Anglo-Saxon law and the Indo-Pacific'), []);
});
