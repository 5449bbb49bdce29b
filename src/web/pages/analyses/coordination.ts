/** The coordination page for a partner: actors × topics matrix, money, overlaps, gaps, exports. */
import type { CoordinationView, MoneyByCurrency } from '../../../domain/analysis-model.ts';
import { actorLink, instrumentTitle, money } from '../../components.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysisLayout } from './common.ts';

function moneyText(m: MoneyByCurrency, tr: Translator): string {
  const parts = Object.entries(m).map(([currency, value]) => money(value, currency, tr));
  // No sum in the sources: said in words, not a dash.
  return parts.length === 0 ? tr.t('notStated') : parts.join(' + ');
}

/** What a money cell sorts by: the euros when there are some (most sums are), else its first currency. */
function moneySortKey(money: Readonly<Record<string, number>>): number {
  return money.EUR ?? Object.values(money)[0] ?? 0;
}

function matrix(view: CoordinationView, tr: Translator): SafeHtml {
  const topics = [...new Set(view.actors.flatMap((a) => a.topics))].sort();
  return html`<div class="table-scroll" tabindex="0">
    <table class="sortable matrix">
      <caption>
        ${tr.t('actorsTopics')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tr.t('actors')}</th>
          <th scope="col">${tr.t('money')}</th>
          <th scope="col">${tr.t('instruments')}</th>
          ${topics.map((t) => html`<th scope="col">${tr.topicLabel(t)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${view.actors.map(
          (a) =>
            html`<tr>
              <th scope="row">${actorLink(a.actorId, tr, a.kind)}</th>
              <td data-sort="${moneySortKey(a.money)}">
                ${moneyText(a.money, tr)}${
                  Object.keys(a.sharedMoney).length > 0
                    ? html`<br /><span class="muted"
                          >${moneyText(a.sharedMoney, tr)} (${tr.t('sharedMoney')})</span
                        >`
                    : ''
                }
              </td>
              <td>
                <ul>
                  ${a.instruments.map(
                    (i) =>
                      html`<li>
                        <a href="/instruments/${encodeURIComponent(i.id)}">${instrumentTitle(i.title, tr)}</a>
                      </li>`,
                  )}
                </ul>
              </td>
              ${topics.map(
                (t) =>
                  html`<td>
                    ${
                      a.topics.includes(t)
                        ? html`<span aria-label="${tr.t('yes')}">●</span>`
                        : html`<span class="visually-hidden">${tr.t('no')}</span>`
                    }
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The page body; `view` is null until a partner is chosen. */
export function coordinationPage(
  input: { readonly view: CoordinationView | null; readonly partners: readonly string[] },
  tr: Translator,
): SafeHtml {
  const { view } = input;
  const form = html`<form class="search-form" action="/analyses/coordination" method="get">
    <label for="coord-country">${tr.t('partnerCountry')}</label>
    <select id="coord-country" name="country">
      ${input.partners.map(
        (code) =>
          html`<option value="${code}" ${code === view?.partner ? html`selected` : ''}>
            ${tr.actor(code)}
          </option>`,
      )}
    </select>
    <button type="submit">${tr.t('show')}</button>
  </form>`;
  if (view === null) return analysisLayout('/analyses/coordination', tr, form);
  const code = encodeURIComponent(view.partner);
  const body = html`${form}
    <h2>${tr.actor(view.partner)}</h2>
    <p>${tr.t('total')}: <strong>${moneyText(view.totals, tr)}</strong></p>
    <p>
      <a href="/api/coordination/${code}?format=csv&amp;lang=${tr.lang}" download>${tr.t('exportCsv')}</a> ·
      <a href="/api/coordination/${code}?format=json" download>${tr.t('exportJson')}</a>
    </p>
    ${view.actors.length === 0 ? html`<p class="muted">${tr.t('empty')}</p>` : matrix(view, tr)}
    <h2>${tr.t('overlaps')}</h2>
    ${
      view.overlaps.length === 0
        ? html`<p class="muted">${tr.t('noneFound')}</p>`
        : html`<ul>
            ${view.overlaps.map(
              (o) =>
                html`<li>
                  ${tr.topicLabel(o.topic)}${tr.colon}
                  ${o.actors.map((a, i) => html`${i > 0 ? ', ' : ''}${tr.actor(a)}`)}
                </li>`,
            )}
          </ul>`
    }
    <h2>${tr.t('gaps')}</h2>
    ${
      view.gaps.length === 0
        ? html`<p class="muted">${tr.t('noneFound')}</p>`
        : html`<ul>
            ${view.gaps.map(
              (g) =>
                html`<li>
                  <strong>${tr.topicLabel(g.topic)}</strong>${tr.colon}<span translate="no"
                    >${g.priorities.map((p) => p.label).join(' ; ')}</span
                  >
                </li>`,
            )}
          </ul>`
    }`;
  return analysisLayout('/analyses/coordination', tr, body);
}
