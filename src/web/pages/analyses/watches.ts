/** The watches page: saved watches, a form to add one, and the hits ingestion recorded. */
import { INSTRUMENT_TYPES, TOPICS } from '../../../domain/taxonomy.ts';
import type { WatchHit, WatchRecord } from '../../../storage/analyses/analysis-store.ts';
import { dateText, sourceText } from '../../components.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysisLayout } from './common.ts';
import { MY_WATCH_HITS_PATH } from '../../../presentation/feeds/atom.ts';
import { csrfField, mayUse, signInPrompt, type Viewer } from '../../viewer.ts';

/** A match reason ("country ML", "type dialogue", "text \"…\"") in the reader's words. */
function reason(text: string, tr: Translator): string {
  const m = /^(country|type|topic|text) (.*)$/.exec(text);
  if (!m) return text;
  const value = m[2] ?? '';
  const field = m[1] ?? '';
  if (field === 'country') return `${tr.t('country')}${tr.colon}${tr.actor(value)}`;
  if (field === 'type') return `${tr.t('type')}${tr.colon}${tr.typeLabel(value)}`;
  if (field === 'topic') return `${tr.t('topic')}${tr.colon}${tr.topicLabel(value)}`;
  return `${tr.t('words')}${tr.colon}${value}`;
}

/** What every list of watch hits shows first: when, which watch, the instrument and its source. */
export function hitHead(h: WatchHit, tr: Translator): SafeHtml {
  return html`${dateText(h.createdAt.slice(0, 10), tr)} · <strong>${h.watchName}</strong> :
    <a href="/instruments/${encodeURIComponent(h.instrumentId)}">${sourceText(h.instrumentTitle)}</a>
    (<a href="/documents/${encodeURIComponent(h.documentId)}">${tr.t('source')}</a>)`;
}

function addForm(tr: Translator, viewer: Viewer | null | undefined): SafeHtml {
  if (!mayUse(viewer, 'contributor')) return signInPrompt(tr, '/analyses/watches');
  return html`<form class="search-form" action="/analyses/watches" method="post">
    ${csrfField(viewer)}
    <h2>${tr.t('addWatch')}</h2>
    <p>
      <label for="w-name">${tr.t('watchName')}</label>
      <input id="w-name" name="name" required size="40" />
    </p>
    <p>
      <label for="w-country">${tr.t('country')}</label>
      <input id="w-country" name="country" size="3" maxlength="2" />
    </p>
    <p>
      <label for="w-type">${tr.t('type')}</label>
      <select id="w-type" name="type">
        <option value="">${tr.t('any')}</option>
        ${INSTRUMENT_TYPES.map((t) => html`<option value="${t}">${tr.typeLabel(t)}</option>`)}
      </select>
    </p>
    <p>
      <label for="w-topic">${tr.t('topic')}</label>
      <select id="w-topic" name="topic">
        <option value="">${tr.t('any')}</option>
        ${TOPICS.map((t) => html`<option value="${t}">${tr.topicLabel(t)}</option>`)}
      </select>
    </p>
    <p>
      <label for="w-text">${tr.t('words')}</label>
      <input id="w-text" name="text" size="30" />
    </p>
    <button type="submit">${tr.t('save')}</button>
  </form>`;
}

/** The page body. */
export function watchesPage(
  input: {
    readonly watches: readonly WatchRecord[];
    readonly hits: readonly WatchHit[];
    readonly viewer?: Viewer | null;
  },
  tr: Translator,
): SafeHtml {
  const list =
    input.watches.length === 0
      ? html`<p class="muted">${tr.t('empty')}</p>`
      : html`<div class="table-scroll" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col">${tr.t('watchName')}</th>
                <th scope="col">${tr.t('filters')}</th>
                <th scope="col">${tr.t('hits')}</th>
                <th scope="col"><span class="visually-hidden">${tr.t('remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${input.watches.map(
                (w) =>
                  html`<tr>
                    <td>${w.name}</td>
                    <td>
                      ${[
                        w.country && tr.actor(w.country),
                        w.type && tr.typeLabel(w.type),
                        w.topic && tr.topicLabel(w.topic),
                        w.text && `“${w.text}”`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </td>
                    <td class="num">${tr.n(w.hits)}</td>
                    <td>
                      ${
                        mayUse(input.viewer, 'contributor')
                          ? html`<form
                              action="/analyses/watches/${encodeURIComponent(w.id)}/remove"
                              method="post"
                            >
                              ${csrfField(input.viewer)}
                              <button type="submit">${tr.t('remove')}</button>
                            </form>`
                          : ''
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  const hits =
    input.hits.length === 0
      ? html`<p class="muted">${tr.t('empty')}</p>`
      : html`<ul class="hits">
          ${input.hits.map(
            (h) =>
              html`<li>
                ${hitHead(h, tr)} · ${h.reasons.map((r) => reason(r, tr)).join(', ')}
                ${h.seen ? '' : html`<span class="tag">${tr.t('newHit')}</span>`}
              </li>`,
          )}
        </ul>`;
  return analysisLayout(
    '/analyses/watches',
    tr,
    html`${list}
      <p><a href="${MY_WATCH_HITS_PATH}">${tr.t('myWatchHits')}</a></p>
      <h2>${tr.t('hits')}</h2>
      <p><a href="/api/watches/hits?format=csv&amp;lang=${tr.lang}" download>${tr.t('exportCsv')}</a></p>
      ${hits} ${addForm(tr, input.viewer)}`,
  );
}
