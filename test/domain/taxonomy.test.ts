import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { APPROACHES, INSTRUMENT_TYPES, ORGANIZATIONS, TOPICS } from '../../src/domain/taxonomy.ts';

const json = JSON.parse(
  readFileSync(new URL('../../src/domain/taxonomy.json', import.meta.url), 'utf8'),
) as Record<string, { code: string }[]>;
const codesOf = (key: string): string[] => (json[key] ?? []).map((e) => e.code);

void test('taxonomy.ts codes equal taxonomy.json codes', () => {
  assert.deepEqual([...INSTRUMENT_TYPES], codesOf('instrument_types'));
  assert.deepEqual([...TOPICS], codesOf('topics'));
  assert.deepEqual([...APPROACHES], codesOf('approaches'));
  assert.deepEqual([...ORGANIZATIONS], codesOf('organizations'));
});
