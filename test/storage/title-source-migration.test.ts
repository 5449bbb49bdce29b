/**
 * Migration 2700 (`documents.title_source`) on both engines: an atlas written before it (migrated
 * to the migration before 2700, documents stored the old way) is classified when it opens — a title
 * equal to the file's name or stem is `file_name` and is shown as no title; a stated, a metadata
 * and a person's title keep theirs. A data package exported before the column existed imports with
 * the same rule (not a blanket `text`), and a package that carries the column keeps its values.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { ingestFile } from '../../src/services/ingest.ts';
import { openAtlas, type OpenAtlas, type OpenOptions } from '../../src/storage/database.ts';
import { atlasMigrations } from '../../src/storage/migrations/index.ts';
import type { Database } from '../../src/storage/schema.ts';
import { writtenAtlas, openTestAtlas, testEngines, type Engine } from '../support/engines.ts';

const NOW = '2026-01-01T00:00:00Z';

/** The migration just before 2700 in this engine's list (the lists differ by engine). */
function lastBefore2700(engine: Engine): string {
  const names = Object.keys(atlasMigrations(engine)).filter((name) => name < '2700');
  const last = names.at(-1);
  assert.ok(last !== undefined);
  return last;
}

const OLD_DOCUMENTS = [
  // [id, title, source_path, file_title, extractor]
  ['doc_stem', 'dialogue-2016.fr', 'corpus/dialogue-2016.fr.txt', 'dialogue-2016.fr', 'extractor:old'],
  ['doc_name', 'note.pdf', 'C:\\reports\\note.pdf', 'note.pdf', 'extractor:old'],
  ['doc_meta', 'EU–Mali Joint Declaration', 'mali.pdf', 'EU–Mali Joint Declaration', 'extractor:old'],
  ['doc_text', 'Joint communiqué on return', 'communique.txt', 'communique', 'extractor:old'],
  ['doc_person', 'Roadmap as set by a reviewer', 'roadmap.txt', 'roadmap', 'extractor:old'],
  ['doc_contrib', 'Contributed agreement', 'https://example.org/a', 'https://example.org/a', 'contribution'],
] as const;

async function writeOldAtlas(db: Kysely<Database>, engine: Engine): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: (): Promise<Record<string, Migration>> => Promise.resolve(atlasMigrations(engine)),
  };
  const { error } = await new Migrator({ db, provider }).migrateTo(lastBefore2700(engine));
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration failed');
  for (const [id, title, path, fileTitle, extractor] of OLD_DOCUMENTS) {
    await db
      .insertInto('documents')
      .values({
        id,
        content_hash: id,
        title,
        source_path: path,
        format: 'text',
        language: 'en',
        text: 'Some text.',
        byte_size: 10,
        char_count: 10,
        extractor,
        ingested_at: NOW,
        file_title: fileTitle,
      })
      .execute();
  }
  // A title claim with no span is a person's value (the way `mda document set --title` records it).
  const titleClaim = (subject: string, start: number, end: number, by: string) => ({
    subject_kind: 'document',
    subject_id: subject,
    property: 'source_title',
    value: JSON.stringify('x'),
    document_id: subject,
    span_start: start,
    span_end: end,
    quote: end > start ? 'x' : '',
    asserted_by: by,
    review_state: end > start ? 'unreviewed' : 'corrected',
    created_at: NOW,
  });
  await db
    .insertInto('claims')
    .values([
      titleClaim('doc_text', 0, 4, 'extractor:old'),
      titleClaim('doc_person', 0, 4, 'extractor:old'),
      titleClaim('doc_person', 0, 0, 'user:reviewer'),
    ])
    .execute();
}

const sourcesOf = async (atlas: OpenAtlas): Promise<Record<string, string | null>> =>
  Object.fromEntries(
    (await atlas.db.selectFrom('documents').select(['id', 'title_source']).orderBy('id').execute()).map(
      (row) => [row.id, row.title_source],
    ),
  );

