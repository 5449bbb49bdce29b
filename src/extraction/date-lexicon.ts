/**
 * Words the date rules read: month names and abbreviations in French and English, and the cue
 * words that make a four-digit number something other than a year (counts, amounts, codes) or put
 * a date inside a bibliographic reference.
 */

/** Month name or abbreviation (lower case, accents kept) → month number 1–12. */
const MONTH_WORDS: readonly (readonly [string, number])[] = [
  ['janvier', 1],
  ['janv', 1],
  ['january', 1],
  ['jan', 1],
  ['février', 2],
  ['fevrier', 2],
  ['févr', 2],
  ['fevr', 2],
  ['fév', 2],
  ['february', 2],
  ['feb', 2],
  ['mars', 3],
  ['march', 3],
  ['mar', 3],
  ['avril', 4],
  ['avr', 4],
  ['april', 4],
  ['apr', 4],
  ['mai', 5],
  ['may', 5],
  ['juin', 6],
  ['june', 6],
  ['jun', 6],
  ['juillet', 7],
  ['juil', 7],
  ['july', 7],
  ['jul', 7],
  ['août', 8],
  ['aout', 8],
  ['august', 8],
  ['aug', 8],
  ['septembre', 9],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['octobre', 10],
  ['october', 10],
  ['oct', 10],
  ['novembre', 11],
  ['november', 11],
  ['nov', 11],
  ['décembre', 12],
  ['decembre', 12],
  ['déc', 12],
  ['december', 12],
  ['dec', 12],
];

const MONTH_BY_WORD: ReadonlyMap<string, number> = new Map(MONTH_WORDS);

/**
 * English month words that are also ordinary lower-case words ("may", "march"): they count as
 * months only when capitalised, as English writes months.
 */
const AMBIGUOUS_LOWERCASE = new Set(['may', 'march', 'mar', 'jan', 'sep', 'dec', 'aug', 'jun', 'jul', 'oct']);

/** Regex source matching any month word, longest first so "juillet" wins over "juil". */
export const MONTH_SOURCE: string = [...MONTH_BY_WORD.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[éè]/gu, '[ée]').replace(/û/gu, '[uû]'))
  .join('|');

/** Month number of a month word as written ("Décembre", "Sept.", "may"), or null when it is not one. */
export function monthOf(word: string): number | null {
  const bare = word.replace(/\.$/u, '');
  const lower = bare.toLowerCase();
  const month = MONTH_BY_WORD.get(lower) ?? MONTH_BY_WORD.get(lower.normalize('NFC'));
  if (month === undefined) return null;
  if (AMBIGUOUS_LOWERCASE.has(lower) && bare === lower) return null;
  return month;
}

/** Earliest and latest year accepted as a date (post-war migration diplomacy to the 2100 horizon). */
export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

/**
 * Before a bare four-digit number, text that makes it a page, a code, a number or an amount: "pp.",
 * "No", "COM (", a currency sign or code.
 */
export const NOT_A_YEAR_BEFORE =
  /(?:\bpp?\.|\bpages?|\bn[°ºo]\.?|\bnos?\.|\bnr\.?|\bart(?:icle)?\.?|\br[ée]solution|§|\b(?:COM|SEC|SWD|JOIN|C)\s*\(|[€$£¥]|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|XOF|XAF|MAD|TND)|\bISBN:?|\bISSN:?|\bdoi:?)\s*$/iu;

/** After a bare four-digit number, text that makes it a percentage or an amount. */
export const NOT_A_YEAR_AFTER =
  /^\s*(?:%|‰|per\s*cent|percent|pour\s*cent|millions?\b|milliards?\b|billions?\b|bn\b|mn\b|mrd\b|mio\b|[MkK]\s?€|€|euros?\b|dollars?\b|francs?\b|EUR\b|USD\b|GBP\b|CHF\b|FCFA\b|km\b|kg\b|m²|ha\b)/iu;

