/**
 * The analyses' commands of the real `mda` CLI, spawned against a temp data folder holding the
 * ingested corpus: `consistency --json` prints only the findings array, `compare`, `coordination`,
 * `commitments`, `indicators`, `conditionality` and `watch` (a watch fires during `mda ingest`).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { databaseFile } from '../../src/storage/paths.ts';
import { mda } from '../support/cli.ts';
import { copySqliteTemplate } from '../support/templates.ts';

const EMN = 'corpus/emn-oecd-migration-diplomacy-2024.en.txt';

/** A synthesis whose counts, lists and either/or questions all agree. */
const CONSISTENT = [
  'Key points',
  '',
  '- Five EMN Member Countries use special envoys in their migration diplomacy, with three reporting that special envoys are not used in their migration diplomacy.',
  '',
  'Findings',
  '',
  'Five EMN Member Countries¹ use special envoys in their migration diplomacy, with three² reporting that special envoys are not used in their migration diplomacy.',
  'Four countries³ report challenges in negotiations with third countries.',
  '',
  '1 AT, BE, DE, ES and FR.',
  '',
  '2 CY, LU and MT.',
  '',
  '3 AT, BE, NL and SK.',
].join('\n');

interface Finding {
  kind: string;
  quotes: { start: number; end: number; quote: string }[];
  stated?: number;
  listed?: number;
  counts?: number[];
  countries?: string[];
}

