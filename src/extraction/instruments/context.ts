/**
 * What the instrument rules read besides the text: the actors (states and organizations) found by
 * the earlier stages, sorted by offset, with binary-search lookups so that reading the context of
 * a match costs O(log n), keeping the whole stage linear in the size of the document.
 */
import type { Language, Span } from '../../domain/model.ts';
import { stateCapitals } from '../../domain/actors.ts';
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
  /** The document's language, for the titles built for instruments named by a common noun. */
  readonly language?: Language;
  /** Whether catalogued names are read (default true); `false` measures the general rules alone. */
  readonly useCatalogue?: boolean;
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

/** First parts of French compound adjectives ("franco-ivoirienne", "germano-marocain"). */
const COMPOUND_PREFIX: Readonly<Record<string, string>> = {
  franco: 'FR',
  germano: 'DE',
  hispano: 'ES',
  italo: 'IT',
  anglo: 'GB',
  belgo: 'BE',
  luso: 'PT',
  helveto: 'CH',
  nippo: 'JP',
  sino: 'CN',
  russo: 'RU',
  turco: 'TR',
  greco: 'GR',
  americano: 'US',
  maroco: 'MA',
  algero: 'DZ',
  tuniso: 'TN',
  libyo: 'LY',
  senegalo: 'SN',
  nigero: 'NE',
  malo: 'ML',
  mauritano: 'MR',
  ivoiro: 'CI',
  egypto: 'EG',
};

/** Capitals standing for their governments ("London and Kigali signed…"): only as agents of a deal. */
const CAPITALS: Readonly<Record<string, string>> = {
  // Every capital of the registry (world-countries, with French names), then this table's forms.
  ...Object.fromEntries(stateCapitals()),
  London: 'GB',
  Londres: 'GB',
  Paris: 'FR',
  Berlin: 'DE',
  Madrid: 'ES',
  Rome: 'IT',
  Lisbon: 'PT',
  Lisbonne: 'PT',
  Athens: 'GR',
  Athènes: 'GR',
  Vienna: 'AT',
  Vienne: 'AT',
  Warsaw: 'PL',
  Varsovie: 'PL',
  Copenhagen: 'DK',
  Copenhague: 'DK',
  Stockholm: 'SE',
  Ankara: 'TR',
  Rabat: 'MA',
  Algiers: 'DZ',
  Alger: 'DZ',
  Tunis: 'TN',
  Tripoli: 'LY',
  Cairo: 'EG',
  'Le Caire': 'EG',
  Dakar: 'SN',
  Bamako: 'ML',
  Niamey: 'NE',
  Nouakchott: 'MR',
  Kigali: 'RW',
  Nairobi: 'KE',
  Kampala: 'UG',
  Abuja: 'NG',
  Accra: 'GH',
  Washington: 'US',
  Ottawa: 'CA',
  Canberra: 'AU',
  Tirana: 'AL',
  Beijing: 'CN',
  Pékin: 'CN',
  Moscow: 'RU',
  Moscou: 'RU',
};
const CAPITAL = Object.keys(CAPITALS).join('|');
/** "London and Kigali signed", "Rome et Tirana ont conclu", "Paris has agreed with Rabat". */
const CAPITALS_AGENTS = new RegExp(
  `\\b(${CAPITAL})(?:\\s*(?:,|and|et)\\s*(${CAPITAL}))?\\s+(?:have\\s+|has\\s+|ont\\s+|a\\s+)?(?:signed|concluded|agreed|sealed|struck|sign|signent|sign[ée]|conclu|concluent|scell[ée]|adopted|launched|appointed|ratified|adopt[ée]|lanc[ée]|nomm[ée]|ratifi[ée])\\b(?:[^.;]{0,80}?\\b(?:with|avec)\\s+(${CAPITAL})\\b)?`,
  'g',
);

/**
 * "concluded between London and Tirana", "un arrangement avec Rabat": a capital governed by a word
 * of partnership stands for its government, unless a capitalised word follows it and makes it the
 * name of something else ("with Rabat Process partners", "avec Dakar Dem Dikk").
 */
const CAPITALS_GOVERNED = new RegExp(
  `\\b(?:between|entre|with|avec)\\s+(${CAPITAL})(?:\\s*(?:,|and|et)\\s*(${CAPITAL}))?\\b(?!\\s+\\p{Lu})`,
  'gu',
);

const EU_SEATS: ReadonlySet<string> = new Set(['Brussels', 'Bruxelles']);

/** "Canberra's ambassador", "Warsaw's special act": a capital's possessive is its state. */
const CAPITALS_POSSESSIVE = new RegExp(`\\b(${CAPITAL})['’]s\\b`, 'g');

const state = (id: string, start: number, end: number, adjective: boolean): ActorMention => ({
  id,
  kind: 'state',
  adjective,
  start,
  end,
});

/** State mentions the country stage does not read: compound prefixes and capitals as agents. */
function extraStates(countries: readonly CountryMention[], text: string): ActorMention[] {
  const out: ActorMention[] = [];
  for (const c of countries) {
    const m = /([a-zà-ÿ]+)-$/i.exec(text.slice(Math.max(0, c.start - 12), c.start));
    const id = m ? COMPOUND_PREFIX[(m[1] as string).toLowerCase()] : undefined;
    if (m && id) out.push(state(id, c.start - m[0].length, c.start - 1, true));
  }
  out.push(...capitalsIn(text, CAPITALS_AGENTS, false), ...capitalsIn(text, CAPITALS_GOVERNED, true));
  CAPITALS_POSSESSIVE.lastIndex = 0;
  for (let m = CAPITALS_POSSESSIVE.exec(text); m; m = CAPITALS_POSSESSIVE.exec(text)) {
    const name = m[1] as string;
    out.push(state(CAPITALS[name] as string, m.index, m.index + name.length, false));
  }
  return out;
}

/**
 * The capitals each match of `pattern` names (its capture groups, in order), as their states; with
 * `euSeats`, "talks between Brussels and Ankara": in migration diplomacy Brussels speaks for the EU.
 */
function capitalsIn(text: string, pattern: RegExp, euSeats: boolean): ActorMention[] {
  const found: ActorMention[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    let from = m.index;
    for (const name of m.slice(1)) {
      if (name === undefined) continue;
      const at = text.indexOf(name, from);
      found.push(
        euSeats && EU_SEATS.has(name)
          ? { id: 'EU', kind: 'organization', adjective: false, start: at, end: at + name.length }
          : state(CAPITALS[name] as string, at, at + name.length, false),
      );
      from = at + name.length;
    }
  }
  return found;
}

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
      id: o.actorId,
      kind: 'organization' as const,
      adjective: false,
      start: o.start,
      end: o.end,
    })),
    ...extraStates(countries, text),
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
