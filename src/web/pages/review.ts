/**
 * The review page (reviewers): extracted facts, least confident first, each with the sentence it
 * was read from and one form to accept it, correct it (the right value, chosen in words) or reject
 * it with a reason. Filters by country, instrument type and document; paged.
 */
import type { Page } from '../../storage/atlas-store.ts';
import type { ReviewItem } from '../../storage/people/review-store.ts';
import { LEGAL_FORMS } from '../../domain/review.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../../domain/taxonomy.ts';
import { documentTitleText, factValueHtml, instrumentTitle, pager } from '../components.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';
import { csrfField, type Viewer } from '../viewer.ts';
import type { SegmentedDocument } from '../document-sentences.ts';
import { evidenceQuote } from '../evidence-quote.ts';

export interface ReviewFilters {
  readonly country?: string | undefined;
  readonly type?: string | undefined;
  readonly document?: string | undefined;
}

const options = (codes: readonly string[], current: unknown, label: (code: string) => string): SafeHtml[] =>
  codes.map(
    (code) => html`<option value="${code}" ${code === current ? html`selected` : ''}>${label(code)}</option>`,
  );

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The control for the right value of a fact, in words where the property has a vocabulary. */
function valueControl(item: ReviewItem, tr: Translator): SafeHtml {
  const id = `value-${item.id}`;
  const v = item.value;
  const select = (list: SafeHtml[]) =>
    html`<select id="${id}" name="value">
      ${list}
    </select>`;
  switch (item.property) {
    case 'type':
      return select(options(INSTRUMENT_TYPES, v, (c) => tr.typeLabel(c)));
    case 'topic':
      return select(options(TOPICS, v, (c) => tr.topicLabel(c)));
    case 'approach':
      return select(options(APPROACHES, v, (c) => tr.approachLabel(c)));
    case 'legal_form':
      // Capitalised like a menu entry (and so never the bare code "agreement" in English).
      return select(options(LEGAL_FORMS, v, (c) => capitalise(tr.term(c))));
    case 'binding':
      return select([
        html`<option value="true" ${v === true ? html`selected` : ''}>${tr.t('yes')}</option>`,
        html`<option value="false" ${v === false ? html`selected` : ''}>${tr.t('no')}</option>`,
      ]);
    default: {
      const record = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      const shown = (x: unknown): string => (typeof x === 'string' || typeof x === 'number' ? String(x) : '');
      const text =
        item.property === 'party'
          ? shown(record.actorId)
          : item.property === 'date' || item.property === 'amount'
            ? shown(record.value)
            : shown(v);
      const hint = item.property === 'date' ? html` placeholder="YYYY-MM-DD"` : '';
      return html`<input id="${id}" name="value" value="${text}" size="30" ${hint} />`;
    }
  }
}

function itemCard(
  item: ReviewItem,
  tr: Translator,
  viewer: Viewer,
  back: string,
  documents: ReadonlyMap<string, SegmentedDocument>,
): SafeHtml {
  const e = item.evidence;
  // The whole sentence the value was read from, the supporting words marked (the quote alone
  // when the document's text is not at hand).
  const quoted = { documentId: e.documentId, ...e.span, quote: e.quote };
  const confidence =
    item.confidence === null ? tr.t('noConfidence') : `${tr.n(Math.round(item.confidence * 100))} %`;
  return html`<article class="result review-item" id="claim-${item.id}">
    <h3>
      ${
        item.instrument === null
          ? tr.term(item.property)
          : html`<a href="/instruments/${encodeURIComponent(item.instrument.id)}"
              >${instrumentTitle(item.instrument.title, tr)}</a
            >`
      }
    </h3>
    <p>
      <strong>${tr.term(item.property)}</strong>${tr.colon}${factValueHtml(item.property, item.value, tr)}
      <span class="muted">· ${tr.t('confidence')}${tr.colon}${confidence}</span>
    </p>
    ${evidenceQuote(quoted, documents, tr)}
    <form class="review-form" action="/review/claims/${item.id}" method="post">
      ${csrfField(viewer)}
      <input type="hidden" name="back" value="${back}" />
      <p>
        <label for="value-${item.id}">${tr.t('rightValue')}</label>
        ${valueControl(item, tr)}
      </p>
      <p>
        <label for="reason-${item.id}">${tr.t('reasonRequired')}</label>
        <input id="reason-${item.id}" name="reason" size="40" maxlength="2000" />
      </p>
      <p class="review-buttons">
        <button type="submit" name="decision" value="accept">${tr.t('accept')}</button>
        <button type="submit" name="decision" value="correct">${tr.t('correct')}</button>
        <button type="submit" name="decision" value="reject">${tr.t('reject')}</button>
      </p>
    </form>
  </article>`;
}

