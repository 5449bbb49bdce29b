/** The search page: a form, facets (type, topic, country, language, year), instruments and passages. */
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../../domain/taxonomy.ts';
import {
  snippetHtml,
  type FacetCount,
  type InstrumentFacets,
  type InstrumentSummary,
  type Page,
  type SearchHit,
} from '../../storage/atlas-store.ts';
import { documentTitle, instrumentItems, pager, spanHref } from '../components.ts';
import { href, html, raw, type SafeHtml } from '../html.ts';
import type { MessageKey, Translator } from '../i18n.ts';

/** The search page's parameters, as strings for links and form values. */
export interface SearchParams {
  readonly q?: string;
  readonly type?: string;
  readonly topic?: string;
  readonly approach?: string;
  readonly country?: string;
  readonly party?: string;
  readonly language?: string;
  readonly from?: number;
  readonly to?: number;
  readonly offset: number;
  /** Offset in the passages (paged apart from the instruments). */
  readonly poffset: number;
  readonly sort: 'relevance' | 'recent' | 'oldest' | 'title';
}

export interface SearchData {
  readonly params: SearchParams;
  readonly instruments: Page<InstrumentSummary>;
  readonly facets: InstrumentFacets;
  readonly passages: Page<SearchHit> | null;
}

type LinkParams = Record<string, string | number | undefined>;

function linkParams(params: SearchParams): LinkParams {
  const defaultSort = params.q === undefined ? 'recent' : 'relevance';
  return {
    ...params,
    offset: undefined,
    poffset: undefined,
    sort: params.sort === defaultSort ? undefined : params.sort,
  };
}

/** The active filters as chips, each a link that removes it (the others stay). */
function chips(params: SearchParams, tr: Translator): SafeHtml {
  const base = linkParams(params);
  const entries: { key: keyof SearchParams; label: string; value: string }[] = [];
  const add = (key: keyof SearchParams, label: string, value: string | undefined) => {
    if (value !== undefined) entries.push({ key, label, value });
  };
  add('q', tr.t('query'), params.q === undefined ? undefined : `« ${params.q} »`);
  add('type', tr.t('type'), params.type && tr.typeLabel(params.type));
  add('topic', tr.t('topic'), params.topic && tr.topicLabel(params.topic));
  add('approach', tr.t('approaches'), params.approach && tr.approachLabel(params.approach));
  add('country', tr.t('country'), params.country && tr.actor(params.country));
  add('party', tr.t('party'), params.party && tr.actor(params.party));
  add('language', tr.t('language'), params.language && tr.languageName(params.language));
  add('from', tr.t('from'), params.from === undefined ? undefined : String(params.from));
  add('to', tr.t('to'), params.to === undefined ? undefined : String(params.to));
  if (entries.length === 0) return html``;
  return html`<div class="chips" role="group" aria-label="${tr.t('activeFilters')}">
    <span class="muted">${tr.t('activeFilters')}${tr.colon}</span>
    ${entries.map(
      (entry) =>
        html`<a class="chip" href="${href('/search', { ...base, [entry.key]: undefined })}"
          >${entry.label}${tr.colon}${entry.value} <span aria-hidden="true">×</span
          ><span class="visually-hidden"> (${tr.t('removeFilter')})</span></a
        >`,
    )}
    <a href="/search">${tr.t('clear')}</a>
  </div>`;
}

/** The sort choice for the instruments (relevance only when there are words to rank by). */
function sortForm(params: SearchParams, tr: Translator): SafeHtml {
  const options = [
    ...(params.q === undefined ? [] : [['relevance', tr.t('sortRelevance')] as const]),
    ['recent', tr.t('sortDate')] as const,
    ['title', tr.t('sortTitle')] as const,
  ];
  const keep = Object.entries(linkParams(params)).filter(
    ([key, value]) => key !== 'sort' && value !== undefined,
  );
  return html`<form class="sort-form" action="/search" method="get">
    ${keep.map(([key, value]) => html`<input type="hidden" name="${key}" value="${String(value)}" />`)}
    <label for="sort-select">${tr.t('sortBy')}</label>
    <select id="sort-select" name="sort">
      ${options.map(([value, label]) => html`<option value="${value}" ${value === params.sort ? html`selected` : ''}>${label}</option>`)}
    </select>
    <button type="submit">${tr.t('show')}</button>
  </form>`;
}

function select(
  name: string,
  label: MessageKey,
  values: readonly string[],
  current: string | undefined,
  labelOf: (v: string) => string,
  tr: Translator,
): SafeHtml {
  return html`<label
    >${tr.t(label)}<select name="${name}">
      <option value="">${tr.t('any')}</option>
      ${values.map(
        (value) =>
          html`<option value="${value}" ${value === current ? html` selected` : ''}>
            ${labelOf(value)}
          </option>`,
      )}
    </select></label
  >`;
}

function facet(
  title: MessageKey,
  key: keyof SearchParams,
  values: readonly FacetCount[],
  params: SearchParams,
  labelOf: (v: string) => string,
  tr: Translator,
): SafeHtml {
  if (values.length === 0) return html``;
  const current = params[key] === undefined ? undefined : String(params[key]);
  const base = linkParams(params);
  return html`<section class="facet" aria-labelledby="facet-${key}">
    <h3 id="facet-${key}">${tr.t(title)}</h3>
    <ul>
      ${values.slice(0, 15).map((entry) => {
        const active = current === entry.value;
        const query =
          key === 'from'
            ? { ...base, from: entry.value, to: entry.value }
            : { ...base, [key]: active ? undefined : entry.value };
        return html`<li>
          <a href="${href('/search', query)}" ${active ? html` aria-current="true"` : ''}
            >${labelOf(entry.value)}</a
          ><span class="muted">${tr.n(entry.count)}</span>
        </li>`;
      })}
    </ul>
  </section>`;
}

