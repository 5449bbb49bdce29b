/** The country page: instruments by type and partner, money by source, topics, timeline, documents. */
import type { CountryProfile } from '../../storage/atlas-store.ts';
import { barList, timelineSvg } from '../charts/timeline.ts';
import { actorHref } from '../charts/network.ts';
import { actorKindOf } from '../../domain/actors.ts';
import { documentTitle, instrumentItems, money, spanHref } from '../components.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

export function countryPage(profile: CountryProfile, name: string, tr: Translator): SafeHtml {
  const code = profile.code;
  return html`<h1>${name}</h1>
    <p class="brief-controls no-print">
      <a class="button-link" href="/countries/${encodeURIComponent(code)}/brief?print=1" data-print-brief
        >${tr.t('printBriefLink')}</a
      >
      <a href="/countries/${encodeURIComponent(code)}/brief">${tr.t('briefLink')}</a>
    </p>
    <section class="cards" aria-label="${name}">
      <div class="card">
        <span class="number">${tr.n(profile.instrumentCount)}</span>${tr.t('instruments')}
      </div>
      <div class="card"><span class="number">${tr.n(profile.byPartner.length)}</span>${tr.t('partners')}</div>
      <div class="card">
        <span class="number">${tr.n(profile.documents.length)}</span>${tr.t('mentioningDocuments')}
      </div>
    </section>
    <div class="grid-2">
      <section class="panel" aria-labelledby="by-type">
        <h2 id="by-type">${tr.t('byType')}</h2>
        ${barList(
          profile.byType.map((row) => ({
            label: tr.typeLabel(row.code),
            count: row.count,
            link: href('/search', { country: code, type: row.code }),
          })),
          tr,
        )}
      </section>
      <section class="panel" aria-labelledby="by-partner">
        <h2 id="by-partner">${tr.t('byPartner')}</h2>
        ${barList(
          profile.byPartner.slice(0, 15).map((row) => ({
            label: tr.actor(row.code),
            count: row.count,
            link: actorHref(row.code, actorKindOf(row.code) ?? 'organization'),
          })),
          tr,
        )}
      </section>
      <section class="panel" aria-labelledby="money">
        <h2 id="money">${tr.t('moneyBySource')}</h2>
        ${
          profile.moneyBySource.length === 0
            ? html`<p class="muted">${tr.t('empty')}</p>`
            : html`<div class="table-scroll" tabindex="0">
                  <table class="sortable">
                    <thead>
                      <tr>
                        <th>${tr.t('source')}</th>
                        <th class="num">${tr.t('total')}</th>
                        <th class="num">${tr.t('instruments')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${profile.moneyBySource.map(
                        (row) =>
                          html`<tr>
                            <td>
                              ${row.source === null ? tr.t('unspecified') : tr.actor(row.source)}${row.sharedWith.length === 0 ? '' : ` ${tr.t('togetherWith')} ${row.sharedWith.map((id) => tr.actor(id)).join(', ')}`}
                            </td>
                            <td class="num">${money(row.total, row.currency, tr)}</td>
                            <td class="num">${tr.n(row.instruments)}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                <p class="muted">${tr.t('countedOnce')}</p>`
        }
      </section>
      <section class="panel" aria-labelledby="topics">
        <h2 id="topics">${tr.t('topics')}</h2>
        ${barList(
          profile.topics.map((row) => ({
            label: tr.topicLabel(row.code),
            count: row.count,
            link: href('/search', { country: code, topic: row.code }),
          })),
          tr,
        )}
      </section>
    </div>
    <section class="panel" aria-labelledby="timeline">
      <h2 id="timeline">${tr.t('timeline')}</h2>
      ${timelineSvg(
        profile.timeline,
        tr,
        { country: code },
        profile.instrumentCount - profile.timeline.reduce((sum, point) => sum + point.count, 0),
      )}
    </section>
    <section class="panel" aria-labelledby="instruments">
      <h2 id="instruments">${tr.t('instrumentsOf')} ${name}</h2>
      ${instrumentItems(profile.instruments, tr)}
      ${profile.instrumentCount > profile.instruments.length ? html`<p><a href="${href('/search', { country: code })}">${tr.t('search')} →</a></p>` : ''}
      <p>
        <a href="${href('/api/instruments', { country: code, format: 'csv', lang: tr.lang })}"
          >${tr.t('download')} CSV</a
        >
      </p>
    </section>
    <div class="grid-2">
      <section class="panel" aria-labelledby="statements">
        <h2 id="statements">${tr.t('commitments')}</h2>
        ${
          profile.statements.length === 0
            ? html`<p class="muted">${tr.t('empty')}</p>`
            : html`<ul class="plain">
                ${profile.statements.map(
                  (s) =>
                    html`<li>
                      <span class="tag">${tr.term(s.kind)}</span>
                      <a href="${spanHref(s.documentId, s.span.start, s.span.end)}" translate="no"
                        >${s.text.length > 240 ? `${s.text.slice(0, 240)}…` : s.text}</a
                      >
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section class="panel" aria-labelledby="documents">
        <h2 id="documents">${tr.t('mentioningDocuments')}</h2>
        ${
          profile.documents.length === 0
            ? html`<p class="muted">${tr.t('empty')}</p>`
            : html`<ul class="plain">
                ${profile.documents.map(
                  (d) =>
                    html`<li>
                      <a href="/documents/${encodeURIComponent(d.id)}">${documentTitle(d, tr)}</a>
                      <span class="muted"
                        >(${tr.languageName(d.language)}, ${tr.count(d.mentions, 'mention')})</span
                      >
                    </li>`,
                )}
              </ul>`
        }
      </section>
    </div>`;
}
