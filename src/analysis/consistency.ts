/**
 * Consistency of a synthesis document: a stated count that differs from the size of its own list,
 * two different counts for one question, overlapping lists for the two sides of an either/or
 * question, and a country placed on both sides. Each finding carries every text span involved so a
 * reader can check it against the document.
 */
import type { ConsistencyFinding, CountClaim, CountryPosition } from '../domain/analysis-model.ts';
import type { Quoted } from '../domain/model.ts';
import { positionsFromClaims } from '../extraction/country-positions.ts';
import { countFits, isApproximateCount } from '../extraction/positions/numbers.ts';
import { opposite, sameQuestion } from './questions.ts';

/** Options of the check; the similarity threshold tunes what counts as "the same question". */
export interface ConsistencyOptions {
  readonly threshold?: number;
}

const quoteOf = (q: Quoted): Quoted => ({ start: q.start, end: q.end, quote: q.quote });

/** Groups of claims asking the same question with the same stance (transitive closure). */
function questionGroups(claims: readonly CountClaim[], threshold: number | undefined): CountClaim[][] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i] as CountClaim;
      const b = claims[j] as CountClaim;
      if (a.stance === b.stance && sameQuestion(a.question, b.question, threshold)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, CountClaim[]>();
  claims.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c]));
  return [...groups.values()];
}

function countMismatches(claims: readonly CountClaim[]): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  for (const c of claims) {
    if (c.stated === null || !c.list || !c.list.exhaustive) continue;
    if (countFits(c.stated, c.list.countries.length, isApproximateCount(c.count.quote))) continue;
    out.push({
      kind: 'count_mismatch',
      message: `"${c.count.quote}" states ${c.stated} but its list names ${c.list.countries.length}: ${c.list.countries.join(', ')}`,
      quotes: [quoteOf(c.sentence), quoteOf(c.list)],
      stated: c.stated,
      listed: c.list.countries.length,
      countries: c.list.countries,
      questions: [c.question],
      claimIds: [c.id],
    });
  }
  return out;
}

function conflictingCounts(groups: readonly CountClaim[][]): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  for (const group of groups) {
    const counted = group.filter((c) => c.stated !== null);
    const counts = [...new Set(counted.map((c) => c.stated as number))];
    if (counts.length < 2) continue;
    // "une dizaine" and "onze" agree: only counts that no approximate count of the group fits conflict.
    const exact = counted.filter((c) => !isApproximateCount(c.count.quote)).map((c) => c.stated as number);
    const rough = counted.filter((c) => isApproximateCount(c.count.quote)).map((c) => c.stated as number);
    const agree =
      new Set(exact).size <= 1 &&
      rough.every((r) => exact.every((e) => countFits(r, e, true)) && countFits(r, rough[0] as number, true));
    if (agree) continue;
    const lists = counted.filter((c) => c.list?.exhaustive).map((c) => new Set(c.list?.countries));
    const union = new Set(lists.flatMap((l) => [...l]));
    const notInAll = [...union].filter((code) => lists.some((l) => !l.has(code))).sort();
    const listed = counted.find((c) => c.list?.exhaustive)?.list?.countries.length;
    out.push({
      kind: 'conflicting_counts',
      message: `The same question is given ${counts.length} different counts (${counts.join(' vs ')}): "${counted[0]?.question ?? ''}"`,
      quotes: counted.map((c) => quoteOf(c.sentence)),
      stated: counts[0],
      ...(listed === undefined ? {} : { listed }),
      counts,
      ...(notInAll.length > 0 ? { countries: notInAll } : {}),
      questions: [...new Set(counted.map((c) => c.question))],
      claimIds: counted.map((c) => c.id),
    });
  }
  return out;
}

function overlappingLists(
  claims: readonly CountClaim[],
  threshold: number | undefined,
): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  const listed = claims.filter((c) => c.list !== null);
  for (let i = 0; i < listed.length; i++) {
    for (let j = i + 1; j < listed.length; j++) {
      const a = listed[i] as CountClaim;
      const b = listed[j] as CountClaim;
      if (!opposite(a.stance, b.stance) || !sameQuestion(a.question, b.question, threshold)) continue;
      const shared = (a.list?.countries ?? []).filter((code) => b.list?.countries.includes(code));
      if (shared.length === 0) continue;
      out.push({
        kind: 'overlapping_lists',
        message: `Lists for the two sides of one question share ${shared.join(', ')}: "${a.question}" / "${b.question}"`,
        quotes: [
          quoteOf(a.sentence),
          quoteOf(a.list as Quoted),
          quoteOf(b.sentence),
          quoteOf(b.list as Quoted),
        ],
        countries: shared,
        questions: [a.question, b.question],
        claimIds: [a.id, b.id],
      });
    }
  }
  return out;
}

/** A country with positions on both sides of an either/or question, from any source. */
export function bothSides(positions: readonly CountryPosition[], threshold?: number): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  const byCountry = new Map<string, CountryPosition[]>();
  for (const p of positions) byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p]);
  for (const [country, list] of byCountry) {
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as CountryPosition;
        const b = list[j] as CountryPosition;
        if (!opposite(a.stance, b.stance) || !sameQuestion(a.question, b.question, threshold)) continue;
        const [yes, no] = a.stance === 'yes' ? [a, b] : [b, a];
        const key = `${yes.question}|${no.question}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const quotes = [
          yes.evidence,
          ...(yes.listItem ? [yes.listItem] : []),
          no.evidence,
          ...(no.listItem ? [no.listItem] : []),
        ];
        out.push({
          kind: 'both_sides',
          message: `${country} is listed both as "${yes.question}" and as "${no.question}"`,
          quotes: quotes.map(quoteOf),
          countries: [country],
          questions: [yes.question, no.question],
          claimIds: [yes.claimId, no.claimId].filter((id): id is string => id !== null),
        });
      }
    }
  }
  return out;
}

/**
 * Every inconsistency among the count claims of a synthesis (and extra positions, such as a
 * country's own statement), in the order: count mismatches, conflicting counts, overlapping lists,
 * countries on both sides.
 */
export function checkConsistency(
  claims: readonly CountClaim[],
  options: ConsistencyOptions & { readonly positions?: readonly CountryPosition[] } = {},
): ConsistencyFinding[] {
  const positions = [...positionsFromClaims(claims), ...(options.positions ?? [])];
  return [
    ...countMismatches(claims),
    ...conflictingCounts(questionGroups(claims, options.threshold)),
    ...overlappingLists(claims, options.threshold),
    ...bothSides(positions, options.threshold),
  ];
}
