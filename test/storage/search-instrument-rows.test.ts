/**
 * SQLite's search index keeps exactly one row per instrument while documents that name known
 * instruments are stored: the row of a known instrument is found by the rowid this process
 * remembered (ref_id is an unindexed FTS5 column), and when another process moved the rows the
 * remembered rowid deletes nothing and the row is looked for the old way.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { INSTRUMENT_ROWID_BASE } from '../../src/storage/sqlite/search-index.ts';
import { openTestAtlas } from '../support/engines.ts';

let opened: Awaited<ReturnType<typeof openTestAtlas>>;
let file: string;
before(async () => {
  opened = await openTestAtlas('sqlite');
  file = opened.atlas.store.location;
});
after(() => opened?.dispose());

/** Instrument ids whose index rows are not exactly one, and the numbers of instruments and rows. */
function instrumentRows(): { wrong: string[]; instruments: number; rows: number } {
  const db = new Database(file, { readonly: true });
  try {
    const wrong = db
      .prepare(`select ref_id from search_index where rowid >= ? group by ref_id having count(*) <> 1`)
      .all(INSTRUMENT_ROWID_BASE) as { ref_id: string }[];
    const rows = db
      .prepare('select count(*) as n from search_index where rowid >= ?')
      .get(INSTRUMENT_ROWID_BASE) as { n: number };
    const instruments = db.prepare('select count(*) as n from instruments').get() as { n: number };
    return { wrong: wrong.map((row) => row.ref_id), instruments: instruments.n, rows: rows.n };
  } finally {
    db.close();
  }
}

/** A copy of a corpus document with one more line: a new document naming the same instruments. */
async function variant(name: string, line: string): Promise<string> {
  const text = await readFile(join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt'), 'utf8');
  const path = join(file, '..', name);
  await writeFile(path, `${text}\n\n${line}\n`);
  return path;
}

void test('one index row per instrument across merges, also after another process moved the rows', async () => {
  const { store } = opened.atlas;
  for (const [name, line] of [
    ['a.fr.txt', 'Note n° 1.'],
    ['b.fr.txt', 'Note n° 2.'],
  ] as const) {
    const item = await ingestFile(await variant(name, line), store);
    assert.equal(item.status, 'added');
  }
  const first = instrumentRows();
  assert.ok(first.instruments > 0);
  assert.deepEqual(first.wrong, []);
  assert.equal(first.rows, first.instruments);

  // Another process rebuilds the instrument rows under other rowids (reversed order).
  const db = new Database(file);
  try {
    const rows = db
      .prepare('select rowid as id, * from search_index where rowid >= ? order by rowid')
      .all(INSTRUMENT_ROWID_BASE) as Record<string, unknown>[];
    db.transaction(() => {
      db.prepare('delete from search_index where rowid >= ?').run(INSTRUMENT_ROWID_BASE);
      const insert = db.prepare(`insert into search_index (rowid, kind, ref_id, document_id, span_start,
        span_end, language, title, body, stems, concepts) values (@rowid, @kind, @ref_id, @document_id,
        @span_start, @span_end, @language, @title, @body, @stems, @concepts)`);
      rows.forEach((row, i) => insert.run({ ...row, rowid: Number(rows[rows.length - 1 - i]?.id) }));
    })();
  } finally {
    db.close();
  }

  const merged = await ingestFile(await variant('c.fr.txt', 'Note n° 3.'), store);
  assert.equal(merged.status, 'added');
  assert.ok((merged.counts?.instrumentsMerged ?? 0) > 0, 'the third copy names known instruments');
  const last = instrumentRows();
  assert.deepEqual(last.wrong, []);
  assert.equal(last.rows, last.instruments);
  // The instruments are still found by their words.
  const page = await store.search({ q: 'Mali', kind: 'instrument' }, { limit: 50, offset: 0 });
  assert.ok(page.total > 0);
});
