/**
 * Full-text search over the FTS5 index: the user's words are expanded the way rows were indexed
 * (raw words, French and English stems, bilingual concept tokens), ranked with bm25, and each hit
 * gets a snippet with the matching words marked.
 */
import { sql, type Kysely } from 'kysely';
import type { Page, PageRequest } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import {
  conceptToken,
  findConcepts,
  fold,
  foldWord,
  stemOf,
  stripPlural,
  tokenize,
} from '../sqlite/search-analyzer.ts';
import { rowidRange } from '../sqlite/search-index.ts';
import { escapeHtml } from '../../domain/escape-html.ts';

const snippetFields = (snippet: Snippet) => ({ snippet: snippet.text, highlights: snippet.highlights });

/** bm25 with column weights (kind … language are unindexed; title, body, stems, concepts). */
export const BM25 = sql.raw('bm25(search_index, 0, 0, 0, 0, 0, 0, 8.0, 4.0, 2.0, 1.0)');
const MAX_WORDS = 12;

/** The words of a query, with their French and English stems, ready to match and to highlight. */
interface QueryTerms {
  readonly words: readonly string[];
  readonly stems: ReadonlySet<string>;
  readonly concepts: ReadonlySet<string>;
}

function queryTerms(q: string): QueryTerms & { expression: string | null } {
  const tokens = tokenize(q).slice(0, MAX_WORDS);
  const words = tokens.map((token) => fold(token.word));
  const stems = new Set<string>();
  const groups = tokens.map((token, index) => {
    const word = words[index] ?? '';
    const options = [`{title body} : "${word}"`];
    if (word.length > 2) {
      for (const language of ['fr', 'en'] as const) {
        const stem = stemOf(token.word, language);
        stems.add(stem);
        options.push(`stems : "${stem}"`);
      }
    }
    return `(${[...new Set(options)].join(' OR ')})`;
  });
  // A run of words naming a concept ("Union européenne", "return and readmission") may match
  // either its words or the concept token, which rows in the other language carry too.
  const parts: string[] = [];
  const concepts = new Set<string>();
  let next = 0;
  for (const match of findConcepts(tokens)) {
    for (const concept of match.concepts) concepts.add(concept);
    parts.push(...groups.slice(next, match.first));
    const words = groups.slice(match.first, match.last + 1).join(' AND ');
    const options = match.concepts.map((concept) => `concepts : "${concept}"`);
    parts.push(`((${words}) OR ${options.join(' OR ')})`);
    next = match.last + 1;
  }
  parts.push(...groups.slice(next));
  return { words, stems, concepts, expression: parts.length === 0 ? null : parts.join(' AND ') };
}

/** The FTS5 MATCH expression for a user's query, or null when it has no words. */
export function buildMatchExpression(q: string): string | null {
  return queryTerms(q).expression;
}

/** One search result: a passage of a document or an instrument record. */
export interface SearchHit {
  readonly kind: 'passage' | 'instrument';
  /** Instrument id, or `documentId:start` for a passage. */
  readonly id: string;
  readonly title: string;
  readonly documentId: string | null;
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly language: string;
  /** Plain text around the match (not HTML). */
  readonly snippet: string;
  /** Where the matching words are in `snippet` (UTF-16 offsets, end exclusive, in order). */
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
  /** Relevance 0–100: this hit's bm25 score over the best score of the whole query. */
  readonly relevance: number;
  /** bm25 score (lower is better, as SQLite reports it). */
  readonly score: number;
}

export interface SearchRequest {
  readonly q: string;
  readonly kind?: 'passage' | 'instrument';
  readonly language?: string | undefined;
  /** Only rows that name this state (in either language). */
  readonly country?: string | undefined;
  /** Only rows that use the words of this instrument type, topic or approach. */
  readonly type?: string | undefined;
  readonly topic?: string | undefined;
  readonly approach?: string | undefined;
  /** Only rows that mention a year in this range (a range of at most 80 years). */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

/** A plain snippet with its matches. */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
}

