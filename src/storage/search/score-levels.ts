/**
 * One page of the postings' ranking (storage/search/postings.ts) from a few hundred candidate rows
 * instead of every match, exact on both engines, for any match tree (several words, their stems and
 * glossary concepts included). Two kept counts make it possible, both per data version
 * (store/kept-counts.ts), like the total they extend:
 * - the query's score counts: how many matches have each score (the total is their sum, the best
 *   score their highest). The page's last row, at rank offset + limit, has score θ, read from them,
 *   and exactly `prefix` matches score θ or more;
 * - each term's levels: how many postings of the term (per kind of row) have each kept score.
 *
 * The cut. A row's score is at most Σ m_t·s_t (m_t: how many times term t can count in the tree,
 * see top-postings.ts's `termCounts`; s_t: the row's kept score for t, 0 without it). Pick for each
 * term's list a level L_t (or none) and let b_t be the highest score of the list below L_t (its top
 * score when no level is picked, 0 when the level is its lowest). A row with s_t < L_t in every
 * list scores at most Σ m_t·b_t; the levels are chosen so that this is below θ for every kind of
 * row. Then every row scoring θ or more has s_t ≥ L_t in some list: the candidates, read through the
 * postings' score (PostgreSQL: the `(term, kind, score desc, entry)` index of migration 3000; SQLite:
 * the term's primary-key range, whose score it holds). Each candidate is scored exactly
 * (`scoreOf`, the reference ranking); those scoring θ or more are exactly the first `prefix` rows of
 * the full ranking — score, order and ties — which is checked against the kept counts (a kept count
 * from another data version, or any doubt, leaves the page to the full ranking).
 *
 * On the synthetic atlas of 10,000 instruments "mobility partnership" has 1,417 matches over 13,929
 * postings; its first page reads 303 candidate postings. At 100,000 on PostgreSQL its search page
 * scores 1,527 candidates (primary-key probes) instead of summing some 150,000 postings: 133 → 36 ms
 * of PostgreSQL CPU a request in `bench:api` (load 15, before and after interleaved).
 *
 * Not used for a viewer who may not see some rows or a language filter (the counts are the
 * unfiltered rows'), nor below the first 200 rows (the floor falls, the candidates grow).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { MatchNode } from './query.ts';
import type { SearchRowKind } from './rows.ts';
import { scoredEntries } from './postings.ts';
import { termCounts } from './top-postings.ts';

type Db = Kysely<Database>;

/** How many matches have each score, highest score first. */
export type ScoreCounts = readonly (readonly [score: number, count: number])[];

/** Postings of one term and kind by kept score: `${term}\u0000${kind}` → (score → count). */
export type TermLevels = ReadonlyMap<string, ReadonlyMap<number, number>>;

const KINDS: readonly SearchRowKind[] = ['instrument', 'passage'];

/** More candidate postings than this: the full ranking is left to do the page. */
const MAX_CANDIDATES = 4000;

const listKey = (term: string, kind: SearchRowKind) => `${term}\u0000${kind}`;

/** The postings of the terms by kind and score, in one statement (kept per data version). */
export async function termLevels(
  db: Db,
  terms: readonly string[],
  kind: SearchRowKind | undefined,
): Promise<TermLevels> {
  const ofKind = kind === undefined ? sql`` : sql` and kind = ${kind}`;
  const rows = await sql<{ term: string; kind: SearchRowKind; score: number | string; n: number | string }>`
    select term, kind, score, count(*) as n from search_postings
    where term in (${sql.join([...terms])})${ofKind} group by term, kind, score`.execute(db);
  const levels = new Map<string, Map<number, number>>();
  for (const row of rows.rows) {
    const key = listKey(row.term, row.kind);
    let found = levels.get(key);
    if (found === undefined) {
      found = new Map();
      levels.set(key, found);
    }
    found.set(Number(row.score), Number(row.n));
  }
  return levels;
}

/** The score of the row at rank `wanted` (1-based; the last row when fewer), and how many score as much or more. */
export function pageFloor(scores: ScoreCounts, wanted: number): { floor: number; prefix: number } | null {
  let prefix = 0;
  let floor: number | null = null;
  for (const [score, count] of scores) {
    prefix += count;
    floor = score;
    if (prefix >= wanted) break;
  }
  return floor === null ? null : { floor, prefix };
}

/** Where the cut of one term's list of one kind stands. */
interface Cut {
  readonly term: string;
  readonly kind: SearchRowKind;
  /** How many times the term can count in a row's score. */
  readonly times: number;
  /** Its kept scores, highest first, with their counts. */
  readonly levels: readonly (readonly [score: number, count: number])[];
  /** How many of those levels are read (the candidates are the postings at or above them). */
  read: number;
}

