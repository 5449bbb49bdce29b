/**
 * The public viewer's reads while records are restricted, on both engines, on a synthetic atlas of
 * 600 instruments (bench/synthetic-atlas.ts, the benchmark's rows): the list pages (shallow and deep,
 * the deep ones read by id after the index skipped the offset), their totals, the statistics, one
 * instrument's fields and evidence show exactly what the operator sees minus the hidden records,
 * in the same order; and the visibility rule is applied once to a query that embeds another
 * filtered query (a second pass used to filter the rule's own lookups again).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSyntheticAtlas, buildSyntheticPostgres } from '../../bench/synthetic-atlas.ts';
import { AtlasError } from '../../src/domain/errors.ts';
import { EVERYTHING, PUBLIC_VIEWER } from '../../src/domain/viewer.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';
import { listHidden, withVisibility } from '../../src/storage/store/visibility.ts';
import { queryInstruments } from '../../src/storage/queries/instrument-list.ts';
import { createTestDatabase, testEngines, type Engine } from '../support/engines.ts';

const SIZE = { instruments: 600, documents: 6 };

/** A synthetic atlas on the engine, and the way to dispose of it. */
async function syntheticAtlas(engine: Engine) {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'mda-public-reads-'));
    const { atlas } = await buildSyntheticAtlas(join(dir, 'atlas.sqlite'), SIZE);
    return {
      atlas,
      dispose: async () => {
        await atlas.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase();
  const { atlas } = await buildSyntheticPostgres(database.url, SIZE);
  return {
    atlas,
    dispose: async () => {
      await atlas.store.close();
      await database.drop();
    },
  };
}

/** Every instrument id in the list's default order, page by page (50 a page: deep pages too). */
async function allPages(store: AtlasStore): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  for (let offset = 0; offset < SIZE.instruments; offset += 50) {
    const page = await store.queries.instruments({}, { limit: 50, offset });
    ids.push(...page.items.map((item) => item.id));
    totals.push(page.total);
  }
  return { ids, totals };
}

