/**
 * `node --import tsx bench/search-explain.ts <postgres://… | atlas.sqlite> [query …]`: the search
 * statements of an atlas, timed by the engine. On PostgreSQL, EXPLAIN (ANALYZE, BUFFERS) of the
 * ranking statement of the instrument text filter (`/api/instruments?q=`) and of search
 * (`/api/search?q=`), run twice (the second, warm, is the one to read); on SQLite, the statement's
 * wall time over 20 runs and its query plan. Default queries: those of `bench:api`.
 */
import { sql } from 'kysely';
import { openAtlas } from '../src/storage/database.ts';
import { rankedPageQuery, type EntryTable } from '../src/storage/search/postings.ts';
import { queryTerms } from '../src/storage/search/query.ts';

const [where, ...queries] = process.argv.slice(2);
if (where === undefined) throw new Error('usage: search-explain.ts <postgres://… | atlas.sqlite> [query …]');
const postgres = where.startsWith('postgres://');
const atlas = await openAtlas(postgres ? { database: where } : { file: where });
const table: EntryTable = postgres
  ? { table: 'search_entries', id: 'id' }
  : { table: 'search_index', id: 'rowid' };
const page = { limit: 20, offset: 0 };
for (const q of queries.length > 0 ? queries : ['réadmission', 'mobility partnership']) {
  const match = queryTerms(q).match;
  if (match === null) continue;
  for (const [label, kind] of [
    ['filter text', 'instrument'],
    ['search', undefined],
  ] as const) {
    const statement = rankedPageQuery(table, match, { kind, visible: null }, page);
    if (postgres) {
      for (const run of [1, 2]) {
        const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${statement}`.execute(
          atlas.db,
        );
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        const time = lines.find((line) => line.startsWith('Execution Time')) ?? '';
        console.log(`${label} "${q}" (run ${run}): ${time}`);
        if (run === 2) console.log(lines.map((line) => `    ${line}`).join('\n'));
      }
    } else {
      const started = process.hrtime.bigint();
      let rows = 0;
      for (let run = 0; run < 20; run++) {
        rows = Number((await statement.execute(atlas.db)).rows[0]?.total ?? 0);
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / 20;
      console.log(`${label} "${q}": ${ms.toFixed(2)} ms a statement (mean of 20), ${rows} matches`);
      const plan = await sql<{ detail: string }>`explain query plan ${statement}`.execute(atlas.db);
      console.log(plan.rows.map((row) => `    ${row.detail}`).join('\n'));
    }
  }
}
await atlas.store.close();
