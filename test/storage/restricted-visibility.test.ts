/**
 * Restricted records in the store, on both engines: a document, an instrument or a claim restricted
 * to an organisation does not exist for anyone else (not found; absent from lists, counts, facets,
 * the map counts, the network, the timeline, search and the cached aggregates), exists for that
 * organisation's members and for the operator (the default viewer of a store opened by the CLI);
 * an instrument known only from a restricted document is hidden with it; each change is audit-logged;
 * and the whole-atlas export keeps restricted rows with their restriction.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AtlasError } from '../../src/domain/errors.ts';
import { EVERYTHING, memberOf, PUBLIC_VIEWER, type Viewer } from '../../src/domain/viewer.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

const SECRET =
  'Confidential note\n\nOn 3 May 2024, Italy and Tunisia signed a memorandum of understanding on the readmission of irregular migrants, under the Zephyrine arrangement.';
const PUBLIC =
  'Press release\n\nThe readmission agreement between Spain and Mauritania was signed in 2003 in Madrid.';
const ALSO_PUBLIC =
  'Communiqué\n\nOn 12 March 2025, Portugal and Cabo Verde signed a memorandum of understanding on labour mobility.';

async function ingestText(store: AtlasStore, dir: string, name: string, text: string): Promise<string> {
  await writeFile(join(dir, name), text);
  const result = await ingestFile(join(dir, name), store);
  assert.equal(result.status, 'added', JSON.stringify(result));
  return result.documentId ?? '';
}

const PAGE = { limit: 100, offset: 0 };

async function notFound(work: Promise<unknown>): Promise<void> {
  await assert.rejects(work, (error: unknown) => error instanceof AtlasError && error.code === 'not_found');
}

/** Everything the store shows a viewer, in one object (titles, counts, codes). */
async function seenBy(store: AtlasStore, viewer: Viewer) {
  return store.actingAs(viewer, async () => {
    const instruments = await store.listInstruments({}, PAGE);
    const stats = await store.stats();
    const facets = await store.queries.instrumentFacets({});
    return {
      instruments: instruments.items.map((i) => i.title).sort(),
      instrumentTotal: instruments.total,
      documents: (await store.listDocuments(PAGE)).items.map((d) => d.id).sort(),
      stats: { documents: stats.documents, instruments: stats.instruments, claims: stats.claims },
      byCountry: stats.byCountry.map((c) => c.code).sort(),
      facetCountries: facets.country.map((c) => c.value).sort(),
      byState: [...(await store.queries.instrumentsByState()).keys()].sort(),
      map: [...(await store.queries.mapCounts({})).keys()].sort(),
      network: (await store.queries.actorNetwork()).nodes.map((n) => n.id).sort(),
      timeline: (await store.queries.instrumentTimeline()).reduce((sum, point) => sum + point.count, 0),
      partyStates: await store.queries.partyStates(),
      search: (await store.search({ q: 'Zephyrine' }, PAGE)).total,
      searchInstruments: (await store.queries.instruments({ q: 'Tunisia' }, PAGE)).total,
      cached: await store.queries.cached('restricted-test', async () => (await store.stats()).instruments),
    };
  });
}

