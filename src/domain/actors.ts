/**
 * The actor registry: every state (ISO 3166-1 alpha-2, `XK` for Kosovo, `PS` for Palestine) with
 * English and French names and adjectives, and the taxonomy organizations. Built once, lazily,
 * from i18n-iso-countries (French and English short names) and world-countries (official names,
 * translations, demonyms, alternative spellings, ISO numeric codes, capitals; read from
 * world-states.json, the part of it the registry uses, written by scripts/world-states.mjs); a
 * small alias table adds the forms neither package has ("République de Moldova", "Türkiye", "Korea").
 */
import enNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { Actor, ActorKind, Language } from './model.ts';
import { ORGANIZATIONS, type OrganizationCode } from './taxonomy.ts';
import worldStates from './world-states.json' with { type: 'json' };

/** What the registry reads of a world-countries entry (world-states.json keeps only this). */
interface WorldState {
  readonly cca2: string;
  readonly ccn3?: string;
  readonly unMember: boolean;
  readonly name: { readonly common: string; readonly official: string };
  readonly translations: Readonly<Record<string, { readonly common: string; readonly official: string }>>;
  readonly demonyms: Readonly<Record<string, { readonly m: string; readonly f: string }>>;
  readonly altSpellings: readonly string[];
  readonly capital: readonly string[];
}

// The package's 1.4 MB of JSON took a noticeable part of `mda extract`'s start-up.
const worldCountries: readonly WorldState[] = worldStates;

/** Territories kept as states although not UN members. */
const EXTRA_STATES = new Set(['XK', 'PS', 'TW', 'VA']);

/** How a state is written in a surface form, from most to least trustworthy. */
export type SurfaceKind = 'name' | 'adjective';

/** One way of writing a state, as found in the lexicons. */
export interface StateSurfaceForm {
  readonly code: string;
  /** The form as written ("Côte d'Ivoire", "maliennes"). */
  readonly form: string;
  readonly kind: SurfaceKind;
  /** 0 common name, 1 official or other-library name, 2 alternative spelling, 3 adjective. */
  readonly rank: number;
  /** French adjectives are written in lower case; every other form must start upper case. */
  readonly anyCase: boolean;
}

/** Forms neither library has, or has only under another language. */
const ALIASES: readonly (readonly [string, string])[] = [
  ['MD', 'République de Moldova'],
  ['MD', 'Republic of Moldova'],
  ['MD', 'Moldova'],
  ['TR', 'Türkiye'],
  ['TR', 'Turkey'],
  ['TR', 'Turquie'],
  ['KR', 'Korea'],
  ['KR', 'Corée'],
  ['NL', 'Royaume des Pays-Bas'],
  ['NL', 'Kingdom of the Netherlands'],
  ['US', 'Etats-Unis'],
  ['US', 'United States'],
  ['GB', 'Great Britain'],
  ['GB', 'Britain'],
  ['GB', 'Grande-Bretagne'],
  ['CZ', 'Czech Republic'],
  ['CZ', 'République tchèque'],
  ['CV', 'Cabo Verde'],
  ['CV', 'Cap-Vert'],
  ['CI', "Côte d'Ivoire"],
  ['CD', 'Democratic Republic of the Congo'],
  ['CD', 'République démocratique du Congo'],
  ['CG', 'Congo'],
  ['PS', 'Palestinian Territories'],
  ['PS', 'Territoires palestiniens'],
  ['MK', 'Macédoine'],
  ['SZ', 'Swaziland'],
  ['VN', 'Viet Nam'],
  ['LA', 'Laos'],
  ['RU', 'Russia'],
  ['SY', 'Syria'],
  ['IR', 'Iran'],
  ['BO', 'Bolivia'],
  ['VE', 'Venezuela'],
  ['TZ', 'Tanzania'],
  ['BY', 'Bélarus'],
  ['MM', 'Birmanie'],
  ['MM', 'Burma'],
];

/**
 * Nationality adjectives that world-countries lacks (spellings in common use in French and English
 * texts); each gets its plural like the library's forms. French ones match in any case.
 */
const ADJECTIVE_ALIASES: readonly (readonly [string, string, 'en' | 'fr'])[] = [
  ['CV', 'capverdien', 'fr'],
  ['CV', 'capverdienne', 'fr'],
  ['AE', 'émirati', 'fr'],
  ['AE', 'émiratie', 'fr'],
  ['XK', 'kosovar', 'fr'],
  ['XK', 'kosovare', 'fr'],
  ['ME', 'monténégrin', 'fr'],
  ['ME', 'monténégrine', 'fr'],
  ['BF', 'burkinabè', 'fr'],
  ['BF', 'burkinabé', 'fr'],
  ['BA', 'Bosnian', 'en'],
  ['KM', 'Comorian', 'en'],
];

