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
import { fileNameOf, shownTitle } from '../store/document-title.ts';
import type { SearchHit, SearchRequest } from '../search/port.ts';

export type { SearchHit, SearchRequest } from '../search/port.ts';
export { highlightSnippet, snippetHtml, type Snippet } from '../search/query.ts';

/** Ranked search over passages and instruments; an empty page when the query has no words. */
export async function searchAtlas(
  db: Kysely<Database>,
  request: SearchRequest,
  page: PageRequest,
): Promise<Page<SearchHit>> {
  return withShownTitles(db, await searchIndexOf(db).search(db, request, page));
}

/**
 * Passages carry their document's title as it is now (the index holds the title it was built
 * with): null for a document titled only by its file name, with the file name beside it. One
 * query for the whole page.
 */
export async function withShownTitles(db: Kysely<Database>, page: Page<SearchHit>): Promise<Page<SearchHit>> {
  const ids = [
    ...new Set(
      page.items.flatMap((hit) =>
        hit.kind === 'passage' && hit.documentId !== null ? [hit.documentId] : [],
      ),
    ),
  ];
  if (ids.length === 0) return page;
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'title', 'title_source', 'source_path'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    ...page,
    items: page.items.map((hit) => {
      const row = hit.kind === 'passage' && hit.documentId !== null ? byId.get(hit.documentId) : undefined;
      return row === undefined
        ? hit
        : { ...hit, title: shownTitle(row), fileName: fileNameOf(row.source_path) };
    }),
  };
}

/**
 * Brings the search index up to date with the stored documents and instruments (those stored by
 * another process). Cheap when nothing changed, so the server calls it before searching.
 */
export function ensureSearchIndex(db: Kysely<Database>): Promise<void> {
  return searchIndexOf(db).ensure(db);
}
