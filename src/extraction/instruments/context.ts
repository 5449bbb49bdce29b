/**
 * What the instrument rules read besides the text: the actors (states and organizations) found by
 * the earlier stages, sorted by offset, with binary-search lookups so that reading the context of
 * a match costs O(log n), keeping the whole stage linear in the size of the document.
 */
import type { Span } from '../../domain/model.ts';
import type { AmountMention, CountryMention, DateMention, OrganizationMention } from '../types.ts';

/** A state or organization named at a span. */
export interface ActorMention extends Span {
  readonly id: string;
  readonly kind: 'state' | 'organization';
  /** Written as a nationality adjective ("Spanish", "sénégalais"). */
  readonly adjective: boolean;
}

/** The inputs of the instrument stage for one document. */
export interface InstrumentContext {
  readonly text: string;
  /** `foldText(text)`: same offsets, lower case, no accents. */
  readonly folded: string;
  readonly sentences: readonly Span[];
  readonly actors: readonly ActorMention[];
  readonly dates: readonly DateMention[];
  readonly amounts: readonly AmountMention[];
  /** The two actors the document is mostly about ("les deux parties"), or fewer. */
  readonly principals: readonly string[];
  /** Sorted spans not to read instruments from: bibliographic footnotes (titles of works). */
  readonly excluded: readonly Span[];
}

/** Index of the first element whose `start` is ≥ `pos` (elements sorted by start). */
export function lowerBound(items: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as Span).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Elements lying entirely inside [start, end). */
export function within<T extends Span>(items: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(items, start); i < items.length; i++) {
    const item = items[i] as T;
    if (item.start >= end) break;
    if (item.end <= end) out.push(item);
  }
  return out;
}

/** The sentence containing `pos`, or a 300-character window when segmentation has none there. */
export function sentenceAt(sentences: readonly Span[], pos: number, textLength: number): Span {
  const i = lowerBound(sentences, pos + 1) - 1;
  const s = i >= 0 ? sentences[i] : undefined;
  if (s && s.start <= pos && pos < s.end) return s;
  return { start: Math.max(0, pos - 150), end: Math.min(textLength, pos + 150) };
}

/**
 * "EU Member States", "EMN Member and Observer Countries", "EU-level": the name qualifies a group of
 * states, not the actor itself, so it is not read as a party.
 */
const GROUP_AFTER =
  /^(?:\s*[-–]\s*level|\s+(?:member|observer|partner)\b|\s+countries\b|\s+states\b|\s+[EÉeé]tats membres)/i;

/** Merges country and organization mentions into one sorted actor list (groups left out). */
export function actorMentions(
  countries: readonly CountryMention[],
  organizations: readonly OrganizationMention[],
  text: string,
): ActorMention[] {
  const actors: ActorMention[] = [
    ...countries.map((c) => ({
      id: c.code,
      kind: 'state' as const,
      adjective: c.form === 'adjective',
      start: c.start,
      end: c.end,
    })),
    ...organizations.map((o) => ({
      id: o.code,
      kind: 'organization' as const,
      adjective: false,
      start: o.start,
      end: o.end,
    })),
  ];
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop mentions nested in a longer one ("EU" found twice at one place).
  const out: ActorMention[] = [];
  for (const a of actors) {
    const last = out[out.length - 1];
    if (last && a.start < last.end) continue;
    if (GROUP_AFTER.test(text.slice(a.end, a.end + 24))) continue;
    out.push(a);
  }
  return out;
}

/**
 * The actors a document is mostly about: the two most mentioned, when each is named at least
 * twice. A bilateral communiqué's "les deux parties" refers to them.
 */
export function principalActors(actors: readonly ActorMention[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actors) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  const ranked = [...counts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, 2).map(([id]) => id);
}
