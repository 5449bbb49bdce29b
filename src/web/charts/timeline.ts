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
): SafeHtml {
  if (points.length === 0) return html`<p class="muted">${tr.t('empty')}</p>`;
  const byYear = new Map<number, number>();
  for (const point of points) byYear.set(point.year, (byYear.get(point.year) ?? 0) + point.count);
  const years = [...byYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = last - first + 1;
  const barWidth = Math.max(6, Math.min(40, Math.floor(900 / span)));
  const width = Math.max(320, span * barWidth + 40);
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
              aria-label="${year}: ${count}"
              ><rect x="${x + 1}" y="${TOP + plot - h}" width="${barWidth - 2}" height="${h}"
                ><title>${year}: ${count}</title></rect
              ></a
            >${label}`,
    );
  }
  return html`<svg
    class="timeline"
    viewBox="0 0 ${width} ${HEIGHT}"
    role="img"
    aria-label="${tr.t('timeline')}"
  >
    <text x="4" y="12">${max}</text>
    ${bars}
  </svg>`;
}

/** Horizontal bars for a ranked list (types, partners, topics), as accessible HTML. */
export function barList(
  rows: readonly { readonly label: string; readonly count: number; readonly link?: string }[],
  tr: Translator,
): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">${tr.t('empty')}</p>`;
  const max = Math.max(...rows.map((row) => row.count));
  return html`<div class="bars">
    ${rows.map(
      (row) =>
        html`<div class="bar-row">
          <span>${row.link === undefined ? row.label : html`<a href="${row.link}">${row.label}</a>`}</span
          ><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect
              x="0"
              y="1"
              height="8"
              width="${Math.max(1, (row.count / max) * 100).toFixed(1)}"
              fill="#6baed6"
            ></rect></svg
          ><span class="num">${row.count}</span>
        </div>`,
    )}
  </div>`;
}