for (const engine of testEngines()) {
  void describe(`migration 2700: where document titles came from (${engine})`, () => {
    let dir = '';
    let target: OpenOptions = {};
    let drop = async (): Promise<void> => {};
    const disposers: (() => Promise<void>)[] = [];
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-title-source-'));
      ({ target, drop } = await writtenAtlas(engine, dir, (db) => writeOldAtlas(db, engine)));
    });
    after(async () => {
      for (const dispose of disposers.reverse()) await dispose();
      await drop();
      await rm(dir, { recursive: true, force: true });
    });

    void it('classifies the stored titles when the atlas opens, and hides the file names', async () => {
      const atlas = await openAtlas(target);
      try {
        assert.ok(atlas.migrated.includes('2700_title_source'));
        assert.deepEqual(await sourcesOf(atlas), {
          doc_contrib: 'person',
          doc_meta: 'metadata',
          doc_name: 'file_name',
          doc_person: 'person',
          doc_stem: 'file_name',
          doc_text: 'text',
        });
        const untitled = await atlas.store.getDocument('doc_stem');
        assert.equal(untitled.title, null);
        assert.equal(untitled.titleSource, 'file_name');
        assert.equal(untitled.fileName, 'dialogue-2016.fr.txt');
        // A Windows path still gives the file's own name.
        assert.equal((await atlas.store.getDocument('doc_name')).fileName, 'note.pdf');
        const titled = await atlas.store.getDocument('doc_meta');
        assert.equal(titled.title, 'EU–Mali Joint Declaration');
        const listed = await atlas.store.listDocuments({ limit: 10, offset: 0 });
        assert.deepEqual(
          listed.items
            .filter((d) => d.title === null)
            .map((d) => d.id)
            .sort(),
          ['doc_name', 'doc_stem'],
        );
      } finally {
        await atlas.store.close();
      }
    });

    void it('imports a package made before the column with the same rule, and keeps the column when present', async () => {
      const opened = await openTestAtlas(engine);
      disposers.push(opened.dispose);
      const source = opened.atlas;
      await writeFile(
        join(dir, 'untitled-note.en.txt'),
        'spain and mauritania talked about returns in 2025.\n',
      );
      const ingested = await ingestFile(join(dir, 'untitled-note.en.txt'), source.store);
      const id = ingested.documentId;
      assert.ok(id !== undefined);
      assert.equal((await source.store.getDocument(id)).titleSource, 'file_name');
      await source.db
        .updateTable('documents')
        .set({ title_source: 'metadata' })
        .where('id', '=', id)
        .execute();

      // As exported: the column travels and keeps its value.
      const current = join(dir, 'current');
      await source.store.exportTo(current);
      const withColumn = await openTestAtlas(engine);
      disposers.push(withColumn.dispose);
      await withColumn.atlas.store.importFrom(current);
      assert.deepEqual(await sourcesOf(withColumn.atlas), { [id]: 'metadata' });

      // As an older atlas exported it: no title_source in the descriptor nor in the file.
      const descriptorFile = join(current, 'datapackage.json');
      const descriptor = JSON.parse(await readFile(descriptorFile, 'utf8')) as {
        resources: {
          name: string;
          path: string;
          bytes?: number;
          hash?: string;
          schema: { fields: { name: string }[] };
        }[];
      };
      const documents = descriptor.resources.find((r) => r.name === 'documents');
      assert.ok(documents !== undefined && documents.path === 'documents.csv');
      const rows: string[][] = parse(await readFile(join(current, documents.path), 'utf8'));
      const drop = rows[0]!.indexOf('title_source');
      assert.ok(drop >= 0);
      await writeFile(
        join(current, documents.path),
        stringify(rows.map((row) => row.filter((_, i) => i !== drop))),
      );
      documents.schema.fields = documents.schema.fields.filter((f) => f.name !== 'title_source');
      delete documents.bytes;
      delete documents.hash;
      await writeFile(descriptorFile, JSON.stringify(descriptor, null, 2));
      const older = await openTestAtlas(engine);
      disposers.push(older.dispose);
      await older.atlas.store.importFrom(current);
      assert.deepEqual(await sourcesOf(older.atlas), { [id]: 'file_name' });
      assert.equal((await older.atlas.store.getDocument(id)).title, null);
    });
  });
}
