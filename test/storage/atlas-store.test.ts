/**
 * The store on both engines (a real SQLite file, a fresh PostgreSQL database): one transaction per
 * document (a write failing mid-document leaves the database as it was), deduplication of documents,
 * merging of the same instrument found in two documents, confidences and links; and, on the SQLite
 * file only, its migrations and pragmas.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ExtractedDocument, InstrumentCandidate } from '../../src/extraction/types.ts';
import { openAtlasDatabase } from '../../src/storage/database.ts';
import type { OpenAtlas, SqliteAtlas } from '../../src/storage/database.ts';
import { atlasMigrations } from '../../src/storage/migrations/index.ts';
import { extractFile } from '../../src/services/extract-file.ts';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { documentAnalyser } from '../../src/services/ingest.ts';
import { openTestAtlas, testEngines } from '../support/engines.ts';

const MALI = join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt');

const TABLES = [
  'documents',
  'claims',
  'instruments',
  'instrument_parties',
  'instrument_topics',
  'instrument_dates',
  'instrument_amounts',
  'instrument_documents',
  'statements',
  'events',
  'links',
  'document_mentions',
] as const;

async function tableCounts(atlas: OpenAtlas): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await atlas.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

void describe('atlas store on a SQLite file', () => {
  let dir: string;
  let atlas: SqliteAtlas;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-store-'));
    atlas = await openAtlasDatabase({ dataDir: dir });
  });
  after(async () => {
    await atlas.store.close();
    await rm(dir, { recursive: true, force: true });
  });

  void it('creates atlas.sqlite in the data folder, migrated, in WAL mode with foreign keys', async () => {
    assert.equal(atlas.file, join(dir, 'atlas.sqlite'));
    const migrations = atlas.raw.prepare('select name from kysely_migration order by name').all() as {
      name: string;
    }[];
    assert.deepEqual(
      migrations.map((m) => m.name),
      Object.keys(atlasMigrations('sqlite')).sort(),
    );
    assert.equal(migrations[0]?.name, '0001_initial');
    assert.equal(atlas.raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(atlas.raw.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(atlas.raw.pragma('synchronous', { simple: true }), 1);
    assert.equal(atlas.raw.pragma('busy_timeout', { simple: true }), 5000);
    const actors = await atlas.store.listActors();
    assert.ok(actors.some((a) => a.id === 'ML' && a.kind === 'state' && a.name.fr === 'Mali'));
    assert.ok(actors.some((a) => a.id === 'EU' && a.kind === 'organization'));
    // Reopening runs no migration twice and keeps the data.
    const again = await openAtlasDatabase({ dataDir: dir });
    assert.equal(
      (again.raw.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n,
      migrations.length,
    );
    await again.store.close();
  });
});

for (const engine of testEngines()) {
  void describe(`atlas store on ${engine}`, () => {
    let atlas: OpenAtlas;
    let dispose: () => Promise<void>;

    before(async () => {
      ({ atlas, dispose } = await openTestAtlas(engine));
    });
    after(async () => {
      await dispose();
    });

    void it('rolls back a document whose write fails mid-way, leaving the database as it was', async () => {
      const { document, extracted } = await extractFile(MALI);
      assert.ok(extracted.instruments.length >= 1, 'the Mali communiqué yields at least one instrument');
      const before = await tableCounts(atlas);
      // An extra instrument whose party has a NULL role: its instrument_parties INSERT fails after the
      // document row, the claims and the earlier instruments were written, so only a rollback can
      // restore the counts.
      const last = extracted.instruments.at(-1)!;
      const party = {
        start: last.start,
        end: last.end,
        quote: last.quote,
        actorId: 'ML',
        role: null as unknown as 'signatory',
      };
      const broken: InstrumentCandidate = { ...last, type: 'fund', parties: [party] };
      const failing: ExtractedDocument = { ...extracted, instruments: [...extracted.instruments, broken] };
      await assert.rejects(
        atlas.store.saveExtraction(document, failing, documentAnalyser(document, failing)),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, 'storage_failure');
          assert.match(error.message, /mali-eu-high-level-dialogue-2016\.fr\.txt: could not be stored/);
          return true;
        },
      );
      assert.deepEqual(await tableCounts(atlas), before);
      // The same document then goes in cleanly.
      const saved = await atlas.store.saveExtraction(
        document,
        extracted,
        documentAnalyser(document, extracted),
      );
      assert.equal(saved.status, 'added');
    });

    void it('stores the same content once and merges an instrument found in two documents', async () => {
      const { document, extracted } = await extractFile(MALI);
      const again = await atlas.store.saveExtraction(
        document,
        extracted,
        documentAnalyser(document, extracted),
      );
      assert.equal(again.status, 'unchanged');
      const counts = await tableCounts(atlas);

      // A second document naming the same instruments (same text plus a line) merges into the same rows.
      const copy = {
        ...document,
        path: 'copy-of-mali.txt',
        title: 'Copy',
        text: `${document.text}\n\nCopie.`,
      };
      const saved = await atlas.store.saveExtraction(copy, extracted, documentAnalyser(copy, extracted));
      assert.equal(saved.status, 'added');
      assert.equal(saved.counts.instrumentsAdded, 0);
      assert.equal(saved.counts.instrumentsMerged, counts.instruments);
      const after = await tableCounts(atlas);
      assert.equal(after.instruments, counts.instruments);
      assert.equal(after.documents, counts.documents! + 1);
      assert.equal(after.instrument_documents, counts.instrument_documents! * 2);

      const page = await atlas.store.listInstruments({}, { limit: 100, offset: 0 });
      const detail = await atlas.store.getInstrument(page.items[0]!.id);
      assert.equal(detail.documents.length, 2);
      const claimDocuments = new Set(detail.claims.map((c) => c.evidence.documentId));
      assert.equal(claimDocuments.size, 2, 'claims from each document');
    });

    void it('stores the confidence of every extracted claim (migration 0300) and returns it with the claims', async () => {
      const claims = (await atlas.db.introspection.getTables()).find((t) => t.name === 'claims');
      const confidence = claims?.columns.find((c) => c.name === 'confidence');
      // A nullable double on both engines (PostgreSQL: migration 0402).
      assert.deepEqual(
        [confidence?.dataType.toLowerCase(), confidence?.isNullable],
        [engine === 'postgres' ? 'float8' : 'real', true],
      );
      const { document, extracted } = await extractFile(MALI);
      await atlas.store.saveExtraction(document, extracted, documentAnalyser(document, extracted));
      const rows = await atlas.db
        .selectFrom('claims')
        .select(['property', 'confidence'])
        .where('subject_kind', '=', 'instrument')
        .execute();
      assert.ok(rows.length > 0);
      for (const row of rows) {
        assert.ok(row.confidence !== null && row.confidence > 0 && row.confidence <= 1, JSON.stringify(row));
      }
      const stored = await atlas.db
        .selectFrom('claims')
        .select('confidence')
        .where('subject_kind', '=', 'document')
        .where('property', '=', 'mentions_country')
        .execute();
      assert.ok(stored.length > 0 && stored.every((r) => r.confidence !== null && r.confidence >= 0.5));
      const page = await atlas.store.listInstruments({}, { limit: 1, offset: 0 });
      const detail = await atlas.store.getInstrument(page.items[0]!.id);
      const typeClaim = detail.claims.find((c) => c.property === 'type');
      const instrument = extracted.instruments.find((i) => i.type === typeClaim?.value);
      assert.equal(typeof typeClaim?.confidence, 'number');
      assert.ok(instrument?.confidence !== undefined);
    });

    void it('stores a link between two instruments with its claim', async () => {
      const { document, extracted } = await extractFile(MALI);
      assert.ok(extracted.instruments.length >= 2);
      const [first, second] = extracted.instruments;
      // The rules may find no link in this text; the link below is stated over two real instruments.
      const link = {
        start: second!.start,
        end: second!.end,
        quote: second!.quote,
        from: 1,
        to: 0,
        relation: 'under_framework' as const,
        approach: null,
      };
      const variant = { ...document, path: 'linked.txt', text: `${document.text}\n\nLien.` };
      const linked = { ...extracted, links: [...extracted.links, link] };
      await atlas.store.saveExtraction(variant, linked, documentAnalyser(variant, linked));
      const rows = await atlas.db
        .selectFrom('links as l')
        .innerJoin('claims as c', 'c.id', 'l.claim_id')
        .select(['l.from_id', 'l.to_id', 'l.relation', 'c.property', 'c.quote'])
        .execute();
      const page = await atlas.store.listInstruments({}, { limit: 100, offset: 0 });
      const idOf = (title: string) => page.items.find((i) => i.title === title)?.id;
      const stored = rows.find((r) => r.from_id === idOf(second!.title) && r.to_id === idOf(first!.title));
      assert.ok(stored !== undefined, 'the link row joins the two instruments');
      assert.equal(stored.relation, 'under_framework');
      assert.equal(stored.property, 'link');
      assert.equal(stored.quote, variant.text.slice(second!.start, second!.end));
    });

    void it('throws not_found for an unknown instrument or document', async () => {
      await assert.rejects(atlas.store.getInstrument('ins_nope'), {
        code: 'not_found',
        message: 'instrument ins_nope not found',
      });
      await assert.rejects(atlas.store.getDocument('doc_nope'), { code: 'not_found' });
    });
  });
}
