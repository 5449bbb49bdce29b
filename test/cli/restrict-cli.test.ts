/**
 * `mda ingest --restricted-to ORG` and `mda restrict`, on both engines: a document stored restricted
 * is hidden from the public (a store opened for the web server), seen by the operator and the
 * organisation; `mda restrict` lifts and sets restrictions on documents, instruments and claims,
 * refuses an unknown organisation or record with a clear error, and every change is audit-logged.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { memberOf, PUBLIC_VIEWER } from '../../src/domain/viewer.ts';
import { openAtlasStore } from '../../src/storage/database.ts';
import { mda } from '../support/cli.ts';
import { createTestDatabase, testEngines } from '../support/engines.ts';

const SECRET =
  'Confidential note\n\nOn 3 May 2024, Italy and Tunisia signed a memorandum of understanding on the readmission of irregular migrants.';

for (const engine of testEngines()) {
  void describe(`mda ingest --restricted-to and mda restrict (${engine})`, () => {
    void it('stores a document restricted, lifts and sets restrictions, logs each change', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mda-restrict-cli-'));
      const database = engine === 'postgres' ? await createTestDatabase() : undefined;
      const where = database === undefined ? ['--data', dir] : ['--database', database.url];
      const open = () =>
        openAtlasStore(database === undefined ? { dataDir: dir } : { database: database.url });
      try {
        await writeFile(join(dir, 'secret.en.txt'), SECRET);
        const refused = await mda(
          ...where,
          'ingest',
          '--restricted-to',
          'nobody',
          join(dir, 'secret.en.txt'),
        );
        assert.notEqual(refused.code, 0);
        assert.match(refused.stderr, /organisation nobody not found/);

        let store = await open();
        const org = await store.people.addOrganisation('Interior ministry', 'cli');
        await store.close();
        const ingest = await mda(
          ...where,
          'ingest',
          '--json',
          '--restricted-to',
          org.id,
          join(dir, 'secret.en.txt'),
        );
        assert.equal(ingest.code, 0, ingest.stderr);
        const documentId = (JSON.parse(ingest.stdout) as { results: { documentId: string }[] }).results[0]
          ?.documentId;
        assert.ok(documentId);

        // The operator (the CLI) sees it; the public does not; the organisation does.
        const shown = await mda(...where, 'instruments', '--json');
        const instruments = (JSON.parse(shown.stdout) as { items: { id: string }[] }).items;
        assert.equal(instruments.length, 1);
        const instrumentId = instruments[0]?.id ?? '';
        store = await open();
        try {
          await store.actingAs(PUBLIC_VIEWER, async () => {
            assert.equal((await store.listDocuments({ limit: 10, offset: 0 })).total, 0);
            assert.equal((await store.listInstruments({}, { limit: 10, offset: 0 })).total, 0);
          });
          const member = await store.actingAs(memberOf(org.id), () => store.getDocument(documentId));
          assert.equal(member.restrictedTo, org.id);
        } finally {
          await store.close();
        }

        const lifted = await mda(
          ...where,
          'restrict',
          'document',
          documentId,
          '--public',
          '--why',
          'published',
        );
        assert.equal(lifted.code, 0, lifted.stderr);
        assert.match(lifted.stdout, /is public \(was restricted to interior-ministry\)/);
        const instrument = await mda(
          ...where,
          'restrict',
          'instrument',
          instrumentId,
          '--to',
          org.id,
          '--json',
        );
        assert.equal(instrument.code, 0, instrument.stderr);
        assert.deepEqual(JSON.parse(instrument.stdout), {
          kind: 'instrument',
          id: instrumentId,
          restrictedTo: org.id,
          before: null,
        });
        const unknown = await mda(...where, 'restrict', 'claim', '999999', '--to', org.id);
        assert.notEqual(unknown.code, 0);
        assert.match(unknown.stderr, /claim 999999 not found/);
        const both = await mda(...where, 'restrict', 'document', documentId);
        assert.notEqual(both.code, 0);
        assert.match(both.stderr, /give either --to ORGANISATION or --public/);

        store = await open();
        try {
          await store.actingAs(PUBLIC_VIEWER, async () => {
            assert.equal((await store.listDocuments({ limit: 10, offset: 0 })).total, 1);
            assert.equal((await store.listInstruments({}, { limit: 10, offset: 0 })).total, 0);
          });
          const history = await store.people.history(
            { subjectKind: 'document', subjectId: documentId },
            { limit: 10, offset: 0 },
          );
          assert.deepEqual(
            history.items.map((c) => [c.action, c.actor, c.reason]),
            [
              ['document.restrict', 'cli', 'restricted when stored'],
              ['document.unrestrict', 'cli', 'published'],
            ],
          );
        } finally {
          await store.close();
        }
      } finally {
        await database?.drop();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
