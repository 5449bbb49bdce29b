/** The indicators page: a chart per series with the source of each value, and a form to add a value. */
import { NO_SENTENCES, type QuoteSentences } from '../../evidence-quote.ts';
import type { IndicatorSeries, IndicatorValue } from '../../../domain/analysis-model.ts';
import { indicators } from '../../../services/analyses.ts';
import type { AtlasStore } from '../../../storage/atlas-store.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { dateText, money } from '../../components.ts';
import { barList } from '../../charts/timeline.ts';
import { analysisLayout, quoteLink } from './common.ts';
import { csrfField, mayUse, signInPrompt, type Viewer } from '../../viewer.ts';

function sourceOf(v: IndicatorValue, tr: Translator, sentences: QuoteSentences): SafeHtml {
  if ('quote' in v.source) return quoteLink(v.source, tr, sentences);
  return html`<span class="muted"
    >${tr.t('enteredBy')}
    <span translate="no">${v.source.enteredBy}${v.source.note ? ` — ${v.source.note}` : ''}</span></span
  >`;
}

/**
 * An indicator's name in the reader's language: the analysis names its own indicators in English
 * ("money committed: …", "share of …"); the words after them are quoted from the source.
 */
export function indicatorName(name: string, tr: Translator): SafeHtml {
  const money = /^money committed(?:: (.+))?$/.exec(name);
  if (money) {
    const head = tr.t('moneyCommitted');
    return money[1] === undefined
      ? html`${head}`
      : html`${head}${tr.colon}<span translate="no">${money[1]}</span>`;
  }
  const share = /^share of (.+)$/.exec(name);
  if (share) return html`${tr.t('shareOfTitle')} <span translate="no">${share[1] ?? ''}</span>`;
  return html`<span translate="no">${name}</span>`;
}

/** A value with its unit, the reader's way: sums as money, counts as numbers, "%" as a share. */
export function valueText(value: number, unit: string, approximate: boolean, tr: Translator): string {
  if (/^[A-Z]{3}$/.test(unit)) return money(value, unit, tr, approximate);
  const hedge = approximate ? '~' : '';
  if (unit === 'count') return `${hedge}${tr.n(value)}`;
  if (unit === '%') return `${hedge}${tr.n(value)} %`;
  return `${hedge}${tr.n(value)} ${unit}`;
}

/** One series: a chart of its values by date and the list of values with sources. */
export function seriesBlock(
  s: IndicatorSeries,
  tr: Translator,
  sentences: QuoteSentences = NO_SENTENCES,
): SafeHtml {
  const name = indicatorName(s.indicator, tr);
  const unit = s.unit === 'count' ? tr.t('unitCount') : s.unit;
  const title = html`${name} (${unit})${s.country ? ` — ${tr.actor(s.country)}` : ''}`;
  const bars = s.values.map((v) => ({
    label: v.date === null ? tr.t('notStated') : dateText(v.date, tr),
    count: v.value,
    display: valueText(v.value, s.unit, v.approximate, tr),
  }));
  return html`<article class="series">
    <h3>${title}</h3>
    ${barList(bars, tr)}
    <ul>
      ${s.values.map((v) => html`<li><strong>${v.date === null ? tr.t('notStated') : dateText(v.date, tr)}${tr.colon}${valueText(v.value, v.unit, v.approximate, tr)}</strong> ${sourceOf(v, tr, sentences)}</li>`)}
    </ul>
  </article>`;
}

/** The add-a-value form (posts to /analyses/indicators). */
function addForm(country: string | undefined, tr: Translator, viewer: Viewer | null | undefined): SafeHtml {
  const back = country === undefined ? '/analyses/indicators' : `/analyses/indicators?country=${country}`;
  if (!mayUse(viewer, 'contributor')) return signInPrompt(tr, back);
  const input = (id: string, name: string, label: string, attrs: SafeHtml | string = '') =>
    html`<p><label for="${id}">${label}</label> <input id="${id}" name="${name}" ${attrs} /></p>`;
  return html`<form class="search-form" action="/analyses/indicators" method="post">
    ${csrfField(viewer)}
    <h2>${tr.t('addValue')}</h2>
    ${input('in-name', 'indicator', tr.t('indicatorName'), html`required minlength="3" size="40"`)}
    ${input('in-value', 'value', tr.t('value'), html`required inputmode="decimal"`)}
    ${input('in-unit', 'unit', tr.t('unit'), html`required value="count" size="8"`)}
    ${input('in-date', 'date', tr.t('dates'), html`placeholder="YYYY" size="10"`)}
    ${input('in-country', 'country', tr.t('country'), html`size="3" maxlength="2" value="${country ?? ''}"`)}
    ${input('in-source', 'note', tr.t('sourceNote'), html`size="40"`)}
    <button type="submit">${tr.t('save')}</button>
  </form>`;
}

/** The page body. */
export function indicatorsPage(
  input: {
    readonly series: readonly IndicatorSeries[];
    readonly country?: string | undefined;
    readonly viewer?: Viewer | null;
    /** The quoted documents' sentences (quoteSentences): each quote shown in its whole sentence. */
    readonly sentences?: QuoteSentences;
  },
  tr: Translator,
): SafeHtml {
  const filter = html`<form class="search-form" action="/analyses/indicators" method="get">
    <label for="ind-country">${tr.t('country')}</label>
    <input id="ind-country" name="country" size="3" maxlength="2" value="${input.country ?? ''}" />
    <button type="submit">${tr.t('show')}</button>
  </form>`;
  return analysisLayout(
    '/analyses/indicators',
    tr,
    html`${filter}
      <p>
        <a
          href="/api/indicators?format=csv&amp;lang=${tr.lang}${input.country ? `&country=${input.country}` : ''}"
          download
          >${tr.t('exportCsv')}</a
        >
      </p>
      ${input.series.length === 0 ? html`<p class="muted">${tr.t('empty')}</p>` : input.series.map((s) => seriesBlock(s, tr, input.sentences))}
      ${addForm(input.country, tr, input.viewer)}`,
  );
}

/**
 * The indicator panel of a country or instrument page: its series with charts and sources, or
 * nothing when it has none.
 */
export async function indicatorsPanel(
  store: AtlasStore,
  filter: { readonly country?: string; readonly instrumentId?: string },
  tr: Translator,
): Promise<SafeHtml> {
  const series = await indicators(store, filter);
  if (series.length === 0) return html``;
  const more =
    filter.country === undefined ? '/analyses/indicators' : `/analyses/indicators?country=${filter.country}`;
  return html`<section class="panel" aria-labelledby="indicators-panel">
    <h2 id="indicators-panel">${tr.t('indicators')}</h2>
    ${series.map((s) => seriesBlock(s, tr))}
    <p><a href="${more}">${tr.t('addValue')}</a></p>
  </section>`;
}