/** Previous / next for the passages, keeping the instruments' page where it is. */
function passagePager(params: SearchParams, passages: Page<SearchHit>, tr: Translator): SafeHtml {
  const query = { ...linkParams(params), offset: params.offset === 0 ? undefined : params.offset };
  if (passages.total <= passages.limit) return html``;
  const pageNumber = Math.floor(passages.offset / passages.limit) + 1;
  const pages = Math.ceil(passages.total / passages.limit);
  const at = (poffset: number) =>
    `${href('/search', { ...query, poffset: poffset === 0 ? undefined : poffset })}#passage-results`;
  return html`<nav class="pager" aria-label="${tr.t('passages')}">
    ${passages.offset > 0 ? html`<a href="${at(Math.max(0, passages.offset - passages.limit))}" rel="prev">← ${tr.t('previous')}</a>` : ''}
    <span>${tr.t('page')} ${tr.n(pageNumber)} / ${tr.n(pages)}</span>
    ${passages.offset + passages.limit < passages.total ? html`<a href="${at(passages.offset + passages.limit)}" rel="next">${tr.t('next')} →</a>` : ''}
  </nav>`;
}

export function searchPage(data: SearchData, tr: Translator): SafeHtml {
  const { params, instruments, facets, passages } = data;
  const base = linkParams(params);
  const countries = facets.country.map((entry) => entry.value);
  if (params.country !== undefined && !countries.includes(params.country)) countries.unshift(params.country);
  return html`<h1>${tr.t('search')}</h1>
    <form class="search-form" action="/search" method="get" role="search">
      <label
        >${tr.t('query')}<input
          name="q"
          type="search"
          value="${params.q ?? ''}"
          placeholder="${tr.t('searchPlaceholder')}"
      /></label>
      ${select('type', 'type', INSTRUMENT_TYPES, params.type, tr.typeLabel, tr)}
      ${select('topic', 'topic', TOPICS, params.topic, tr.topicLabel, tr)}
      ${select('approach', 'approaches', APPROACHES, params.approach, tr.approachLabel, tr)}
      ${select('country', 'country', countries, params.country, tr.actor, tr)}
      ${select('language', 'language', ['fr', 'en'], params.language, tr.languageName, tr)}
      <label
        >${tr.t('from')}<input name="from" type="number" min="1900" max="2100" value="${params.from ?? ''}"
      /></label>
      <label
        >${tr.t('to')}<input name="to" type="number" min="1900" max="2100" value="${params.to ?? ''}"
      /></label>
      ${params.party === undefined ? '' : html`<input type="hidden" name="party" value="${params.party}" />`}
      <button type="submit">${tr.t('searchButton')}</button>
    </form>
    ${chips(params, tr)}
    <div class="layout-side">
      <aside class="panel" aria-label="${tr.t('filters')}">
        <h2>${tr.t('filters')}</h2>
        ${facet('type', 'type', facets.type, params, tr.typeLabel, tr)}
        ${facet('topic', 'topic', facets.topic, params, tr.topicLabel, tr)}
        ${facet('country', 'country', facets.country, params, tr.actor, tr)}
        ${facet('language', 'language', facets.language, params, tr.languageName, tr)}
        ${facet('year', 'from', facets.year, params, (v) => v, tr)}
      </aside>
      <div>
        <section class="panel" aria-labelledby="instrument-results">
          <h2 id="instrument-results">
            ${tr.t('instruments')} <span class="muted">(${tr.count(instruments.total, 'result')})</span>
          </h2>
          ${sortForm(params, tr)} ${instrumentItems(instruments.items, tr)}
          ${pager('/search', base, instruments.total, instruments.limit, instruments.offset, tr)}
          <p>
            <a href="${href('/api/instruments', { ...base, sort: undefined, format: 'csv', lang: tr.lang })}"
              >${tr.t('download')} CSV</a
            >
            ·
            <a href="${href('/api/instruments', { ...base, sort: undefined, format: 'json' })}">JSON</a>
          </p>
        </section>
        ${
          passages === null
            ? ''
            : html`<section class="panel" aria-labelledby="passage-results">
                <h2 id="passage-results">
                  ${tr.t('passages')} <span class="muted">(${tr.count(passages.total, 'result')})</span>
                </h2>
                ${
                  passages.items.length === 0
                    ? html`<p class="muted">${tr.t('noResults')}</p>`
                    : passages.items.map(
                        (hit) =>
                          html`<article class="result passage">
                            <h3>
                              <a
                                href="${hit.documentId !== null && hit.span !== null ? spanHref(hit.documentId, hit.span.start, hit.span.end) : '#'}"
                                >${documentTitle(hit, tr)}</a
                              >
                            </h3>
                            <p translate="no" lang="${hit.language}">
                              ${raw(snippetHtml({ text: hit.snippet, highlights: hit.highlights }))}
                            </p>
                            <div class="meta">
                              ${tr.languageName(hit.language)} ·
                              <span class="relevance"
                                >${tr.t('relevance')}${tr.colon}${tr.n(hit.relevance)}/100</span
                              >
                            </div>
                          </article>`,
                      )
                }
                ${passagePager(params, passages, tr)}
              </section>`
        }
      </div>
    </div>`;
}
