/**
 * IATI reading and storing on a real database file: a French/English activity file written for the
 * atlas is streamed, checked and stored with element paths; bad files get one clear error and
 * store nothing; the stored activity reads back identically; the chain sums by year and currency.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AtlasError } from '../../src/domain/errors.ts';
import { computeChain } from '../../src/domain/iati/chain.ts';
import type { IatiActivity } from '../../src/domain/iati/model.ts';
import { iatiFileFacts, readIatiFile } from '../../src/readers/iati/reader.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { openTestAtlas, testEngines } from '../support/engines.ts';

const FIXTURE = 'test/fixtures/iati/mali-fr-en.xml';

async function readAll(file: string): Promise<IatiActivity[]> {
  const { activities } = await readIatiFile(file);
  const out: IatiActivity[] = [];
  for await (const activity of activities) out.push(activity);
  return out;
}

async function importFile(atlas: OpenAtlas, file: string) {
  const facts = await iatiFileFacts(file);
  const { version, activities } = await readIatiFile(file);
  return atlas.store.iati.importFile(
    { name: facts.name, sourcePath: file, sha256: facts.sha256, bytes: facts.bytes, version },
    activities,
  );
}

for (const engine of testEngines()) {
  void describe(`IATI import (${engine})`, () => {
    let dir: string;
    let atlas: OpenAtlas;
    let dispose: () => Promise<void>;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-iati-'));
      ({ atlas, dispose } = await openTestAtlas(engine));
    });
    after(async () => {
      await dispose();
      await rm(dir, { recursive: true, force: true });
    });

    void it('reads narratives in both languages, inherited currencies and element paths', async () => {
      const [mali, tunisia] = await readAll(FIXTURE);
      assert.equal(mali?.identifier, 'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-07');
      assert.deepEqual(mali?.titles, [
        { lang: null, text: 'Renforcement de la gestion des migrations au Mali' },
        { lang: 'en', text: 'Strengthening migration management in Mali' },
      ]);
      assert.deepEqual(
        mali?.transactions.map((t) => [t.type, t.value, t.currency, t.currencyInherited, t.path]),
        [
          [2, 15_000_000, 'EUR', true, '/iati-activities/iati-activity[1]/transaction[1]'],
          [3, 6_000_000.5, 'EUR', false, '/iati-activities/iati-activity[1]/transaction[2]'],
          [4, 2_500_000, 'EUR', true, '/iati-activities/iati-activity[1]/transaction[3]'],
        ],
      );
      assert.deepEqual(
        mali?.sectors.map((s) => s.code),
        ['15190'],
      );
      assert.equal(mali?.results[0]?.indicators[0]?.periods[0]?.actual, 850);
      assert.equal(tunisia?.transactions[0]?.currency, 'USD');
    });

    void it('stores the file and reads each activity back identically', async () => {
      const summary = await importFile(atlas, FIXTURE);
      assert.equal(summary.activities, 2);
      const read = await readAll(FIXTURE);
      const stored = await atlas.store.iati.activities(read.map((a) => a.identifier));
      assert.deepEqual(
        stored.map((s) => s.activity),
        read,
      );
      assert.equal(stored[0]?.file.name, 'mali-fr-en.xml');
      assert.deepEqual(await atlas.store.iati.activitiesInCountry('ML'), [
        'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-07',
      ]);
    });

    void it('refuses bad files with one clear error each, storing nothing', async () => {
      const cases: [string, string, RegExp][] = [
        ['not-xml.xml', '%PDF-1.4 binary', /not XML/],
        ['wrong-root.xml', '<?xml version="1.0"?><html></html>', /not an IATI activity file/],
        [
          'v1.xml',
          '<iati-activities version="1.05"></iati-activities>',
          /IATI version 1\.05 is not supported/,
        ],
        [
          'bomb.xml',
          '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><iati-activities version="2.03"><iati-activity><iati-identifier>&lol2;</iati-identifier></iati-activity></iati-activities>',
          /DOCTYPE/,
        ],
        [
          'no-id.xml',
          '<iati-activities version="2.03"><iati-activity default-currency="EUR"><title/></iati-activity></iati-activities>',
          /iati-activity\[1\]: missing iati-identifier/,
        ],
        [
          'bad-number.xml',
          '<iati-activities version="2.03"><iati-activity default-currency="EUR"><iati-identifier>X-1</iati-identifier><transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value>1,5 M</value></transaction></iati-activity></iati-activities>',
          /transaction\[1\]\/value: unreadable number "1,5 M"/,
        ],
        [
          'bad-date.xml',
          '<iati-activities version="2.03"><iati-activity default-currency="EUR"><iati-identifier>X-2</iati-identifier><activity-date type="1" iso-date="2020-13-45"/></iati-activity></iati-activities>',
          /unreadable date "2020-13-45"/,
        ],
      ];
      const before = await atlas.store.iati.countActivities();
      for (const [name, content, message] of cases) {
        const file = join(dir, name);
        await writeFile(file, content);
        await assert.rejects(importFile(atlas, file), (error: unknown) => {
          assert.ok(error instanceof AtlasError, name);
          assert.match(error.message, message, name);
          return true;
        });
      }
      assert.equal(await atlas.store.iati.countActivities(), before);
    });

    void it('sums the chain by year in the original currency', async () => {
      const [stored] = await atlas.store.iati.activities(['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-07']);
      const activity = stored!.activity;
      const chain = computeChain(
        [
          {
            identifier: activity.identifier,
            titles: activity.titles,
            status: activity.status,
            file: stored!.file.name,
            path: activity.path,
            transactions: activity.transactions,
            budgets: activity.budgets,
            results: activity.results,
            via: 'country',
            instruments: [],
          },
        ],
        [],
      );
      assert.deepEqual(
        chain.byYear.map((row) => [row.year, row.currency, row.committed, row.disbursed, row.spent]),
        [
          [2017, 'EUR', 15_000_000, 0, 0],
          [2018, 'EUR', 0, 6_000_000.5, 0],
          [2019, 'EUR', 0, 0, 2_500_000],
        ],
      );
      assert.equal(chain.common, null);
    });
  });
}
