/** Pieces shared by several pages: instrument lists, pagination, tags, dates and money. */
import type { InstrumentSummary } from '../storage/atlas-store.ts';
import { href, html, type SafeHtml } from './html.ts';
import type { Translator } from './i18n.ts';
import { actorHref } from './charts/network.ts';
import { formatDate, formatMoney } from './format.ts';
import { isInstrumentType } from '../domain/taxonomy.ts';
import { actorKindOf } from '../domain/actors.ts';
import { genericTitleIn } from '../extraction/instruments/titles.ts';

/** A sum of money the reader's way ("145,1 M€" / "€145.1M"). */
export function money(value: number, currency: string, tr: Translator, approximate = false): string {
  return formatMoney(value, currency, tr.lang, approximate);
}

/** A stored date (`YYYY[-MM[-DD]]`) the reader's way ("11 décembre 2016" / "11 December 2016"). */
export function dateText(value: string, tr: Translator): string {
  return formatDate(value, tr.lang);
}

/**
 * Text taken as it stands from a source (a title, a quote): marked `translate="no"` (and with its
 * language when known), so the page's language check and translation tools leave it alone.
 */
export function sourceText(text: string, lang?: string | null): SafeHtml {
  return lang === undefined || lang === null
    ? html`<span translate="no">${text}</span>`
    : html`<span translate="no" lang="${lang}">${text}</span>`;
}

/**
 * A document's title as written in the source, or — when nothing gave it one and only its file's
 * name stood in — "Untitled document (file X)" in the reader's language: a file name is not a title.
 */
export function documentTitle(
  document: { readonly title: string | null; readonly fileName?: string | undefined },
  tr: Translator,
  lang?: string | null,
): SafeHtml {
  if (document.title !== null) return sourceText(document.title, lang);
  const file = document.fileName;
  return file === undefined || file === ''
    ? html`<span class="untitled">${tr.t('untitledDocument')}</span>`
    : html`<span class="untitled"
        >${tr.t('untitledDocument')} (${tr.t('untitledFile')} ${sourceText(file)})</span
      >`;
}

/** The same as plain text (attributes, CSV cells, titles of pages). */
export function documentTitleText(
  document: { readonly title: string | null; readonly fileName?: string | undefined },
  tr: Translator,
): string {
  if (document.title !== null) return document.title;
  const file = document.fileName;
  return file === undefined || file === ''
    ? tr.t('untitledDocument')
    : `${tr.t('untitledDocument')} (${tr.t('untitledFile')} ${file})`;
}

/**
 * An instrument's title: one the atlas built from a kind and its parties ("Joint declaration
 * Morocco–Slovenia") is written in the reader's language; a title from the source stays as written.
 */
export function instrumentTitle(title: string, tr: Translator): SafeHtml {
  const built = genericTitleIn(title, tr.lang);
  return built === null ? sourceText(title) : html`<span class="built-title">${built}</span>`;
}

/** A link to an actor: a state's country page, or the instruments an organization is party to. */
export function actorLink(id: string, tr: Translator, kind?: string): SafeHtml {
  // The registry says what an id is: `EU` has two letters and is no state.
  const isState = (kind ?? actorKindOf(id)) === 'state';
  // A proper name: translation tools and the page's language check leave it alone.
  return html`<a href="${actorHref(id, isState ? 'state' : 'organization')}" translate="no"
    >${tr.actor(id)}</a
  >`;
}

/**
 * The evidence link of a span in a document; with the record it supports, the document page
 * highlights that record's facts only.
 */
export function spanHref(documentId: string, start: number, end: number, record?: string): string {
  return `${href(`/documents/${encodeURIComponent(documentId)}`, { record })}#span-${start}-${end}`;
}

/**
 * A claim's value as HTML: words of the atlas's vocabularies as they are, text quoted from the
 * source (a title, a name the rules read) marked as such.
 */
export function factValueHtml(property: string, value: unknown, tr: Translator): SafeHtml {
  const text = factValue(property, value, tr);
  const quoted = typeof value === 'string' && text === value && !/^\d/.test(value);
  // Titles, quoted text and proper names (actors) are not interface words.
  const name = ['party', 'owner', 'mentions_country', 'mentions_organization'].includes(property);
  return quoted || name || property === 'title' ? sourceText(text) : html`${text}`;
}