/** Upper-case short forms accepted as names ("the UK", "US policy"). */
const SHORT_NAMES: readonly (readonly [string, string])[] = [
  ['GB', 'UK'],
  ['US', 'US'],
  ['US', 'USA'],
  ['AE', 'UAE'],
  ['CD', 'DRC'],
  ['CD', 'RDC'],
];

/** Display names of the taxonomy organizations. */
const ORGANIZATION_NAMES: Readonly<Record<OrganizationCode, { readonly en: string; readonly fr: string }>> = {
  EU: { en: 'European Union', fr: 'Union européenne' },
  IOM: {
    en: 'International Organization for Migration',
    fr: 'Organisation internationale pour les migrations',
  },
  UNHCR: { en: 'UN Refugee Agency (UNHCR)', fr: 'Haut-Commissariat des Nations unies pour les réfugiés' },
  UN: { en: 'United Nations', fr: 'Nations unies' },
  UNDP: {
    en: 'United Nations Development Programme',
    fr: 'Programme des Nations unies pour le développement',
  },
  ILO: { en: 'International Labour Organization', fr: 'Organisation internationale du travail' },
  OECD: {
    en: 'Organisation for Economic Co-operation and Development',
    fr: 'Organisation de coopération et de développement économiques',
  },
  FRONTEX: { en: 'Frontex', fr: 'Frontex' },
  ICMPD: {
    en: 'International Centre for Migration Policy Development',
    fr: 'Centre international pour le développement des politiques migratoires',
  },
  EMN: { en: 'European Migration Network', fr: 'Réseau européen des migrations' },
  AU: { en: 'African Union', fr: 'Union africaine' },
  ECOWAS: {
    en: 'Economic Community of West African States',
    fr: "Communauté économique des États de l'Afrique de l'Ouest",
  },
  CEMAC: {
    en: 'Economic and Monetary Community of Central Africa',
    fr: "Communauté économique et monétaire de l'Afrique centrale",
  },
  WORLD_BANK: { en: 'World Bank', fr: 'Banque mondiale' },
  ADB: { en: 'Asian Development Bank', fr: 'Banque asiatique de développement' },
  INTERPOL: { en: 'Interpol', fr: 'Interpol' },
};

interface Registry {
  readonly states: readonly Actor[];
  readonly byId: ReadonlyMap<string, Actor>;
  readonly byNumeric: ReadonlyMap<string, string>;
  readonly forms: readonly StateSurfaceForm[];
}

let registry: Registry | null = null;

/** ISO alpha-2 codes of the registry's states, read before the organizations are named. */
const ISO_CODES: ReadonlySet<string> = new Set(
  worldCountries.filter((c) => c.unMember || EXTRA_STATES.has(c.cca2)).map((c) => c.cca2),
);

const first = (v: string | readonly string[] | undefined): string | undefined =>
  typeof v === 'string' ? v : v?.[0];
const all = (v: string | readonly string[] | undefined): readonly string[] =>
  v === undefined ? [] : typeof v === 'string' ? [v] : v;

/** Plural and feminine forms of an adjective: "malien" → malien, maliens; "Sénégalais" unchanged. */
function inflections(word: string): string[] {
  return /[sx]$/i.test(word) ? [word] : [word, `${word}s`];
}

