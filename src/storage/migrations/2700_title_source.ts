/**
 * Migration 2700: where a document's title came from (`documents.title_source`): `text` (the head
 * of the text states it), `metadata` (the file's own metadata, e.g. a PDF title), `person` (set by
 * someone, or a contribution) or `file_name` (nothing gave one: the file's name stands in). Pages
 * and the API show no title for `file_name` — "Untitled document (file …)" — instead of presenting
 * a file name as if it were the document's title.
 *
 * Rows stored before are classified by `fillTitleSources`, which an import of a data package made
 * before this column existed runs too (the same rule, not a blanket default).
 */
import { basename, extname } from 'node:path';
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The file's name and its stem: a title equal to either was never read from the document. */
function fileNames(path: string): readonly string[] {
  const name = basename(path.replace(/\\/g, '/'));
  const stem = name.slice(0, name.length - extname(name).length);
  return [name, stem];
}

interface Row {
  id: string;
  title: string;
  source_path: string;
  file_title: string | null;
  extractor: string;
}

/**
 * Sets `title_source` on every document where it is null: `file_name` when the title is the file's
 * name or stem; `person` for contributions and for titles a person set last (a title claim with no
 * span); `metadata` when the title is still what the reader found; `text` otherwise.
 */
export async function fillTitleSources(db: AnyDb): Promise<number> {
  const rows = (await db
    .selectFrom('documents')
    .select(['id', 'title', 'source_path', 'file_title', 'extractor'])
    .where('title_source', 'is', null)
    .execute()) as Row[];
  if (rows.length === 0) return 0;
  const titleClaims = (await db
    .selectFrom('claims')
    .select(['subject_id', 'span_start', 'span_end'])
    .where('subject_kind', '=', 'document')
    .where('property', '=', 'source_title')
    .orderBy('id')
    .execute()) as { subject_id: string; span_start: number; span_end: number }[];
  // The last title claim of a document decides; a person's value has an empty span.
  const lastByPerson = new Map<string, boolean>();
  for (const claim of titleClaims) lastByPerson.set(claim.subject_id, claim.span_end <= claim.span_start);
  const sourceOf = (row: Row): string => {
    if (fileNames(row.source_path).includes(row.title)) return 'file_name';
    if (row.extractor === 'contribution' || lastByPerson.get(row.id) === true) return 'person';
    if (row.file_title !== null && row.title === row.file_title) return 'metadata';
    return 'text';
  };
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const source = sourceOf(row);
    groups.set(source, [...(groups.get(source) ?? []), row.id]);
  }
  for (const [source, ids] of groups) {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('documents')
        .set({ title_source: source })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }
  return rows.length;
}

export const titleSourceMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    // Nullable: an import of an older package leaves it null until fillTitleSources classifies it.
    await db.schema.alterTable('documents').addColumn('title_source', 'text').execute();
    await fillTitleSources(db);
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.alterTable('documents').dropColumn('title_source').execute();
  },
};
