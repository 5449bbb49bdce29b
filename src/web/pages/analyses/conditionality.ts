/** The conditionality page: a timeline per country (steps in order) and the approaches attributed. */
import type { ConditionalityTimeline } from '../../../domain/analysis-model.ts';
import { actorLink } from '../../components.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysisLayout, quoteLink } from './common.ts';

const STEP_LABELS: Record<string, { en: string; fr: string }> = {
  assessment: {
    en: 'assessment of readmission cooperation',
    fr: 'évaluation de la coopération en matière de réadmission',
  },
  proposal: { en: 'proposal of visa measures', fr: 'proposition de mesures de visa' },
  implementing_decision: { en: 'implementing decision', fr: 'décision d’exécution' },
  restrictive_decision: { en: 'restrictive visa measures', fr: 'mesures de visa restrictives' },
  favourable_decision: { en: 'favourable visa measures', fr: 'mesures de visa favorables' },
  revocation: { en: 'revocation', fr: 'abrogation' },
};

/** The page body. */
export function conditionalityPage(
  input: { readonly timelines: readonly ConditionalityTimeline[] },
  tr: Translator,
): SafeHtml {
  const blocks = input.timelines.map(
    (t) =>
      html`<article class="timeline-country">
        <h2>${actorLink(t.country, tr)} (${t.country})</h2>
        ${
          t.steps.length === 0
            ? ''
            : html`<h3>${tr.t('steps')}</h3>
                <ol class="timeline">
                  ${t.steps.map(
                    (s) =>
                      html`<li>
                        <strong>${s.date?.value ?? '—'}</strong> ${STEP_LABELS[s.kind]?.[tr.lang] ?? s.kind}${
                          s.legalBasis ? html` <span class="tag">${s.legalBasis}</span>` : ''
                        }
                        ${quoteLink(s.source, tr, 160)}
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
                        ${tr.approachLabel(a.approach)} ${quoteLink(a.source, tr, 160)}
                      </li>`,
                  )}
                </ul>`
        }
      </article>`,
  );
  return analysisLayout(
    '/analyses/conditionality',
    tr,
    html`<p><a href="/api/conditionality?format=csv" download>${tr.t('exportCsv')}</a></p>
      ${input.timelines.length === 0 ? html`<p class="muted">${tr.t('empty')}</p>` : blocks}`,
  );
}
