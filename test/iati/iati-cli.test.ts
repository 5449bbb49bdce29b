/**
 * `mda iati import | suggest | review | link | links` on a real data folder: per-file lines and one
 * error per bad file (the rest imported, exit 1), links proposed from an identifier a document cites
 * and from names, countries, dates and the amounts the documents state, then reviewed by a person.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IatiLink } from '../../src/domain/iati/model.ts';
import { mda } from '../support/cli.ts';

const EUTF = 'test/fixtures/iati/eutf-mali.xml';
const MALI_EN_FR = 'test/fixtures/iati/mali-fr-en.xml';
const MALI_DIALOGUE = 'corpus/mali-eu-high-level-dialogue-2016.fr.txt';

void describe('mda iati', () => {
  let dir = '';
  let note = '';
  let bad = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-iati-cli-'));
    bad = join(dir, 'broken.xml');
    await writeFile(
      bad,
      '<iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>',
    );
    note = join(dir, 'note-projet.fr.txt');
    await writeFile(
      note,
      "Note sur le Fonds fiduciaire d'urgence de l'UE pour l'Afrique au Mali\n\nBamako, le 12 mars 2018\n\n" +
        "Le Fonds fiduciaire d'urgence de l'UE pour l'Afrique finance au Mali le projet T05-EUTF-SAH-ML-04 pour l'emploi des jeunes.\n",
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  void it('imports good files with one line each, and gives a bad file one error (exit 1)', async () => {
    const run = await mda('--data', dir, 'iati', 'import', EUTF, bad, MALI_EN_FR);
    assert.equal(run.code, 1, run.stderr);
    const errors = run.stderr.trim().split('\n');
    assert.equal(errors.length, 1);
    assert.match(
      errors[0]!,
      /^error: .*broken\.xml: .*iati-activity\[1\]: missing iati-identifier; nothing was imported$/,
    );
    assert.match(
      run.stdout,
      /^imported test\/fixtures\/iati\/eutf-mali\.xml: 2 activities \[iatf_[0-9a-f]{20}\]$/m,
    );
    assert.match(run.stdout, /^imported test\/fixtures\/iati\/mali-fr-en\.xml: 2 activities/m);
    assert.match(run.stdout, /^2 imported, 0 unchanged, 1 failed$/m);
    const again = await mda('--data', dir, 'iati', 'import', EUTF, '--json');
    assert.equal(again.code, 0, again.stderr);
    const [item] = JSON.parse(again.stdout) as { status: string; activities: number }[];
    assert.deepEqual([item?.status, item?.activities], ['unchanged', 2]);
  });

  void it('proposes a cited link with its quote and matched links with scores and amounts', async () => {
    assert.equal((await mda('--data', dir, 'ingest', MALI_DIALOGUE, note)).code, 0);
    const run = await mda('--data', dir, 'iati', 'suggest', '--country', 'ML', '--json');
    assert.equal(run.code, 0, run.stderr);
    const links = (JSON.parse(run.stdout) as { link: IatiLink; created: boolean }[]).map((s) => s.link);
    const cited = links.find((l) => l.method === 'cited');
    assert.equal(cited?.activityId, 'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-04');
    assert.equal(cited?.evidence?.quote, 'T05-EUTF-SAH-ML-04');
    assert.equal(cited?.reviewState, 'unreviewed');
    // The trust fund's stated 53.6 and 91.5 million euros are what the two projects committed.
    const byAmount = links.filter(
      (l) => l.method === 'matched' && l.reasons.some((r) => r.startsWith('amount:')),
    );
    assert.deepEqual(
      byAmount.map((l) => [l.activityId, l.reasons.find((r) => r.startsWith('amount:'))]).sort(),
      [
        ['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-04', 'amount: 53600000 EUR'],
        ['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-05', 'amount: 91500000 EUR'],
      ],
    );
    for (const link of byAmount) {
      assert.ok(link.score !== null && link.score >= 0.5 && link.score <= 1, String(link.score));
      assert.ok(link.reasons.includes('country: ML'));
    }
    // No activity outside Mali is proposed for a Mali-only run.
    assert.ok(links.every((l) => l.activityId !== 'XM-EXAMPLE-2'));
    const again = await mda('--data', dir, 'iati', 'suggest', '--country', 'ML');
    assert.match(again.stdout, /^0 new links suggested, \d+ already known/m);
  });

  void it('lets a reviewer accept or reject a suggestion, and link by hand', async () => {
    const list = await mda('--data', dir, 'iati', 'links', '--state', 'unreviewed', '--json');
    const links = JSON.parse(list.stdout) as IatiLink[];
    const [first, second] = links.filter((l) => l.method === 'matched');
    assert.ok(first !== undefined && second !== undefined);
    const accepted = await mda('--data', dir, 'iati', 'review', first.id, 'accept', '--by', 'ana');
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, new RegExp(`^${first.id} .* matched [0-9.]+ confirmed`));
    const rejected = await mda('--data', dir, 'iati', 'review', second.id, 'reject', '--json');
    assert.equal((JSON.parse(rejected.stdout) as IatiLink).reviewState, 'rejected');
    // A rejected pair is not proposed again.
    const again = await mda('--data', dir, 'iati', 'suggest', '--json');
    const state = (JSON.parse(again.stdout) as { link: IatiLink }[]).find((s) => s.link.id === second.id);
    assert.equal(state?.link.reviewState, 'rejected');

    const manual = await mda(
      '--data',
      dir,
      'iati',
      'link',
      second.instrumentId,
      'XM-EXAMPLE-2',
      '--by',
      'ana',
    );
    assert.equal(manual.code, 0, manual.stderr);
    assert.match(manual.stdout, /^linked: lnk_\w+ {2}ins_\w+ ↔ XM-EXAMPLE-2 {2}manual confirmed$/m);
    const stored = JSON.parse(
      (await mda('--data', dir, 'iati', 'links', '--activity', 'XM-EXAMPLE-2', '--json')).stdout,
    ) as IatiLink[];
    assert.deepEqual(
      stored.map((l) => [l.method, l.reviewState, l.assertedBy, l.reviewedBy]),
      [['manual', 'confirmed', 'user:ana', 'user:ana']],
    );
  });

  void it('prints the chain in words or CSV, converting only with a rate table, and exports IATI XML', async () => {
    const rates = join(dir, 'taux.csv');
    await writeFile(rates, 'from,to,year,rate\nUSD,EUR,2021,0.9\n');
    const text = await mda(
      '--data',
      dir,
      '--lang',
      'fr',
      'iati',
      'chain',
      '--country',
      'TN',
      '--rates',
      rates,
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^année 2021 {2}engagé 1,2\s?M\$, décaissé non précisé, dépensé non précisé$/m);
    assert.match(
      text.stdout,
      /^converti en EUR aux taux de taux\.csv : engagé 1,1\s?M€, décaissé non précisé, dépensé non précisé$/m,
    );
    const csv = await mda('--data', dir, 'iati', 'chain', '--country', 'TN', '--csv');
    assert.deepEqual(csv.stdout.split('\r\n').slice(1, 3), [
      'year,2021,USD,1200000,,,,,,,,,,,',
      'total,,USD,1200000,,,,,,,,,,,',
    ]);
    const badRates = join(dir, 'bad.csv');
    await writeFile(badRates, 'from,to,year,rate\nUSD,EUR,2021,-1\n');
    const refused = await mda('--data', dir, 'iati', 'chain', '--country', 'TN', '--rates', badRates);
    assert.equal(refused.code, 65);
    assert.match(refused.stderr, /bad\.csv: line 2: rate "-1" is not a positive decimal number/);
    assert.equal((await mda('--data', dir, 'iati', 'chain')).code, 64);

    const out = join(dir, 'mali.xml');
    const exported = await mda('--data', dir, 'iati', 'export', '--country', 'ML', '--out', out);
    assert.equal(exported.code, 0, exported.stderr);
    // Mali's three projects, and the Tunisian activity linked by hand to an instrument Mali is party to.
    assert.match(exported.stdout, /^wrote 4 activities to .*mali\.xml \(IATI 2\.03\)$/m);
    const again = await mda('--data', dir, 'iati', 'export', '--out', out);
    assert.equal(again.code, 65);
    assert.match(again.stderr, /the file exists \(it is never overwritten\)/);
  });

  void it('refuses bad usage and unknown ids with the catalogue exit codes', async () => {
    const decision = await mda('--data', dir, 'iati', 'review', 'lnk_x', 'maybe');
    assert.equal(decision.code, 64);
    assert.match(decision.stderr, /expected accept or reject/);
    const unknownLink = await mda('--data', dir, 'iati', 'review', 'lnk_nope', 'accept');
    assert.equal(unknownLink.code, 66);
    const unknownActivity = await mda('--data', dir, 'iati', 'link', 'ins_nope', 'NOPE-1');
    assert.equal(unknownActivity.code, 66);
    assert.match(unknownActivity.stderr, /IATI activity NOPE-1|instrument ins_nope/);
    const country = await mda('--data', dir, 'iati', 'suggest', '--country', 'XX');
    assert.equal(country.code, 64);
  });
});
