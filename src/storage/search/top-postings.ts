/**
 * One page of the postings' ranking (storage/search/postings.ts) without scoring every match: each
 * term's postings are read in the ranking's own order — score highest first, then entry id —
 * through `(term, kind, score desc, entry)` (migration 3000), each row met is scored exactly from
 * its postings (`scoreOf`, the reference scoring, through the primary key), and the reading stops
 * as soon as no row left unread could rank in the page (Fagin's threshold algorithm). The page is
 * the full ranking's — scores, order and ties — and the total comes from a count kept per data
 * version (store/kept-counts.ts), or from the reading itself when it read every posting.
 *
 * The bound. A row's score under a match tree is a sum of its kept term scores, each term counted
 * at most m_t times (its occurrences in the tree), so score(row) ≤ Σ m_t·s_t(row), with s_t the
 * row's kept score for term t (0 without it). Rows of different kinds are in different lists. Once
 * list (t, kind) has been read up to its posting (s_t°, e_t°), a row of that kind not met in it has
 * s_t ≤ s_t° (0 when the list was read to its end); a row met nowhere so scores at most
 * B = Σ m_t·s_t°, and scores exactly B only if s_t = s_t° wherever s_t° > 0, which puts it after
 * e_t° in each such list (same score, higher id): its id exceeds every such e_t°. So when the k-th
 * row met (k = offset + limit, in ranking order) scores above B, or scores B with an id below
 * every row that could still tie, the first k rows met are the first k of the full ranking.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { engineOf } from '../engine.ts';
import { flatten, scorerOf, termKey } from './postings.ts';
import type { MatchNode } from './query.ts';
import type { SearchRowKind } from './rows.ts';

type Db = Kysely<Database>;

const KINDS: readonly SearchRowKind[] = ['instrument', 'passage'];

/** Reading rounds before the page is left to the full ranking (each reads twice the last). */
const ROUNDS = 2;

/** Each term of a match tree with the most times its score can count in a row's (see above). */
export function termCounts(node: MatchNode): Map<string, number> {
  return countsOf(flatten(node));
}

