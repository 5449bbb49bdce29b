/**
 * The analyses through the store, on both engines: the real corpus ingested into a fresh atlas, then the
 * comparison, coordination, commitment tracker, indicators and conditionality read back from the
 * stored rows; watches fire on ingestion of a matching document and not on another one.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { parseIndicatorInput } from '../../src/analysis/indicators.ts';
import { parseWatch } from '../../src/analysis/watches.ts';
import { AtlasError } from '../../src/domain/errors.ts';
import {
  commitmentTracker,
  comparison,
  conditionality,
  consistency,
  coordination,
  indicators,
} from '../../src/services/analyses.ts';
import { builtInCorpusFiles } from '../../src/services/corpus.ts';
import { ingestFile, ingestPaths } from '../../src/services/ingest.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { openTestAtlas, describeOnEachEngine } from '../support/engines.ts';
import { reanalyseDocuments } from '../../src/services/reanalyse.ts';

/** A member state's programme in Mali, so the coordination view has more than the EU. */
const FRANCE_MALI = [
  'France and Mali: co-development',
  '',
  'France has committed EUR 12 million to the France–Mali co-development programme for the Malian diaspora.',
].join('\n');

const MAURITANIA_RETURN = [
  'Joint communiqué',
  '',
  'On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants, with reintegration support.',
].join('\n');

const KENYA_LABOUR = [
  'Press note',
  '',
  'On 3 April 2025, Germany and Kenya signed a labour mobility agreement on skilled workers and vocational training.',
].join('\n');

