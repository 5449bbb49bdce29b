/**
 * "Cite this": a document as a reference in BibTeX, RIS and CSL-JSON, from the source fields the
 * atlas holds (title, publisher or author, date, URL, language). A field the atlas does not know is
 * left out of the reference, never filled with a guess. Pure: fields in, text out.
 */

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** What a reference is made of (a DocumentSummary has these fields). */
export interface CitableDocument {
  readonly id: string;
  /** Null: the document has no title of its own (its file's name is not one). */
  readonly title: string | null;
  /** The file's name: names an untitled document on a page (never used as a reference's title). */
  readonly fileName?: string;
  readonly publisher: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly published: string | null;
  readonly sourceUrl: string | null;
  readonly language: string;
}

/** The CSL-JSON item (the fields of the Citation Style Language data schema that apply). */
export interface CslItem {
  readonly id: string;
  readonly type: 'report';
  readonly title: string;
  readonly author?: readonly { readonly literal: string }[];
  readonly publisher?: string;
  readonly issued?: { readonly 'date-parts': readonly (readonly number[])[] };
  readonly URL?: string;
  readonly language: string;
}

/**
 * The title a reference gives a document with none: a bracketed description, the convention for a
 * supplied title, in the language of the reader who asked (`lang`), never the file's name.
 */
const UNTITLED: Readonly<Record<string, string>> = { en: '[Untitled document]', fr: '[Document sans titre]' };

export function citationTitle(document: CitableDocument, lang?: string): string {
  if (document.title !== null) return document.title;
  return UNTITLED[lang ?? document.language] ?? UNTITLED.en!;
}

const dateParts = (value: string): number[] => value.split('-').map(Number);

export function cslItem(document: CitableDocument, lang?: string): CslItem {
  return {
    id: document.id,
    type: 'report',
    title: citationTitle(document, lang),
    // An institution is the author of its reports: a literal name, not split into given/family.
    ...(document.publisher === null
      ? {}
      : { author: [{ literal: document.publisher }], publisher: document.publisher }),
    ...(document.published === null ? {} : { issued: { 'date-parts': [dateParts(document.published)] } }),
    ...(document.sourceUrl === null ? {} : { URL: document.sourceUrl }),
    language: document.language,
  };
}

/** BibTeX's special characters escaped; braces kept balanced so the entry always parses. */
function bibtexText(value: string): string {
  return value
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/[{}]/g, (c) => `\\${c}`)
    .replace(/[&%$#_]/g, (c) => `\\${c}`)
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fr: 'french', en: 'english' };

export function bibtex(document: CitableDocument, lang?: string): string {
  const [year, month] = document.published === null ? [] : dateParts(document.published);
  const fields: [string, string][] = [
    ['title', `{${bibtexText(citationTitle(document, lang))}}`],
    // Double braces: a corporate author is one name, not "Last, First".
    ...(document.publisher === null
      ? []
      : ([
          ['author', `{{${bibtexText(document.publisher)}}}`],
          ['publisher', `{${bibtexText(document.publisher)}}`],
        ] as [string, string][])),
    ...(year === undefined ? [] : ([['year', `{${year}}`]] as [string, string][])),
    ...(month === undefined ? [] : ([['month', MONTHS[month - 1] ?? '']] as [string, string][])),
    // URLs go verbatim (the url package reads them), except what would unbalance the braces.
    ...(document.sourceUrl === null
      ? []
      : ([['url', `{${document.sourceUrl.replace(/[{}\\]/g, encodeURIComponent)}}`]] as [string, string][])),
    ['language', `{${LANGUAGE_NAMES[document.language] ?? document.language}}`],
  ];
  const key = document.id.replace(/[^A-Za-z0-9_:-]/g, '');
  return `@techreport{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

/** One RIS line: a two-letter tag, two spaces, a hyphen, a space; values on one line. */
const risLine = (tag: string, value: string): string => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;

export function ris(document: CitableDocument, lang?: string): string {
  const [year, month, day] = document.published === null ? [] : dateParts(document.published);
  const pad = (n: number | undefined): string => (n === undefined ? '' : String(n).padStart(2, '0'));
  const lines = [
    risLine('TY', 'RPRT'),
    risLine('ID', document.id),
    risLine('TI', citationTitle(document, lang)),
    ...(document.publisher === null
      ? []
      : [risLine('AU', document.publisher), risLine('PB', document.publisher)]),
    ...(year === undefined ? [] : [risLine('PY', String(year))]),
    ...(year === undefined ? [] : [risLine('DA', `${year}/${pad(month)}/${pad(day)}/`)]),
    ...(document.sourceUrl === null ? [] : [risLine('UR', document.sourceUrl)]),
    risLine('LA', document.language),
    'ER  - ',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The reference in `format`, with the media type it is served as; `lang` is the reader's language,
 * used only for the supplied title of an untitled document (default: the document's language).
 */
export function cite(
  document: CitableDocument,
  format: CitationFormat,
  lang?: string,
): { readonly text: string; readonly mediaType: string; readonly extension: string } {
  switch (format) {
    case 'bibtex':
      return { text: bibtex(document, lang), mediaType: 'application/x-bibtex', extension: 'bib' };
    case 'ris':
      return {
        text: ris(document, lang),
        mediaType: 'application/x-research-info-systems',
        extension: 'ris',
      };
    case 'csl':
      return {
        text: `${JSON.stringify([cslItem(document, lang)], null, 2)}\n`,
        mediaType: 'application/vnd.citationstyles.csl+json',
        extension: 'json',
      };
  }
}
