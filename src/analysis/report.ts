/**
 * Comparison reports as strings: Markdown and HTML, French or English labels, with a bar chart per
 * question (inline SVG in HTML; in Markdown a table, since Markdown has no charts). Pure functions,
 * so the CLI writes them to files and the web server sends them as downloads.
 */
import type { Comparison, SourceRef } from '../domain/analysis-model.ts';
import type { Language } from '../domain/model.ts';
import { actorName } from '../domain/actors.ts';
import { escapeHtml } from '../domain/escape-html.ts';

const LABELS = {
  en: {
    title: 'Comparison across countries',
    question: 'Question',
    count: 'Countries',
    stated: 'Count stated by the sources',
    country: 'Country',
    evidence: 'Evidence',
    chart: 'Number of countries per question',
    none: 'No country found.',
    document: 'document',
  },
  fr: {
    title: 'Comparaison entre pays',
    question: 'Question',
    count: 'Pays',
    stated: 'Nombre indiqué par les sources',
    country: 'Pays',
    evidence: 'Sources',
    chart: 'Nombre de pays par question',
    none: 'Aucun pays trouvé.',
    document: 'document',
  },
} as const;

/** Options of a report: the language of labels and country names, and a title. */
export interface ReportOptions {
  readonly language: Language;
  readonly title?: string;
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]|<>])/g, '\\$1');
}

function cite(e: SourceRef): string {
  return `${e.documentId} [${e.start}–${e.end}]`;
}

/**
 * A horizontal bar chart as a standalone SVG element: one bar per item, its value at the end.
 * Sizes are fixed so the chart renders the same in a browser and in a downloaded file.
 */
export function barChartSvg(
  items: readonly { readonly label: string; readonly value: number }[],
  title: string,
): string {
  const barHeight = 22;
  const gap = 8;
  const labelWidth = 260;
  const barMax = 320;
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = items.length * (barHeight + gap) + 30;
  const rows = items.map((item, i) => {
    const y = 24 + i * (barHeight + gap);
    const w = Math.round((item.value / max) * barMax);
    const label = item.label.length > 42 ? `${item.label.slice(0, 40)}…` : item.label;
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="#3b6ea5"><title>${escapeHtml(item.label)}: ${item.value}</title></rect>` +
      `<text x="${labelWidth + w + 6}" y="${y + 15}" font-size="12">${item.value}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barMax + 50}" height="${height}" viewBox="0 0 ${labelWidth + barMax + 50} ${height}">` +
    `<text x="0" y="14" font-size="13" font-weight="bold">${escapeHtml(title)}</text>${rows.join('')}</svg>`
  );
}

/** A Markdown report: per question, the count, the stated counts, and a country/evidence table. */
export function comparisonReportMarkdown(comparisons: readonly Comparison[], options: ReportOptions): string {
  const l = LABELS[options.language];
  const out: string[] = [`# ${escapeMarkdown(options.title ?? l.title)}`, ''];
  out.push(`| ${l.question} | ${l.count} |`, '|---|---:|');
  for (const c of comparisons) out.push(`| ${escapeMarkdown(c.question)} | ${c.count} |`);
  out.push('');
  for (const c of comparisons) {
    out.push(`## ${escapeMarkdown(c.question)}`, '');
    out.push(`**${l.count}: ${c.count}**${c.countries.length > 0 ? ` (${c.countries.join(', ')})` : ''}`, '');
    if (c.statedCounts.length > 0) out.push(`${l.stated}: ${c.statedCounts.join(', ')}`, '');
    if (c.evidence.length === 0) {
      out.push(l.none, '');
      continue;
    }
    out.push(`| ${l.country} | ${l.evidence} |`, '|---|---|');
    for (const e of c.evidence) {
      const sources = e.evidence.map((s) => `“${escapeMarkdown(s.quote)}” (${cite(s)})`).join('<br>');
      out.push(`| ${escapeMarkdown(actorName(e.country, options.language))} (${e.country}) | ${sources} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A standalone HTML report with an SVG chart of the counts and one section per question. */
export function comparisonReportHtml(comparisons: readonly Comparison[], options: ReportOptions): string {
  const l = LABELS[options.language];
  const title = options.title ?? l.title;
  const chart = barChartSvg(
    comparisons.map((c) => ({ label: c.question, value: c.count })),
    l.chart,
  );
  const sections = comparisons.map((c) => {
    const rows = c.evidence
      .map((e) => {
        const sources = e.evidence
          .map(
            (s) =>
              `<blockquote>${escapeHtml(s.quote)}<footer>${escapeHtml(l.document)} ${escapeHtml(cite(s))}</footer></blockquote>`,
          )
          .join('');
        return `<tr><th scope="row">${escapeHtml(actorName(e.country, options.language))} <small>(${e.country})</small></th><td>${sources}</td></tr>`;
      })
      .join('');
    const stated =
      c.statedCounts.length > 0 ? `<p>${escapeHtml(l.stated)}: ${c.statedCounts.join(', ')}</p>` : '';
    const table =
      c.evidence.length > 0
        ? `<table><thead><tr><th>${escapeHtml(l.country)}</th><th>${escapeHtml(l.evidence)}</th></tr></thead><tbody>${rows}</tbody></table>`
        : `<p>${escapeHtml(l.none)}</p>`;
    return (
      `<section><h2>${escapeHtml(c.question)}</h2>` +
      `<p><strong>${escapeHtml(l.count)}: ${c.count}</strong> ${escapeHtml(c.countries.join(', '))}</p>` +
      `${barChartSvg([{ label: c.question, value: c.count }, ...c.statedCounts.map((n) => ({ label: l.stated, value: n }))], c.question)}` +
      `${stated}${table}</section>`
    );
  });
  return (
    `<!doctype html><html lang="${options.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><h1>${escapeHtml(title)}</h1>${chart}${sections.join('')}</body></html>`
  );
}
