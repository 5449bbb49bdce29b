/**
 * Merge, split and link by reviewers, on both engines: a merge moves every claim and document and
 * keeps the old id resolvable (store, API 308, web page 301), is remembered so that a later
 * ingestion of the duplicate adds to the kept instrument, and is audit-logged; a split moves the
 * chosen claims to a new instrument; links carry their evidence (a document span or a cited URL);
 * `mda eval --reviewed`'s scoring runs on a seeded review; and export → import → export is
 * byte-identical with the new tables filled, across engines.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { webPages } from '../../src/web/routes.ts';
import { buildServer } from '../../src/http/server.ts';
import { evaluateAgainstReviews } from '../../src/services/eval-reviewed.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import type { AtlasStore, InstrumentSummary } from '../../src/storage/atlas-store.ts';
import { ENGINES, openTestAtlas } from '../support/engines.ts';

/** Two sightings of one memorandum that the extractor files under two titles, and a third. */
const SIGNED =
  'Joint communiqué\n\nOn 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.';
const CONCLUDED =
  'Statement\n\nSpain and Mauritania concluded a memorandum of understanding on migration cooperation in March 2025.';
const AGAIN =
  'Communiqué\n\nIn April 2025 Spain and Mauritania concluded a memorandum of understanding on migration cooperation.';
const LATER =
  'Note\n\nIn May 2025 Spain and Mauritania concluded a memorandum of understanding on migration cooperation.';
const AGREEMENT =
  'Press release\n\nThe readmission agreement between Spain and Mauritania was signed in 2003 in Madrid.';

async function files(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
  );
}

async function ingestText(store: AtlasStore, dir: string, name: string, text: string): Promise<string> {
  await writeFile(join(dir, name), text);
  const result = await ingestFile(join(dir, name), store);
  assert.equal(result.status, 'added', JSON.stringify(result));
  return result.documentId ?? '';
}

async function allInstruments(store: AtlasStore): Promise<readonly InstrumentSummary[]> {
  return (await store.listInstruments({}, { limit: 100, offset: 0 })).items;
}

const byTitle = (list: readonly InstrumentSummary[], title: string): InstrumentSummary => {
  const found = list.find((i) => i.title === title);
  assert.ok(found, `no instrument titled ${title}: ${list.map((i) => i.title).join(' | ')}`);
  return found;
};