/** The highest score of a list not read: a row not among its candidates has at most this. */
const below = (cut: Cut): number => cut.levels[cut.read]?.[0] ?? 0;

/**
 * The levels to read so that no row outside the candidates scores `floor` or more, chosen greedily
 * (the level that lowers the bound most per posting read first), or null when they would read more
 * than `budget` postings.
 */
export function chooseCuts(
  node: MatchNode,
  kinds: readonly SearchRowKind[],
  levels: TermLevels,
  floor: number,
  budget: number,
): Cut[] | null {
  const cuts: Cut[] = [];
  for (const [term, times] of termCounts(node)) {
    for (const kind of kinds) {
      const found = levels.get(listKey(term, kind));
      if (found === undefined || found.size === 0) continue;
      const ordered = [...found].sort((a, b) => b[0] - a[0]);
      cuts.push({ term, kind, times, levels: ordered, read: 0 });
    }
  }
  const bound = (kind: SearchRowKind) =>
    cuts.reduce((sum, cut) => (cut.kind === kind ? sum + cut.times * below(cut) : sum), 0);
  let spent = 0;
  for (;;) {
    const over = kinds.filter((kind) => bound(kind) >= floor);
    if (over.length === 0) return cuts;
    let pick: Cut | null = null;
    let gainPerPosting = -1;
    for (const cut of cuts) {
      const level = cut.levels[cut.read];
      if (level === undefined || !over.includes(cut.kind)) continue;
      const next = cut.levels[cut.read + 1]?.[0] ?? 0;
      const gain = (cut.times * (level[0] - next)) / level[1];
      if (gain > gainPerPosting) {
        gainPerPosting = gain;
        pick = cut;
      }
    }
    // Every list of a kind read to its end bounds its unread rows by 0: below any floor.
    if (pick === null) return cuts;
    spent += pick.levels[pick.read]?.[1] ?? 0;
    if (spent > budget) return null;
    pick.read += 1;
  }
}

/**
 * The rows of `page` in the full ranking of `node` over rows of `kind` (every kind: undefined), from
 * the kept score counts of the query and levels of its terms, or null when the candidates would be
 * too many (more postings than `budget`; by default half the matches, at most 4,000) or do not agree
 * with the kept counts (the caller then ranks every match).
 */
export async function levelPage(
  db: Db,
  node: MatchNode,
  kind: SearchRowKind | undefined,
  page: { limit: number; offset: number },
  scores: ScoreCounts,
  levels: TermLevels,
  budget?: number,
): Promise<{ entry: number; score: number }[] | null> {
  const wanted = page.offset + page.limit;
  const found = pageFloor(scores, wanted);
  if (found === null) return [];
  const { floor, prefix } = found;
  const total = scores.reduce((sum, [, count]) => sum + count, 0);
  // A cut that reads half as many postings as there are matches saves little over ranking them.
  const most = budget ?? Math.min(MAX_CANDIDATES, Math.floor(total / 2));
  if (prefix > most) return null;
  const kinds = kind === undefined ? KINDS : [kind];
  const cuts = chooseCuts(node, kinds, levels, floor, most);
  if (cuts === null) return null;
  const read = cuts.filter((cut) => cut.read > 0);
  const reads = read.map((cut) => {
    const lowest = cut.levels[cut.read - 1]?.[0] ?? 0;
    return sql`select entry from search_postings
        where term = ${cut.term} and kind = ${cut.kind} and score >= ${lowest}`;
  });
  if (reads.length === 0) return null;
  // The candidates scored in the engine, as the full ranking scores (its statement restricted to
  // them): only the rows at the floor or above come back. The candidates are read once (a
  // materialized CTE, not once per term of the tree), and only rows of the kinds whose lists were
  // read can be among them.
  const among = {
    entries: sql`select entry from cut`,
    kinds: [...new Set(read.map((cut) => cut.kind))],
  };
  const scored = await sql<{ entry: number | string; score: number | string }>`with cut as materialized
    (${sql.join(reads, sql` union all `)}) select m.entry as entry, m.score as score
    from (${scoredEntries(node, kind, among)}) as m where m.score >= ${floor}`.execute(db);
  const ranked = scored.rows.map((row) => ({ entry: Number(row.entry), score: Number(row.score) }));
  // Every match scoring the floor or more is a candidate: as many as the kept counts say, or the
  // counts are not those of the rows read (another data version) and the full ranking decides.
  if (ranked.length !== prefix) return null;
  ranked.sort((a, b) => b.score - a.score || a.entry - b.entry);
  return ranked.slice(page.offset, wanted);
}
