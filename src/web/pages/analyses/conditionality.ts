/** The conditionality page: a timeline per country (steps in order) and the approaches attributed. */
import { NO_SENTENCES, type QuoteSentences } from '../../evidence-quote.ts';
import type { ConditionalityTimeline } from '../../../domain/analysis-model.ts';
import { actorLink, dateText } from '../../components.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysisLayout, quoteLink } from './common.ts';

/** The legal basis the analysis names ("Visa Code art. 25a"), in the reader's language. */
function legalBasis(basis: string, tr: Translator): string {
  if (tr.lang !== 'fr') return basis;
  return basis
    .replace(/^Visa Code art\. (\d+)a$/, 'code des visas, art. $1 bis')
    .replace(/^Visa Code/, 'code des visas');
}

/** The page body. */
export function conditionalityPage(
  input: { readonly timelines: readonly ConditionalityTimeline[]; readonly sentences?: QuoteSentences },
  tr: Translator,
): SafeHtml {
  const blocks = input.timelines.map(
    (t) =>
      html`<article class="timeline-country">
        <h2>${actorLink(t.country, tr)}</h2>
        ${
          t.steps.length === 0
            ? ''
            : html`<h3>${tr.t('steps')}</h3>
                <ol class="timeline">
                  ${t.steps.map(
                    (s) =>
                      html`<li>
                        <strong>${s.date ? dateText(s.date.value, tr) : tr.t('notStated')}</strong>
                        ${tr.term(s.kind)}${
                          s.legalBasis ? html` <span class="tag">${legalBasis(s.legalBasis, tr)}</span>` : ''
                        }
                        ${quoteLink(s.source, tr, input.sentences ?? NO_SENTENCES)}
                      </li>`,
                  )}
                </ol>`
        }
        ${
          t.approaches.length === 0
            ? ''
            : html`<h3>${tr.t('approaches')}</h3>
                <ul>
                  ${t.approaches.map(
                    (a) =>
                      html`<li>
                        ${tr.t(a.stance === 'opposes' ? 'opposes' : 'applies')}
                        ${tr.approachLabel(a.approach)}
                        ${quoteLink(a.source, tr, input.sentences ?? NO_SENTENCES)}
                      </li>`,
                  )}
                </ul>`
        }
      </article>`,
  );
  return analysisLayout(
    '/analyses/conditionality',
    tr,
    html`<p><a href="/api/conditionality?format=csv&amp;lang=${tr.lang}" download>${tr.t('exportCsv')}</a></p>
      ${input.timelines.length === 0 ? html`<p class="muted">${tr.t('empty')}</p>` : blocks}`,
  );
}
