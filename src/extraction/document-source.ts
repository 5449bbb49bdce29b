/**
 * A document as a source: its title, publisher or author, date and URL, read from the head of the
 * text where the text states them ("Published by …", "Source : …", a title line, a date line).
 * Each value keeps the span it was read from, so it is stored as a claim with evidence like every
 * other fact. Pure: text in, fields out; a field the text does not give is null (never a guess).
 */
import type { DatePrecision, Language, Quoted } from '../domain/model.ts';
import { findDates } from './dates.ts';

/** Only the start of a document is its title page; later lines are body text and footnotes. */
const HEAD_CHARS = 4000;
/** Title lines looked at before giving up (a title comes before the body starts). */
const TITLE_LINES = 12;
const MAX_TITLE_WORDS = 20;
const MAX_FIELD = 300;

export interface SourceField extends Quoted {
  readonly value: string;
}

export interface SourceDate extends SourceField {
  readonly precision: DatePrecision;
}

export interface DocumentSource {
  readonly title: SourceField | null;
  readonly publisher: SourceField | null;
  readonly published: SourceDate | null;
  readonly url: SourceField | null;
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** The line without surrounding blanks (start/end are its trimmed bounds). */
  readonly text: string;
}

function headLines(text: string): Line[] {
  const head = text.slice(0, HEAD_CHARS);
  const lines: Line[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(head); match !== null; match = pattern.exec(head)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    lines.push({ start: match.index + lead, end: match.index + lead + trimmed.length, text: trimmed });
  }
  return lines;
}

const field = (text: string, start: number, end: number, value: string): SourceField => ({
  start,
  end,
  quote: text.slice(start, end),
  value: value.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD),
});

/** Lines that label a part of a title page, never a title ("Disclaimer", "Sommaire"…). */
const NOT_A_TITLE =
  /^(?:funded by|co-?funded by|financ[ée]e? par|disclaimer|avertissement|introduction|contents|table of contents|sommaire|table des mati[èe]res|summary|r[ée]sum[ée]|foreword|avant-propos|preface|pr[ée]face|acknowledg|remerciements|published|publi[ée]|source|page \d)/i;
const LABEL = /^(?:title|titre)\s*:\s*(.+)$/i;

const words = (line: string): number => line.split(/\s+/).filter((w) => w !== '').length;
const isUpper = (line: string): boolean => /\p{L}/u.test(line) && line === line.toUpperCase();
const startsLower = (line: string): boolean => /^\p{Ll}/u.test(line);

/**
 * The title: a "Title:" line, else the first heading-like line of the head (short, not a sentence,
 * not a label), with the following lines joined when an all-capitals title is broken over lines.
 * A head that starts with running text (a line continued in lower case) has no title line.
 */
function readTitle(text: string, lines: readonly Line[]): SourceField | null {
  for (const line of lines.slice(0, 40)) {
    const label = LABEL.exec(line.text);
    if (label?.[1] !== undefined) return field(text, line.start, line.end, label[1]);
  }
  for (let index = 0; index < Math.min(lines.length, TITLE_LINES); index++) {
    const line = lines[index] as Line;
    if (NOT_A_TITLE.test(line.text) || startsLower(line.text) || /^[•\-–*\d]/u.test(line.text)) continue;
    if (words(line.text) < 2) continue;
    const next = lines[index + 1];
    const sentence = /[.;,]$/.test(line.text) || words(line.text) > MAX_TITLE_WORDS;
    if (sentence || (next !== undefined && startsLower(next.text) && !isUpper(line.text))) {
      // Running text: the body has started without a title line.
      if (words(line.text) > 8) return null;
      continue;
    }
    let end = line.end;
    let value = line.text;
    if (isUpper(line.text)) {
      for (let more = index + 1; more < lines.length; more++) {
        const following = lines[more] as Line;
        if (!isUpper(following.text) || words(value) + words(following.text) > MAX_TITLE_WORDS) break;
        value = `${value} ${following.text}`;
        end = following.end;
      }
    }
    return field(text, line.start, end, value.replace(/\s*:$/, ''));
  }
  return null;
}

