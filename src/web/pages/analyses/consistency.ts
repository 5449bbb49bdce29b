/** The consistency page: each document's findings, every quote linking to its span. */
import { NO_SENTENCES, type QuoteSentences } from '../../evidence-quote.ts';
import type { ConsistencyFinding, SourceRef } from '../../../domain/analysis-model.ts';
import { actorLink, documentTitle } from '../../components.ts';
import type { ConsistencyResult } from '../../../services/analyses.ts';
import { href, html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysisLayout, quoteLink } from './common.ts';

export interface ConsistencyPageInput {
  readonly documents: readonly {
    readonly id: string;
    readonly title: string | null;
    readonly fileName: string;
    readonly findings: number;
  }[];
  readonly selected: ConsistencyResult | null;
  /** The quoted documents' sentences (quoteSentences): each quote shown in its whole sentence. */
  readonly sentences?: QuoteSentences;
}

/** A finding in the reader's language, rebuilt from its fields (the analysis writes English). */
function findingText(f: ConsistencyFinding, tr: Translator): SafeHtml {
  const q = (text: string | undefined) => html`« <span translate="no">${text ?? ''}</span> »`;
  const names = (f.countries ?? []).map((c) => tr.actor(c)).join(', ');
  const fr = tr.lang === 'fr';
  switch (f.kind) {
    case 'count_mismatch':
      return fr
        ? html`La source annonce ${tr.n(f.stated ?? 0)} mais sa liste en nomme
          ${tr.n(f.listed ?? 0)}${tr.colon}${q(f.questions[0])}`
        : html`The source states ${tr.n(f.stated ?? 0)} but its list names ${tr.n(f.listed ?? 0)}:
          ${q(f.questions[0])}`;
    case 'conflicting_counts':
      return fr
        ? html`La même question reçoit ${tr.n(f.counts?.length ?? 0)} nombres différents
          (${(f.counts ?? []).map((n) => tr.n(n)).join(' contre ')}) : ${q(f.questions[0])}`
        : html`The same question is given ${tr.n(f.counts?.length ?? 0)} different counts
          (${(f.counts ?? []).map((n) => tr.n(n)).join(' vs ')}): ${q(f.questions[0])}`;
    case 'overlapping_lists':
      return fr
        ? html`Les listes des deux côtés d’une même question ont en commun
          ${names}${tr.colon}${q(f.questions[0])} / ${q(f.questions[1])}`
        : html`Lists for the two sides of one question share ${names}: ${q(f.questions[0])} /
          ${q(f.questions[1])}`;
    case 'both_sides':
      return fr
        ? html`${names} figure à la fois sous ${q(f.questions[0])} et sous ${q(f.questions[1])}`
        : html`${names} is listed both as ${q(f.questions[0])} and as ${q(f.questions[1])}`;
    default:
      return html`${f.message}`;
  }
}

function findingsBlock(result: ConsistencyResult, tr: Translator, sentences: QuoteSentences): SafeHtml {
  if (result.findings.length === 0) return html`<p>${tr.t('noFindings')}</p>`;
  const source = (q: { start: number; end: number; quote: string }): SourceRef => ({
    documentId: result.documentId,
    ...q,
  });
  return html`<ol class="findings">
    ${result.findings.map(
      (f) =>
        html`<li>
          <p><span class="tag">${tr.term(f.kind)}</span> ${findingText(f, tr)}</p>
          ${f.stated === undefined ? '' : html`<p>${tr.t('stated')}${tr.colon}${tr.n(f.stated)}${f.listed === undefined ? '' : html` · ${tr.t('listed')}${tr.colon}${tr.n(f.listed)}`}</p>`}
          ${f.countries === undefined || f.countries.length === 0 ? '' : html`<p>${f.countries.map((c, i) => html`${i > 0 ? ', ' : ''}${actorLink(c, tr, 'state')}`)}</p>`}
          ${f.quotes.map((q) => quoteLink(source(q), tr, sentences))}
        </li>`,
    )}
  </ol>`;
}

/** The page body. */
export function consistencyPage(input: ConsistencyPageInput, tr: Translator): SafeHtml {
  const list = html`<div class="table-scroll" tabindex="0">
    <table class="sortable">
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
              <td>
                <a href="${href(`/analyses/consistency/${encodeURIComponent(d.id)}`)}"
                  >${documentTitle(d, tr)}</a
                >
              </td>
              <td class="num">${tr.n(d.findings)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
  const selected =
    input.selected === null
      ? ''
      : html`<h2>
            <a href="/documents/${encodeURIComponent(input.selected.documentId)}"
              >${documentTitle(input.selected, tr)}</a
            >
          </h2>
          <p>
            <a href="/api/documents/${encodeURIComponent(input.selected.documentId)}/consistency" download
              >${tr.t('exportJson')}</a
            >
          </p>
          ${findingsBlock(input.selected, tr, input.sentences ?? NO_SENTENCES)}`;
  return analysisLayout('/analyses/consistency', tr, html`${selected} ${list}`);
}
