/**
 * Numbers, sums, dates and counted nouns written the French or the English way, through Intl:
 * "11 décembre 2016" / "11 December 2016", "145,1 M€" / "€145.1M", "1 résultat" / "2 results".
 */
import type { Language } from '../domain/model.ts';

const LOCALES: Record<Language | 'en-US', string> = { fr: 'fr-FR', en: 'en-GB', 'en-US': 'en-US' };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Language | 'en-US', options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A count or measure: "1 234,5" / "1,234.5". */
export function formatNumber(value: number, lang: Language, maximumFractionDigits = 2): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

/** Whether a currency code is one Intl can write (ISO 4217, three capitals). */
const isCurrency = (code: string): boolean => /^[A-Z]{3}$/.test(code);

/**
 * A sum of money: compact from a million up ("145,1 M€" / "€145.1M"), in full below
 * ("150 000 €" / "€150,000"); "~" when the source gives an approximate figure.
 */
export function formatMoney(value: number, currency: string, lang: Language, approximate = false): string {
  const hedge = approximate ? '~' : '';
  const compact = Math.abs(value) >= 1_000_000;
  if (!isCurrency(currency)) return `${hedge}${formatNumber(value, lang)} ${currency}`;
  // en-GB writes "€145.1m"; the brief and most briefings write "€145.1M", as en-US does.
  const text = numberFormat(compact && lang === 'en' ? 'en-US' : lang, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    ...(compact
      ? { notation: 'compact', compactDisplay: 'short', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { maximumFractionDigits: 0 }),
  }).format(value);
  // French writes "145,1 M€": the compact unit and the symbol stay together.
  return hedge + (lang === 'fr' ? text.replace(/\s(M|Md|k)\s(\S+)$/u, '\u00a0$1$2') : text);
}

const MONTHS_ONLY = /^(\d{4})-(\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A stored date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in words; anything else is returned as given. */
export function formatDate(value: string, lang: Language): string {
  const full = FULL_DATE.exec(value);
  if (full) {
    const date = new Date(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3])));
    return new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  const month = MONTHS_ONLY.exec(value);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      date,
    );
  }
  return value;
}

const pluralRules: Record<Language, Intl.PluralRules> = {
  fr: new Intl.PluralRules('fr-FR'),
  en: new Intl.PluralRules('en-GB'),
};

/** "1 résultat", "2 résultats", "0 résultat" (French counts 0 and 1 as singular). */
export function counted(
  count: number,
  forms: { readonly one: string; readonly other: string },
  lang: Language,
): string {
  const form = pluralRules[lang].select(count) === 'one' ? forms.one : forms.other;
  return `${formatNumber(count, lang)} ${form}`;
}
