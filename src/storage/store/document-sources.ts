/**
 * Documents as sources: a person's corrections to a document's title, publisher, date, URL and
 * language. Each change updates the document row and is recorded as a claim asserted by that person
 * (who, when, the value), so the history sits beside the extractor's claims, and the data version
 * moves (cached pages that name the document are recomputed).
 */
import type { Kysely } from 'kysely';
import { notFound } from '../../domain/errors.ts';
import type { DocumentSourceChanges } from '../../domain/input-schemas.ts';
import type { DocumentSummary } from '../atlas-store.ts';
import { SOURCE_PROPERTIES } from '../records.ts';
import type { Database } from '../schema.ts';
import { isFileNameTitle } from './document-title.ts';

/** One recorded value of a source field, from the text (extractor) or from a person. */
export interface SourceFieldRecord {
  readonly field: 'title' | 'publisher' | 'published' | 'url' | 'language';
  readonly value: string | null;
  readonly assertedBy: string;
  readonly at: string;
  /** Where the text states it; null for a value a person entered. */
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly quote: string | null;
}

const FIELD_PROPERTY = { ...SOURCE_PROPERTIES, language: 'language' } as const;
type Field = keyof typeof FIELD_PROPERTY;
const PROPERTY_FIELD = new Map(Object.entries(FIELD_PROPERTY).map(([f, p]) => [p as string, f as Field]));

/**
 * Applies `changes` to document `id` in one transaction; returns the fields that changed.
 * `afterChange` runs in the same transaction when something changed (the search entry is
 * refreshed there, so search never shows a title the document no longer has).
 */
export async function setDocumentSource(
  db: Kysely<Database>,
  id: string,
  changes: DocumentSourceChanges,
  by: string,
  afterChange?: (trx: Kysely<Database>, changed: readonly Field[]) => Promise<void>,
): Promise<readonly Field[]> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('documents')
      .select([
        'id',
        'title',
        'file_title',
        'source_path',
        'publisher',
        'published',
        'source_url',
        'language',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw notFound('document', id);
    const now = new Date().toISOString();
    const current: Record<Field, string | null> = {
      title: row.title,
      publisher: row.publisher,
      published: row.published,
      url: row.source_url,
      language: row.language,
    };
    const next: Record<Field, string | null> = {
      title: changes.title === undefined ? row.title : (changes.title ?? row.file_title ?? row.title),
      publisher: changes.publisher === undefined ? row.publisher : changes.publisher,
      published: changes.date === undefined ? row.published : changes.date,
      url: changes.url === undefined ? row.source_url : changes.url,
      language: changes.lang ?? row.language,
    };
    const changed = (Object.keys(next) as Field[]).filter((field) => next[field] !== current[field]);
    if (changed.length === 0) return changed;
    await trx
      .updateTable('documents')
      .set({
        title: next.title ?? row.title,
        // A title a person set is theirs; clearing it goes back to what the reader found.
        ...(changed.includes('title')
          ? {
              title_source:
                changes.title === null
                  ? isFileNameTitle(next.title ?? row.title, row.source_path)
                    ? 'file_name'
                    : 'metadata'
                  : 'person',
            }
          : {}),
        publisher: next.publisher,
        published: next.published,
        source_url: next.url,
        language: next.language ?? row.language,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('claims')
      .values(
        changed.map((field) => ({
          subject_kind: 'document',
          subject_id: id,
          property: FIELD_PROPERTY[field],
          value: JSON.stringify(next[field]),
          document_id: id,
          // A person's value is not read from the text: an empty span, no quote.
          span_start: 0,
          span_end: 0,
          quote: '',
          asserted_by: by,
          review_state: 'corrected',
          created_at: now,
          confidence: null,
        })),
      )
      .execute();
    await afterChange?.(trx, changed);
    return changed;
  });
}

/** Every recorded value of a document's source fields, oldest first (text first, then people). */
export async function documentSourceHistory(
  db: Kysely<Database>,
  id: string,
): Promise<readonly SourceFieldRecord[]> {
  const rows = await db
    .selectFrom('claims')
    .select(['property', 'value', 'asserted_by', 'created_at', 'span_start', 'span_end', 'quote'])
    .where('subject_kind', '=', 'document')
    .where('subject_id', '=', id)
    .where('property', 'in', [...PROPERTY_FIELD.keys()])
    .orderBy('id')
    .execute();
  return rows.flatMap((row) => {
    const field = PROPERTY_FIELD.get(row.property);
    if (field === undefined) return [];
    const value = JSON.parse(row.value) as unknown;
    const stated = row.span_end > row.span_start;
    return [
      {
        field,
        value: typeof value === 'string' ? value : null,
        assertedBy: row.asserted_by,
        at: row.created_at,
        span: stated ? { start: row.span_start, end: row.span_end } : null,
        quote: stated ? row.quote : null,
      },
    ];
  });
}

export type { DocumentSummary };
