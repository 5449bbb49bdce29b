/** The instrument page: every field, and the evidence quote behind each one, linked to its document. */
import type { InstrumentDetail } from '../../storage/atlas-store.ts';
import { actorLink, factValue, money, spanHref } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

export function instrumentPage(instrument: InstrumentDetail, tr: Translator): SafeHtml {
  const binding =
    instrument.binding === null ? tr.t('notStated') : instrument.binding ? tr.t('yes') : tr.t('no');
  return html`<p class="muted"><span class="tag">${tr.typeLabel(instrument.type)}</span></p>
    <h1>${instrument.title}</h1>
    <div class="grid-2">
      <section class="panel" aria-labelledby="fields-title">
        <h2 id="fields-title" class="visually-hidden">${tr.t('title')}</h2>
        <dl class="fields">
          <dt>${tr.t('type')}</dt>
          <dd>${tr.typeLabel(instrument.type)}</dd>
          <dt>${tr.t('legalForm')}</dt>
          <dd>${tr.term(instrument.legalForm)}</dd>
          <dt>${tr.t('binding')}</dt>
          <dd>${binding}</dd>
          <dt>${tr.t('status')}</dt>
          <dd>${tr.term(instrument.status)}</dd>
          <dt>${tr.t('parties')}</dt>
          <dd>
            ${instrument.parties.length === 0 ? tr.t('notStated') : instrument.parties.map((p, i) => html`${i > 0 ? ', ' : ''}${actorLink(p.actorId, tr)} <span class="muted">(${tr.term(p.role)})</span>`)}
          </dd>
          <dt>${tr.t('dates')}</dt>
          <dd>
            ${instrument.dates.length === 0 ? tr.t('notStated') : instrument.dates.map((d, i) => html`${i > 0 ? ', ' : ''}${d.value} <span class="muted">(${tr.term(d.role)})</span>`)}
          </dd>
          <dt>${tr.t('amounts')}</dt>
          <dd>
            ${instrument.amounts.length === 0 ? tr.t('notStated') : instrument.amounts.map((a, i) => html`${i > 0 ? ', ' : ''}${money(a.value, a.currency, tr, a.approximate)}`)}
          </dd>
          <dt>${tr.t('topics')}</dt>
          <dd>
            ${instrument.topics.map((code) => html`<a class="tag" href="/search?topic=${code}">${tr.topicLabel(code)}</a>`)}
          </dd>
          <dt>${tr.t('approaches')}</dt>
          <dd>
            ${instrument.approaches.map((code) => html`<a class="tag" href="/search?approach=${code}">${tr.approachLabel(code)}</a>`)}
          </dd>
          <dt>${tr.t('foundIn')}</dt>
          <dd>
            ${instrument.documents.map((d, i) => html`${i > 0 ? ', ' : ''}<a href="/documents/${encodeURIComponent(d.id)}">${d.title}</a>`)}
          </dd>
        </dl>
      </section>
      <section class="panel evidence" aria-labelledby="evidence-title">
        <h2 id="evidence-title">${tr.t('evidence')}</h2>
        <p class="help">${tr.t('evidenceHelp')}</p>
        <ul class="plain">
          ${instrument.claims.map(
            (claim) =>
              html`<li>
                <strong>${tr.term(claim.property)}</strong>: ${factValue(claim.property, claim.value, tr)}
                <blockquote class="quote">
                  <a
                    class="evidence-link"
                    href="${spanHref(claim.evidence.documentId, claim.evidence.span.start, claim.evidence.span.end)}"
                    >« ${claim.evidence.quote} »</a
                  >
                </blockquote>
                <span class="muted"
                  >${claim.evidence.documentTitle} · ${tr.t('assertedBy')} ${claim.evidence.assertedBy} ·
                  ${tr.t('review')}: ${tr.term(claim.evidence.reviewState)}</span
                >
              </li>`,
          )}
        </ul>
      </section>
    </div>`;
}
