/**
 * Maps what the extractor found in one document (ExtractedDocument) to the rows the store writes:
 * the document row, claims with their evidence, and the record rows (instruments, events,
 * statements, links, document facts) that point at those claims. Pure: the writer resolves each
 * claim's local index to the id the database gives it.
 */
import { amountConfidence, dateConfidence } from '../extraction/confidence.ts';
import { createHash } from 'node:crypto';
import type { Span } from '../domain/model.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import { EXTRACTOR_ID } from '../extraction/types.ts';
import type { DocumentInput } from './atlas-store.ts';
import { instrumentDedupeKey, instrumentIdFor, planInstruments, uniqueBy } from './instrument-records.ts';
import type { ClaimRef, InstrumentPlan } from './instrument-records.ts';
import { ingestedTitleSource } from './store/document-title.ts';

export { earliestDate, foldTitle, instrumentDedupeKey, instrumentIdFor } from './instrument-records.ts';
export type { InstrumentPlan } from './instrument-records.ts';

/** The longest quote kept as evidence for a sentence-level claim (topics, statements). */
const MAX_QUOTE = 600;

/** A claim before it has a database id: subject, property, JSON value and evidence span. */
export interface ClaimDraft {
  readonly subject_kind: 'instrument' | 'event' | 'statement' | 'document' | 'link';
  readonly subject_id: string;
  readonly property: string;
  readonly value: string;
  readonly span_start: number;
  readonly span_end: number;
  readonly quote: string;
  /** The extractor's confidence in the value, 0–1. */
  readonly confidence: number | null;
}

/** Everything one document adds to the database. */
export interface DocumentPlan {
  readonly document: {
    id: string;
    content_hash: string;
    title: string;
    source_path: string;
    format: string;
    language: string;
    text: string;
    byte_size: number;
    char_count: number;
    extractor: string;
    file_title: string;
    /** Where `title` came from (2700): text, metadata or file_name at ingestion. */
    title_source: string;
    publisher: string | null;
    published: string | null;
    source_url: string | null;
  };
  readonly claims: ClaimDraft[];
  readonly instruments: InstrumentPlan[];
  readonly events: {
    id: string;
    kind: string;
    title: string;
    date: string | null;
    place: string | null;
    claim: ClaimRef;
    participants: string[];
  }[];
  readonly statements: {
    id: string;
    kind: string;
    text: string;
    deadline: string | null;
    status: string | null;
    claim: ClaimRef;
    owners: string[];
    topics: string[];
  }[];
  readonly links: {
    fromId: string;
    toId: string;
    relation: string;
    approach: string | null;
    claim: ClaimRef;
  }[];
  readonly mentions: {
    kind: 'country' | 'organization' | 'topic';
    code: string;
    count: number;
    claim: ClaimRef;
  }[];
  readonly documentAmounts: { value: number; currency: string; claim: ClaimRef }[];
  readonly documentDates: { value: string; precision: string; claim: ClaimRef }[];
  /** Every actor id a row refers to (the writer makes sure each has an `actors` row). */
  readonly actorIds: Set<string>;
}

/** Claim properties of a document's source fields (subject `document`). */
export const SOURCE_PROPERTIES = {
  title: 'source_title',
  publisher: 'publisher',
  published: 'published',
  url: 'source_url',
} as const;

/** sha256 of a document's extracted text: its identity for deduplication. */
export const contentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The document id derived from its content hash (stable across databases). */
export const documentIdFor = (hash: string): string => `doc_${hash.slice(0, 16)}`;