/** Alternative spellings worth matching: Latin-script names, not codes or inverted "X, Republic of". */
function usableSpelling(s: string): boolean {
  return (
    !COMMON_WORD_SPELLINGS.has(s) &&
    s.length >= 4 &&
    !/[,()]/.test(s) &&
    /^[\p{Script=Latin}\s'’.-]+$/u.test(s) &&
    /^\p{Lu}/u.test(s)
  );
}

/** Alternative spellings that are ordinary words ("Island" for Iceland): never read as a state. */
const COMMON_WORD_SPELLINGS = new Set(['Island']);

function build(): Registry {
  const en = enNames.countries as Record<string, string | string[]>;
  const fr = frNames.countries as Record<string, string | string[]>;
  const states: Actor[] = [];
  const byNumeric = new Map<string, string>();
  const forms: StateSurfaceForm[] = [];
  const add = (code: string, form: string, kind: SurfaceKind, rank: number, anyCase = false): void => {
    if (form.trim() !== '' && !/[(),]/.test(form)) forms.push({ code, form, kind, rank, anyCase });
  };
  for (const c of worldCountries) {
    if (!c.unMember && !EXTRA_STATES.has(c.cca2)) continue;
    const code = c.cca2;
    const fraCommon = c.translations['fra']?.common;
    const nameFr = first(fr[code]) ?? fraCommon ?? c.name.common;
    const dEn = c.demonyms['eng'];
    const dFr = c.demonyms['fra'];
    states.push({
      id: code,
      kind: 'state',
      name: { en: c.name.common, fr: fraCommon && !fraCommon.includes('(') ? fraCommon : nameFr },
      ...(dEn && dFr ? { adjective: { en: dEn.m, fr: dFr.m.toLowerCase() } } : {}),
    });
    if (c.ccn3) byNumeric.set(c.ccn3, code);
    add(code, c.name.common, 'name', 0);
    if (fraCommon) add(code, fraCommon, 'name', 0);
    add(code, c.name.official, 'name', 1);
    const fraOfficial = c.translations['fra']?.official;
    if (fraOfficial) add(code, fraOfficial, 'name', 1);
    for (const n of [...all(en[code]), ...all(fr[code])]) if (n.length > 3) add(code, n, 'name', 1);
    for (const n of c.altSpellings) if (usableSpelling(n)) add(code, n, 'name', 2);
    if (dEn) {
      for (const a of new Set([dEn.m, dEn.f])) for (const f of inflections(a)) add(code, f, 'adjective', 3);
    }
    if (dFr) {
      for (const a of new Set([dFr.m, dFr.f])) {
        for (const f of inflections(a.toLowerCase())) add(code, f, 'adjective', 3, true);
      }
    }
  }
  for (const [code, form] of ALIASES) add(code, form, 'name', 0);
  for (const [code, form, lang] of ADJECTIVE_ALIASES) {
    for (const f of inflections(form)) add(code, f, 'adjective', 3, lang === 'fr');
  }
  for (const [code, form] of SHORT_NAMES) add(code, form, 'name', 0);
  const organizations = organizationActors();
  const byId = new Map<string, Actor>();
  for (const a of [...states, ...organizations]) byId.set(a.id, a);
  return { states, byId, byNumeric, forms };
}

function get(): Registry {
  registry ??= build();
  return registry;
}

let orgActors: readonly Actor[] | null = null;
function organizationActors(): readonly Actor[] {
  orgActors ??= ORGANIZATIONS.map((code) => ({
    id: organizationActorId(code),
    kind: 'organization' as const,
    name: ORGANIZATION_NAMES[code],
  }));
  return orgActors;
}

/**
 * The actor id of a taxonomy organization: its code, except when the code is also a state's ISO
 * alpha-2 (the African Union's `AU` is Australia's code), where it is `org:CODE`. States keep their
 * ISO codes, so a state and an organization can never share an id.
 */
export function organizationActorId(code: OrganizationCode): string {
  return ISO_CODES.has(code) ? `org:${code}` : code;
}

/**
 * The actor id scheme, one namespace per kind so that no id can mean two actors:
 * - a state is its ISO 3166-1 alpha-2 code (`ML`, `AU` Australia, `XK` Kosovo);
 * - an organization is its taxonomy code (`EU`, `IOM`, `WORLD_BANK`), written `org:CODE` when the
 *   code is also a state's (`org:AU`, the African Union), so it never reads as a state;
 * - a grouping (the G7, the Sahel countries) is a lower-case slug.
 * Ids stored before this scheme are rewritten by migration 1601.
 */
export const ACTOR_ID_PATTERN =
  /^(?:[A-Z]{2}|org:[A-Z][A-Z0-9_]*|[A-Z][A-Z0-9_]{1,39}|[a-z][a-z0-9_-]{1,39})$/;

/**
 * The kind of actor an id names: the registry's kind when known (`EU` is an organization although
 * it has two letters), else what its form says (`org:` organization, lower case grouping, two
 * upper-case letters a state); null for what is not an actor id.
 */
export function actorKindOf(id: string): ActorKind | null {
  const known = actorById(id);
  if (known !== undefined) return known.kind;
  if (!ACTOR_ID_PATTERN.test(id)) return null;
  if (id.startsWith('org:')) return 'organization';
  if (/^[a-z]/.test(id)) return 'grouping';
  return /^[A-Z]{2}$/.test(id) ? 'state' : 'organization';
}

/** The taxonomy code of an actor id (`org:AU` → `AU`; every other id is its own code). */
export function actorCode(id: string): string {
  return id.startsWith('org:') ? id.slice(4) : id;
}

/** Every state of the registry (UN members plus Kosovo, Palestine, Taiwan, the Holy See). */
export const STATES: readonly Actor[] = get().states;

/** The 16 taxonomy organizations as actors, with display names. */
export const ORGANIZATION_ACTORS: readonly Actor[] = organizationActors();

/** A state or taxonomy organization by id (`ML`, `EU`), or `undefined`. */
export function actorById(id: string): Actor | undefined {
  return get().byId.get(id);
}

/** The display name of an actor in a language; the id itself when unknown. */
export function actorName(id: string, lang: Language): string {
  return actorById(id)?.name[lang] ?? id;
}

/** ISO 3166-1 numeric ("504") to alpha-2 ("MA"), for joining map features; `undefined` if unknown. */
export function countryByNumeric(ccn3: string): string | undefined {
  return get().byNumeric.get(ccn3.padStart(3, '0'));
}

/** Whether a code is a state of the registry. */
export function isStateCode(code: string): boolean {
  return get().byId.get(code)?.kind === 'state';
}

/** Every surface form of every state, for the gazetteer of the country finder. */
export function stateSurfaceForms(): readonly StateSurfaceForm[] {
  return get().forms;
}

/** Codes written in lists that are not the ISO alpha-2 of the state (EU usage: `EL` Greece, `UK`). */
export const CODE_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['EL', 'GR'],
  ['UK', 'GB'],
]);

