/** The facts extracted from one document, with their spans: what the document page highlights. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** One claim read from a document, reduced to what the text view needs. */
export interface DocumentFact {
  readonly id: number;
  readonly subjectKind: string;
  readonly subjectId: string;
  readonly property: string;
  readonly value: unknown;
  readonly span: { readonly start: number; readonly end: number };
  readonly quote: string;
  readonly assertedBy: string;
  readonly reviewState: string;
}

/** Every claim whose evidence lies in the document, in text order. */
export async function documentFacts(db: Kysely<Database>, documentId: string): Promise<DocumentFact[]> {
  const rows = await db
    .selectFrom('claims')
    .selectAll()
    .where('document_id', '=', documentId)
    // Values people entered (an edited title) have no span in the text.
    .where((eb) => eb('span_end', '>', eb.ref('span_start')))
    .orderBy('span_start')
    .orderBy('span_end', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    property: row.property,
    value: safeJson(row.value),
    span: { start: row.span_start, end: row.span_end },
    quote: row.quote,
    assertedBy: row.asserted_by,
    reviewState: row.review_state,
  }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Statements (commitments, good practices…) found in a document. */
export async function documentStatements(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('statements')
    .innerJoin('claims', 'claims.id', 'statements.claim_id')
    .select([
      'statements.id',
      'statements.kind',
      'statements.text',
      'statements.status',
      'claims.span_start',
      'claims.span_end',
    ])
    .where('statements.document_id', '=', documentId)
    .orderBy('claims.span_start')
    .execute();
}
