/** The comparisons page: the questions with counts, one question's countries and evidence, charts, reports. */
import { NO_SENTENCES, type QuoteSentences } from '../../evidence-quote.ts';
import type { Comparison } from '../../../domain/analysis-model.ts';
import { INSTRUMENT_TYPES } from '../../../domain/taxonomy.ts';
import type { QuestionSummary } from '../../../storage/analyses/analysis-store.ts';
import { actorLink } from '../../components.ts';
import { href, html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { barList } from '../../charts/timeline.ts';
import { predicateLanguage, wholeQuestion } from '../../../analysis/questions.ts';
import { analysisLayout, quoteLink } from './common.ts';

export interface ComparePageInput {
  readonly questions: readonly QuestionSummary[];
  readonly selected: Comparison | null;
  readonly question?: string | undefined;
  readonly type?: string | undefined;
  /** The quoted documents' sentences (quoteSentences): each quote shown in its whole sentence. */
  readonly sentences?: QuoteSentences;
}

function reportLinks(question: string | undefined, tr: Translator): SafeHtml {
  const links = (['html', 'md'] as const).flatMap((format) =>
    (['fr', 'en'] as const).map(
      (lang) =>
        html`<li>
          <a href="${href('/api/reports/compare', { format, lang, questions: question })}" download
            >${tr.t('reportDownload')} (${format === 'md' ? 'Markdown' : 'HTML'}, ${tr.languageName(lang)})</a
          >
        </li>`,
    ),
  );
  return html`<h2>${tr.t('report')}</h2>
    <ul>
      ${links}
    </ul>`;
}

/**
 * The question of a comparison as a heading: one built from the atlas's criteria is in the
 * reader's language; one read from a source stays in the source's words (`translate="no"`).
 */
function questionHeading(c: Comparison, fromCriteria: boolean): SafeHtml {
  return fromCriteria
    ? html`<h2>${c.question}</h2>`
    : html`<h2 translate="no" lang="${predicateLanguage(c.question)}">${c.question}</h2>`;
}

function selectedBlock(
  c: Comparison,
  tr: Translator,
  sentences: QuoteSentences,
  fromCriteria: boolean,
): SafeHtml {
  const bars = [
    { label: tr.t('listed'), value: c.count },
    ...c.statedCounts.map((n) => ({ label: tr.t('stated'), value: n })),
  ];
  return html`<article class="comparison">
    ${questionHeading(c, fromCriteria)}
    <p>
      <strong>${tr.count(c.count, 'country')}</strong>${
        c.statedCounts.length > 0
          ? html` · ${tr.t('statedCounts')}${tr.colon}${c.statedCounts.map((n) => tr.n(n)).join(', ')}`
          : ''
      }
    </p>
    ${barList(
      bars.map((b) => ({ label: b.label, count: b.value })),
      tr,
      tr.t('countriesCount'),
    )}
    <p>${c.countries.map((code, i) => html`${i > 0 ? ', ' : ''}${actorLink(code, tr, 'state')}`)}</p>
    <h3>${tr.t('evidence')}</h3>
    <dl>
      ${c.evidence.map(
        (e) =>
          html`<dt>${tr.actor(e.country)}</dt>
            <dd>${e.evidence.map((s) => quoteLink(s, tr, sentences))}</dd>`,
      )}
    </dl>
  </article>`;
}

/** The page body. */
export function comparePage(input: ComparePageInput, tr: Translator): SafeHtml {
  const { questions, selected } = input;
  const overview =
    questions.length === 0
      ? html`<p class="muted">${tr.t('empty')}</p>`
      : barList(
          questions.slice(0, 15).map((q) => ({
            label: wholeQuestion(q.question),
            count: q.countries,
            link: href('/analyses/compare', { question: q.question }),
            source: true,
            sourceLang: predicateLanguage(q.question),
          })),
          tr,
          tr.t('questions'),
        );
  const form = html`<form class="search-form" action="/analyses/compare" method="get">
    <p>
      <label for="cmp-q">${tr.t('question')}</label>
      <select id="cmp-q" name="question">
        <option value="">${tr.t('chooseQuestion')}</option>
        ${questions.map(
          (q) =>
            html`<option
              value="${q.question}"
              translate="no"
              lang="${predicateLanguage(q.question)}"
              ${q.question === input.question ? html`selected` : ''}
            >
              ${wholeQuestion(q.question)} (${tr.n(q.countries)})
            </option>`,
        )}
      </select>
    </p>
    <p>
      <label for="cmp-type">${tr.t('instrumentType')}</label>
      <select id="cmp-type" name="type">
        <option value="">${tr.t('chooseType')}</option>
        ${INSTRUMENT_TYPES.map(
          (t) =>
            html`<option value="${t}" ${t === input.type ? html`selected` : ''}>${tr.typeLabel(t)}</option>`,
        )}
      </select>
    </p>
    <button type="submit">${tr.t('compareButton')}</button>
  </form>`;
  const table = html`<div class="table-scroll" tabindex="0">
    <table class="sortable">
      <caption>
        ${tr.t('questions')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tr.t('question')}</th>
          <th scope="col">${tr.t('stance')}</th>
          <th scope="col">${tr.t('countriesCount')}</th>
          <th scope="col">${tr.t('statedCounts')}</th>
        </tr>
      </thead>
      <tbody>
        ${questions.map(
          (q) =>
            html`<tr>
              <td>
                <a
                  href="${href('/analyses/compare', { question: q.question })}"
                  translate="no"
                  lang="${predicateLanguage(q.question)}"
                  >${wholeQuestion(q.question)}</a
                >
              </td>
              <td>${tr.t(q.stance === 'no' ? 'no' : 'yes')}${q.stance === 'partly' ? ' (±)' : ''}</td>
              <td class="num">${tr.n(q.countries)}</td>
              <td>${q.stated.length === 0 ? tr.t('notStated') : q.stated.map((n) => tr.n(n)).join(', ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
  return analysisLayout(
    '/analyses/compare',
    tr,
    html`${form}
    ${selected === null ? '' : selectedBlock(selected, tr, input.sentences ?? NO_SENTENCES, input.type !== undefined)}
    ${overview} ${table} ${reportLinks(input.question, tr)}`,
  );
}