/** The FTS5 conditions of the filters: concept tokens for codes, year words for a range. */
function filterExpression(request: SearchRequest): string | null {
  const parts: string[] = [];
  if (request.country !== undefined) parts.push(`concepts : "${conceptToken('state', request.country)}"`);
  if (request.type !== undefined) parts.push(`concepts : "${conceptToken('type', request.type)}"`);
  if (request.topic !== undefined) parts.push(`concepts : "${conceptToken('topic', request.topic)}"`);
  if (request.approach !== undefined) {
    parts.push(`concepts : "${conceptToken('approach', request.approach)}"`);
  }
  if (request.from !== undefined || request.to !== undefined) {
    const from = request.from ?? (request.to ?? 2000) - 80;
    const to = Math.min(request.to ?? from + 80, from + 80);
    const years: string[] = [];
    for (let year = from; year <= to; year++) years.push(`"${year}"`);
    if (years.length > 0) parts.push(`{title body} : (${years.join(' OR ')})`);
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

const SNIPPET_LENGTH = 260;

/** A window of `text` around the first matching word, plain, with the offsets of every match. */
export function highlightSnippet(text: string, terms: QueryTerms): Snippet {
  const words = new Set(terms.words.map((word) => stripPlural(word)));
  const tokens = tokenize(text);
  const marked = new Set<number>();
  tokens.forEach((token, index) => {
    const folded = foldWord(token.word);
    if (words.has(stripPlural(folded))) marked.add(index);
    else if (
      token.word.length > 2 &&
      (terms.stems.has(stemOf(token.word, 'fr')) || terms.stems.has(stemOf(token.word, 'en')))
    ) {
      marked.add(index);
    }
  });
  // Words that matched through a concept ("Morocco" for the query "Maroc") are marked as well.
  if (terms.concepts.size > 0) {
    for (const match of findConcepts(tokens)) {
      if (!match.concepts.some((concept) => terms.concepts.has(concept))) continue;
      for (let index = match.first; index <= match.last; index++) marked.add(index);
    }
  }
  const hits = tokens.filter((_, index) => marked.has(index));
  const first = hits[0];
  let start = first === undefined ? 0 : Math.max(0, first.start - 80);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first!.start) start = space + 1;
  }
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  // Runs of white space become one space as the snippet is built, so offsets stay exact.
  const squeeze = (part: string) => part.replace(/\s+/g, ' ');
  let out = start > 0 ? '… ' : '';
  const highlights: { start: number; end: number }[] = [];
  let cursor = start;
  for (const hit of hits) {
    if (hit.start < cursor || hit.end > end) continue;
    out += squeeze(text.slice(cursor, hit.start));
    const word = squeeze(text.slice(hit.start, hit.end));
    highlights.push({ start: out.length, end: out.length + word.length });
    out += word;
    cursor = hit.end;
  }
  out += squeeze(text.slice(cursor, end)) + (end < text.length ? ' …' : '');
  return { text: out, highlights };
}

/** The snippet as HTML: escaped text with the highlighted words in `<mark>`. */
export function snippetHtml(snippet: Snippet): string {
  let out = '';
  let cursor = 0;
  for (const mark of snippet.highlights) {
    out += `${escapeHtml(snippet.text.slice(cursor, mark.start))}<mark>${escapeHtml(snippet.text.slice(mark.start, mark.end))}</mark>`;
    cursor = mark.end;
  }
  return out + escapeHtml(snippet.text.slice(cursor));
}

interface IndexRow {
  kind: string;
  ref_id: string;
  document_id: string | null;
  span_start: number | null;
  span_end: number | null;
  language: string;
  title: string;
  body: string;
  score: number;
}

/** Ranked search over passages and instruments; an empty page when the query has no words. */
export async function searchAtlas(
  db: Kysely<Database>,
  request: SearchRequest,
  page: PageRequest,
): Promise<Page<SearchHit>> {
  const terms = queryTerms(request.q);
  if (terms.expression === null) return { items: [], total: 0, limit: page.limit, offset: page.offset };
  const range = request.kind === undefined ? null : rowidRange(request.kind);
  const kind = range === null ? sql`` : sql` and rowid between ${range.min} and ${range.max}`;
  const language = request.language === undefined ? sql`` : sql` and language = ${request.language}`;
  const filters = filterExpression(request);
  const expression = filters === null ? terms.expression : `(${terms.expression}) AND ${filters}`;
  const where = sql`search_index match ${expression}${kind}${language}`;
  const total = await sql<{ n: number }>`select count(*) as n from search_index where ${where}`.execute(db);
  // Rank on rowids only, then read the columns of the page's rows: bm25 needs no column values,
  // so SQLite does not load every matching passage's text just to sort them. The best score of
  // all matches (a window over the ranked rows) turns each score into a relevance out of 100.
  const ranked = await sql<{
    id: number;
    score: number;
    best: number;
  }>`select id, score, min(score) over () as best from (select rowid as id, ${BM25} as score from search_index
    where ${where}) order by score limit ${page.limit} offset ${page.offset}`.execute(db);
  const ids = ranked.rows.map((row) => row.id);
  const found =
    ids.length === 0
      ? []
      : (
          await sql<
            IndexRow & { id: number }
          >`select rowid as id, kind, ref_id, document_id, span_start, span_end,
            language, title, body from search_index where rowid in (${sql.join(ids)})`.execute(db)
        ).rows;
  const byRowid = new Map(found.map((row) => [row.id, row]));
  const rows = {
    rows: ranked.rows.flatMap((rank) => {
      const row = byRowid.get(rank.id);
      return row === undefined ? [] : [{ ...row, score: rank.score, best: rank.best }];
    }),
  };
  return {
    items: rows.rows.map((row) => ({
      kind: row.kind === 'instrument' ? 'instrument' : 'passage',
      id: row.ref_id,
      title: row.title,
      documentId: row.document_id,
      span:
        row.span_start === null || row.span_end === null
          ? null
          : { start: row.span_start, end: row.span_end },
      language: row.language,
      ...snippetFields(
        highlightSnippet(row.kind === 'instrument' ? `${row.title} — ${row.body}` : row.body, terms),
      ),
      relevance: row.best < 0 ? Math.max(1, Math.round((100 * row.score) / row.best)) : 100,
      score: row.score,
    })),
    total: Number(total.rows[0]?.n ?? 0),
    limit: page.limit,
    offset: page.offset,
  };
}
