/**
 * The real `mda` CLI, spawned as a shell user runs it, against a temporary data folder: stdout
 * carries results only, errors are one `error:` line on stderr, exit codes are stable. Spawns are
 * few and run in parallel where independent (each costs about a second on this machine).
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mda, ROOT } from '../support/cli.ts';
import { cliTestAtlas, testEngines } from '../support/engines.ts';

void describe('mda CLI', () => {
  let dir: string;
  let data: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-cli-'));
    data = join(dir, 'data');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  void it('extract --json prints exactly the evaluation object and nothing else', async () => {
    const run = await mda('extract', 'corpus/mali-eu-high-level-dialogue-2016.fr.txt', '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const object = JSON.parse(run.stdout) as Record<string, unknown>;
    // The spec's fields, plus `confidence` (and a confidence on each instrument, amount and date),
    // extra fields the scorer ignores.
    assert.deepEqual(Object.keys(object).sort(), [
      'amounts',
      'confidence',
      'countries',
      'dates',
      'instruments',
      'language',
      'organizations',
      'topics',
    ]);
    assert.equal(object.language, 'fr');
    assert.ok((object.countries as string[]).includes('ML'));
    const confidence = object.confidence as { countries: Record<string, number> };
    assert.ok((confidence.countries['ML'] ?? 0) >= 0.8);
    for (const instrument of object.instruments as { confidence: number }[]) {
      assert.ok(instrument.confidence > 0 && instrument.confidence <= 1);
    }
    // Without the catalogue only the general rules read, and they find instruments differently.
    const bare = await mda(
      'extract',
      'corpus/mali-eu-high-level-dialogue-2016.fr.txt',
      '--json',
      '--no-catalogue',
    );
    assert.equal(bare.code, 0, bare.stderr);
    const general = JSON.parse(bare.stdout) as { instruments: unknown[] };
    assert.notDeepEqual(general.instruments, object.instruments);
  });

  for (const engine of testEngines()) {
    void it(`start ingests the built-in corpus on first run; then instruments, show and stats read it (${engine})`, async () => {
      const atlas = await cliTestAtlas(engine);
      try {
        const start = await mda(...atlas.args, 'start', '--no-serve');
        assert.equal(start.code, 0, start.stderr);
        assert.match(start.stdout, /built-in corpus: 4 added, 0 unchanged, 0 failed/);
        assert.match(start.stdout, /Instruments by type/);
        assert.match(start.stdout, /Instruments by country/);
        assert.match(start.stdout, /Instruments by topic/);

        const [list, stats, documents] = await Promise.all([
          mda(...atlas.args, 'instruments', '--country', 'ML', '--type', 'dialogue', '--json'),
          mda(...atlas.args, '--lang', 'fr', 'stats'),
          mda(...atlas.args, 'documents', '--json'),
        ]);
        assert.equal((JSON.parse(documents.stdout) as { total: number }).total, 4);
        assert.equal(list.code, 0, list.stderr);
        const page = JSON.parse(list.stdout) as { items: { id: string; parties: { actorId: string }[] }[] };
        const dialogue = page.items.find((i) => i.parties.some((p) => p.actorId === 'EU'));
        assert.ok(dialogue !== undefined, 'an EU–Mali dialogue');
        assert.match(stats.stdout, /Instruments par type/);
        assert.match(stats.stdout, /Mali \(ML\)/);

        const show = await mda(...atlas.args, '--lang', 'fr', 'show', dialogue.id);
        assert.equal(show.code, 0, show.stderr);
        assert.match(show.stdout, /Union européenne/);
        assert.match(show.stdout, /asserted by extractor:mda-rules@[\d.]+, unreviewed/);
        assert.match(show.stdout, /chars \d+–\d+/);
      } finally {
        await atlas.dispose();
      }
    });
  }

  void it('ingest reports each bad file on one stderr line, stores the good ones and exits 1', async () => {
    const good = join(dir, 'mali.txt');
    await copyFile(join(ROOT, 'corpus', 'mali-eu-high-level-dialogue-2016.fr.txt'), good);
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const missing = join(dir, 'missing.txt');
    const own = join(dir, 'own');
    const run = await mda('--data', own, 'ingest', good, missing, empty);
    assert.equal(run.code, 1);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 2, run.stderr);
    assert.ok(lines.some((l) => l.startsWith(`error: ${missing}: `)));
    assert.ok(lines.some((l) => l.startsWith(`error: ${empty}: `)));
    assert.match(run.stdout, /^1 added, 0 unchanged, 2 failed; \d+ instruments added/);
  });

  void it('gives usage errors exit 64 with the valid codes, unknown ids exit 66, and never a stack', async () => {
    const [type, country, option, unknown, help] = await Promise.all([
      mda('--data', data, 'instruments', '--type', 'treaty_of_rome'),
      mda('--data', data, 'instruments', '--country', 'Mali'),
      mda('--data', data, 'instruments', '--no-such-option'),
      mda('--data', data, 'show', 'ins_0000'),
      mda('ingest', '--help'),
    ]);
    assert.equal(type.code, 64);
    assert.match(type.stderr, /^error: --type: .*valid codes: readmission_agreement, .*dialogue/);
    assert.equal(country.code, 64);
    assert.match(country.stderr, /--country: .*ISO 3166-1 alpha-2/);
    assert.equal(option.code, 64);
    assert.equal(unknown.code, 66);
    assert.equal(unknown.stderr, 'error: instrument ins_0000 not found\n');
    for (const run of [type, country, option, unknown]) {
      assert.equal(run.stdout, '');
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: mda ingest/);
  });
});
