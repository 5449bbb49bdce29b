/**
 * The combined matchers put a look-ahead on the units a match can start with, after `\b`, so that
 * the engine leaves the ends of words at once (src/extraction/instruments/matchers.ts, topics.ts,
 * statements.ts). That only keeps the same matches while every alternative of the patterns starts
 * with such a unit: these tests read the patterns' syntax and say which alternative would not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEAD_FIRST_UNITS } from '../../src/extraction/instruments/matchers.ts';
import { HEAD_RULES } from '../../src/extraction/instruments/index.ts';
import { CUES as STATEMENT_CUES } from '../../src/extraction/statements.ts';
import { CUES as TOPIC_CUES } from '../../src/extraction/topics.ts';

/** Index just after the group that opens at `open` (a `(` or `[`), escapes and classes skipped. */
function closing(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (source[open] === '[' && depth === 0) return i + 1;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced: ${source.slice(open)}`);
}

/** The top-level alternatives of a pattern. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') i = closing(source, i) - 1;
    else if (c === '|') {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Length of a quantifier at `at` and whether it allows zero repetitions. */
function quantifier(source: string, at: number): { length: number; optional: boolean } {
  const m = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(at));
  if (!m) return { length: 0, optional: false };
  return {
    length: m[0].length,
    optional: m[0].startsWith('?') || m[0].startsWith('*') || m[0].startsWith('{0'),
  };
}

/** Whether every string `source` can match starts with a unit that `allowed` accepts. */
function startsWithin(source: string, allowed: RegExp): boolean {
  if (source === '') return false;
  let head: boolean;
  let end: number;
  if (source.startsWith('(?<=') || source.startsWith('(?<!')) {
    return startsWithin(source.slice(closing(source, 0)), allowed);
  }
  if (source.startsWith('(')) {
    end = closing(source, 0);
    const inner = source.slice(source.startsWith('(?:') ? 3 : 1, end - 1);
    if (/^\?[=!<]/.test(inner)) return false;
    head = alternatives(inner).every((alt) => startsWithin(alt, allowed));
  } else if (source.startsWith('[')) {
    end = closing(source, 0);
    const members = source.slice(1, end - 1);
    head = !members.startsWith('^') && [...members.replace(/-/g, '')].every((unit) => allowed.test(unit));
  } else if (source.startsWith('\\')) {
    end = 2;
    head = source[1] === 'd' && allowed.test('0');
  } else {
    end = 1;
    head = allowed.test(source.charAt(0));
  }
  const q = quantifier(source, end);
  return head && (!q.optional || startsWithin(source.slice(end + q.length), allowed));
}

/** The alternatives of `source` that may start with a unit outside `allowed`. */
function strays(source: string, allowed: RegExp): string[] {
  return alternatives(source).filter((alt) => !startsWithin(alt, allowed));
}

/** The body of a `\b(?=[…])(?:BODY)\b` pattern. */
function bodyOf(regex: RegExp): string {
  const m = /^\\b\(\?=\[[^\]]+\]\)\(\?:([\s\S]*)\)\\b$/.exec(regex.source);
  assert.ok(m, `unexpected shape: ${regex.source.slice(0, 60)}`);
  return m[1] as string;
}

void describe('look-ahead on first units of the combined matchers', () => {
  void it('the checker tells patterns that start with a letter from those that may not', () => {
    const letters = /^[a-z]$/;
    assert.deepEqual(strays('(?:joint |national )?action plans?|(?<=[a-z] )conventions?', letters), []);
    assert.deepEqual(strays('(?:joint )?[eé]quipes?|visas?', /^[a-zé]$/), []);
    assert.deepEqual(strays('plans?|(?: |-)roadmaps?|\\d+ days|[^a]x|(?:a)?', letters), [
      '(?: |-)roadmaps?',
      '\\d+ days',
      '[^a]x',
      '(?:a)?',
    ]);
  });

  void it('every folded head pattern starts with a letter or a digit', () => {
    const allowed = new RegExp(`^[${HEAD_FIRST_UNITS}]$`);
    for (const rule of HEAD_RULES.filter((r) => r.caseSensitive !== true)) {
      assert.deepEqual(strays(rule.pattern.toLowerCase(), allowed), [], rule.pattern.slice(0, 60));
    }
  });

  void it('every topic cue and every statement cue starts with a letter', () => {
    for (const group of alternatives(bodyOf(TOPIC_CUES))) {
      assert.deepEqual(strays(group.slice(1, -1), /^[a-z]$/), [], group.slice(0, 60));
    }
    for (const cue of STATEMENT_CUES) {
      assert.deepEqual(strays(bodyOf(cue.pattern), /^[a-z]$/), [], cue.kind);
    }
  });
});
