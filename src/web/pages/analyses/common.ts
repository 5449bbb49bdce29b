/** Pieces shared by the analyses' pages: sub-navigation, evidence quotes, charts, small forms. */
import { evidenceQuote, type QuoteSentences } from '../../evidence-quote.ts';
import type { SourceRef } from '../../../domain/analysis-model.ts';

import { html, raw, type SafeHtml } from '../../html.ts';
import type { MessageKey, Translator } from '../../i18n.ts';

/** The analyses' pages, in menu order. */
export const ANALYSIS_PAGES: readonly { path: string; label: MessageKey; help: MessageKey }[] = [
  { path: '/analyses/compare', label: 'comparisons', help: 'comparisonsHelp' },
  { path: '/analyses/consistency', label: 'consistency', help: 'consistencyHelp' },
  { path: '/analyses/coordination', label: 'coordination', help: 'coordinationHelp' },
  { path: '/analyses/commitments', label: 'commitmentsTracker', help: 'commitmentsHelp' },
  { path: '/analyses/indicators', label: 'indicators', help: 'indicatorsHelp' },
  { path: '/analyses/conditionality', label: 'conditionality', help: 'conditionalityHelp' },
  { path: '/analyses/watches', label: 'watches', help: 'watchesHelp' },
];

/** The sub-navigation of the analyses, the current page marked. */
export function analysesNav(current: string, tr: Translator): SafeHtml {
  // `.pager` lays the links out in a row (the site stylesheet's flex row).
  return html`<nav class="pager" aria-label="${tr.t('analyses')}">
    ${ANALYSIS_PAGES.map(
      (p) =>
        html`<a href="${p.path}" ${p.path === current ? html`aria-current="page"` : ''}>${tr.t(p.label)}</a>`,
    )}
  </nav>`;
}

/** A page of the analyses: heading, help line, sub-navigation, content. */
export function analysisLayout(current: string, tr: Translator, content: SafeHtml): SafeHtml {
  const entry = ANALYSIS_PAGES.find((p) => p.path === current);
  return html`<h1>${entry === undefined ? tr.t('analyses') : tr.t(entry.label)}</h1>
    <p class="muted">${entry === undefined ? tr.t('analysesHelp') : tr.t(entry.help)}</p>
    ${analysesNav(current, tr)}
    <section>${content}</section>`;
}

/** A quote linking to its span in the document. */
export function quoteLink(source: SourceRef, tr: Translator, sentences: QuoteSentences): SafeHtml {
  return evidenceQuote(source, sentences, tr);
}

/** A chart the analyses built as an SVG string (escaped there); wrapped as a figure. */
export function chart(svg: string, caption: string): SafeHtml {
  return html`<figure class="analysis-chart">
    ${raw(svg)}
    <figcaption class="visually-hidden">${caption}</figcaption>
  </figure>`;
}

/** A labelled text input. */
export function field(id: string, label: string, input: SafeHtml): SafeHtml {
  return html`<p><label for="${id}">${label}</label> ${input}</p>`;
}
