/**
 * A tiny HTML template helper: `html\`…\`` escapes every interpolated value unless it is already
 * safe HTML (another `html` result or `raw()`), so pages cannot inject text as markup by accident.
 */
import { escapeHtml } from '../domain/escape-html.ts';

/** A string known to be safe HTML. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(String(part));
}

/** Marks a string as safe HTML (only for markup built here, never for user text). */
export const raw = (value: string): SafeHtml => new SafeHtml(value);

/** Tagged template producing SafeHtml with every interpolation escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Builds a URL path with a query string, skipping empty values. */
export function href(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}