function countsOf(node: MatchNode): Map<string, number> {
  if ('token' in node) return new Map([[termKey(node.field, node.token), 1]]);
  const children = 'any' in node ? distinct(node.any) : node.all;
  const counts = new Map<string, number>();
  for (const child of children) {
    for (const [term, count] of countsOf(child)) counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return counts;
}

/** An "any" counts each distinct alternative once (as `scoreOf` and the SQL ranking do). */
function distinct(nodes: readonly MatchNode[]): MatchNode[] {
  const seen = new Set<string>();
  return nodes.filter((node) => {
    const key = JSON.stringify(node);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the reading of one term's postings of one kind stands. */
interface List {
  readonly term: string;
  readonly kind: SearchRowKind;
  /** The last posting read (null: none yet). */
  last: { score: number; entry: number } | null;
  ended: boolean;
}

export interface TopPage {
  readonly entries: { entry: number; score: number }[];
  /** The best score of every match (the first row of the full ranking). */
  readonly best: number;
  /** When every posting of every term was read: the exact number of matches (else null). */
  readonly complete: number | null;
}

/** A row met and scored. */
interface Met {
  readonly entry: number;
  readonly score: number;
}

const byRank = (a: Met, b: Met) => b.score - a.score || a.entry - b.entry;

/**
 * The rows of `page` in the full ranking of `node` over rows of `kind` (every kind: undefined), or
 * null when the reading found no proof within its rounds (the caller then ranks every match).
 */
export async function topPage(
  db: Db,
  node: MatchNode,
  kind: SearchRowKind | undefined,
  page: { limit: number; offset: number },
): Promise<TopPage | null> {
  const wanted = page.offset + page.limit;
  const counts = termCounts(node);
  const terms = [...counts.keys()];
  const lists: List[] = terms.flatMap((term) =>
    (kind === undefined ? KINDS : [kind]).map((k) => ({ term, kind: k, last: null, ended: false })),
  );
  const met = new Set<number>();
  const matched: Met[] = [];
  const first = Math.max(wanted, 20);
  let batch = first;
  for (;;) {
    const fresh = await readLists(db, lists, batch);
    const unseen = new Map<SearchRowKind, number[]>();
    for (const { entry, kind: of } of fresh) {
      if (met.has(entry)) continue;
      met.add(entry);
      const ofKind = unseen.get(of);
      if (ofKind === undefined) unseen.set(of, [entry]);
      else ofKind.push(entry);
    }
    for (const [of, entries] of unseen) {
      matched.push(...(await scoreRows(db, node, terms, of, entries)));
    }
    matched.sort(byRank);
    const ended = lists.every((list) => list.ended);
    if (ended) {
      return {
        entries: matched.slice(page.offset, wanted),
        best: matched[0]?.score ?? 0,
        complete: matched.length,
      };
    }
    const kth = matched[wanted - 1];
    if (kth !== undefined && provenFirst(kth, lists, counts)) {
      return { entries: matched.slice(page.offset, wanted), best: matched[0]?.score ?? 0, complete: null };
    }
    // Each round reads twice as far; past the last, the full ranking is cheaper than reading on
    // (flat score distributions, where the bound falls slowly: sequential reads beat probes).
    if (batch >= first * 2 ** (ROUNDS - 1)) return null;
    batch *= 2;
  }
}

/** Whether no row left unread can rank before `kth` (the bound of the module's comment). */
function provenFirst(kth: Met, lists: readonly List[], counts: ReadonlyMap<string, number>): boolean {
  for (const kind of new Set(lists.map((list) => list.kind))) {
    let bound = 0;
    let tiesAfter = -Infinity;
    for (const list of lists) {
      if (list.kind !== kind || list.ended || list.last === null) continue;
      bound += (counts.get(list.term) ?? 0) * list.last.score;
      tiesAfter = Math.max(tiesAfter, list.last.entry);
    }
    if (kth.score > bound) continue;
    if (kth.score === bound && kth.entry <= tiesAfter) continue;
    return false;
  }
  return true;
}

/**
 * The next `batch` postings of each list not read to its end (one statement), moving each list's
 * position; a list that gives fewer than asked for has ended.
 */
async function readLists(
  db: Db,
  lists: List[],
  batch: number,
): Promise<{ entry: number; kind: SearchRowKind }[]> {
  const open = lists.map((list, index) => ({ list, index })).filter(({ list }) => !list.ended);
  if (open.length === 0) return [];
  const reads = open.map(({ list, index }) => {
    const after =
      list.last === null
        ? sql``
        : sql` and (score < ${list.last.score} or (score = ${list.last.score} and entry > ${list.last.entry}))`;
    return sql`select * from (select cast(${index} as integer) as list, entry, score from search_postings
      where term = ${list.term} and kind = ${list.kind}${after}
      order by score desc, entry limit ${batch}) as next`;
  });
  const rows = await sql<{ list: number | string; entry: number | string; score: number }>`${sql.join(
    reads,
    sql` union all `,
  )}`.execute(db);
  const read = new Map<number, number>();
  const found: { entry: number; kind: SearchRowKind }[] = [];
  for (const row of rows.rows) {
    const list = lists[Number(row.list)];
    if (list === undefined) continue;
    const entry = Number(row.entry);
    const score = Number(row.score);
    read.set(Number(row.list), (read.get(Number(row.list)) ?? 0) + 1);
    // Each list's rows come in its order, but the union may interleave lists: keep the furthest.
    if (
      list.last === null ||
      score < list.last.score ||
      (score === list.last.score && entry > list.last.entry)
    ) {
      list.last = { score, entry };
    }
    found.push({ entry, kind: list.kind });
  }
  for (const { list, index } of open) {
    if ((read.get(index) ?? 0) < batch) list.ended = true;
  }
  return found;
}

/**
 * The exact scores of these rows (all of one kind) under the tree (`scoreOf`, the reference
 * ranking), from their postings of the tree's terms, each read through the primary key; only the
 * rows that match.
 */
async function scoreRows(
  db: Db,
  node: MatchNode,
  terms: readonly string[],
  kind: SearchRowKind,
  entries: readonly number[],
): Promise<Met[]> {
  const rows =
    engineOf(db) === 'postgres'
      ? // One primary-key probe per row and term: the planner would otherwise read every posting
        // of the terms (or every posting of the rows) to join a few hundred.
        await sql<{ entry: string; term: string; score: number }>`select e.entry, t.term, p.score
          from unnest(${[...terms]}::text[]) as t(term) cross join unnest(${[...entries]}::bigint[]) as e(entry)
          cross join lateral (select score from search_postings
            where term = t.term and kind = ${kind} and entry = e.entry limit 1) as p`.execute(db)
      : await sql<{ entry: number; term: string; score: number }>`select entry, term, score
          from search_postings where term in (select value from json_each(${JSON.stringify(terms)}))
          and kind = ${kind} and entry in (select value from json_each(${JSON.stringify(entries)}))`.execute(
          db,
        );
  const postings = new Map<number, Map<string, number>>();
  for (const row of rows.rows) {
    const entry = Number(row.entry);
    let found = postings.get(entry);
    if (found === undefined) {
      found = new Map();
      postings.set(entry, found);
    }
    found.set(row.term, Number(row.score));
  }
  const scored: Met[] = [];
  const scoreOf = scorerOf(node);
  for (const [entry, found] of postings) {
    const score = scoreOf(found);
    if (score !== null) scored.push({ entry, score });
  }
  return scored;
}
