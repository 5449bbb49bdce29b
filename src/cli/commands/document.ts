/**
 * `mda document set ID --title … --publisher … --date … --url … --lang …`: a person's correction of
 * a document's source fields (recorded with who and when); `mda document cite ID --format …`: the
 * document as a reference in BibTeX, RIS or CSL-JSON.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { cite, CITATION_FORMATS } from '../../domain/citation.ts';
import { documentSourceChanges } from '../../domain/input-schemas.ts';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { oneLine, out, outData, printJson, documentName } from '../output.ts';
import { cliActor } from '../actor.ts';

const DocumentId = z.string().trim().min(1, 'give a document id (doc_…)').max(200);

/** An empty option (`--url ""`) clears the field. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable().optional());

const SetOptions = z.object({
  title: clearable(z.string()),
  publisher: clearable(z.string()),
  date: clearable(z.string()),
  url: clearable(z.string()),
  as: z.string().optional(),
  json: z.boolean().default(false),
});

/**
 * `--lang` written after `document set` is the document's language. Commander hands every `--lang`
 * to the program's global option (the output language), so the position is read from the raw
 * arguments: before the subcommand it stays the output language only.
 */
function languageAfterSet(command: Command): string | undefined {
  let root: Command = command;
  while (root.parent !== null) root = root.parent;
  // `rawArgs` is set by every parse but left out of commander's typings.
  const args = (root as unknown as { readonly rawArgs: readonly string[] }).rawArgs;
  const set = args.findIndex((arg, index) => arg === 'set' && args[index - 1] === 'document');
  let language: string | undefined;
  for (let index = set + 1; set >= 0 && index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--lang') language = args[index + 1] ?? '';
    else if (arg.startsWith('--lang=')) language = arg.slice('--lang='.length);
  }
  return language;
}

export async function runDocumentSet(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const documentId = parseOptions(z.object({ id: DocumentId }), { id }).id;
  const options = parseOptions(SetOptions, raw);
  const language = languageAfterSet(command);
  const changes = parseOptions(documentSourceChanges, {
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    ...(options.date === undefined ? {} : { date: options.date }),
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(language === undefined ? {} : { lang: language }),
  });
  const document = await withStore(globals, async (store) =>
    store.setDocumentSource(documentId, changes, (await cliActor(store, options.as)).actor),
  );
  const summary = {
    id: document.id,
    title: document.title,
    publisher: document.publisher,
    published: document.published,
    sourceUrl: document.sourceUrl,
    language: document.language,
  };
  if (options.json) return printJson(summary);
  out(`${document.id}  ${documentName(document.title, document.fileName)}`);
  out(`  publisher: ${oneLine(document.publisher ?? 'not stated')}`);
  out(`  date:      ${document.published ?? 'not stated'}`);
  out(`  url:       ${oneLine(document.sourceUrl ?? 'not stated')}`);
  out(`  language:  ${document.language}`);
}

const CiteOptions = z.object({
  format: z
    .enum(CITATION_FORMATS, { error: () => `expected one of ${CITATION_FORMATS.join(', ')}` })
    .default('bibtex'),
});

export async function runDocumentCite(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const documentId = parseOptions(z.object({ id: DocumentId }), { id }).id;
  const { format } = parseOptions(CiteOptions, raw);
  const document = await withStore(globals, (store) => store.getDocument(documentId));
  outData(cite(document, format).text);
}
