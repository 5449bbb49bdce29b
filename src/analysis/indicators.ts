/**
 * Indicators of impact: time series with a source for each value. Values are read from text
 * ("from 65 in 2020 to 74 by 2024", "around 74% of workers returning", "neuf projets … pour un
 * montant total de 145.1 millions d'euros, dont … (53.6 M)"), from instruments' amounts, or entered
 * by users (validated with zod at this boundary).
 */
import { z } from 'zod';
import type {
  IndicatorSeries,
  IndicatorValue,
  InstrumentSummary,
  SourceRef,
} from '../domain/analysis-model.ts';
import type { Language, Span } from '../domain/model.ts';
import { invalidInput } from '../domain/errors.ts';
import { boundedNumber, partialDate, stateCode, userText } from '../domain/input-schemas.ts';
import { findCountries } from '../extraction/countries.ts';
import { findAmounts } from '../extraction/money.ts';
import { instrumentTotals } from '../domain/money.ts';
import { locateFootnotes } from '../extraction/positions/footnotes.ts';
import { sentenceAt, splitSentences, tidy } from '../extraction/positions/sentences.ts';
import type { AmountMention } from '../extraction/types.ts';
import { foldText } from '../extraction/text.ts';

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const FROM_TO_RE = new RegExp(
  String.raw`\b(?:from|de)\s+${NUM}\s+(?:in|en)\s+((?:19|20)\d{2})\s+(?:to|à|a)\s+${NUM}\s+(?:in|by|en)\s+((?:19|20)\d{2})\b`,
  'giu',
);
const PERCENT_RE = new RegExp(
  String.raw`(?:\b(about|around|approximately|nearly|almost|some|over|more than|less than|environ|près de|plus de|moins de)\s+)?${NUM}\s?(?:%|per ?cent|pour ?cent)\s+(?:of|des|de|du)\s+([^,.;()]{3,120})`,
  'giu',
);
const SUBJECT_RE =
  /\b(?:the (?:number|share|proportion|percentage|rate) of|le nombre d[e']|la part d[e']|le taux d[e']|la proportion d[e'])\s*(.+?)\s+(?:has|have|had|a|ont|is|est|was|rose|grew|increased|decreased|fell|went|passed|augment\p{L}*|diminu\p{L}*|pass\p{L}*)\b/iu;
const COMMITTED_RE =
  /\b(?:approv|commit|mobili[sz]|pledg|allocat|disburs|provid|fund|financ|approuv|engag|allou|décaiss|octroy|dégag)/iu;
const HEDGE_RE = /^(?:about|around|approximately|nearly|almost|some|environ|près de)$/iu;

function num(written: string): number {
  return Number(written.replace(',', '.'));
}

/** The country a sentence is about: named in it, else in the three sentences before it. */
function countryNear(text: string, sentences: readonly Span[], sentence: Span): string | null {
  const i = sentences.indexOf(sentence);
  for (let k = i; k >= Math.max(0, i - 3); k--) {
    const s = sentences[k] as Span;
    const found = findCountries(text.slice(s.start, s.end));
    if (found.length > 0) return (found[0] as { code: string }).code;
  }
  return null;
}

function source(documentId: string, text: string, span: Span): SourceRef {
  return { documentId, start: span.start, end: span.end, quote: tidy(text.slice(span.start, span.end)) };
}

