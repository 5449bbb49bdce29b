/** `mda documents`: the stored documents, with their ids, languages and instrument counts. */
import type { Command } from 'commander';
import { z } from 'zod';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { oneLine, out, printJson } from '../output.ts';

const DocumentsOptions = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  json: z.boolean().default(false),
});

export async function runDocuments(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { limit, json } = parseOptions(DocumentsOptions, raw);
  const page = await withStore(globals, (store) => store.listDocuments({ limit, offset: 0 }));
  if (json) return printJson(page);
  for (const doc of page.items) {
    out(
      `${doc.id}  ${doc.language}  ${String(doc.instrumentCount).padStart(3)} instruments  ${oneLine(doc.title ?? 'untitled')}  (${oneLine(doc.sourcePath)})`,
    );
  }
  out(`${page.items.length} of ${page.total} documents`);
}