/** A list of instruments: title link, type, date and parties. */
export function instrumentItems(items: readonly InstrumentSummary[], tr: Translator): SafeHtml {
  if (items.length === 0) return html`<p class="muted">${tr.t('noResults')}</p>`;
  return html`<div class="results">
    ${items.map(
      (item) =>
        html`<article class="result">
          <h3>
            <a href="/instruments/${encodeURIComponent(item.id)}">${instrumentTitle(item.title, tr)}</a>
          </h3>
          <div class="meta">
            <span class="tag">${tr.typeLabel(item.type)}</span>${
              // What the sources do not give is named with its field: "date : non précisé".
              item.firstDate === null
                ? `${tr.t('dates')}${tr.colon}${tr.t('notStated')}`
                : dateText(item.firstDate, tr)
            }
            ·
            ${
              item.parties.length > 0
                ? item.parties.slice(0, 8).map((p, i) => html`${i > 0 ? ', ' : ''}${tr.actor(p.actorId)}`)
                : `${tr.t('parties')}${tr.colon}${tr.t('notStated')}`
            }
          </div>
        </article>`,
    )}
  </div>`;
}

/** Previous / next links for a paginated list. */
export function pager(
  path: string,
  query: Record<string, string | number | undefined>,
  total: number,
  limit: number,
  offset: number,
  tr: Translator,
): SafeHtml {
  if (total <= limit) return html``;
  const pageNumber = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  const previous =
    offset > 0
      ? html`<a href="${href(path, { ...query, offset: Math.max(0, offset - limit) })}" rel="prev"
          >← ${tr.t('previous')}</a
        >`
      : '';
  const next =
    offset + limit < total
      ? html`<a href="${href(path, { ...query, offset: offset + limit })}" rel="next">${tr.t('next')} →</a>`
      : '';
  return html`<nav class="pager" aria-label="${tr.t('page')}">
    ${previous}<span>${tr.t('page')} ${tr.n(pageNumber)} / ${tr.n(pages)}</span>${next}
  </nav>`;
}

/** A claim's value in words: codes become labels, actor ids names, money and dates readable. */
export function factValue(property: string, value: unknown, tr: Translator): string {
  if (typeof value === 'string') {
    if (property === 'type' && isInstrumentType(value)) return tr.typeLabel(value);
    if (property === 'topic') return tr.topicLabel(value);
    if (property === 'approach') return tr.approachLabel(value);
    if (['party', 'owner', 'mentions_country', 'mentions_organization'].includes(property)) {
      return tr.actor(value);
    }
    if (['status', 'legal_form', 'language'].includes(property)) return tr.term(value);
    if (property === 'date' || property === 'deadline' || property === 'published') {
      return dateText(value, tr);
    }
    // A document's title, publisher or address is text as the source wrote it, not a code.
    if (['source_title', 'publisher', 'source_url'].includes(property)) return value;
    // Small vocabularies (event and statement kinds, roles…) in words; other text as the source wrote it.
    return tr.term(value);
  }
  if (typeof value === 'boolean') return value ? tr.t('yes') : tr.t('no');
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const role = typeof record.role === 'string' ? ` (${tr.term(record.role)})` : '';
    if (typeof record.actorId === 'string') return `${tr.actor(record.actorId)}${role}`;
    if (typeof record.code === 'string') return factValue(property, record.code, tr);
    if (typeof record.value === 'number' && typeof record.currency === 'string') {
      const sum = money(record.value, record.currency, tr, record.approximate === true);
      const whole =
        typeof record.partOf === 'number'
          ? ` ${tr.t('shareOf')} ${money(record.partOf, record.currency, tr)}`
          : '';
      return record.role === 'part' && whole !== ''
        ? `${sum} (${whole.trim()})`
        : `${sum}${role}${whole === '' ? '' : ` (${whole.trim()})`}`;
    }
    if (typeof record.value === 'string') {
      const text = property === 'date' || property === 'deadline' ? dateText(record.value, tr) : record.value;
      return `${text}${role}`;
    }
  }
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