for (const engine of ENGINES) {
  void describe(`merge, split and link (${engine})`, () => {
    void it('merges, redirects, remembers the merge, splits, links with evidence, scores reviews, round-trips', async () => {
      const work = await mkdtemp(join(tmpdir(), 'mda-curation-'));
      const test = await openTestAtlas(engine);
      const other = await openTestAtlas(engine === 'sqlite' ? 'postgres' : 'sqlite');
      const again = await openTestAtlas(engine);
      const { store } = test.atlas;
      try {
        await store.analyses.addWatch({
          id: 'mr-memoranda',
          name: 'Memoranda with Mauritania',
          country: 'MR',
          type: 'memorandum_of_understanding',
        });
        const signedDoc = await ingestText(store, work, 'signed.en.txt', SIGNED);
        const concludedDoc = await ingestText(store, work, 'concluded.en.txt', CONCLUDED);
        await ingestText(store, work, 'agreement.en.txt', AGREEMENT);
        const reviewer = await store.people.addUser(
          { email: 'rev@example.org', name: 'Rev', role: 'reviewer' },
          'cli',
        );
        const actor = `user:${reviewer.id}`;
        const before = await allInstruments(store);
        const keep = byTitle(
          before,
          'Memorandum of understanding Spain–Mauritania on return and readmission',
        );
        const duplicate = byTitle(before, 'Memorandum of understanding Spain–Mauritania');
        const agreement = byTitle(before, 'Readmission agreement Spain–Mauritania');
        const claimsBefore = (await store.stats()).claims;
        const duplicateClaims = (await store.getInstrument(duplicate.id)).claims.map((c) => c.id);

        // A link to the duplicate, asserted before the merge, follows it to the kept instrument.
        await store.curation.link(
          {
            from: duplicate.id,
            to: agreement.id,
            relation: 'tied_to_visa',
            approach: null,
            evidence: { kind: 'source', url: 'https://example.org/communique' },
            reason: 'the communiqué says so',
          },
          actor,
        );

        const hitsBefore = await store.analyses.watchHits({ watchId: 'mr-memoranda' });
        assert.deepEqual(hitsBefore.map((h) => h.instrumentId).sort(), [keep.id, duplicate.id].sort());
        const merged = await store.curation.merge(keep.id, duplicate.id, actor, 'the same memorandum');
        assert.deepEqual(merged, {
          kept: keep.id,
          merged: duplicate.id,
          claimsMoved: duplicateClaims.length,
          documents: 2,
        });
        const hitsAfter = await store.analyses.watchHits({ watchId: 'mr-memoranda' });
        assert.deepEqual(
          hitsAfter.map((h) => [h.instrumentId, h.documentId]).sort(),
          [
            [keep.id, signedDoc],
            [keep.id, concludedDoc],
          ].sort(),
          'the watch hits moved with the merge',
        );
        const after = await allInstruments(store);
        assert.equal(after.length, before.length - 1, 'the duplicate is no longer listed');
        assert.equal((await store.stats()).instruments, before.length - 1, 'nor counted');
        assert.equal((await store.stats()).claims, claimsBefore, 'no claim was deleted');
        const kept = await store.getInstrument(keep.id);
        for (const id of duplicateClaims) {
          assert.ok(
            kept.claims.some((c) => c.id === id),
            `claim ${id} moved to the kept instrument`,
          );
        }
        assert.deepEqual(kept.documents.map((d) => d.id).sort(), [concludedDoc, signedDoc].sort());
        assert.ok(
          kept.dates.some((d) => d.value === '2025-03'),
          "the duplicate's date is the kept one's now",
        );
        const redirected = await store.getInstrument(duplicate.id);
        assert.equal(redirected.id, keep.id);
        assert.equal(redirected.redirectedFrom, duplicate.id);
        assert.equal(await store.curation.redirect(duplicate.id), keep.id);
        assert.deepEqual(
          (await store.curation.mergedInto(keep.id)).map((m) => [m.mergedId, m.mergedBy, m.reason]),
          [[duplicate.id, actor, 'the same memorandum']],
        );
        const history = await store.people.history(
          { subjectKind: 'instrument', subjectId: duplicate.id },
          { limit: 10, offset: 0 },
        );
        const mergeEntry = history.items.find((c) => c.action === 'instrument.merge');
        assert.equal(mergeEntry?.actor, actor);
        assert.equal(mergeEntry?.reason, 'the same memorandum');
        assert.deepEqual(mergeEntry?.after, { mergedInto: keep.id, claims: duplicateClaims.length });
        const search = await store.search({ q: 'memorandum', kind: 'instrument' }, { limit: 10, offset: 0 });
        assert.ok(
          search.items.some((hit) => hit.id === keep.id),
          'the kept record is found',
        );
        assert.ok(
          search.items.every((hit) => hit.id !== duplicate.id),
          'the merged record left the search index',
        );
        await assert.rejects(store.curation.merge(keep.id, duplicate.id, actor, 'again'), /was merged into/);
        await assert.rejects(store.curation.merge(keep.id, keep.id, actor, 'self'), /into itself/);
        const cited = (await store.curation.links(keep.id)).find((l) => l.evidence.kind === 'source');
        assert.equal(cited?.from.id, keep.id, 'the link moved with the merge');

        // The old id answers with a permanent redirect, on the API (308) and the web page (301).
        const app = await buildServer({ store, pages: webPages, log: { level: 'silent' } });
        try {
          const host = { host: 'localhost' };
          const api = await app.inject({ url: `/api/instruments/${duplicate.id}`, headers: host });
          assert.equal(api.statusCode, 308, api.body);
          assert.equal(api.headers.location, `/api/instruments/${keep.id}`);
          const page = await app.inject({ url: `/instruments/${duplicate.id}?lang=fr`, headers: host });
          assert.equal(page.statusCode, 301, page.body);
          assert.equal(page.headers.location, `/instruments/${keep.id}?lang=fr`);
          const links = await app.inject({ url: `/api/instruments/${keep.id}/links`, headers: host });
          assert.equal(links.statusCode, 200, links.body);
          assert.equal(links.json<{ items: unknown[] }>().items.length, 1);
          const unknown = await app.inject({ url: '/api/instruments/ins_nothing/links', headers: host });
          assert.equal(unknown.statusCode, 404);
        } finally {
          await app.close();
        }

        // A later document naming the duplicate adds to the kept instrument; the same file is unchanged.
        const againDoc = await ingestText(store, work, 'again.en.txt', AGAIN);
        assert.equal(
          (await allInstruments(store)).length,
          before.length - 1,
          'the duplicate did not come back',
        );
        assert.ok((await store.getInstrument(keep.id)).documents.some((d) => d.id === againDoc));
        assert.equal((await ingestFile(join(work, 'concluded.en.txt'), store)).status, 'unchanged');

        // Split: the memorandum of the two "concluded" documents was another one after all.
        const claimsBeforeSplit = (await store.stats()).claims;
        const concluded = (await store.getInstrument(keep.id)).claims.filter(
          (c) => c.evidence.documentId !== signedDoc,
        );
        const split = await store.curation.split(
          keep.id,
          concluded.map((c) => c.id),
          actor,
          'two memoranda',
        );
        assert.equal(split.claimsMoved, concluded.length);
        const created = await store.getInstrument(split.created);
        assert.equal(created.title, 'Memorandum of understanding Spain–Mauritania');
        // Split back out, the instrument merged by mistake gets its id (and dedupe key) again.
        assert.equal(split.created, duplicate.id);
        assert.equal(created.redirectedFrom, undefined);
        assert.deepEqual(await store.curation.mergedInto(keep.id), []);
        assert.deepEqual(created.documents.map((d) => d.id).sort(), [againDoc, concludedDoc].sort());
        const source = await store.getInstrument(keep.id);
        assert.deepEqual(
          source.documents.map((d) => d.id),
          [signedDoc],
        );
        assert.equal(source.title, 'Memorandum of understanding Spain–Mauritania on return and readmission');
        assert.ok(source.claims.every((c) => c.evidence.documentId === signedDoc));
        assert.equal((await store.stats()).claims, claimsBeforeSplit, 'no claim was deleted by the split');
        const laterDoc = await ingestText(store, work, 'later.en.txt', LATER);
        assert.ok(
          (await store.getInstrument(duplicate.id)).documents.some((d) => d.id === laterDoc),
          'found again, it joins the instrument split back out, not the one it was merged into',
        );
        assert.ok(!(await store.getInstrument(keep.id)).documents.some((d) => d.id === laterDoc));
        await assert.rejects(
          store.curation.split(
            keep.id,
            source.claims.map((c) => c.id),
            actor,
            'all',
          ),
          /nothing would be left/,
        );
        await assert.rejects(
          store.curation.split(keep.id, [created.claims[0]!.id], actor, 'x'),
          /not a claim about/,
        );

        // A link with a document span as evidence: a links row backed by a claim.
        const text = (await store.getDocument(signedDoc)).text;
        const start = text.indexOf('On 12 March');
        const link = await store.curation.link(
          {
            from: keep.id,
            to: agreement.id,
            relation: 'implements',
            approach: null,
            evidence: { kind: 'document', documentId: signedDoc, start, end: text.length },
            reason: null,
          },
          actor,
        );
        assert.equal(link.relation, 'implements');
        assert.deepEqual(link.evidence, {
          kind: 'document',
          documentId: signedDoc,
          documentTitle: (await store.getDocument(signedDoc)).title,
          // Always beside the title: it names the document when it has no title of its own.
          documentFileName: 'signed.en.txt',
          span: { start, end: text.length },
          quote: text.slice(start),
          assertedBy: `reviewer:${reviewer.id}`,
          reviewState: 'confirmed',
        });
        assert.ok(
          (await store.curation.links(agreement.id)).some((l) => l.id === link.id),
          'seen from both ends',
        );
        await assert.rejects(
          store.curation.link(
            {
              from: keep.id,
              to: agreement.id,
              relation: 'implements',
              approach: null,
              evidence: { kind: 'document', documentId: signedDoc, start: 0, end: text.length + 5 },
              reason: null,
            },
            actor,
          ),
          /past its end/,
        );

        // A seeded review, scored by the current extractor over the stored texts.
        const claims = (await store.getInstrument(keep.id)).claims;
        const claim = (property: string) => {
          const found = claims.find(
            (c) => c.property === property && c.evidence.reviewState === 'unreviewed',
          );
          assert.ok(found, `a ${property} claim`);
          return found;
        };
        await store.review.accept(claim('type').id, actor);
        await store.review.accept(claim('party').id, actor);
        await store.review.reject(claim('topic').id, actor, 'not what it is about');
        await store.review.correct(
          claim('date').id,
          { value: '2025-03-13', precision: 'day', role: 'signature' },
          actor,
        );
        const scores = await evaluateAgainstReviews(store);
        const field = (name: string) => scores.fields.find((f) => f.field === name);
        assert.deepEqual(
          scores.fields.map((f) => f.field),
          ['type', 'party', 'topic', 'date'],
        );
        assert.equal(field('type')?.precision, 1);
        assert.equal(field('type')?.recall, 1);
        assert.equal(field('party')?.truePositives, 1);
        assert.deepEqual(
          [field('topic')?.falsePositives, field('topic')?.precision, field('topic')?.recall],
          [1, 0, null],
        );
        assert.deepEqual(
          [
            field('date')?.gold,
            field('date')?.wrong,
            field('date')?.truePositives,
            field('date')?.falsePositives,
            field('date')?.falseNegatives,
          ],
          [1, 1, 0, 1, 1],
        );
        assert.deepEqual(
          [scores.all.truePositives, scores.all.falsePositives, scores.all.falseNegatives],
          [2, 2, 1],
        );
        assert.equal(scores.documents, 1);

        // Export, import into the other engine, export again: identical, merges and links included.
        await store.exportTo(join(work, 'a'));
        const exported = await files(join(work, 'a'));
        assert.ok(
          exported['instrument_merges.jsonl']?.includes(duplicate.id),
          Object.keys(exported).join(' '),
        );
        assert.ok(exported['cited_links.csv']?.includes('https://example.org/communique'));
        await other.atlas.store.importFrom(join(work, 'a'));
        await other.atlas.store.exportTo(join(work, 'b'));
        assert.deepEqual(await files(join(work, 'b')), exported);
        await again.atlas.store.importFrom(join(work, 'b'));
        await again.atlas.store.exportTo(join(work, 'c'));
        assert.deepEqual(await files(join(work, 'c')), exported);
        assert.deepEqual(
          (await again.atlas.store.curation.links(keep.id)).map((l) => l.id),
          (await store.curation.links(keep.id)).map((l) => l.id),
          'the links travel',
        );
      } finally {
        await Promise.all([test.dispose(), other.dispose(), again.dispose()]);
        await rm(work, { recursive: true, force: true });
      }
    });
  });
}