for (const engine of ENGINES) {
  void describe(`restricted records in the store (${engine})`, () => {
    void it('hides a restricted document and what is known only from it, for everyone but its organisation', async () => {
      const work = await mkdtemp(join(tmpdir(), 'mda-restricted-'));
      const test = await openTestAtlas(engine);
      const { store } = test.atlas;
      try {
        const secretDoc = await ingestText(store, work, 'secret.en.txt', SECRET);
        const publicDoc = await ingestText(store, work, 'public.en.txt', PUBLIC);
        await ingestText(store, work, 'also.en.txt', ALSO_PUBLIC);
        const interior = await store.people.addOrganisation('Interior ministry', 'cli');
        const other = await store.people.addOrganisation('Research team', 'cli');
        const everyone = await seenBy(store, PUBLIC_VIEWER);
        assert.equal(everyone.instrumentTotal, 3);
        assert.equal(everyone.search, 1);

        const change = await store.restrictions.set(
          'document',
          secretDoc,
          interior.id,
          'cli',
          'confidential',
        );
        assert.deepEqual(change, {
          kind: 'document',
          id: secretDoc,
          restrictedTo: interior.id,
          before: null,
        });

        const secretInstrument = (await store.listInstruments({ documentId: secretDoc }, PAGE)).items[0];
        assert.ok(secretInstrument, 'the operator sees the instrument of the restricted document');
        assert.equal(secretInstrument.title.includes('Tunisia'), true);

        for (const viewer of [PUBLIC_VIEWER, memberOf(other.id)]) {
          const seen = await seenBy(store, viewer);
          assert.equal(seen.instrumentTotal, 2);
          assert.equal(
            seen.instruments.some((t) => t.includes('Tunisia')),
            false,
          );
          assert.equal(seen.documents.includes(secretDoc), false);
          assert.deepEqual(seen.stats.documents, 2);
          assert.deepEqual(seen.stats.instruments, 2);
          assert.ok(seen.stats.claims < everyone.stats.claims);
          for (const list of [
            seen.byCountry,
            seen.facetCountries,
            seen.byState,
            seen.network,
            seen.partyStates,
          ]) {
            assert.equal(list.includes('TN'), false, JSON.stringify(list));
            assert.equal(list.includes('IT'), false, JSON.stringify(list));
            assert.equal(list.includes('MR'), true, JSON.stringify(list));
          }
          assert.equal(seen.map.includes('TN'), false);
          assert.equal(seen.timeline, 2);
          assert.equal(seen.search, 0);
          assert.equal(seen.searchInstruments, 0);
          assert.equal(seen.cached, 2);
          await store.actingAs(viewer, async () => {
            await notFound(store.getDocument(secretDoc));
            await notFound(store.getInstrument(secretInstrument.id));
            await notFound(store.restrictions.current('document', secretDoc));
            assert.deepEqual(await store.queries.documentFacts(secretDoc), []);
            assert.deepEqual(
              await store.queries.documentTexts([secretDoc, publicDoc]).then((d) => d.map((x) => x.id)),
              [publicDoc],
            );
            assert.deepEqual(await store.listClaims('instrument', secretInstrument.id), []);
          });
        }

        // The organisation's members, and the operator, see it all (the cache is per viewer).
        for (const viewer of [memberOf(interior.id), EVERYTHING]) {
          const seen = await seenBy(store, viewer);
          assert.equal(seen.instrumentTotal, 3);
          assert.equal(seen.search, 1);
          assert.equal(seen.cached, 3);
          assert.ok(seen.byState.includes('TN'));
          const document = await store.actingAs(viewer, () => store.getDocument(secretDoc));
          assert.equal(document.restrictedTo, interior.id);
        }
        // A store opened by the CLI reads as the operator.
        assert.equal((await store.listInstruments({}, PAGE)).total, 3);

        // Lifted: public again, and logged twice with who and why.
        await store.restrictions.set('document', secretDoc, null, 'cli', 'published by the ministry');
        assert.equal((await seenBy(store, PUBLIC_VIEWER)).instrumentTotal, 3);
        const log = await store.people.history({ subjectKind: 'document', subjectId: secretDoc }, PAGE);
        assert.deepEqual(
          log.items.map((c) => [c.action, c.actor, c.reason, c.after]),
          [
            ['document.restrict', 'cli', 'confidential', { restrictedTo: interior.id }],
            ['document.unrestrict', 'cli', 'published by the ministry', { restrictedTo: null }],
          ],
        );
        await notFound(store.restrictions.set('document', secretDoc, 'no-such-org', 'cli', null));
        await notFound(store.restrictions.set('document', 'doc_nope', interior.id, 'cli', null));
      } finally {
        await test.dispose();
        await rm(work, { recursive: true, force: true });
      }
    });

    void it('hides a restricted instrument and a restricted claim; the export keeps them', async () => {
      const work = await mkdtemp(join(tmpdir(), 'mda-restricted-'));
      const test = await openTestAtlas(engine);
      const { store } = test.atlas;
      try {
        await ingestText(store, work, 'public.en.txt', PUBLIC);
        const alsoDoc = await ingestText(store, work, 'also.en.txt', ALSO_PUBLIC);
        const team = await store.people.addOrganisation('Research team', 'cli');
        const [agreement, memorandum] = (await store.listInstruments({}, PAGE)).items;
        assert.ok(agreement && memorandum);

        await store.restrictions.set('instrument', memorandum.id, team.id, 'cli', 'draft');
        await store.actingAs(PUBLIC_VIEWER, async () => {
          await notFound(store.getInstrument(memorandum.id));
          assert.deepEqual(
            (await store.listInstruments({}, PAGE)).items.map((i) => i.id),
            [agreement.id],
          );
          // The document stays; it no longer lists the hidden instrument.
          const document = await store.getDocument(alsoDoc);
          assert.deepEqual(document.instruments, []);
          assert.equal(document.instrumentCount, 0);
        });
        const seen = await store.actingAs(memberOf(team.id), () => store.getInstrument(memorandum.id));
        assert.equal(seen.restrictedTo, team.id);

        // One claim of the public agreement: hidden alone, the instrument still shows.
        const claims = (await store.getInstrument(agreement.id)).claims;
        const dateClaim = claims.find((c) => c.property === 'date');
        assert.ok(dateClaim, JSON.stringify(claims.map((c) => c.property)));
        await store.restrictions.set('claim', String(dateClaim.id), team.id, 'cli', 'unconfirmed date');
        await store.actingAs(PUBLIC_VIEWER, async () => {
          const shown = await store.getInstrument(agreement.id);
          assert.equal(
            shown.claims.some((c) => c.id === dateClaim.id),
            false,
          );
          assert.equal(shown.claims.length, claims.length - 1);
          assert.deepEqual(shown.dates, []);
          await notFound(store.restrictions.current('claim', String(dateClaim.id)));
        });
        const member = await store.actingAs(memberOf(team.id), () => store.getInstrument(agreement.id));
        assert.equal(member.claims.find((c) => c.id === dateClaim.id)?.restrictedTo, team.id);
        assert.equal(member.dates.length, 1);

        // The whole-atlas export (an operator's move) keeps the restricted rows and the column.
        const out = join(work, 'export');
        await store.exportTo(out);
        const instruments = await readFile(join(out, 'data', 'instruments.csv'), 'utf8').catch(() =>
          readFile(join(out, 'instruments.csv'), 'utf8'),
        );
        assert.match(instruments.split('\n')[0] ?? '', /restricted_to/);
        assert.ok(
          instruments.includes(team.id),
          'the restricted instrument is exported with its organisation',
        );
      } finally {
        await test.dispose();
        await rm(work, { recursive: true, force: true });
      }
    });
  });
}
