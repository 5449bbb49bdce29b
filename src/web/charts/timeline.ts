/** The timeline as an SVG bar chart: instruments per year, each bar linking to that year's list. */
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

const HEIGHT = 220;
const TOP = 16;
const BOTTOM = 28;

export interface YearCount {
  readonly year: number;
  readonly count: number;
}

/** Bars for each year from the first to the last (empty years included, so gaps show). */
export function timelineSvg(
  points: readonly YearCount[],
  tr: Translator,
  filter: Record<string, string> = {},
  undated = 0,
): SafeHtml {
  const note =
    undated > 0
      ? html`<p class="muted">${tr.t('undatedLeftOut')} ${tr.count(undated, 'instrument')}.</p>`
      : '';
  if (points.length === 0) {
    return html`<p class="muted">${tr.t('empty')}</p>
      ${note}`;
  }
  const byYear = new Map<number, number>();
  for (const point of points) byYear.set(point.year, (byYear.get(point.year) ?? 0) + point.count);
  const years = [...byYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = last - first + 1;
  const barWidth = Math.max(6, Math.min(40, Math.floor(900 / span)));
  const width = span * barWidth + 40;
  const max = Math.max(...byYear.values());
  const plot = HEIGHT - TOP - BOTTOM;
  const labelEvery = Math.ceil(span / 20);
  const bars = [];
  for (let year = first; year <= last; year++) {
    const count = byYear.get(year) ?? 0;
    const h = max === 0 ? 0 : Math.max(count > 0 ? 2 : 0, Math.round((count / max) * plot));
    const x = 20 + (year - first) * barWidth;
    const label =
      (year - first) % labelEvery === 0
        ? html`<text x="${x + barWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">${year}</text>`
        : '';
    bars.push(
      count === 0
        ? label
        : html`<a
              href="${href('/search', { ...filter, from: year, to: year })}"
              aria-label="${year}${tr.colon}${tr.count(count, 'instrument')}"
              ><rect x="${x + 1}" y="${TOP + plot - h}" width="${barWidth - 2}" height="${h}"
                ><title>${year}${tr.colon}${tr.count(count, 'instrument')}</title></rect
              ></a
            >${label}`,
    );
  }
  // The SVG is never drawn larger than its own size: one year stays one narrow bar.
  return html`<div class="chart-scroll" tabindex="0">
      <svg
        class="timeline"
        viewBox="0 0 ${width} ${HEIGHT}"
        width="${width}"
        height="${HEIGHT}"
        role="group"
        aria-label="${tr.t('timeline')}"
      >
        <text x="4" y="12">${tr.n(max)}</text>
        ${bars}
      </svg>
    </div>
    ${note}`;
}

/**
 * One row of a bar list; `source` marks a label quoted from a document (not translated), with its
 * language when known (`sourceLang`, so that a screen reader speaks it in that language).
 */
export interface BarRow {
  readonly label: string;
  readonly count: number;
  readonly link?: string;
  readonly source?: boolean;
  readonly sourceLang?: string;
  /** The value as the reader sees it (a sum of money, a percentage); the count by default. */
  readonly display?: string;
}

/**
 * Horizontal bars for a ranked list (types, partners, topics, questions) as HTML: labels wrap
 * instead of being cut, values are written the reader's way, and a bar is never wider than its
 * track, so one value or a thousand give the same proportions.
 */
export function barList(rows: readonly BarRow[], tr: Translator, caption?: string): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${tr.t('empty')}</p>`;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const label = (row: BarRow) => {
    const text =
      row.source !== true
        ? row.label
        : row.sourceLang === undefined
          ? html`<span translate="no">${row.label}</span>`
          : html`<span translate="no" lang="${row.sourceLang}">${row.label}</span>`;
    return row.link === undefined ? text : html`<a href="${row.link}">${text}</a>`;
  };
  return html`<figure class="bars">
    ${caption === undefined ? '' : html`<figcaption>${caption}</figcaption>`}
    <ul class="bar-list">
      ${rows.map(
        (row) =>
          html`<li class="bar-row">
            <span class="bar-label">${label(row)}</span>
            <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect
                x="0"
                y="1"
                height="8"
                width="${Math.max(1, (row.count / max) * 100).toFixed(1)}"
              ></rect></svg
            ><span class="num">${row.display ?? tr.n(row.count)}</span>
          </li>`,
      )}
    </ul>
  </figure>`;
}