/** Quantity words just before a number that make "more than 2000 companies" a count. */
export const QUANTITY_BEFORE =
  /(?:\b(?:more|fewer|less)\s+than|\bover|\babout|\baround|\bnearly|\balmost|\bsome|\bat\s+least|\bapproximately|\broughly|\bplus\s+de|\bmoins\s+de|\bprès\s+de|\benviron|\bquelque|\bau\s+moins|\bau-delà\s+de|\bjusqu['’]à|\bup\s+to)\s*$/iu;

/** Nouns counted after a number ("2030 migrants", "2000 entreprises"): the number is a count. */
export const COUNT_NOUN_AFTER =
  /^\s+(?:migrants?|people|persons?|personnes?|individus?|individuals?|refugees?|réfugiés?|workers?|travailleurs?|travailleuses?|entreprises?|companies|firms?|participants?|participantes?|students?|étudiants?|visas?|jobs?|emplois?|members?|membres?|cases|cas|habitants?|inhabitants?|children|enfants?|families|familles?|women|femmes?|men|hommes?|returnees?|rapatriés?|applications?|demandes?|arrivals?|arrivées?|deaths?|morts?|décès|victims?|victimes?|beneficiaries|bénéficiaires?|nurses?|infirmi[eè]re?s?|hectares?|tonnes?|kilomètres?|kilometres?|kilometers?|km)\b/iu;

/**
 * Just before a date, words saying it is when a source was consulted ("last accessed on",
 * "consulté le"): a citation, not an event.
 */
export const ACCESSED_BEFORE =
  /(?:accessed|consulted|retrieved|visited|viewed|consulté|consultée|consultation|accédé|accès)(?:\s+(?:on|le|the|:))?[\s:,]*$/iu;

/**
 * Earlier on the same line, marks of a bibliographic reference: an editor note, a publisher, a
 * journal's volume, "In:". A year there is the reference's year.
 */
export const BIBLIOGRAPHY_ON_LINE =
  /\((?:eds?|dir|coord)\.?\)|\bIn:\s|\bet\s+al\.|\b(?:University|Academic)\s+Press\b|\bPress,\s|\bPublishing\b|\bRoutledge\b|\bÉditions\b|\bvol\.\s*\d|\bpp?\.\s*\d/u;

/**
 * Capitalised words that make a year part of a name rather than a date: "Agenda 2063", "Vision
 * 2030", "Horizon 2020", "Europe 2020" before it; "the 2030 Agenda" after it. A strategy's or a
 * plan's period ("Stratégie 2021-2025") is a range and stays a date.
 */
export const NAME_YEAR_BEFORE = /(?:^|[^\p{L}])(?:Agenda|Vision|Horizon|Europe|Objectifs?|Goals?)\s+$/u;
export const NAME_YEAR_AFTER = /^\s+(?:Agenda|Vision)\b/u;
/**
 * A round horizon year next to a plan's capitalised head names its horizon, not its date: "the 2030
 * Roadmap", "the 2050 Strategy for …", "Strategy 2035" (years from 2025 ending in 0 or 5; "the 2016
 * Law" and "the 2015 Action Plan" keep their dates).
 */
export const HORIZON_HEAD_AFTER = /^\s+(?:Roadmap|Road Map|Strategy|Strat[ée]gie|Plan|Framework|Goals?)\b/u;
export const HORIZON_HEAD_BEFORE = /(?:^|[^\p{L}])(?:Roadmap|Strategy|Strat[ée]gie|Plan|Framework)\s+$/u;
export const isHorizonYear = (year: string): boolean => /^20(?:[2-9][05])$/.test(year) && year >= '2025';

/**
 * After a month (and day), words that date it by a year already given: "juillet de la même année",
 * "in July that year", "of the same year", "de cette année-là", "l'année suivante" is not read.
 */
export const SAME_YEAR_AFTER =
  /^(?:\s+(?:de\s+la\s+m[êe]me\s+ann[ée]e|de\s+cette\s+(?:m[êe]me\s+)?ann[ée]e(?:-l[àa])?|of\s+(?:the\s+same|that)\s+year|(?:that|the\s+same)\s+year))(?![\p{L}])/iu;
