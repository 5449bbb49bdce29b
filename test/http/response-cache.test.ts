/**
 * The read API's response cache on both engines: an anonymous read asked again is answered from it;
 * a document stored by another process (another connection) is seen by the next read, through
 * SQLite's data_version or PostgreSQL's commit notices; a write through the API is seen at once;
 * signed-in readers are never answered from it.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestFile } from '../../src/services/ingest.ts';
import { openAtlas } from '../../src/storage/database.ts';
import { databaseFile } from '../../src/storage/paths.ts';
import { bearerFor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { startTestAtlas, type TestAtlas } from './fixture.ts';

interface Stats {
  documents: number;
  instruments: number;
}

const get = async (base: string, path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(base + path, { headers });
  return { status: response.status, cache: response.headers.get('x-cache'), text: await response.text() };
};

/**
 * Reads `path` until an answer comes from the cache, so a test starts from a cached state: the
 * notices of writes committed just before (PostgreSQL delivers them asynchronously) may still
 * change the version once or twice.
 */
async function cachedRead(base: string, path: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await get(base, path);
    if (answer.cache === 'hit') return answer.text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`${path} was never answered from the cache`);
}

for (const engine of testEngines()) {
  void describe(`response cache (${engine})`, () => {
    let atlas: TestAtlas & { dir: string };
    before(async () => {
      atlas = await startTestAtlas({}, engine);
    });
    after(async () => {
      await atlas.close();
    });

    void it('answers an anonymous read asked again from the cache, per address and language', async () => {
      const first = await get(atlas.url, '/api/instruments?limit=5');
      assert.equal(first.status, 200);
      assert.equal(first.cache, null);
      assert.equal(await cachedRead(atlas.url, '/api/instruments?limit=5'), first.text);
      assert.equal((await get(atlas.url, '/api/instruments?limit=6')).cache, null);
      const csv = await get(atlas.url, '/api/instruments?limit=5&format=csv', { 'accept-language': 'fr' });
      const csvAgain = await fetch(`${atlas.url}/api/instruments?limit=5&format=csv`, {
        headers: { 'accept-language': 'fr' },
      });
      assert.equal(csvAgain.headers.get('x-cache'), 'hit');
      assert.match(csvAgain.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(csvAgain.headers.get('content-disposition') ?? '', /instruments\.csv/);
      assert.equal(await csvAgain.text(), csv.text);
    });

    void it('computes a burst of the same new question once', async () => {
      await cachedRead(atlas.url, '/api/stats');
      const burst = await Promise.all(
        Array.from({ length: 8 }, () => get(atlas.url, '/api/instruments?limit=7&sort=title')),
      );
      assert.equal(burst.filter((answer) => answer.cache === null).length, 1);
      assert.equal(new Set(burst.map((answer) => answer.text)).size, 1);
    });

    void it('never answers a signed-in reader from the cache', async () => {
      const reader = await bearerFor(atlas.served.store, 'reader');
      await cachedRead(atlas.url, '/api/stats');
      const signedIn = await get(atlas.url, '/api/stats', reader.headers);
      const again = await get(atlas.url, '/api/stats', reader.headers);
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.cache, null);
      assert.equal(again.cache, null);
    });

    void it('shows a document stored by another process on the next read', async () => {
      const before = JSON.parse(await cachedRead(atlas.url, '/api/stats')) as Stats;
      const folder = await mkdtemp(join(tmpdir(), 'mda-cache-'));
      const other = await openAtlas(
        atlas.databaseUrl === undefined ? { file: databaseFile(atlas.dir) } : { database: atlas.databaseUrl },
      );
      try {
        const file = join(folder, 'note.en.txt');
        await writeFile(
          file,
          'On 4 May 2023, Ghana and Italy signed a memorandum of understanding on the readmission of migrants.',
        );
        const item = await ingestFile(file, other.store);
        assert.equal(item.status, 'added', JSON.stringify(item));
      } finally {
        await other.store.close();
        await rm(folder, { recursive: true, force: true });
      }
      // SQLite sees the other connection's commit at once; PostgreSQL once its notice arrives.
      let after = before;
      for (let attempt = 0; attempt < 50 && after.documents === before.documents; attempt++) {
        after = JSON.parse((await get(atlas.url, '/api/stats')).text) as Stats;
        if (after.documents === before.documents) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(after.documents, before.documents + 1);
    });

    void it('shows a write made through the API to the very next read', async () => {
      const contributor = await bearerFor(atlas.served.store, 'contributor');
      const reviewer = await bearerFor(atlas.served.store, 'reviewer');
      const before = JSON.parse(await cachedRead(atlas.url, '/api/stats')) as Stats;
      const added = await fetch(`${atlas.url}/api/contributions/instruments`, {
        method: 'POST',
        headers: { ...contributor.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'readmission_agreement',
          title: 'Quokkaville agreement on readmission',
          legalForm: 'agreement',
          parties: [
            { actorId: 'SN', role: 'signatory' },
            { actorId: 'ES', role: 'signatory' },
          ],
          dates: [{ value: '2024-06-03', role: 'signature' }],
          topics: ['return_readmission'],
          source: {
            kind: 'url',
            url: 'https://www.example.gob.es/acuerdo-quokkaville',
            quote: 'Senegal and Spain signed the Quokkaville agreement on readmission on 3 June 2024.',
          },
        }),
      });
      assert.equal(added.status, 201, await added.clone().text());
      const { id } = (await added.json()) as { id: string };
      const accepted = await fetch(`${atlas.url}/api/contributions/${id}/accept`, {
        method: 'POST',
        headers: reviewer.headers,
      });
      assert.equal(accepted.status, 200, await accepted.text());
      const after = await get(atlas.url, '/api/stats');
      assert.equal(after.cache, null);
      assert.equal((JSON.parse(after.text) as Stats).instruments, before.instruments + 1);
    });
  });
}
