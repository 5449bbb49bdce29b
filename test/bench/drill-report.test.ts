/** The drill's table and verdict: totals, the over-target mark, and every kind of failure counted. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { renderTable, verdict, type DrillRow } from '../../bench/drill-report.ts';

const CLEAN: DrillRow[] = [
  { drill: 'crash (kill -9)', inputs: 32, faults: { survived: 4, tried: 4 }, lost: 0, crashes: 0 },
  { drill: 'hostile inputs', inputs: 8, faults: { survived: 6, tried: 6 }, errors: 0, lost: 0, crashes: 0 },
  { drill: 'load list @64', requests: 5000, errors: 0, lost: 0, p99Ms: 120, p99TargetMs: 250 },
  { drill: 'load page @64', requests: 700, errors: 0, p99Ms: 900, note: 'no target' },
];

void it('prints one aligned table with a total row', () => {
  const table = renderTable(CLEAN).split('\n');
  assert.match(
    table[0] ?? '',
    /^drill\s+inputs tried\s+faults survived\s+requests served\s+errors \(5xx\)\s+data lost\s+crashes\s+p99\s+notes$/,
  );
  assert.equal(table.length, 2 + CLEAN.length + 2);
  const total = table.at(-1) ?? '';
  assert.match(total, /^total\s+40\s+10\/10\s+5700\s+0\s+0\s+0\s+—$/);
  assert.match(table.find((line) => line.startsWith('load list')) ?? '', /120 ms$/);
  assert.match(table.find((line) => line.startsWith('load page')) ?? '', /900 ms {2}no target$/);
  // Columns are aligned: the p99 column ends at the same place on every line.
  const p99End = (table[0] ?? '').indexOf('p99') + 3;
  for (const line of table.slice(2, 2 + CLEAN.length)) assert.match(line.slice(p99End - 1, p99End), /[—s]/);
  assert.deepEqual(verdict(CLEAN), { ok: true, failures: [] });
});

void it('fails on anything lost, any 5xx, any crash, a fault not survived or a p99 over its target', () => {
  const rows: DrillRow[] = [
    { drill: 'crash', faults: { survived: 3, tried: 4 }, lost: 2 },
    { drill: 'concurrent', crashes: 1 },
    { drill: 'load search @64', requests: 10, errors: 3, p99Ms: 300, p99TargetMs: 250 },
  ];
  const result = verdict(rows);
  assert.equal(result.ok, false);
  assert.deepEqual(result.failures, [
    'crash: 2 lost',
    'crash: 1 of 4 faults not survived',
    'concurrent: 1 crashed',
    'load search @64: 3 errors',
    'load search @64: p99 300 ms is over the 250 ms target',
  ]);
  assert.match(renderTable(rows), /300 ms \(over target\)/);
});
