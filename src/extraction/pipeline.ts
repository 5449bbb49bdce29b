/**
 * The extraction pipeline: one document's text in, every candidate record out. Stages run in a
 * fixed order, each a pure linear-time function of the text and the earlier stages' output:
 * language → segmentation → countries, organizations, dates, amounts → instruments → topics,
 * statements, events → links.
 */
import type { Language, Span } from '../domain/model.ts';
import type { ApproachCode, TopicCode } from '../domain/taxonomy.ts';
import { BLOCK_CHARS, extractInBlocks } from './blocks.ts';
import { withConfidence } from './confidence.ts';
import { findCountries } from './countries.ts';
import { readDocumentSource } from './document-source.ts';
import { findDates } from './dates.ts';
import { findEvents } from './events.ts';
import {
  actorMentions,
  findInstrumentRecords,
  type InstrumentContext,
  principalActors,
} from './instruments/index.ts';
import { detectLanguage } from './language.ts';
import { approachesIn, findLinks } from './links.ts';
import { findAmounts } from './money.ts';
import { readInstrumentStatus } from './instrument-status.ts';
import { findOrganizations } from './organizations.ts';
import { segment } from './segmentation.ts';
import { findStatements } from './statements.ts';
import { foldText, insideSpans } from './text.ts';
import { classifyTopics, topicsOfSpan } from './topics.ts';
import type { ExtractedDocument } from './types.ts';

/** Options of `extractDocument`. */
export interface ExtractOptions {
  /** The document's language when known; detected from the text otherwise. */
  readonly language?: Language;
  /** `false` switches the catalogue of well-known instruments off: only the general rules read. */
  readonly catalogue?: boolean;
}

/** Runs every extraction stage over one document's text. Pure: no I/O. */
export function extractDocument(text: string, options: ExtractOptions = {}): ExtractedDocument {
  const language = options.language ?? detectLanguage(text);
  // Very long texts go block by block so working memory stays bounded (see blocks.ts).
  const useCatalogue = options.catalogue !== false;
  const extract = (block: string, lang: Language): ExtractedDocument =>
    extractBlock(block, lang, useCatalogue);
  // Confidences are set once, on the merged result, from how each fact was matched.
  const extracted =
    text.length > BLOCK_CHARS
      ? withConfidence(extractInBlocks(text, language, extract))
      : withConfidence(extract(text, language));
  // The document's own title, publisher and date are on its first page, read once for the whole text.
  return { ...extracted, source: readDocumentSource(text, language) };
}

/** Every stage over one text short enough to be processed at once. */
function extractBlock(text: string, language: Language, useCatalogue: boolean): ExtractedDocument {
  const segmentation = segment(text);
  const folded = foldText(text);
  const countries = findCountries(text, segmentation, folded);
  const organizations = findOrganizations(text, folded);
  const citations: Span[] = segmentation.footnotes
    .filter((f) => f.isCitation)
    .map((f) => ({ start: f.start, end: f.end }));
  const dates = findDates(text, language, citations);
  const amounts = findAmounts(text, language);
  const actors = actorMentions(countries, organizations, text);
  const principals = principalActors(actors);
  // Bibliographic footnotes repeat titles of works, not instruments the document reports on.
  const body = withoutSpans(segmentation.sentences, citations);
  const context: InstrumentContext = {
    text,
    folded,
    sentences: segmentation.sentences,
    actors,
    dates,
    amounts,
    principals,
    excluded: citations,
    language,
    useCatalogue,
  };
  // Instruments named in one sentence share its topics and approaches: each sentence is read once
  // (copies are handed out, so no instrument shares an array with another).
  const notesBySentence = new Map<string, { topics: TopicCode[]; approaches: ApproachCode[] }>();
  const found = findInstrumentRecords(context, (sentence) => {
    const key = `${sentence.start}:${sentence.end}`;
    let notes = notesBySentence.get(key);
    if (notes === undefined) {
      notes = { topics: topicsOfSpan(folded, sentence), approaches: approachesIn(folded, sentence) };
      notesBySentence.set(key, notes);
    }
    return { topics: [...notes.topics], approaches: [...notes.approaches] };
  });
  const { places, names } = found;
  // Each instrument's status, where its own sentence states it. The other instruments of that
  // sentence are looked up by start (binary search) rather than by scanning all of them for each.
  const byStart = found.instruments
    .map((candidate, index) => ({ start: candidate.start, end: candidate.end, index }))
    .sort((a, b) => a.start - b.start);
  const instruments = found.instruments.map((candidate, index) => ({
    ...candidate,
    status: readInstrumentStatus(
      text,
      candidate.sentence,
      candidate,
      othersWithin(byStart, candidate.sentence, index),
    ),
  }));
  // Cues inside catalogued names ("Global Compact on Refugees") are not the document's topics.
  const topics = classifyTopics(folded, body, names);
  const statements = findStatements({ text, folded, sentences: body, actors, dates, principals });
  const events = findEvents({
    text,
    folded,
    sentences: segmentation.sentences,
    actors,
    dates: dates.filter((d) => !d.inCitation),
  });
  const links = findLinks(text, folded, instruments, places);
  return {
    language,
    segmentation,
    countries,
    organizations,
    dates,
    amounts,
    instruments,
    topics,
    statements,
    events,
    links,
  };
}

/** The sentences that do not start inside one of `spans`. */
function withoutSpans(sentences: readonly Span[], spans: readonly Span[]): Span[] {
  return spans.length === 0 ? [...sentences] : sentences.filter((s) => !insideSpans(spans, s.start));
}

/**
 * The spans of `byStart` (sorted by start) that lie inside `sentence`, but the one numbered
 * `index`. Only whether one lies between two places is asked of them, so their order is free.
 */
function othersWithin(
  byStart: readonly (Span & { readonly index: number })[],
  sentence: Span,
  index: number,
): Span[] {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((byStart[mid] as Span).start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let k = lo; k < byStart.length; k++) {
    const o = byStart[k] as Span & { readonly index: number };
    if (o.start > sentence.end) break;
    if (o.index !== index && o.end <= sentence.end) out.push({ start: o.start, end: o.end });
  }
  return out;
}
