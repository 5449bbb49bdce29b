/**
 * Migration 0700: documents as sources. `title` stays the title shown everywhere (now the title the
 * text states, or one a person set); `file_title` keeps what the reader found (a file name, a PDF
 * metadata title) so clearing an edited title can go back to it. Publisher or author, publication
 * date (`YYYY[-MM[-DD]]`) and source URL are null where neither the text nor a person gave them.
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const COLUMNS = ['file_title', 'publisher', 'published', 'source_url'] as const;

export const documentSourcesMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    for (const column of COLUMNS) await db.schema.alterTable('documents').addColumn(column, 'text').execute();
    await db
      .updateTable('documents')
      .set({ file_title: sql`title` })
      .execute();
  },
  async down(db: AnyDb): Promise<void> {
    for (const column of [...COLUMNS].reverse()) {
      await db.schema.alterTable('documents').dropColumn(column).execute();
    }
  },
};
