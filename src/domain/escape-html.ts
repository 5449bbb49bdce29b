/**
 * Escaping text for HTML element content and attribute values. One function for every place that
 * writes HTML (the reports of the analyses, search snippets, the web pages), so they cannot differ.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` with & < > " ' replaced by their character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