/**
 * First parts of compound adjectives, written before a hyphen and another state's adjective
 * ("franco-sénégalais", "germano-marocain", "Anglo-Irish", "Sino-African"), folded (no accents,
 * lower case). The learned combining forms of French and English, not derivable from demonyms.
 */
const COMPOUND_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['franco', 'FR'],
  ['germano', 'DE'],
  ['italo', 'IT'],
  ['hispano', 'ES'],
  ['anglo', 'GB'],
  ['britannico', 'GB'],
  ['belgo', 'BE'],
  ['helvetico', 'CH'],
  ['helveto', 'CH'],
  ['luso', 'PT'],
  ['greco', 'GR'],
  ['turco', 'TR'],
  ['russo', 'RU'],
  ['sino', 'CN'],
  ['nippo', 'JP'],
  ['japano', 'JP'],
  ['americano', 'US'],
  ['austro', 'AT'],
  ['neerlando', 'NL'],
  ['hollando', 'NL'],
  ['polono', 'PL'],
  ['dano', 'DK'],
  ['suedo', 'SE'],
  ['irlando', 'IE'],
  ['maroco', 'MA'],
  ['algero', 'DZ'],
  ['tuniso', 'TN'],
  ['libyo', 'LY'],
  ['egypto', 'EG'],
  ['senegalo', 'SN'],
  ['malo', 'ML'],
  ['mauritano', 'MR'],
  ['nigero', 'NE'],
  ['ivoiro', 'CI'],
  ['camerouno', 'CM'],
  ['congolo', 'CG'],
  ['israelo', 'IL'],
  ['syro', 'SY'],
  ['irako', 'IQ'],
  ['irano', 'IR'],
  ['afghano', 'AF'],
  ['pakistano', 'PK'],
  ['mexicano', 'MX'],
  ['canado', 'CA'],
  ['australo', 'AU'],
]);

/** The state of a compound adjective's first part ("Franco", "gréco"), or undefined. */
export function compoundPrefixState(folded: string): string | undefined {
  return COMPOUND_PREFIXES.get(folded);
}

/** French names of capitals that differ from the English ones world-countries gives. */
const FRENCH_CAPITALS: readonly (readonly [string, string])[] = [
  ['GB', 'Londres'],
  ['PT', 'Lisbonne'],
  ['GR', 'Athènes'],
  ['AT', 'Vienne'],
  ['PL', 'Varsovie'],
  ['DK', 'Copenhague'],
  ['DZ', 'Alger'],
  ['EG', 'Le Caire'],
  ['CN', 'Pékin'],
  ['RU', 'Moscou'],
  ['BE', 'Bruxelles'],
  ['NL', 'La Haye'],
  ['CH', 'Berne'],
  ['RO', 'Bucarest'],
  ['CZ', 'Prague'],
  ['HU', 'Budapest'],
  ['SE', 'Stockholm'],
  ['LY', 'Tripoli'],
  ['MX', 'Mexico'],
  ['ET', 'Addis-Abeba'],
  ['LB', 'Beyrouth'],
  ['SY', 'Damas'],
  ['AF', 'Kaboul'],
  ['IN', 'New Delhi'],
  ['TN', 'Tunis'],
];

/**
 * Capital cities by name, English (world-countries) and French, for the state they stand for
 * ("Paris and Dakar agreed", "Rome et Tirana ont signé"). Capitals whose name is also a state's
 * (Mexico, Kuwait, Singapore…) or a common word are left out: they would shadow the state.
 */
export function stateCapitals(): ReadonlyMap<string, string> {
  capitals ??= buildCapitals();
  return capitals;
}
let capitals: ReadonlyMap<string, string> | null = null;

function buildCapitals(): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const stateNames = new Set(get().forms.map((f) => f.form.toLowerCase()));
  for (const c of worldCountries) {
    if (!c.unMember && !EXTRA_STATES.has(c.cca2)) continue;
    for (const city of c.capital) {
      if (!stateNames.has(city.toLowerCase()) && /^\p{Lu}[\p{L}' -]+$/u.test(city)) out.set(city, c.cca2);
    }
  }
  for (const [code, city] of FRENCH_CAPITALS) if (!stateNames.has(city.toLowerCase())) out.set(city, code);
  return out;
}
