/** The SearchIndex of a database handle's engine (see storage/search/port.ts). */
import type { Kysely } from 'kysely';
import { engineOf } from '../engine.ts';
import { postgresSearchIndex } from '../postgres/search-index.ts';
import type { Database } from '../schema.ts';
import { sqliteSearchIndex } from '../sqlite/search-index.ts';
import type { SearchIndex } from './port.ts';

export function searchIndexOf(db: Kysely<Database>): SearchIndex {
  return engineOf(db) === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}