for (const engine of testEngines()) {
  void describe(`the public viewer's reads with restricted records (${engine})`, () => {
    void it('shows exactly the operator’s atlas minus the hidden records, in the same order', async () => {
      const { atlas, dispose } = await syntheticAtlas(engine);
      const { store, db } = atlas;
      try {
        const organisation = await store.people.addOrganisation('Interior ministry', 'cli');
        const operator = await allPages(store);
        // Pages from offset 200 on are read by id after the sort index skipped the offset: the same
        // order as one statement over every instrument.
        const ordered = await db
          .selectFrom('instruments')
          .select('id')
          .orderBy('first_date', 'desc')
          .orderBy('id', 'desc')
          .execute();
        assert.deepEqual(
          operator.ids,
          ordered.map((row) => row.id),
        );
        // Each synthetic instrument is known from one document: restricting doc_syn_1 hides those.
        const fromSecret = new Set(
          (
            await db
              .selectFrom('instrument_documents')
              .select('instrument_id')
              .where('document_id', '=', 'doc_syn_1')
              .execute()
          ).map((row) => row.instrument_id),
        );
        assert.ok(fromSecret.size > 50, `${fromSecret.size} instruments from doc_syn_1`);
        const restrictedInstrument = operator.ids.find((id) => !fromSecret.has(id)) ?? '';
        // A visible instrument with a restricted party claim: the party must go with its claim.
        const shown = operator.ids.filter((id) => !fromSecret.has(id) && id !== restrictedInstrument);
        const witness = shown[260] ?? '';
        const partyClaim = await db
          .selectFrom('instrument_parties')
          .select(['claim_id', 'actor_id'])
          .where('instrument_id', '=', witness)
          .executeTakeFirstOrThrow();
        await store.restrictions.set('document', 'doc_syn_1', organisation.id, 'cli', 'test');
        await store.restrictions.set('instrument', restrictedInstrument, organisation.id, 'cli', 'test');
        await store.restrictions.set('claim', String(partyClaim.claim_id), organisation.id, 'cli', 'test');

        const seen = await store.actingAs(PUBLIC_VIEWER, () => allPages(store));
        assert.deepEqual(seen.ids, shown, 'the same order, without the hidden instruments');
        assert.deepEqual(new Set(seen.totals), new Set([shown.length]), 'totals count only what is shown');
        const stats = await store.actingAs(PUBLIC_VIEWER, () => store.stats());
        assert.equal(stats.instruments, shown.length);
        const allStats = await store.actingAs(EVERYTHING, () => store.stats());
        assert.equal(allStats.instruments, SIZE.instruments);
        assert.ok(stats.claims < allStats.claims);

        await store.actingAs(PUBLIC_VIEWER, async () => {
          const instrument = await store.getInstrument(witness);
          const complete = await store.actingAs(EVERYTHING, () => store.getInstrument(witness));
          assert.equal(
            instrument.parties.length,
            complete.parties.length - 1,
            'the restricted claim’s party row is hidden',
          );
          assert.equal(
            instrument.claims.some((claim) => claim.id === partyClaim.claim_id),
            false,
            'the restricted claim is not evidence for the public',
          );
          for (const hidden of [restrictedInstrument, [...fromSecret][0] ?? '']) {
            await assert.rejects(
              store.getInstrument(hidden),
              (error: unknown) => error instanceof AtlasError && error.code === 'not_found',
            );
            assert.deepEqual(await store.listClaims('instrument', hidden), []);
          }
        });
        const complete = await store.actingAs(EVERYTHING, () => store.getInstrument(witness));
        assert.ok(complete.claims.some((claim) => claim.id === partyClaim.claim_id));

        // The rule is applied once to a filtered query that embeds another filtered one.
        const visible = withVisibility(db, () => PUBLIC_VIEWER);
        const embedded = (inner: typeof db) =>
          visible
            .selectFrom('instruments')
            .select('id')
            .where('id', 'in', inner.selectFrom('instrument_parties').select('instrument_id'))
            .compile().sql;
        assert.equal(embedded(visible), embedded(db));

        // The hidden documents and instruments listed once per data version (what a request does
        // before its reads): the statements bind the lists, and every answer stays the same.
        const lists = await listHidden(db, [], 'test');
        assert.ok(lists !== undefined);
        assert.deepEqual(lists.documents, ['doc_syn_1']);
        assert.equal(lists.instruments.length, fromSecret.size + 1);
        const listed = withVisibility(
          db,
          () => PUBLIC_VIEWER,
          () => lists,
        );
        assert.notEqual(embedded(listed), embedded(visible), 'the lists are bound, not the lookups');
        const country = partyClaim.actor_id;
        for (const filter of [{}, { country }, { country, from: 2000 }]) {
          for (const page of [
            { limit: 50, offset: 0 },
            { limit: 50, offset: 250 },
          ]) {
            assert.deepEqual(
              await queryInstruments(listed, filter, page),
              await queryInstruments(visible, filter, page),
              `${JSON.stringify(filter)} at ${page.offset}`,
            );
          }
        }
        await store.restrictions.prepareViewer(PUBLIC_VIEWER);
        const prepared = await store.actingAs(PUBLIC_VIEWER, () => allPages(store));
        assert.deepEqual(prepared, seen, 'the store’s reads after listing: the same pages and totals');
        await store.actingAs(PUBLIC_VIEWER, async () => {
          const instrument = await store.getInstrument(witness);
          assert.equal(
            instrument.claims.some((claim) => claim.id === partyClaim.claim_id),
            false,
          );
        });
        // A restriction set after the listing is seen at once: the lists are of the version before.
        await store.restrictions.set('instrument', witness, organisation.id, 'cli', 'test');
        await store.actingAs(PUBLIC_VIEWER, async () => {
          await assert.rejects(
            store.getInstrument(witness),
            (error: unknown) => error instanceof AtlasError && error.code === 'not_found',
          );
          const page = await store.queries.instruments({}, { limit: 50, offset: 0 });
          assert.equal(page.total, shown.length - 1);
        });
        await store.restrictions.prepareViewer(PUBLIC_VIEWER);
        await store.actingAs(PUBLIC_VIEWER, async () => {
          const page = await store.queries.instruments({}, { limit: 50, offset: 0 });
          assert.equal(page.total, shown.length - 1);
          assert.equal(
            page.items.some((item) => item.id === witness),
            false,
          );
        });
      } finally {
        await dispose();
      }
    });
  });
}