/** "Published by X", "Publisher: X", "produced (jointly) by X", "Publié par X", "Auteur : X"… */
const PUBLISHER_PATTERNS: readonly RegExp[] = [
  /\b(?:published|issued|edited)\s+by\s+(?:the\s+)?([^\n.;]{3,160})/i,
  /^(?:publisher|author|authors|éditeur|auteur|auteurs)\s*:\s*([^\n]{3,160})$/im,
  /\b(?:has been |was |is )?produced\s+(?:jointly\s+)?by\s+(?:the\s+)?([^\n.;]{3,160})/i,
  /\b(?:publi[ée]e?s?|[ée]dit[ée]e?s?|r[ée]alis[ée]e?s?|produite?s?|[ée]labor[ée]e?s?)\s+(?:conjointement\s+)?par\s+(?:l[ae']\s*|les\s+)?([^\n.;]{3,160})/i,
];

function readPublisher(text: string, head: string): SourceField | null {
  let best: SourceField | null = null;
  for (const pattern of PUBLISHER_PATTERNS) {
    const match = pattern.exec(head);
    const captured = match?.[1];
    if (match === null || captured === undefined) continue;
    const start = match.index + match[0].indexOf(captured);
    // A list of publishers ends before "The EMN comprises…": cut at the sentence's last name.
    const value = captured
      .replace(/,\s+and\s+/g, ' and ')
      .replace(/\s*\(\s*$/, '')
      .replace(/[,:]\s*$/, '');
    const found = field(text, start, start + captured.length, value);
    if (best === null || found.start < best.start) best = found;
  }
  return best;
}

/** "Source: https://…", "URL : …", "Available at …", "Disponible sur …", or a URL alone on a line. */
const URL_LABEL =
  /^(?:source|url|lien|link|available (?:at|from)|disponible (?:sur|à l['’]adresse)|consult(?:é|able) sur)\s*:?\s*<?(https?:\/\/[^\s<>]+)>?/i;
const BARE_URL = /^<?(https?:\/\/[^\s<>]+)>?$/i;

function readUrl(text: string, lines: readonly Line[]): SourceField | null {
  for (const [index, line] of lines.entries()) {
    // A bare URL is the source only on the title page; further on it is a reference in the body.
    const match = URL_LABEL.exec(line.text) ?? (index < 15 ? BARE_URL.exec(line.text) : null);
    const url = match?.[1];
    if (url === undefined) continue;
    const start = line.start + line.text.indexOf(url);
    return field(text, start, start + url.length, url.replace(/[).,;]+$/, ''));
  }
  return null;
}

/**
 * The date: the date after a "Published"/"Date" label, else a line that is only a date (possibly
 * after a place: "Rabat, le 12 mars 2019"), in the head of the document.
 */
function readDate(text: string, lines: readonly Line[], language: Language): SourceDate | null {
  const head = text.slice(0, HEAD_CHARS);
  const dates = findDates(head, language).filter((d) => !d.inCitation);
  const onLine = (line: Line) => dates.find((d) => d.start >= line.start && d.end <= line.end);
  const asField = (date: (typeof dates)[number]): SourceDate => ({
    ...field(text, date.start, date.end, date.value),
    precision: date.precision,
  });
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (!/^(?:published|publi[ée]e?|date(?: of publication| de publication)?)\s*:?/i.test(line.text)) {
      continue;
    }
    const date =
      onLine(line) ?? (lines[index + 1] === undefined ? undefined : onLine(lines[index + 1] as Line));
    if (date !== undefined) return asField(date);
  }
  for (const line of lines.slice(0, 40)) {
    const date = onLine(line);
    if (date === undefined) continue;
    const rest = (text.slice(line.start, date.start) + text.slice(date.end, line.end)).trim();
    // Only a date, or a place and "le"/"on" before it: a dateline, not a sentence mentioning a date.
    if (rest === '' || /^[\p{L}\s'’-]{1,40},?\s*(?:le|on)?$/u.test(rest)) return asField(date);
  }
  return null;
}

/** What the head of `text` says about the document as a source. */
export function readDocumentSource(text: string, language: Language): DocumentSource {
  const lines = headLines(text);
  return {
    title: readTitle(text, lines),
    publisher: readPublisher(text, text.slice(0, HEAD_CHARS)),
    published: readDate(text, lines, language),
    url: readUrl(text, lines),
  };
}
