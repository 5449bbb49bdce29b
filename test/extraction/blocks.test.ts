import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { blocksOf, extractInBlocks, shiftSpans } from '../../src/extraction/blocks.ts';
import { extractDocument } from '../../src/extraction/pipeline.ts';

const mali = readFileSync(
  new URL('../../corpus/mali-eu-high-level-dialogue-2016.fr.txt', import.meta.url),
  'utf8',
);

void test('blocks cover the text without gaps and end at paragraph breaks', () => {
  const text = `${mali}\n\n${mali}\n\n${mali}`;
  const blocks = blocksOf(text, 7000);
  assert.ok(blocks.length >= 3);
  assert.equal(blocks[0]?.start, 0);
  assert.equal(blocks.at(-1)?.end, text.length);
  for (let i = 1; i < blocks.length; i++) assert.equal(blocks[i]?.start, blocks[i - 1]?.end);
  for (const block of blocks.slice(0, -1)) assert.equal(text.slice(block.end - 2, block.end), '\n\n');
});

void test('shiftSpans moves every nested start/end pair once, and nothing else', () => {
  const shared = { start: 0, end: 2, value: '2016' };
  const shifted = shiftSpans({ start: 1, end: 3, number: 7, inner: [shared], again: shared }, 10);
  assert.deepEqual(shifted, { start: 11, end: 13, number: 7, inner: [shared], again: shared });
  assert.deepEqual(shared, { start: 10, end: 12, value: '2016' });
});

void test('block-wise extraction finds what one pass finds, at document offsets', () => {
  const text = `${mali}\n\n${mali}`;
  const whole = extractDocument(text);
  const blockwise = extractInBlocks(
    text,
    'fr',
    (block, language) => extractDocument(block, { language }),
    7000,
  );
  const keyOf = (m: { start: number; end: number; quote: string }) => `${m.start}:${m.end}:${m.quote}`;
  assert.deepEqual(blockwise.countries.map(keyOf), whole.countries.map(keyOf));
  assert.deepEqual(
    blockwise.amounts.map((a) => [a.value, a.currency, a.start]),
    whole.amounts.map((a) => [a.value, a.currency, a.start]),
  );
  assert.deepEqual(
    blockwise.dates.map((d) => [d.value, d.start]),
    whole.dates.map((d) => [d.value, d.start]),
  );
  // Every quote still reads the document at its span.
  for (const mention of [...blockwise.countries, ...blockwise.amounts, ...blockwise.instruments]) {
    assert.equal(text.slice(mention.start, mention.end), mention.quote);
  }
  assert.ok(blockwise.instruments.some((i) => i.type === 'fund' && i.start > mali.length));
  assert.deepEqual(new Set(blockwise.topics.map((t) => t.code)), new Set(whole.topics.map((t) => t.code)));
});
