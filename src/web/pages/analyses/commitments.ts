/** The commitments page: a table with a status form per row, overdue flags, the next dialogue, priorities. */
import { NO_SENTENCES, type QuoteSentences } from '../../evidence-quote.ts';
import type { CommitmentTracker, Deadline, RoadmapPriority } from '../../../domain/analysis-model.ts';
import { dateText } from '../../components.ts';
import { href, html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { csrfField, mayUse, signInPrompt, type Viewer } from '../../viewer.ts';
import { analysisLayout, quoteLink } from './common.ts';

const STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

function deadlineText(d: Deadline | null, tr: Translator): string {
  if (d === null) return tr.t('notStated');
  return `${d.inclusive ? tr.t('by') : tr.t('before')} ${dateText(d.value, tr)}`;
}

/** The page body. */
export function commitmentsPage(
  input: {
    readonly tracker: CommitmentTracker & { readonly priorities: readonly RoadmapPriority[] };
    readonly country?: string | undefined;
    readonly today?: string | undefined;
    readonly viewer?: Viewer | null;
    /** The quoted documents' sentences (quoteSentences): each quote shown in its whole sentence. */
    readonly sentences?: QuoteSentences;
  },
  tr: Translator,
): SafeHtml {
  const { tracker } = input;
  const back = href('/analyses/commitments', { country: input.country, today: input.today });
  const filter = html`<form class="search-form" action="/analyses/commitments" method="get">
    <label for="cm-country">${tr.t('country')}</label>
    <input id="cm-country" name="country" size="3" maxlength="2" value="${input.country ?? ''}" />
    <label for="cm-today">${tr.t('asOf')}</label>
    <input id="cm-today" name="today" type="date" value="${tracker.today}" />
    <button type="submit">${tr.t('show')}</button>
  </form>`;
  const next = tracker.nextDialogue;
  const nextBlock =
    next === null
      ? ''
      : html`<p class="${next.overdue ? 'overdue' : ''}">
          <strong>${tr.t('nextDialogue')}</strong>${tr.colon}${deadlineText(next.deadline, tr)}
          ${next.deadline ? html`(« <span translate="no">${next.deadline.quote}</span> »)` : ''}
          ${next.overdue ? html`<strong>— ${tr.t('overdue')}</strong>` : ''}
        </p>`;
  const rows = tracker.commitments.map(
    (c) =>
      html`<tr>
        <td>
          <span translate="no">${c.text}</span>${quoteLink(c.source, tr, input.sentences ?? NO_SENTENCES)}
        </td>
        <td>
          ${
            c.owners.length === 0
              ? tr.t('notStated')
              : c.owners.map((o, i) => html`${i > 0 ? ', ' : ''}${tr.actor(o)}`)
          }
        </td>
        <td data-sort="${c.deadline?.value ?? '9999'}">
          ${deadlineText(c.deadline, tr)}${c.nextDialogue ? html`<br /><span class="tag">${tr.t('nextDialogue')}</span>` : ''}
        </td>
        <td>${c.overdue ? html`<strong class="overdue">${tr.t('overdue')}</strong>` : tr.t('no')}</td>
        <td>
          ${
            mayUse(input.viewer, 'contributor')
              ? html`<form action="/analyses/commitments/${encodeURIComponent(c.id)}/status" method="post">
                  ${csrfField(input.viewer)}
                  <input type="hidden" name="back" value="${back}" />
                  <label class="visually-hidden" for="st-${c.id}">${tr.t('status')}</label>
                  <select id="st-${c.id}" name="status">
                    ${STATUSES.map(
                      (s) =>
                        html`<option value="${s}" ${s === c.status ? html`selected` : ''}>
                          ${tr.term(s)}
                        </option>`,
                    )}
                  </select>
                  <button type="submit">${tr.t('update')}</button>
                </form>`
              : tr.term(c.status)
          }
          <a href="/analyses/commitments/${encodeURIComponent(c.id)}/history">${tr.t('history')}</a>
        </td>
      </tr>`,
  );
  const table = html`<div class="table-scroll" tabindex="0">
    <table class="sortable cards-on-phone">
      <thead>
        <tr>
          <th scope="col">${tr.term('commitment')}</th>
          <th scope="col">${tr.t('owners')}</th>
          <th scope="col">${tr.term('deadline')}</th>
          <th scope="col">${tr.t('overdue')}</th>
          <th scope="col">${tr.t('status')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
  const priorities =
    tracker.priorities.length === 0
      ? ''
      : html`<h2>${tr.t('priorityAreas')}</h2>
          <ol>
            ${tracker.priorities.map(
              (p) =>
                html`<li>
                  <span translate="no">${p.label}</span>
                  ${p.topics.map((t) => html`<span class="tag">${tr.topicLabel(t)}</span>`)}
                </li>`,
            )}
          </ol>`;
  const csv = href('/api/commitments', {
    country: input.country,
    today: tracker.today,
    format: 'csv',
    lang: tr.lang,
  });
  return analysisLayout(
    '/analyses/commitments',
    tr,
    html`${filter} ${nextBlock} ${mayUse(input.viewer, 'contributor') ? '' : signInPrompt(tr, back)}
      <p>
        ${tr.count(tracker.commitments.length, 'commitment')} ·
        ${tr.t('overdue')}${tr.colon}${tr.n(tracker.overdue)} ·
        <a href="${csv}" download>${tr.t('exportCsv')}</a>
      </p>
      ${tracker.commitments.length === 0 ? html`<p class="muted">${tr.t('empty')}</p>` : table} ${priorities}`,
  );
}