void describe('mda analyses commands', () => {
  let dir: string;
  let data: string;
  let emnId = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-cli-analyses-'));
    data = join(dir, 'data');
    await writeFile(join(dir, 'consistent.en.txt'), CONSISTENT);
    // The run's prepared corpus atlas when there is one (the ingestion is not what is tested here).
    await mkdir(data);
    if (await copySqliteTemplate('corpus', databaseFile(data))) {
      const listed = await mda('--data', data, 'documents', '--json');
      assert.equal(listed.code, 0, listed.stderr);
      const page = JSON.parse(listed.stdout) as { items: { id: string; sourcePath: string }[] };
      emnId = page.items.find((d) => d.sourcePath.includes('emn-oecd'))?.id ?? '';
    } else {
      const run = await mda('--data', data, 'ingest', 'corpus', '--json');
      assert.equal(run.code, 0, run.stderr);
      const parsed = JSON.parse(run.stdout) as { results: { file: string; documentId: string }[] };
      emnId = parsed.results.find((r) => r.file.includes('emn-oecd'))?.documentId ?? '';
    }
    assert.notEqual(emnId, '');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  void it("consistency --json finds the inform's cases, from the file and from the stored document", async () => {
    const [fromFile, fromStore, clean] = await Promise.all([
      mda('--data', data, 'consistency', EMN, '--json'),
      mda('--data', data, 'consistency', emnId, '--json'),
      mda('--data', data, 'consistency', join(dir, 'consistent.en.txt'), '--json'),
    ]);
    for (const run of [fromFile, fromStore, clean]) assert.equal(run.code, 0, run.stderr);
    const findings = JSON.parse(fromFile.stdout) as Finding[];
    assert.ok(Array.isArray(findings) && findings.length > 0);
    for (const f of findings) {
      assert.equal(typeof f.kind, 'string');
      assert.ok(
        f.quotes.length >= 2 && f.quotes.every((q) => typeof q.quote === 'string' && q.end > q.start),
      );
    }
    const conflict = findings.find((f) => f.kind === 'conflicting_counts' && f.counts?.includes(7));
    assert.equal(conflict?.stated !== undefined, true);
    assert.deepEqual([...(conflict?.counts ?? [])].sort(), [6, 7]);
    assert.ok(findings.some((f) => f.kind === 'both_sides' && f.countries?.includes('MT')));
    assert.deepEqual(
      (JSON.parse(fromStore.stdout) as Finding[]).map((f) => f.kind),
      findings.map((f) => f.kind),
    );
    assert.deepEqual(JSON.parse(clean.stdout), []);
  });

  void it('compare lists the questions, answers one, and writes a report', async () => {
    const report = join(dir, 'report.md');
    const [list, one, file] = await Promise.all([
      mda('--data', data, 'compare'),
      mda('--data', data, 'compare', 'use migration diplomacy at national level', '--json'),
      mda('--data', data, 'compare', '--report', 'md', '--out', report, '--lang', 'fr', '--limit', '3'),
    ]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^ +17 +yes +use migration diplomacy at national level/m);
    const c = JSON.parse(one.stdout) as { count: number; countries: string[]; statedCounts: number[] };
    assert.equal(c.count, 17);
    assert.deepEqual(c.statedCounts, [17]);
    assert.equal(file.code, 0, file.stderr);
    const md = await readFile(report, 'utf8');
    assert.match(md, /^# /);
    assert.match(md, /AT, BE, CY/);
  });

  void it('coordination, commitments, indicators and conditionality read the stored analyses', async () => {
    const [csv, commitments, georgia, bangladesh, bad, pending] = await Promise.all([
      mda('--data', data, 'coordination', 'ML', '--csv'),
      mda('--data', data, 'commitments', '--country', 'ML', '--today', '2017-09-15', '--json'),
      mda('--data', data, 'indicators', '--country', 'GE', '--json'),
      mda('--data', data, 'conditionality', '--country', 'BD', '--json'),
      mda('--data', data, 'coordination', 'ZZ'),
      mda('--data', data, 'reanalyse', '--json'),
    ]);
    // Ingestion analysed every document: nothing is pending.
    assert.deepEqual(JSON.parse(pending.stdout), []);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout.split('\n')[0] ?? '', /^section,partner,actor/);
    assert.match(csv.stdout, /EU,.*Trust Fund/);
    const tracker = JSON.parse(commitments.stdout) as {
      overdue: number;
      nextDialogue: { deadline: { value: string; inclusive: boolean } };
      priorities: unknown[];
    };
    assert.equal(tracker.nextDialogue.deadline.value, '2017-09');
    assert.equal(tracker.overdue, 1);
    assert.equal(tracker.priorities.length, 5);
    const series = JSON.parse(georgia.stdout) as { indicator: string; values: { value: number }[] }[];
    assert.deepEqual(
      series.find((s) => s.indicator.includes('visa-free'))?.values.map((v) => v.value),
      [65, 74],
    );
    const timeline = JSON.parse(bangladesh.stdout) as { country: string; steps: { kind: string }[] }[];
    assert.deepEqual(
      timeline[0]?.steps.map((s) => s.kind),
      ['assessment', 'proposal'],
    );
    assert.equal(bad.code, 64);
    assert.match(bad.stderr, /^error: /);
  });

  void it('a watch fires during ingest of a matching document, and status updates stick', async () => {
    const add = await mda(
      '--data',
      data,
      'watch',
      'add',
      'Mauritania on return',
      '--id',
      'mr',
      '--country',
      'MR',
      '--topic',
      'return_readmission',
    );
    assert.equal(add.code, 0, add.stderr);
    await writeFile(
      join(dir, 'mr.en.txt'),
      'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.\n',
    );
    const ingest = await mda('--data', data, 'ingest', join(dir, 'mr.en.txt'));
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(
      ingest.stdout,
      /^watch mr \(Mauritania on return\): .* — country MR, topic return_readmission$/m,
    );
    const hits = await mda('--data', data, 'watch', 'hits', '--json');
    assert.equal((JSON.parse(hits.stdout) as unknown[]).length, 1);
    const tracker = JSON.parse(
      (await mda('--data', data, 'commitments', '--country', 'ML', '--json')).stdout,
    ) as { nextDialogue: { id: string } };
    const tester = await mda(
      '--data',
      data,
      'user',
      'add',
      'tester@example.org',
      '--name',
      'Tester',
      '--role',
      'contributor',
    );
    assert.equal(tester.code, 0, tester.stderr);
    const stranger = await mda(
      '--data',
      data,
      'commitments',
      '--set',
      tracker.nextDialogue.id,
      '--status',
      'done',
      '--as',
      'nobody@example.org',
    );
    assert.equal(stranger.code, 66, 'a change is recorded as an account, never as a typed name');
    const set = await mda(
      '--data',
      data,
      'commitments',
      '--set',
      tracker.nextDialogue.id,
      '--status',
      'done',
      '--as',
      'tester@example.org',
      '--today',
      '2017-09-15',
      '--json',
    );
    assert.equal(set.code, 0, set.stderr);
    const after = JSON.parse(set.stdout) as {
      overdue: number;
      commitments: { id: string; status: string }[];
    };
    assert.equal(after.overdue, 0);
    assert.equal(after.commitments.find((c) => c.id === tracker.nextDialogue.id)?.status, 'done');
  });
});
