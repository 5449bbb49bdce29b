/**
 * A record's history section: every change from the audit log (who, when, what, before, after,
 * why), oldest first, in the reader's language. Values are shown as the facts they are (a type in
 * words, a date the reader's way), never as raw JSON.
 */
import type { ShownChange } from '../../services/history.ts';
import { dateText, factValue } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey, Translator } from '../i18n.ts';

const ACTIONS = new Set(['claim.accept', 'claim.correct', 'claim.reject', 'commitment.status']);

function actionText(action: string, tr: Translator): string {
  return tr.t((ACTIONS.has(action) ? `action_${action}` : 'action_other') as MessageKey);
}

/** A before/after value: `{ property: value }` for facts, `{ status }` for commitments. */
function valueText(value: unknown, tr: Translator): string {
  // Nothing before (a new fact) or after: said in words, never a bare dash.
  if (value === null || value === undefined || typeof value === 'function') return tr.t('notStated');
  if (typeof value === 'boolean') return tr.t(value ? 'yes' : 'no');
  if (typeof value === 'number') return tr.n(value);
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return tr.t('notStated');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) =>
      key === 'status' && typeof v === 'string'
        ? tr.term(v)
        : `${tr.term(key)}${tr.colon}${factValue(key, v, tr)}`,
    )
    .join(' · ');
}

const whoText = (change: ShownChange, tr: Translator): string =>
  change.actor.id === 'cli' ? tr.t('actorCli') : change.actor.name;

/** The history section of a record page. */
export function historySection(changes: readonly ShownChange[], tr: Translator): SafeHtml {
  const body =
    changes.length === 0
      ? html`<p class="muted">${tr.t('historyEmpty')}</p>`
      : html`<div class="table-scroll" tabindex="0">
          <table class="cards-on-phone">
            <thead>
              <tr>
                <th scope="col">${tr.t('historyWhen')}</th>
                <th scope="col">${tr.t('historyWho')}</th>
                <th scope="col">${tr.t('historyWhat')}</th>
                <th scope="col">${tr.t('historyBefore')}</th>
                <th scope="col">${tr.t('historyAfter')}</th>
                <th scope="col">${tr.t('historyWhy')}</th>
              </tr>
            </thead>
            <tbody>
              ${changes.map(
                (c) =>
                  html`<tr>
                    <td><time datetime="${c.at}">${dateText(c.at.slice(0, 10), tr)}</time></td>
                    <td translate="no">${whoText(c, tr)}</td>
                    <td>${actionText(c.action, tr)}</td>
                    <td>${valueText(c.before, tr)}</td>
                    <td>${valueText(c.after, tr)}</td>
                    <td>
                      ${c.reason === null ? tr.t('notStated') : html`<span translate="no">${c.reason}</span>`}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  return html`<section class="panel history" aria-labelledby="history-title">
    <h2 id="history-title">${tr.t('history')}</h2>
    ${body}
  </section>`;
}
