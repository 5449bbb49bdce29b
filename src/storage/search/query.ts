/**
 * A user's query as an engine-neutral match tree: each word may match as itself (title or body),
 * as its French or English stem, and runs of words naming a concept may match the concept token
 * instead. Each engine renders the tree in its own syntax (FTS5 MATCH, tsquery). Also the snippets
 * and highlights shown with hits, computed here the same way for both engines.
 */
import { escapeHtml } from '../../domain/escape-html.ts';
import {
  LazyTokens,
  conceptToken,
  findConcepts,
  fold,
  foldWord,
  stemOf,
  stripPlural,
  tokenize,
  type Token,
} from './analyzer.ts';
import { relevanceOf, type SearchHit, type SearchRequest } from './port.ts';

/** Where a token is looked for: the title or body words, the stems, or the concept tokens. */
export type TermField = 'text' | 'stems' | 'concepts';

export type MatchNode =
  | { readonly field: TermField; readonly token: string }
  | { readonly any: readonly MatchNode[] }
  | { readonly all: readonly MatchNode[] };

const MAX_WORDS = 12;

/** The words of a query, with their French and English stems, ready to match and to highlight. */
export interface QueryTerms {
  readonly words: readonly string[];
  readonly stems: ReadonlySet<string>;
  readonly concepts: ReadonlySet<string>;
  /** Null when the query has no words. */
  readonly match: MatchNode | null;
}

export function queryTerms(q: string): QueryTerms {
  const tokens = tokenize(q).slice(0, MAX_WORDS);
  const words = tokens.map((token) => fold(token.word));
  const stems = new Set<string>();
  const groups: MatchNode[] = tokens.map((token, index) => {
    const word = words[index] ?? '';
    const options: MatchNode[] = [{ field: 'text', token: word }];
    if (word.length > 2) {
      const own = new Set<string>();
      for (const language of ['fr', 'en'] as const) {
        const stem = stemOf(token.word, language);
        stems.add(stem);
        if (!own.has(stem)) options.push({ field: 'stems', token: stem });
        own.add(stem);
      }
    }
    return { any: options };
  });
  // A run of words naming a concept ("Union européenne", "return and readmission") may match
  // either its words or the concept token, which rows in the other language carry too.
  const parts: MatchNode[] = [];
  const concepts = new Set<string>();
  let next = 0;
  for (const found of findConcepts(tokens)) {
    for (const concept of found.concepts) concepts.add(concept);
    parts.push(...groups.slice(next, found.first));
    const options: MatchNode[] = found.concepts.map((concept) => ({ field: 'concepts', token: concept }));
    parts.push({ any: [{ all: groups.slice(found.first, found.last + 1) }, ...options] });
    next = found.last + 1;
  }
  parts.push(...groups.slice(next));
  return { words, stems, concepts, match: parts.length === 0 ? null : { all: parts } };
}

/** The conditions of a search's filters: concept tokens for codes, year words for a range. */
export function filterNode(request: SearchRequest): MatchNode | null {
  const parts: MatchNode[] = [];
  const concept = (token: string): MatchNode => ({ field: 'concepts', token });
  if (request.country !== undefined) parts.push(concept(conceptToken('state', request.country)));
  if (request.type !== undefined) parts.push(concept(conceptToken('type', request.type)));
  if (request.topic !== undefined) parts.push(concept(conceptToken('topic', request.topic)));
  if (request.approach !== undefined) parts.push(concept(conceptToken('approach', request.approach)));
  if (request.from !== undefined || request.to !== undefined) {
    const from = request.from ?? (request.to ?? 2000) - 80;
    const to = Math.min(request.to ?? from + 80, from + 80);
    const years: MatchNode[] = [];
    for (let year = from; year <= to; year++) years.push({ field: 'text', token: String(year) });
    if (years.length > 0) parts.push({ any: years });
  }
  return parts.length === 0 ? null : { all: parts };
}

/** The query and the filters together (null when the query has no words). */
export function searchNode(terms: QueryTerms, request: SearchRequest): MatchNode | null {
  if (terms.match === null) return null;
  const filters = filterNode(request);
  return filters === null ? terms.match : { all: [terms.match, filters] };
}

