/** The search page: a form, facets (type, topic, country, language, year), instruments and passages. */
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from '../../domain/taxonomy.ts';
import type { InstrumentSummary, Page } from '../../storage/atlas-store.ts';
import type { FacetCount, InstrumentFacets } from '../../storage/queries/instrument-list.ts';
import type { SearchHit } from '../../storage/queries/search.ts';
import { instrumentItems, pager, spanHref } from '../components.ts';
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
}

export interface SearchData {
  readonly params: SearchParams;
  readonly instruments: Page<InstrumentSummary>;
  readonly facets: InstrumentFacets;
  readonly passages: Page<SearchHit> | null;
}

type LinkParams = Record<string, string | number | undefined>;

function linkParams(params: SearchParams): LinkParams {
  return { ...params, offset: undefined };
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
          ><span class="muted">${entry.count}</span>
        </li>`;
      })}
    </ul>
  </section>`;
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
      <a href="/search">${tr.t('clear')}</a>
    </form>
    <div class="layout-side">
      <aside class="panel" aria-label="${tr.t('filters')}">
        <h2>${tr.t('filters')}</h2>
        ${params.party === undefined ? '' : html`<p>${tr.t('party')}: <strong>${tr.actor(params.party)}</strong> <a href="${href('/search', { ...base, party: undefined })}">×</a></p>`}
        ${facet('type', 'type', facets.type, params, tr.typeLabel, tr)}
        ${facet('topic', 'topic', facets.topic, params, tr.topicLabel, tr)}
        ${facet('country', 'country', facets.country, params, tr.actor, tr)}
        ${facet('language', 'language', facets.language, params, tr.languageName, tr)}
        ${facet('year', 'from', facets.year, params, (v) => v, tr)}
      </aside>
      <div>
        <section class="panel" aria-labelledby="instrument-results">
          <h2 id="instrument-results">
            ${tr.t('instruments')} <span class="muted">(${instruments.total} ${tr.t('results')})</span>
          </h2>
          ${instrumentItems(instruments.items, tr)}
          ${pager('/search', base, instruments.total, instruments.limit, instruments.offset, tr)}
          <p>
            <a href="${href('/api/instruments', { ...base, format: 'csv' })}">${tr.t('download')} CSV</a> ·
            <a href="${href('/api/instruments', { ...base, format: 'json' })}">JSON</a>
          </p>
        </section>
        ${
          passages === null
            ? ''
            : html`<section class="panel" aria-labelledby="passage-results">
                <h2 id="passage-results">
                  ${tr.t('passages')} <span class="muted">(${passages.total} ${tr.t('results')})</span>
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
                                >${hit.title}</a
                              >
                            </h3>
                            <p>${raw(hit.snippet)}</p>
                            <div class="meta">${tr.languageName(hit.language)}</div>
                          </article>`,
                      )
                }
              </section>`
        }
      </div>
    </div>`;
}
