/**
 * Full-text search over passages and instruments, on whichever engine the handle talks to (the
 * SearchIndex port, storage/search/port.ts): the user's words are expanded the way rows were
 * indexed (folded words, French and English stems, bilingual concept tokens), ranked, and each hit
 * gets a snippet with the matching words marked.
 */
import type { Kysely } from 'kysely';
import type { Page, PageRequest } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import { searchIndexOf } from '../search/engines.ts';
import type { SearchHit, SearchRequest } from '../search/port.ts';

export type { SearchHit, SearchRequest } from '../search/port.ts';
export { highlightSnippet, snippetHtml, type Snippet } from '../search/query.ts';

/** Ranked search over passages and instruments; an empty page when the query has no words. */
export function searchAtlas(
  db: Kysely<Database>,
  request: SearchRequest,
  page: PageRequest,
): Promise<Page<SearchHit>> {
  return searchIndexOf(db).search(db, request, page);
}

/**
 * Brings the search index up to date with the stored documents and instruments (those stored by
 * another process). Cheap when nothing changed, so the server calls it before searching.
 */
export function ensureSearchIndex(db: Kysely<Database>): Promise<void> {
  return searchIndexOf(db).ensure(db);
}
