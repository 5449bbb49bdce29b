/**
 * Migrations 1600 and 1601 on an atlas stored before them, on both engines (a SQLite file or a
 * fresh PostgreSQL database, migrated to 0900, rows written the old way, then opened as the atlas
 * opens it): the old "largest equals the sum of
 * the rest" reading becomes stored roles, and the `AU` that meant the African Union becomes
 * `org:AU` while Australia keeps `AU`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { openAtlas, type OpenOptions } from '../../src/storage/database.ts';
import { atlasMigrations } from '../../src/storage/migrations/index.ts';
import type { Database } from '../../src/storage/schema.ts';
import { writtenAtlas, testEngines, type Engine } from '../support/engines.ts';

const NOW = '2026-01-01T00:00:00Z';

async function writeOldAtlas(db: Kysely<Database>, engine: Engine): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: (): Promise<Record<string, Migration>> => Promise.resolve(atlasMigrations(engine)),
  };
  const { error } = await new Migrator({ db, provider }).migrateTo('0900_people');
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration to 0900 failed');
  await db
    .insertInto('documents')
    .values({
      id: 'doc_old',
      content_hash: 'h',
      title: 'Old',
      source_path: 'old.txt',
      format: 'text',
      language: 'en',
      text: 'x',
      byte_size: 1,
      char_count: 1,
      extractor: 'extractor:old',
      ingested_at: NOW,
    })
    .execute();
  // Before 1601 the registry wrote the African Union as `AU`.
  await db
    .insertInto('actors')
    .values([
      {
        id: 'AU',
        kind: 'organization',
        name_en: 'African Union',
        name_fr: 'Union africaine',
        adjective_en: null,
        adjective_fr: null,
      },
      {
        id: 'EU',
        kind: 'organization',
        name_en: 'European Union',
        name_fr: 'Union européenne',
        adjective_en: null,
        adjective_fr: null,
      },
    ])
    .execute();
  const claim = async (subject: string, property: string, value: unknown, quote: string) => {
    const row = await db
      .insertInto('claims')
      .values({
        subject_kind: 'instrument',
        subject_id: subject,
        property,
        value: JSON.stringify(value),
        document_id: 'doc_old',
        span_start: 0,
        span_end: 1,
        quote,
        asserted_by: 'extractor:old',
        review_state: 'unreviewed',
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  for (const [id, title] of [
    ['ins_au_eu', 'AU–EU partnership'],
    ['ins_palm', 'Pacific labour scheme'],
  ] as const) {
    await db
      .insertInto('instruments')
      .values({
        id,
        dedupe_key: id,
        type: 'programme',
        title,
        legal_form: 'other',
        binding: null,
        status: 'unknown',
        first_date: null,
        first_year: null,
        created_at: NOW,
      })
      .execute();
  }
  await db
    .insertInto('instrument_parties')
    .values([
      {
        instrument_id: 'ins_au_eu',
        actor_id: 'AU',
        role: 'partner',
        claim_id: await claim('ins_au_eu', 'party', { actorId: 'AU', role: 'partner' }, 'African Union'),
      },
      {
        instrument_id: 'ins_au_eu',
        actor_id: 'EU',
        role: 'donor',
        claim_id: await claim('ins_au_eu', 'party', { actorId: 'EU', role: 'donor' }, 'EU'),
      },
      {
        instrument_id: 'ins_palm',
        actor_id: 'AU',
        role: 'implementer',
        claim_id: await claim('ins_palm', 'party', { actorId: 'AU', role: 'implementer' }, "Australia's"),
      },
    ])
    .execute();
  const amount = async (value: number) => ({
    instrument_id: 'ins_au_eu',
    value,
    currency: 'EUR',
    approximate: 0,
    claim_id: await claim(
      'ins_au_eu',
      'amount',
      { value, currency: 'EUR', approximate: false },
      String(value),
    ),
  });
  await db
    .insertInto('instrument_amounts')
    .values([await amount(100), await amount(60), await amount(40)])
    .execute();
}

for (const engine of testEngines()) {
  void describe(`migrations 1600 (amount roles), 1601 (actor ids) and 1602 (statuses) on an old atlas (${engine})`, () => {
    let dir = '';
    let target: OpenOptions = {};
    let drop = async (): Promise<void> => {};
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-migrate-'));
      ({ target, drop } = await writtenAtlas(engine, dir, (db) => writeOldAtlas(db, engine)));
    });
    after(async () => {
      await drop();
      await rm(dir, { recursive: true, force: true });
    });

    void it('rewrites the ids and the roles when the atlas opens', async () => {
      const atlas = await openAtlas(target);
      try {
        assert.ok(atlas.migrated.includes('1600_amount_roles'));
        assert.ok(atlas.migrated.includes('1601_actor_ids'));
        // 1602: the old "unknown" status is "not stated".
        const statuses = await atlas.db.selectFrom('instruments').select('status').distinct().execute();
        assert.deepEqual(statuses, [{ status: 'not_stated' }]);
        const parties = await atlas.db
          .selectFrom('instrument_parties')
          .select(['instrument_id', 'actor_id'])
          .orderBy('instrument_id')
          .orderBy('actor_id')
          .execute();
        assert.deepEqual(
          parties.map((p) => `${p.instrument_id}:${p.actor_id}`),
          ['ins_au_eu:EU', 'ins_au_eu:org:AU', 'ins_palm:AU'],
        );
        const actors = await atlas.db
          .selectFrom('actors')
          .select(['id', 'kind', 'name_en'])
          .where('id', 'in', ['AU', 'org:AU'])
          .orderBy('id')
          .execute();
        assert.deepEqual(actors, [
          { id: 'AU', kind: 'state', name_en: 'Australia' },
          { id: 'org:AU', kind: 'organization', name_en: 'African Union' },
        ]);
        const claim = await atlas.db
          .selectFrom('claims')
          .select('value')
          .where('quote', '=', 'African Union')
          .executeTakeFirstOrThrow();
        assert.deepEqual(JSON.parse(claim.value), { actorId: 'org:AU', role: 'partner' });
        const amounts = await atlas.db
          .selectFrom('instrument_amounts')
          .select(['value', 'role', 'part_of'])
          .orderBy('value', 'desc')
          .execute();
        assert.deepEqual(amounts, [
          { value: 100, role: 'total', part_of: null },
          { value: 60, role: 'part', part_of: 100 },
          { value: 40, role: 'part', part_of: 100 },
        ]);
        const detail = await atlas.store.listInstruments({ party: 'org:AU' }, { limit: 10, offset: 0 });
        assert.deepEqual(
          detail.items.map((i) => [i.id, i.moneyTotals]),
          [['ins_au_eu', { EUR: 100 }]],
        );
      } finally {
        await atlas.store.close();
      }
    });
  });
}
