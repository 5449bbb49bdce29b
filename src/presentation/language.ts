/**
 * The reader's language for a request, shared by the API (CSV column names) and the pages:
 * `?lang=`, then the `lang` cookie the pages set, then Accept-Language, else English.
 */
import type { Language } from '../domain/model.ts';

export function pickLanguage(
  queryLang: unknown,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (queryLang === 'fr' || queryLang === 'en') return queryLang;
  const cookie = /(?:^|;\s*)lang=(fr|en)\b/.exec(cookieHeader ?? '');
  if (cookie?.[1] === 'fr' || cookie?.[1] === 'en') return cookie[1];
  return /^\s*fr\b/i.test(acceptLanguage ?? '') ? 'fr' : 'en';
}
