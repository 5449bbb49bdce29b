/**
 * An evidence quote as readers check it: the whole sentence the value was read from, the words that
 * support the value marked inside it, linked to that place in the document. One component for every
 * page that prints a quote (instrument, review, analyses, account pages). The sentences come from
 * `quoteSentences`, which loads every document a page quotes in one query (no query per quote).
 */
import type { Quoted } from '../domain/model.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { spanHref } from './components.ts';
import { segmentedDocuments, type SegmentedDocument } from './document-sentences.ts';
import { sentenceAround, type SentenceParts } from './evidence.ts';
import { html, type SafeHtml } from './html.ts';
import type { Translator } from './i18n.ts';

/** The documents a page quotes, by id, with their text and sentences. */
export type QuoteSentences = ReadonlyMap<string, SegmentedDocument>;

/** No documents at hand: quotes are shown as the words alone. */
export const NO_SENTENCES: QuoteSentences = new Map();

/** A quoted span of a document. */
export interface QuotedSpan extends Quoted {
  readonly documentId: string;
}

/** The sentence around a quote, cut in three; the quote alone when its document is not loaded. */
export function quoteParts(quote: QuotedSpan, sentences: QuoteSentences): SentenceParts {
  const document = sentences.get(quote.documentId);
  return document === undefined
    ? { before: '', marked: quote.quote, after: '' }
    : sentenceAround(document.text, { start: quote.start, end: quote.end }, document.sentences);
}

/** The quote in its sentence, the supporting words in <mark>, linked to the passage. */
export function evidenceQuote(
  quote: QuotedSpan,
  sentences: QuoteSentences,
  tr: Translator,
  options: { readonly record?: string; readonly parts?: SentenceParts } = {},
): SafeHtml {
  const document = sentences.get(quote.documentId);
  const parts = options.parts ?? quoteParts(quote, sentences);
  return html`<blockquote
    class="quote"
    translate="no"
    ${document === undefined ? '' : html`lang="${document.language}"`}
  >
    <a
      class="evidence-link"
      href="${spanHref(quote.documentId, quote.start, quote.end, options.record)}"
      title="${tr.t('showInDocument')}"
      >${parts.before}<mark>${parts.marked}</mark>${parts.after}</a
    >
  </blockquote>`;
}

/**
 * Every quoted span inside a page's data (objects with a `documentId` and a `quote`, at any depth),
 * so a route loads their documents once, whatever shape its analysis has.
 */
export function quotedDocumentIds(data: unknown): string[] {
  const ids = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value instanceof Map) {
      for (const item of value.values()) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.documentId === 'string' && typeof record.quote === 'string') ids.add(record.documentId);
    for (const item of Object.values(record)) visit(item);
  };
  visit(data);
  return [...ids];
}

/** The documents quoted anywhere in `data`, segmented, in one query. */
export function quoteSentences(store: AtlasStore, data: unknown): Promise<QuoteSentences> {
  return segmentedDocuments(store, quotedDocumentIds(data));
}
