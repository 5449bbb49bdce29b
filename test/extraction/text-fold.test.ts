import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText } from '../../src/extraction/text.ts';

/** The fold of one unit by its definition: typographic marks to ASCII, else lower case without accent. */
function definition(c: number): number {
  const ch = String.fromCharCode(c);
  if ('\u2019\u2018\u02BC\u00B4\u0060\u2032'.includes(ch)) return 0x27;
  if ('\u2010\u2011\u2012\u2013\u2014\u2212'.includes(ch)) return 0x2d;
  if ('\u00A0\u2007\u202F\u2009\u200A\u2002\u2003'.includes(ch)) return 0x20;
  const base = ch.toLowerCase().normalize('NFD').charCodeAt(0);
  return Number.isNaN(base) ? c : base;
}

void describe('foldText with a lazily filled table', () => {
  void it('folds every unit of the table range by its definition, met alone or in a text', () => {
    const units: number[] = [];
    for (let c = 1; c < 0x3000; c++) if (c < 0xd800 || c >= 0xe000) units.push(c);
    // Half the units are first met one by one, then all of them in one text.
    for (const c of units.filter((_, i) => i % 2 === 0)) {
      assert.equal(foldText(String.fromCharCode(c)).charCodeAt(0), definition(c));
    }
    const folded = foldText(String.fromCharCode(...units));
    assert.equal(folded.length, units.length);
    units.forEach((c, i) => assert.equal(folded.charCodeAt(i), definition(c)));
  });

  void it('keeps length and folds accents, apostrophes, dashes and spaces', () => {
    const text = 'Côte d’Ivoire — Accord\u00A0franco-sénégalais';
    assert.equal(foldText(text), "cote d'ivoire - accord franco-senegalais");
    assert.equal(foldText(text).length, text.length);
  });
});
