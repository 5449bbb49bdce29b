/**
 * IATI storage on both engines (SQLite file and PostgreSQL): import, links (cited, reviewed), the
 * chain per country and per instrument, and the IATI export read back identically — import →
 * export → import into an empty atlas → export gives the same bytes, and the same stored activities.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IatiActivity } from '../../src/domain/iati/model.ts';
import { writeIatiFile } from '../../src/readers/iati/activity-writer.ts';
import { readIatiFile } from '../../src/readers/iati/reader.ts';
import { countryFundingChain, instrumentFundingChain } from '../../src/services/iati/chain.ts';
import { exportIati } from '../../src/services/iati/export.ts';
import { importIatiFile } from '../../src/services/iati/import.ts';
import { suggestLinks } from '../../src/services/iati/links.ts';
import { ingestPaths } from '../../src/services/ingest.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

const FIXTURES = ['test/fixtures/iati/eutf-mali.xml', 'test/fixtures/iati/mali-fr-en.xml'];

/** Each value's path without the activity's position in its file (which an export renumbers). */
function withoutPosition(activity: IatiActivity): unknown {
  return JSON.parse(JSON.stringify(activity).replace(/\/iati-activities\/iati-activity\[\d+\]/g, '@'));
}

async function everyActivity(store: AtlasStore): Promise<IatiActivity[]> {
  const out: IatiActivity[] = [];
  for await (const stored of store.iati.allActivities()) out.push(stored.activity);
  return out;
}

async function readAll(file: string): Promise<IatiActivity[]> {
  const { activities } = await readIatiFile(file);
  const out: IatiActivity[] = [];
  for await (const activity of activities) out.push(activity);
  return out;
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mda-iati-engines-'));
});
after(() => rm(dir, { recursive: true, force: true }));

void it('writes awkward text and numbers so that the reader gives back the same record', async () => {
  const [activity] = await readAll(FIXTURES[0]!);
  const awkward: IatiActivity = {
    ...activity!,
    titles: [
      { lang: null, text: 'Café & « mobilité » <Sahel> "quoted" \'apostrophe\'' },
      { lang: 'en', text: 'Tiny & huge' },
    ],
    transactions: activity!.transactions.map((t, i) =>
      i === 0 ? { ...t, value: 1e21 } : i === 1 ? { ...t, value: 1e-7 } : { ...t, value: 1234.5678 },
    ),
  };
  const file = join(dir, 'awkward.xml');
  assert.equal(await writeIatiFile(file, [awkward]), 1);
  assert.deepEqual(await readAll(file), [awkward]);
});

for (const engine of ENGINES) {
  void describe(`IATI on ${engine}`, () => {
    void it('imports, links, gives the chain, and round-trips through the IATI export', async () => {
      const first = await openTestAtlas(engine);
      const second = await openTestAtlas(engine);
      try {
        const store = first.atlas.store;
        for (const file of FIXTURES) {
          assert.equal((await importIatiFile(store, file)).status, 'imported');
        }
        assert.equal((await importIatiFile(store, FIXTURES[0]!)).status, 'unchanged');

        // A document citing a project: a cited link, counted in the chain unless rejected.
        const note = join(dir, `note-${engine}.fr.txt`);
        await writeFile(
          note,
          "Note sur le Fonds fiduciaire d'urgence de l'UE pour l'Afrique au Mali\n\nBamako, le 12 mars 2018\n\n" +
            "Le Fonds fiduciaire d'urgence de l'UE pour l'Afrique finance au Mali le projet T05-EUTF-SAH-ML-05 (sécurité et développement).\n",
        );
        assert.equal((await ingestPaths([note], store)).results[0]?.status, 'added');
        const cited = (await suggestLinks(store, { country: 'ML' })).find((s) => s.link.method === 'cited');
        assert.equal(cited?.link.activityId, 'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-05');
        const instrumentChain = await instrumentFundingChain(store, cited.link.instrumentId);
        assert.deepEqual(
          instrumentChain.activities.map((a) => [a.identifier, a.via]),
          [['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-05', 'cited']],
        );
        const rejected = await store.iati.reviewLink(cited.link.id, 'rejected', 'user:test');
        assert.equal(rejected.reviewState, 'rejected');
        assert.equal((await instrumentFundingChain(store, cited.link.instrumentId)).activities.length, 0);

        const chain = await countryFundingChain(store, 'ML');
        assert.deepEqual(
          chain.totals.map((t) => [t.currency, t.committed, t.disbursed, t.spent]),
          [
            ['EUR', 160_100_000, 26_000_000.5, 15_000_000],
            ['USD', 0, 10_000_000, 0],
          ],
        );

        // Round trip: export, import into an empty atlas, export again.
        const a = join(dir, `a-${engine}.xml`);
        const b = join(dir, `b-${engine}.xml`);
        assert.equal(await exportIati(store, a), 4);
        assert.equal((await importIatiFile(second.atlas.store, a)).activities, 4);
        assert.equal(await exportIati(second.atlas.store, b), 4);
        assert.equal(await readFile(b, 'utf8'), await readFile(a, 'utf8'));
        const before = await everyActivity(store);
        const after = await everyActivity(second.atlas.store);
        assert.deepEqual(after.map(withoutPosition), before.map(withoutPosition));
        // Activities that keep their position keep every path as it was.
        assert.deepEqual(after[0], before[0]);

        const mali = join(dir, `mali-${engine}.xml`);
        assert.equal(await exportIati(store, mali, { country: 'ML' }), 3);
        assert.deepEqual(
          (await readAll(mali)).map((x) => x.identifier),
          [
            'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-04',
            'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-05',
            'XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-07',
          ],
        );
      } finally {
        await first.dispose();
        await second.dispose();
      }
    });
  });
}