/** What an amount pays for: the words before it in its clause ("six projets qui ciblent le Mali"). */
function amountLabel(text: string, sentence: Span, amount: AmountMention): string {
  const chunks = text
    .slice(sentence.start, amount.start)
    .split(/[,;()]|\b(?:dont|et|and|of which|including|y compris)\b/u);
  for (let i = chunks.length - 1; i >= 0; i--) {
    const label = tidy(chunks[i] as string)
      .replace(
        /\b(?:pour un montant (?:total )?de|for a total of|up to|about|more than|jusqu'à|plus de|environ|pour|for|of|de)$/iu,
        '',
      )
      .trim();
    // A chunk with a number is another amount's clause ("pour 53.6 M"): look further back.
    if (label.split(' ').length >= 2 && !/\d/.test(label)) return label;
  }
  return '';
}

/**
 * Indicator values a document states: changes over time ("from 65 in 2020 to 74 by 2024"), shares
 * ("around 74% of workers returning"), and money committed (amounts in sentences about approving,
 * committing or mobilising funds).
 */
export function extractIndicators(
  text: string,
  documentId: string,
  options: { readonly language?: Language; readonly amounts?: readonly AmountMention[] } = {},
): IndicatorValue[] {
  const sentences = splitSentences(text);
  const out: IndicatorValue[] = [];
  const base = { instrumentId: null };
  for (const m of text.matchAll(FROM_TO_RE)) {
    const sentence = sentenceAt(sentences, m.index);
    if (!sentence) continue;
    const clause = text.slice(sentence.start, m.index);
    const subject = SUBJECT_RE.exec(tidy(clause + text.slice(m.index, sentence.end)));
    const indicator = tidy(subject?.[1] ?? clause.split(/[,;]/).pop() ?? '').replace(/[.,;:]$/, '');
    const country = countryNear(text, sentences, sentence);
    const src = source(documentId, text, sentence);
    out.push({
      ...base,
      indicator,
      value: num(m[1] as string),
      unit: 'count',
      date: m[2] as string,
      country,
      approximate: false,
      source: src,
    });
    out.push({
      ...base,
      indicator,
      value: num(m[3] as string),
      unit: 'count',
      date: m[4] as string,
      country,
      approximate: false,
      source: src,
    });
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    const sentence = sentenceAt(sentences, m.index);
    if (!sentence) continue;
    const year = /\b((?:19|20)\d{2})\b/.exec(text.slice(sentence.start, sentence.end));
    out.push({
      ...base,
      indicator: `share of ${tidy(m[3] as string)}`,
      value: num(m[2] as string),
      unit: '%',
      date: year ? (year[1] as string) : null,
      country: countryNear(text, sentences, sentence),
      approximate: m[1] !== undefined && HEDGE_RE.test(m[1]),
      source: source(documentId, text, { start: m.index, end: m.index + m[0].length }),
    });
  }
  const amounts = options.amounts ?? findAmounts(text, options.language ?? 'en');
  // Sums quoted in bibliographic footnotes are titles of sources, not commitments.
  const citations = locateFootnotes(text).filter((f) => f.isCitation);
  for (const a of amounts) {
    if (citations.some((f) => a.start >= f.start && a.start < f.end)) continue;
    const sentence = sentenceAt(sentences, a.start);
    if (!sentence || !COMMITTED_RE.test(foldText(text.slice(sentence.start, sentence.end)).normalize())) {
      continue;
    }
    const year = /\b((?:19|20)\d{2})\b/.exec(text.slice(sentence.start, sentence.end));
    const label = amountLabel(text, sentence, a);
    out.push({
      ...base,
      indicator: label === '' ? 'money committed' : `money committed: ${label}`,
      value: a.value,
      unit: a.currency,
      date: year ? (year[1] as string) : null,
      country: countryNear(text, sentences, sentence),
      approximate: a.approximate,
      source: source(documentId, text, sentence),
    });
  }
  return out;
}

/**
 * One "money committed" value per currency of each instrument, dated by its first date: the
 * instrument's total as the domain sums it (a total and its breakdown count once).
 */
export function indicatorsFromInstruments(instruments: readonly InstrumentSummary[]): IndicatorValue[] {
  return instruments.flatMap((i) =>
    Object.entries(instrumentTotals(i.amounts)).map(([currency, value]) => ({
      indicator: 'money committed',
      value,
      unit: currency,
      date: i.dates[0]?.value ?? null,
      country: null,
      instrumentId: i.id,
      approximate: i.amounts.some((a) => a.currency === currency && a.approximate),
      source: i.evidence[0] ?? { enteredBy: 'instrument', note: i.title },
    })),
  );
}

/** A value a user enters: checked here, at the boundary, before it reaches a series. */
export const IndicatorInputSchema = z.object({
  indicator: userText(300, { min: 3 }),
  value: boundedNumber,
  unit: userText(20),
  date: partialDate.nullable().default(null),
  country: stateCode.nullable().default(null),
  instrumentId: userText(100).nullable().default(null),
  approximate: z.boolean().default(false),
  enteredBy: userText(100),
  note: userText(2000, { min: 0, multiline: true }).nullable().default(null),
});
export type IndicatorInput = z.input<typeof IndicatorInputSchema>;

/** A user's value as an indicator value, or an `invalid_input` AtlasError naming the bad field. */
export function parseIndicatorInput(input: unknown): IndicatorValue {
  const parsed = IndicatorInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(issue?.path.join('.') || 'indicator', issue?.message ?? 'invalid value');
  }
  const { enteredBy, note, ...rest } = parsed.data;
  return { ...rest, source: { enteredBy, note } };
}

/** Values grouped into series (same indicator, unit, country and instrument), each sorted by date. */
export function indicatorSeries(values: readonly IndicatorValue[]): IndicatorSeries[] {
  // One array per series, appended in place: linear in the number of values.
  const series = new Map<string, IndicatorValue[]>();
  // Many values share a name: fold each distinct name once.
  const folded = new Map<string, string>();
  for (const v of values) {
    let name = folded.get(v.indicator);
    if (name === undefined) folded.set(v.indicator, (name = tidy(foldText(v.indicator))));
    const key = [name, v.unit, v.country ?? '', v.instrumentId ?? ''].join('|');
    const list = series.get(key);
    if (list === undefined) series.set(key, [v]);
    else list.push(v);
  }
  return [...series.values()].map((list) => {
    const first = list[0] as IndicatorValue;
    const sorted = list.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    return {
      indicator: first.indicator,
      unit: first.unit,
      country: first.country,
      instrumentId: first.instrumentId,
      values: sorted,
    };
  });
}

/** One page of series: `total` counts values, and the page holds values offset … offset+limit-1. */
export interface SeriesPage {
  readonly series: IndicatorSeries[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Cuts series into a page of values (series in order, values by date), so a page stays small
 * however many values one series holds; a series cut by the page boundary continues on the next.
 */
export function pageOfSeries(series: readonly IndicatorSeries[], offset: number, limit: number): SeriesPage {
  const total = series.reduce((sum, s) => sum + s.values.length, 0);
  const page: IndicatorSeries[] = [];
  let skip = offset;
  let room = limit;
  for (const s of series) {
    if (room === 0) break;
    if (skip >= s.values.length) {
      skip -= s.values.length;
      continue;
    }
    const values = s.values.slice(skip, skip + room);
    skip = 0;
    room -= values.length;
    page.push({ ...s, values });
  }
  return { series: page, total, limit, offset };
}