/** Builds the plan for one document. `input.text` must be the text the extraction ran on. */
export function planDocument(input: DocumentInput, extracted: ExtractedDocument): DocumentPlan {
  const hash = contentHash(input.text);
  const documentId = documentIdFor(hash);
  const text = input.text;
  const claims: ClaimDraft[] = [];
  const actorIds = new Set<string>();
  const quoteOf = (span: Span): string => {
    const quote = text.slice(span.start, span.end);
    return quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote;
  };
  const claim = (
    subject_kind: ClaimDraft['subject_kind'],
    subject_id: string,
    property: string,
    value: unknown,
    span: Span,
    confidence: number | null = null,
  ): ClaimRef => {
    claims.push({
      confidence: confidence === null ? null : Math.round(confidence * 100) / 100,
      subject_kind,
      subject_id,
      property,
      value: JSON.stringify(value),
      span_start: span.start,
      span_end: span.end,
      // The evidence is what the document says at the span, whatever form the extractor normalised.
      quote: quoteOf(span),
    });
    return claims.length - 1;
  };

  const instruments = planInstruments(extracted.instruments, claim, actorIds);
  const candidateIds = extracted.instruments.map((candidate) =>
    instrumentIdFor(
      instrumentDedupeKey(
        candidate.type,
        candidate.title,
        candidate.parties.map((p) => p.actorId),
      ),
    ),
  );

  const events = extracted.events.map((event, index) => {
    const id = `ev_${hash.slice(0, 12)}_${index}`;
    const main = claim('event', id, 'type', event.kind, event);
    claim('event', id, 'title', event.title, event);
    if (event.date !== null) {
      claim('event', id, 'date', { value: event.date.value, precision: event.date.precision }, event.date);
    }
    if (event.place !== null) claim('event', id, 'place', event.place, event);
    const participants = [...new Set(event.participants)];
    for (const actorId of participants) {
      actorIds.add(actorId);
      claim('event', id, 'party', { actorId, role: 'participant' }, event);
    }
    return {
      id,
      kind: event.kind,
      title: event.title,
      date: event.date?.value ?? null,
      place: event.place,
      claim: main,
      participants,
    };
  });

  const statements = extracted.statements.map((statement, index) => {
    const id = `st_${hash.slice(0, 12)}_${index}`;
    const main = claim('statement', id, 'type', statement.kind, statement);
    const owners = [...new Set(statement.owners)];
    for (const owner of owners) {
      actorIds.add(owner);
      claim('statement', id, 'owner', owner, statement);
    }
    if (statement.deadline !== null) {
      claim(
        'statement',
        id,
        'deadline',
        { value: statement.deadline.value, precision: statement.deadline.precision },
        statement.deadline,
      );
    }
    const topics = [...new Set(statement.topics)];
    for (const topic of topics) claim('statement', id, 'topic', topic, statement);
    return {
      id,
      kind: statement.kind,
      text: statement.quote,
      deadline: statement.deadline?.value ?? null,
      status: statement.kind === 'commitment' ? 'open' : null,
      claim: main,
      owners,
      topics,
    };
  });

  const links = extracted.links.flatMap((link) => {
    const fromId = candidateIds[link.from];
    const toId = candidateIds[link.to];
    if (fromId === undefined || toId === undefined || fromId === toId) return [];
    const value = { from: fromId, to: toId, relation: link.relation, approach: link.approach };
    return [
      {
        fromId,
        toId,
        relation: link.relation,
        approach: link.approach,
        claim: claim('link', fromId, 'link', value, link),
      },
    ];
  });

  const mentions: DocumentPlan['mentions'] = [];
  const countMentions = (
    kind: 'country' | 'organization',
    list: readonly { code: string; start: number; end: number; quote: string; confidence?: number }[],
  ) => {
    const byCode = new Map<string, { count: number; claim: ClaimRef }>();
    for (const mention of list) {
      const seen = byCode.get(mention.code);
      if (seen !== undefined) seen.count += 1;
      else {
        byCode.set(mention.code, {
          count: 1,
          claim: claim(
            'document',
            documentId,
            `mentions_${kind}`,
            mention.code,
            mention,
            mention.confidence ?? null,
          ),
        });
      }
    }
    for (const [code, { count, claim: ref }] of byCode) mentions.push({ kind, code, count, claim: ref });
  };
  countMentions('country', extracted.countries);
  countMentions('organization', extracted.organizations);
  for (const topic of extracted.topics) {
    const first = topic.sentences[0];
    if (first === undefined) continue;
    mentions.push({
      kind: 'topic',
      code: topic.code,
      count: topic.sentences.length,
      claim: claim('document', documentId, 'topic', topic.code, first, topic.confidence ?? null),
    });
  }

  const documentAmounts = uniqueBy(extracted.amounts, (a) => `${a.value}|${a.currency}`).map((amount) => ({
    value: amount.value,
    currency: amount.currency,
    claim: claim(
      'document',
      documentId,
      'amount',
      { value: amount.value, currency: amount.currency, approximate: amount.approximate },
      amount,
      amountConfidence(amount),
    ),
  }));
  const documentDates = uniqueBy(
    extracted.dates.filter((date) => !date.inCitation),
    (d) => d.value,
  ).map((date) => ({
    value: date.value,
    precision: date.precision,
    claim: claim(
      'document',
      documentId,
      'date',
      { value: date.value, precision: date.precision },
      date,
      dateConfidence(date),
    ),
  }));

  // The document as a source: each field the head of the text states is a claim with its span.
  const source = extracted.source;
  const sourceClaim = (
    property: string,
    found: ({ value: string } & Span) | null | undefined,
    sure: number,
  ) => {
    if (found === null || found === undefined) return null;
    claim('document', documentId, property, found.value, found, sure);
    return found.value;
  };
  const statedTitle = sourceClaim(SOURCE_PROPERTIES.title, source?.title, 0.6);
  const publisher = sourceClaim(SOURCE_PROPERTIES.publisher, source?.publisher, 0.7);
  const published = sourceClaim(SOURCE_PROPERTIES.published, source?.published, 0.8);
  const sourceUrl = sourceClaim(SOURCE_PROPERTIES.url, source?.url, 0.9);

  return {
    document: {
      id: documentId,
      content_hash: hash,
      title: statedTitle ?? input.title,
      file_title: input.title,
      title_source: ingestedTitleSource(statedTitle !== null, statedTitle ?? input.title, input.path),
      publisher,
      published,
      source_url: sourceUrl,
      source_path: input.path,
      format: input.format,
      language: extracted.language,
      text,
      byte_size: input.bytes,
      char_count: text.length,
      extractor: EXTRACTOR_ID,
    },
    claims,
    instruments,
    events,
    statements,
    links,
    mentions,
    documentAmounts,
    documentDates,
    actorIds,
  };
}
