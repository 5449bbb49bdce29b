/** The consistency page: each document's findings, every quote linking to its span. */
import type { SourceRef } from '../../../domain/analysis-model.ts';
import type { ConsistencyResult } from '../../../services/analyses.ts';
import { href, html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysisLayout, quoteLink } from './common.ts';

export interface ConsistencyPageInput {
  readonly documents: readonly { readonly id: string; readonly title: string; readonly findings: number }[];
  readonly selected: ConsistencyResult | null;
}

function findingsBlock(result: ConsistencyResult, tr: Translator): SafeHtml {
  if (result.findings.length === 0) return html`<p>${tr.t('noFindings')}</p>`;
  const source = (q: { start: number; end: number; quote: string }): SourceRef => ({
    documentId: result.documentId,
    ...q,
  });
  return html`<ol class="findings">
    ${result.findings.map(
      (f) =>
        html`<li>
          <p><span class="tag">${f.kind.replace(/_/g, ' ')}</span> ${f.message}</p>
          ${f.stated === undefined ? '' : html`<p>${tr.t('stated')}: ${f.stated}${f.listed === undefined ? '' : html` · ${tr.t('listed')}: ${f.listed}`}</p>`}
          ${f.countries === undefined || f.countries.length === 0 ? '' : html`<p>${f.countries.join(', ')}</p>`}
          ${f.quotes.map((q) => quoteLink(source(q), tr))}
        </li>`,
    )}
  </ol>`;
}

/** The page body. */
export function consistencyPage(input: ConsistencyPageInput, tr: Translator): SafeHtml {
  const list = html`<table>
    <thead>
      <tr>
        <th scope="col">${tr.t('documents')}</th>
        <th scope="col">${tr.t('findings')}</th>
      </tr>
    </thead>
    <tbody>
      ${input.documents.map(
        (d) =>
          html`<tr>
            <td><a href="${href(`/analyses/consistency/${encodeURIComponent(d.id)}`)}">${d.title}</a></td>
            <td>${d.findings}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  const selected =
    input.selected === null
      ? ''
      : html`<h2>
            <a href="/documents/${encodeURIComponent(input.selected.documentId)}">${input.selected.title}</a>
          </h2>
          <p>
            <a href="/api/documents/${encodeURIComponent(input.selected.documentId)}/consistency" download
              >${tr.t('exportJson')}</a
            >
          </p>
          ${findingsBlock(input.selected, tr)}`;
  return analysisLayout('/analyses/consistency', tr, html`${selected} ${list}`);
}
