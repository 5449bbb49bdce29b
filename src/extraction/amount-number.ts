/**
 * Reading a written number of a sum of money exactly: "145,1", "145.1", "1 000 000", "1.234.567,89",
 * "7,400.5". The value is computed on the digit string with integer arithmetic, so "145.1" millions
 * is exactly 145100000 (never 145099999.99999999 from float multiplication).
 */
import type { Language } from '../domain/model.ts';

/**
 * Regex source of a number as written in either language; grouped forms first. Groups of three are
 * separated by a space (plain, no-break, narrow no-break or thin), a dot, a comma, or the Swiss
 * apostrophe ("CHF 1'500'000").
 */
export const NUMBER_SOURCE =
  "\\d{1,3}(?:[ \\u00A0\\u202F\\u2009.,'’]\\d{3})+(?:[.,]\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)?(?!\\d)";

/** A number as digits and how many of them are decimals: 145.1 → { digits: '1451', decimals: 1 }. */
interface DecimalDigits {
  readonly digits: string;
  readonly decimals: number;
}

/**
 * Decides which separator marks decimals. Both present: the last one. One kind, several times:
 * thousands. One separator followed by exactly three digits is a thousands separator, except an
 * English dot and a French comma before a scale word, which stay decimal marks ("€ 1.250 billion",
 * "1,250 millions"). Without a scale word three decimals are no sum of money: "5,000 euros" in a
 * French text is five thousand euros, as the writer meant (cents have two digits).
 */
function splitDecimals(written: string, language: Language, scaled: boolean): DecimalDigits | null {
  const s = written.replace(/[ \u00A0\u202F\u2009'’]/gu, '');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimalMark: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots === 1 || commas === 1) {
    const mark = dots === 1 ? '.' : ',';
    const tail = s.length - s.indexOf(mark) - 1;
    const nativeDecimal =
      scaled && ((language === 'en' && mark === '.') || (language === 'fr' && mark === ','));
    decimalMark = tail !== 3 || nativeDecimal ? mark : null;
  }
  if (decimalMark === null) {
    const digits = s.replace(/[.,]/gu, '');
    return /^\d+$/u.test(digits) ? { digits, decimals: 0 } : null;
  }
  const at = s.lastIndexOf(decimalMark);
  const whole = s.slice(0, at).replace(/[.,]/gu, '');
  const fraction = s.slice(at + 1);
  if (!/^\d+$/u.test(whole) || !/^\d+$/u.test(fraction)) return null;
  return { digits: whole + fraction, decimals: fraction.length };
}

/**
 * The value in units of a written number times 10^scale, or null when it is not a number. Whole
 * units are exact; a sum with cents is rounded to the cent.
 */
export function amountValue(written: string, scale: number, language: Language): number | null {
  const parsed = splitDecimals(written, language, scale > 0);
  if (parsed === null) return null;
  const shift = scale - parsed.decimals;
  if (shift >= 0) return Number(BigInt(parsed.digits) * 10n ** BigInt(shift));
  const cents = (BigInt(parsed.digits) * 100n) / 10n ** BigInt(-shift);
  return Number(cents) / 100;
}
