/** Pieces shared by several pages: instrument lists, pagination, tags, dates and money. */
import type { InstrumentSummary } from '../storage/atlas-store.ts';
import { href, html, type SafeHtml } from './html.ts';
import type { Translator } from './i18n.ts';
import { actorHref } from './charts/network.ts';

/** Formats a sum of money in the reader's locale ("EUR 150,000,000" / "150 000 000 EUR"). */
export function money(value: number, currency: string, tr: Translator, approximate = false): string {
  const number = new Intl.NumberFormat(tr.lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 0,
  }).format(value);
  const hedge = approximate ? '~' : '';
  return tr.lang === 'fr' ? `${hedge}${number} ${currency}` : `${hedge}${currency} ${number}`;
}

/** A link to an actor: a state's country page, or the instruments an organization is party to. */
export function actorLink(id: string, tr: Translator, kind?: string): SafeHtml {
  const isState = kind === undefined ? /^[A-Z]{2}$/.test(id) : kind === 'state';
  return html`<a href="${actorHref(id, isState ? 'state' : 'organization')}">${tr.actor(id)}</a>`;
}

/** The evidence link of a span in a document. */
export function spanHref(documentId: string, start: number, end: number): string {
  return `/documents/${encodeURIComponent(documentId)}#span-${start}-${end}`;
}

/** A list of instruments: title link, type, date and parties. */
export function instrumentItems(items: readonly InstrumentSummary[], tr: Translator): SafeHtml {
  if (items.length === 0) return html`<p class="muted">${tr.t('noResults')}</p>`;
  return html`<div class="results">
    ${items.map(
      (item) =>
        html`<article class="result">
          <h3><a href="/instruments/${encodeURIComponent(item.id)}">${item.title}</a></h3>
          <div class="meta">
            <span class="tag">${tr.typeLabel(item.type)}</span>${item.firstDate ?? ''}${
              item.parties.length > 0
                ? html` ·
                  ${item.parties.slice(0, 8).map((p, i) => html`${i > 0 ? ', ' : ''}${tr.actor(p.actorId)}`)}`
                : ''
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
    ${previous}<span>${tr.t('page')} ${pageNumber} / ${pages}</span>${next}
  </nav>`;
}

/** A claim's value in words: codes become labels, actor ids names, money and dates readable. */
export function factValue(property: string, value: unknown, tr: Translator): string {
  if (typeof value === 'string') {
    if (property === 'type') return tr.typeLabel(value);
    if (property === 'topic') return tr.topicLabel(value);
    if (property === 'approach') return tr.approachLabel(value);
    if (['party', 'owner', 'mentions_country', 'mentions_organization'].includes(property)) {
      return tr.actor(value);
    }
    if (['status', 'legal_form'].includes(property)) return tr.term(value);
    return value;
  }
  if (typeof value === 'boolean') return value ? tr.t('yes') : tr.t('no');
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const role = typeof record.role === 'string' ? ` (${tr.term(record.role)})` : '';
    if (typeof record.actorId === 'string') return `${tr.actor(record.actorId)}${role}`;
    if (typeof record.code === 'string') return factValue(property, record.code, tr);
    if (typeof record.value === 'number' && typeof record.currency === 'string') {
      return money(record.value, record.currency, tr, record.approximate === true);
    }
    if (typeof record.value === 'string') return `${record.value}${role}`;
  }
  return value === null || value === undefined ? '' : JSON.stringify(value);
}
