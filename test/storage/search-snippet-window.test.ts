/**
 * Search snippets read a text's words only up to the snippet's window (storage/search/query.ts,
 * `highlightSnippet` over analyzer.ts's LazyTokens). This checks that the window, its marks and the
 * concept phrases found are exactly those of the reading of the whole text it replaced (kept here as
 * the reference): over the built-in corpus's documents cut at many places, texts made of the
 * taxonomy's labels in both languages (what the synthetic atlas's records are made of), and the
 * edge cases of a match past the window, a concept phrase across its end and a word longer than it.
 */
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findConcepts, foldWord, stemOf, stripPlural, tokenize } from '../../src/storage/search/analyzer.ts';
import {
  highlightSnippet,
  queryTerms,
  type QueryTerms,
  type Snippet,
} from '../../src/storage/search/query.ts';
import { INSTRUMENT_TYPES, TOPICS, labelOf } from '../../src/domain/taxonomy.ts';
import { random } from '../../bench/synthetic-atlas.ts';

/** The snippet as computed before the window: every word of the text read and marked. */
function wholeTextSnippet(text: string, terms: QueryTerms): Snippet {
  const words = new Set(terms.words.map((word) => stripPlural(word)));
  const tokens = tokenize(text);
  const marked = new Set<number>();
  tokens.forEach((token, index) => {
    const folded = foldWord(token.word);
    if (words.has(stripPlural(folded))) marked.add(index);
    else if (
      token.word.length > 2 &&
      (terms.stems.has(stemOf(token.word, 'fr')) || terms.stems.has(stemOf(token.word, 'en')))
    ) {
      marked.add(index);
    }
  });
  if (terms.concepts.size > 0) {
    for (const match of findConcepts(tokens)) {
      if (!match.concepts.some((concept) => terms.concepts.has(concept))) continue;
      for (let index = match.first; index <= match.last; index++) marked.add(index);
    }
  }
  const hits = tokens.filter((_, index) => marked.has(index));
  const first = hits[0];
  let start = first === undefined ? 0 : Math.max(0, first.start - 80);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first!.start) start = space + 1;
  }
  const end = Math.min(text.length, start + 260);
  const squeeze = (part: string) => part.replace(/\s+/g, ' ');
  let out = start > 0 ? '… ' : '';
  const highlights: { start: number; end: number }[] = [];
  let cursor = start;
  for (const hit of hits) {
    if (hit.start < cursor || hit.end > end) continue;
    out += squeeze(text.slice(cursor, hit.start));
    const word = squeeze(text.slice(hit.start, hit.end));
    highlights.push({ start: out.length, end: out.length + word.length });
    out += word;
    cursor = hit.end;
  }
  out += squeeze(text.slice(cursor, end)) + (end < text.length ? ' …' : '');
  return { text: out, highlights };
}

const QUERIES = [
  'réadmission',
  'readmissions',
  'mobility partnership',
  'partenariat pour la mobilité',
  'Maroc',
  'Morocco readmission',
  'Union européenne',
  'return and readmission',
  'Mali',
  'migration',
  'frontières',
  'border management',
  'diaspora',
  'accord de réadmission',
  'EU Niger',
  'visa facilitation',
  'talent',
  '2016',
  'zzzz nothing',
];

/** Pieces of the built-in corpus's texts, of seeded random places and lengths (50 to 1,500 characters). */
async function corpusPieces(): Promise<string[]> {
  const dir = join(import.meta.dirname, '..', '..', 'corpus');
  const texts: string[] = [];
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort()) {
    texts.push(await readFile(join(dir, name), 'utf8'));
  }
  const next = random(20261204);
  const pieces: string[] = [];
  for (let i = 0; i < 160; i++) {
    const text = texts[i % texts.length] ?? '';
    const start = Math.floor(next() * text.length);
    pieces.push(text.slice(start, start + 50 + Math.floor(next() * 1450)));
  }
  return pieces;
}

/** Texts like the synthetic atlas's records: labels of types and topics in both languages. */
function labelTexts(): string[] {
  const labels = [...INSTRUMENT_TYPES, ...TOPICS].flatMap((code) => {
    const vocabulary = (INSTRUMENT_TYPES as readonly string[]).includes(code) ? 'instrument_types' : 'topics';
    return [labelOf(vocabulary, code, 'en'), labelOf(vocabulary, code, 'fr')];
  });
  const texts: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    texts.push(`${labels[i]} — ${labels.slice(i + 1, i + 6).join(' · ')} (Maroc, Morocco, Union européenne)`);
  }
  return texts;
}

void describe('search snippets read only up to their window', () => {
  void test('the same snippet and marks as reading the whole text, over the corpus and the labels', async () => {
    const texts = [...(await corpusPieces()), ...labelTexts()];
    let compared = 0;
    let marked = 0;
    for (const q of QUERIES) {
      const terms = queryTerms(q);
      for (const text of texts) {
        const want = wholeTextSnippet(text, terms);
        assert.deepEqual(highlightSnippet(text, terms), want, `query "${q}" over: ${text.slice(0, 80)}`);
        compared++;
        if (want.highlights.length > 0) marked++;
      }
    }
    // The comparison means something: many snippets had marks.
    assert.ok(compared > 3000 && marked > compared / 10, `${marked} of ${compared} snippets marked`);
  });

  void test('edge cases: a match past the window, a phrase across its end, a word longer than it', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const long = 'x'.repeat(300);
    const cases: [string, string][] = [
      [`${filler}réadmission ${filler} readmission`, 'réadmission'],
      [`${filler.slice(0, 240)} return and readmission policy ${filler}`, 'return and readmission'],
      [`${filler.slice(0, 170)} Union européenne et Maroc`, 'Union européenne'],
      [`${long}réadmission ${filler}`, 'réadmission'],
      [`réadmission${long} réadmission`, 'réadmission'],
      [`${filler}${long} mobility partnership ${filler}`, 'mobility partnership'],
      ['', 'Maroc'],
      ['Maroc', 'Maroc'],
      ['Royaume du Maroc', 'Morocco'],
    ];
    for (const [text, q] of cases) {
      const terms = queryTerms(q);
      assert.deepEqual(
        highlightSnippet(text, terms),
        wholeTextSnippet(text, terms),
        `"${q}" in ${text.slice(0, 60)}`,
      );
    }
    // The first case's match is past the window's start: the window moved to it and marks it.
    const moved = highlightSnippet(cases[0]![0], queryTerms('réadmission'));
    assert.ok(moved.text.startsWith('… '));
    assert.equal(moved.highlights.length, 1);
  });
});
