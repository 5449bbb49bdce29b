/**
 * Runs the analyses over documents already stored (stored before the analyses existed, or by an
 * older extractor): the stored text is extracted again and the analysis rows are replaced, one
 * transaction per document. Instruments, claims and users' entries are left as they are.
 */
import { analyseDocument } from '../analysis/document-analyses.ts';
import type { Language } from '../domain/model.ts';
import { extractDocument } from '../extraction/pipeline.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';

/** Analyses the given documents (default: those pending); returns their ids. */
export async function reanalyseDocuments(store: AtlasStore, ids?: readonly string[]): Promise<string[]> {
  const targets = ids ?? (await store.analyses.pendingDocuments());
  for (const id of targets) {
    const document = await store.getDocument(id);
    const language: Language = document.language === 'fr' ? 'fr' : 'en';
    const extracted = extractDocument(document.text, { language });
    await store.analyses.replaceDocumentAnalyses(id, analyseDocument(document.text, id, extracted));
  }
  return [...targets];
}