/** The page body. */
export function reviewPage(
  input: {
    readonly queue: Page<ReviewItem>;
    readonly filters: ReviewFilters;
    readonly countries: readonly string[];
    readonly documents: readonly {
      readonly id: string;
      readonly title: string | null;
      readonly fileName: string;
    }[];
    readonly viewer: Viewer;
    /** The evidence documents' text and sentences, to show each quote's whole sentence. */
    readonly sentences?: ReadonlyMap<string, SegmentedDocument>;
  },
  tr: Translator,
): SafeHtml {
  const { queue, filters } = input;
  const query = { country: filters.country, type: filters.type, document: filters.document };
  const back = href('/review', { ...query, offset: queue.offset || undefined });
  const filterForm = html`<form class="search-form" action="/review" method="get">
    <label for="rv-country">${tr.t('country')}</label>
    <select id="rv-country" name="country">
      <option value="">${tr.t('any')}</option>
      ${options(input.countries, filters.country, (c) => tr.actor(c))}
    </select>
    <label for="rv-type">${tr.t('type')}</label>
    <select id="rv-type" name="type">
      <option value="">${tr.t('any')}</option>
      ${options(INSTRUMENT_TYPES, filters.type, (c) => tr.typeLabel(c))}
    </select>
    <label for="rv-document">${tr.t('document')}</label>
    <select id="rv-document" name="document">
      <option value="">${tr.t('allDocuments')}</option>
      ${input.documents.map(
        (d) =>
          html`<option value="${d.id}" ${d.id === filters.document ? html`selected` : ''} translate="no">
            ${documentTitleText(d, tr)}
          </option>`,
      )}
    </select>
    <button type="submit">${tr.t('show')}</button>
  </form>`;
  return html`<h1>${tr.t('reviewTitle')}</h1>
    <p>${tr.t('reviewHelp')}</p>
    ${filterForm}
    <p>${tr.count(queue.total, 'result')}</p>
    ${
      queue.items.length === 0
        ? html`<p class="muted">${tr.t('reviewEmpty')}</p>`
        : queue.items.map((item) => itemCard(item, tr, input.viewer, back, input.sentences ?? new Map()))
    }
    ${pager('/review', query, queue.total, queue.limit, queue.offset, tr)}`;
}

/** The value a reviewer chose in the form, in the shape of the property (built on the fact's own). */
export function formValue(item: ReviewItem, raw: string): unknown {
  const text = raw.trim();
  const record = (typeof item.value === 'object' && item.value !== null ? item.value : {}) as Record<
    string,
    unknown
  >;
  switch (item.property) {
    case 'binding':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'party':
      return { ...record, actorId: text.toUpperCase() };
    case 'date': {
      const precision = /^\d{4}$/.test(text) ? 'year' : /^\d{4}-\d{2}$/.test(text) ? 'month' : 'day';
      return { ...record, value: text, precision };
    }
    case 'amount': {
      const number = Number(text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
      return { ...record, value: text === '' ? Number.NaN : number };
    }
    default:
      return text;
  }
}