describeOnEachEngine(
  'analyses stored at ingestion',
  (engine) => {
    let dir: string;
    let store: AtlasStore;
    let atlas: OpenAtlas;
    let dispose: () => Promise<void>;
    let emnId = '';
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-analyses-'));
      ({ atlas, dispose } = await openTestAtlas(engine));
      store = atlas.store;
      const batch = await ingestPaths(await builtInCorpusFiles(), store);
      assert.ok(batch.results.every((r) => r.status === 'added'));
      emnId = batch.results.find((r) => r.file.includes('emn-oecd'))?.documentId ?? '';
      await writeFile(join(dir, 'france-mali.en.txt'), FRANCE_MALI);
      assert.equal((await ingestFile(join(dir, 'france-mali.en.txt'), store)).status, 'added');
    });
    after(async () => {
      await dispose();
      await rm(dir, { recursive: true, force: true });
    });

    void it("reproduces the inform's counts and lists from its footnotes", async () => {
      const c = await comparison(store, { question: 'use migration diplomacy at national level' });
      assert.equal(c.count, 17);
      assert.deepEqual(c.countries, 'AT BE CY CZ DE ES FR GE HU IE LT MT NL SE SI SK UA'.split(' '));
      assert.deepEqual(c.statedCounts, [17]);
      const at = c.evidence.find((e) => e.country === 'AT');
      assert.ok(at?.evidence.some((e) => e.documentId === emnId && e.quote === 'AT'));
      const not = await comparison(store, {
        question: 'migration diplomacy is not a prominent part of international migration affairs',
        stance: 'no',
      });
      assert.deepEqual(not.countries, ['EE', 'FI', 'LU', 'LV', 'MT', 'PL', 'PT']);
      assert.deepEqual([...not.statedCounts].sort(), [6, 7]);
      const questions = await store.analyses.questions();
      const national = questions.find((q) =>
        q.question.startsWith('use migration diplomacy at national level'),
      );
      assert.equal(national?.countries, 17);
      assert.deepEqual(national?.stated, [17]);
    });

    void it('answers an instrument comparison (special envoys) from the stored instruments', async () => {
      const c = await comparison(store, { types: ['envoy'], label: 'use special envoys' });
      assert.ok(c.count >= 3, `envoys: ${c.countries.join(' ')}`);
      assert.ok(['BE', 'DE'].every((code) => c.countries.includes(code)));
    });

    void it('finds the consistency cases of the stored inform, with quotes and counts', async () => {
      const { findings } = await consistency(store, emnId);
      const conflict = findings.find((f) => f.kind === 'conflicting_counts' && f.counts?.includes(7));
      assert.deepEqual([...(conflict?.counts ?? [])].sort(), [6, 7]);
      assert.ok(findings.some((f) => f.kind === 'both_sides' && f.countries?.includes('MT')));
      await assert.rejects(consistency(store, 'doc_0000000000000000'), (e) => e instanceof AtlasError);
    });

    void it('gives the coordination view for Mali: the EU and France with their money, gaps from the roadmap', async () => {
      const view = await coordination(store, 'ML');
      const eu = view.actors.find((a) => a.actorId === 'EU');
      assert.ok(eu, 'the EU is active in Mali');
      // The Trust Fund's 145.1 million is counted once (53.6 M + 91.5 M are its breakdown).
      assert.equal(eu.money.EUR, 145_100_000);
      assert.ok(eu.instruments.some((i) => /Trust Fund/i.test(i.title)));
      const france = view.actors.find((a) => a.actorId === 'FR');
      assert.equal(france?.money.EUR, 12_000_000);
      assert.equal(view.totals.EUR, 157_100_000);
      assert.ok(view.gaps.some((g) => g.topic === 'border_management'));
    });

    void it('tracks the Mali communiqué: priority areas, concertation structure, next dialogue before September 2017', async () => {
      const june = await commitmentTracker(store, { country: 'ML', today: '2017-06-01' });
      assert.equal(june.priorities.length, 5);
      assert.deepEqual(
        june.priorities.map((p) => p.topics[0]),
        [
          'root_causes_development',
          'civil_registry',
          'border_management',
          'protection',
          'return_readmission',
        ],
      );
      assert.ok(june.commitments.some((c) => /structure appropriée de concertation locale/.test(c.text)));
      assert.equal(june.nextDialogue?.deadline?.value, '2017-09');
      assert.equal(june.nextDialogue?.deadline?.inclusive, false);
      assert.equal(june.nextDialogue?.overdue, false);
      const id = june.nextDialogue?.id ?? '';
      const september = await commitmentTracker(store, { country: 'ML', today: '2017-09-01' });
      assert.equal(september.nextDialogue?.overdue, true);
      // A user marks it done: the status is stored, with its history, and it is no longer overdue.
      await store.analyses.setCommitmentStatus(id, 'done', 'user:test', 'held in July 2017');
      const later = await commitmentTracker(store, { country: 'ML', today: '2017-10-01' });
      assert.equal(later.overdue, 0);
      assert.equal(later.commitments.find((c) => c.id === id)?.status, 'done');
      const history = await store.analyses.commitmentHistory(id);
      assert.deepEqual(
        history.map((h) => [h.previous, h.status, h.changedBy]),
        [['open', 'done', 'user:test']],
      );
      await assert.rejects(store.analyses.setCommitmentStatus('st_nope', 'done', 'user:test'), /not found/);
    });

    void it("keeps Georgia's visa-free series with sources, and a user's value with who entered it", async () => {
      const before = await indicators(store, { country: 'GE' });
      const visa = before.find((s) => s.indicator.includes('visa-free'));
      assert.deepEqual(
        visa?.values.map((v) => [v.date, v.value]),
        [
          ['2020', 65],
          ['2024', 74],
        ],
      );
      await store.analyses.addIndicator(
        parseIndicatorInput({
          indicator: 'countries allowing visa-free travel for Georgian citizens',
          value: 76,
          unit: 'count',
          date: '2025',
          country: 'GE',
          enteredBy: 'analyst',
          note: 'Ministry of Foreign Affairs of Georgia, 2025',
        }),
      );
      const after = (await indicators(store, { country: 'GE' })).find((s) =>
        s.indicator.includes('visa-free'),
      );
      assert.deepEqual(
        after?.values.map((v) => v.value),
        [65, 74, 76],
      );
      const entered = after?.values[2]?.source;
      assert.ok(entered && 'enteredBy' in entered && entered.enteredBy === 'analyst');
      const stored = await store.analyses.indicators({ country: 'GE' });
      assert.ok(stored.some((v) => v.assertedBy === 'user:analyst'));
    });

    void it('builds the conditionality timeline of the six countries the inform names', async () => {
      const timelines = await conditionality(store, {});
      for (const country of ['BD', 'IQ', 'GM', 'SN', 'ET', 'SO']) {
        const t = timelines.find((x) => x.country === country);
        assert.ok(
          t?.steps.some((s) => s.kind === 'proposal' && s.legalBasis === 'Visa Code art. 25a'),
          country,
        );
        assert.ok(t?.steps.every((s) => s.source.documentId === emnId));
      }
      const spain = await conditionality(store, { country: 'ES' });
      assert.ok(
        spain[0]?.approaches.some((a) => a.approach === 'negative_conditionality' && a.stance === 'opposes'),
      );
    });

    void it('fires a watch on a matching document and not on another one', async () => {
      await store.analyses.addWatch(
        parseWatch({
          id: 'mr-return',
          name: 'new instrument with Mauritania on return',
          country: 'MR',
          topic: 'return_readmission',
        }),
      );
      await writeFile(join(dir, 'kenya.en.txt'), KENYA_LABOUR);
      await writeFile(join(dir, 'mauritania.en.txt'), MAURITANIA_RETURN);
      const other = await ingestFile(join(dir, 'kenya.en.txt'), store);
      assert.equal(other.status, 'added');
      assert.equal(other.watchHits, undefined);
      const matching = await ingestFile(join(dir, 'mauritania.en.txt'), store);
      assert.equal(matching.watchHits?.length, 1);
      assert.deepEqual(matching.watchHits?.[0]?.reasons, ['country MR', 'topic return_readmission']);
      const hits = await store.analyses.watchHits({ watchId: 'mr-return' });
      assert.equal(hits.length, 1);
      assert.equal(hits[0]?.documentId, matching.documentId);
      assert.equal(await store.analyses.markHitsSeen('mr-return'), 1);
      assert.equal((await store.analyses.watchHits({ unseen: true })).length, 0);
      await assert.rejects(
        store.analyses.addWatch(parseWatch({ id: 'mr-return', name: 'again', country: 'MR' })),
        /already exists/,
      );
      await store.analyses.removeWatch('mr-return');
      assert.deepEqual(await store.analyses.listWatches(), []);
    });
    void it('analyses documents stored without analyses, keeping what users entered', async () => {
      assert.deepEqual(await store.analyses.pendingDocuments(), []);
      // As if the inform had been stored before the analyses existed.
      await atlas.db.deleteFrom('country_positions').where('document_id', '=', emnId).execute();
      await atlas.db.deleteFrom('count_claims').where('document_id', '=', emnId).execute();
      await atlas.db.deleteFrom('analysed_documents').where('document_id', '=', emnId).execute();
      assert.equal(
        (await comparison(store, { question: 'use migration diplomacy at national level' })).count,
        0,
      );
      assert.deepEqual(await store.analyses.pendingDocuments(), [emnId]);
      assert.deepEqual(await reanalyseDocuments(store), { analysed: [emnId], failed: [] });
      assert.equal(
        (await comparison(store, { question: 'use migration diplomacy at national level' })).count,
        17,
      );
      assert.deepEqual(await store.analyses.pendingDocuments(), []);
      // Running again over every document replaces extracted rows only: no duplicates, user values kept.
      const before = (await store.analyses.positions()).length;
      const userValues = (await store.analyses.indicators()).filter((v) =>
        v.assertedBy.startsWith('user:'),
      ).length;
      await reanalyseDocuments(
        store,
        (await store.listDocuments({ limit: 100, offset: 0 })).items.map((d) => d.id),
      );
      assert.equal((await store.analyses.positions()).length, before);
      // A document that cannot be analysed is reported and does not stop the others.
      const partial = await reanalyseDocuments(store, ['doc_missing', emnId]);
      assert.deepEqual(partial.analysed, [emnId]);
      assert.equal(partial.failed[0]?.documentId, 'doc_missing');
      assert.match(partial.failed[0]?.error.message ?? '', /doc_missing/);
      assert.equal(
        (await store.analyses.indicators()).filter((v) => v.assertedBy.startsWith('user:')).length,
        userValues,
      );
      const mali = await commitmentTracker(store, { country: 'ML', today: '2017-10-01' });
      assert.equal(mali.nextDialogue?.deadline?.value, '2017-09');
    });
  },
  (engine) => `analyses stored at ingestion on ${engine}`,
);
