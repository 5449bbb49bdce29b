/**
 * Migration 0201: which documents the analyses have run on, and with which extractor, so that
 * documents stored before the analyses existed (or by an older extractor) can be analysed later.
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const analysedDocumentsMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await db.schema
      .createTable('analysed_documents')
      .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
      .addColumn('analyser', 'text', (c) => c.notNull())
      .addColumn('analysed_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb): Promise<void> {
    await db.schema.dropTable('analysed_documents').ifExists().execute();
  },
};