/** A plain snippet with its matches. */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
}

const SNIPPET_LENGTH = 260;

/**
 * A window of `text` around the first matching word, plain, with the offsets of every match. The
 * words are read only up to the window's end (LazyTokens): a word is marked when it, its plural-less
 * form or one of its stems is the query's, or when it is part of a concept phrase the query names,
 * found by the same left-to-right scan as over the whole text.
 */
export function highlightSnippet(text: string, terms: QueryTerms): Snippet {
  const words = new Set(terms.words.map((word) => stripPlural(word)));
  const tokens = new LazyTokens(text);
  const concepts = terms.concepts.size > 0;
  // Words that matched through a concept ("Morocco" for the query "Maroc") are marked as well.
  // The scan is greedy and its matches do not overlap: only the last one starting at or before the
  // word can cover it (checking that one keeps the window's marking linear in its words).
  const throughConcept = (index: number): boolean => {
    const match = tokens.conceptsThrough(index).at(-1);
    return (
      match !== undefined &&
      match.first <= index &&
      index <= match.last &&
      match.concepts.some((concept) => terms.concepts.has(concept))
    );
  };
  const marked = (token: Token, index: number): boolean => {
    const folded = foldWord(token.word);
    if (words.has(stripPlural(folded))) return true;
    if (
      token.word.length > 2 &&
      (terms.stems.has(stemOf(token.word, 'fr')) || terms.stems.has(stemOf(token.word, 'en')))
    ) {
      return true;
    }
    return concepts && throughConcept(index);
  };
  let firstIndex = 0;
  let first: Token | undefined;
  for (let token = tokens.at(0); token !== undefined; token = tokens.at(++firstIndex)) {
    if (marked(token, firstIndex)) {
      first = token;
      break;
    }
  }
  let start = first === undefined ? 0 : Math.max(0, first.start - 80);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first!.start) start = space + 1;
  }
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  // The marked words inside the window (a word starting at its end or later cannot end inside it).
  const hits: Token[] = [];
  if (first !== undefined) {
    let index = firstIndex;
    for (let token = tokens.at(index); token !== undefined && token.start < end; token = tokens.at(++index)) {
      if (token.end <= end && (index === firstIndex || marked(token, index))) hits.push(token);
    }
  }
  // Runs of white space become one space as the snippet is built, so offsets stay exact.
  const squeeze = (part: string) => part.replace(/\s+/g, ' ');
  let out = start > 0 ? '… ' : '';
  const highlights: { start: number; end: number }[] = [];
  let cursor = start;
  for (const hit of hits) {
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

/** The snippet of an index row: an instrument's title and words, or a passage's text. */
export function rowSnippet(row: { kind: string; title: string; body: string }, terms: QueryTerms): Snippet {
  return highlightSnippet(row.kind === 'instrument' ? `${row.title} — ${row.body}` : row.body, terms);
}

/** The columns of an index row that a hit shows (same on both engines). */
export interface HitRow {
  readonly kind: string;
  readonly ref_id: string;
  readonly document_id: string | null;
  readonly span_start: number | null;
  readonly span_end: number | null;
  readonly language: string;
  readonly title: string;
  readonly body: string;
}

/**
 * One search hit from an index row. `score` and `best` are "higher is better" (each engine turns its
 * own raw score that way), `rawScore` is the engine's own, kept for the API's `score`.
 */
export function searchHit(
  row: HitRow,
  terms: QueryTerms,
  ranking: { score: number; best: number; rawScore: number },
): SearchHit {
  const snippet = rowSnippet(row, terms);
  return {
    kind: row.kind === 'instrument' ? 'instrument' : 'passage',
    id: row.ref_id,
    title: row.title,
    documentId: row.document_id,
    span:
      row.span_start === null || row.span_end === null ? null : { start: row.span_start, end: row.span_end },
    language: row.language,
    snippet: snippet.text,
    highlights: snippet.highlights,
    relevance: relevanceOf(ranking.score, ranking.best),
    score: ranking.rawScore,
  };
}
