/**
 * Runs the analyses over documents already stored (stored before the analyses existed, or by an
 * older extractor): the stored text is extracted again and the analysis rows are replaced, one
 * transaction per document. Instruments, claims and users' entries are left as they are.
 */
import { analyseDocument } from '../analysis/document-analyses.ts';
import type { AtlasError } from '../domain/errors.ts';
import type { Language } from '../domain/model.ts';
import { extractDocument } from '../extraction/pipeline.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { asAtlasError } from './ingest.ts';

export interface ReanalyseResult {
  readonly analysed: readonly string[];
  /** Documents whose analysis failed; their previous analysis rows are kept as they were. */
  readonly failed: readonly { readonly documentId: string; readonly error: AtlasError }[];
}

/**
 * Analyses the given documents (default: those pending). One document that fails does not stop
 * the others (nor the server start that calls this): it is reported in `failed`.
 */
export async function reanalyseDocuments(
  store: AtlasStore,
  ids?: readonly string[],
): Promise<ReanalyseResult> {
  const targets = ids ?? (await store.analyses.pendingDocuments());
  const analysed: string[] = [];
  const failed: { documentId: string; error: AtlasError }[] = [];
  for (const id of targets) {
    try {
      const document = await store.getDocument(id);
      const language: Language = document.language === 'fr' ? 'fr' : 'en';
      const extracted = extractDocument(document.text, { language });
      await store.analyses.replaceDocumentAnalyses(id, analyseDocument(document.text, id, extracted));
      analysed.push(id);
    } catch (error) {
      failed.push({ documentId: id, error: asAtlasError(id, error) });
    }
  }
  return { analysed, failed };
}
