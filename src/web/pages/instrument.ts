/** The instrument page: every field, and the evidence quote behind each one, linked to its document. */
import { restrictionBadge } from '../restriction-badge.ts';
import type { ClaimView, InstrumentDetail } from '../../storage/atlas-store.ts';
import type { InstrumentAmount } from '../../domain/money.ts';
import { actorLink, dateText, documentTitle, factValueHtml, instrumentTitle, money } from '../components.ts';
import type { SegmentedDocument } from '../document-sentences.ts';
import { passageAround } from '../evidence.ts';
import { evidenceQuote, quoteParts } from '../evidence-quote.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

/** Who asserted a claim, in words: the extraction rules (with their version) or a named reviewer. */
function asserter(assertedBy: string, tr: Translator): string {
  const rules = /^extractor:(.+)$/.exec(assertedBy);
  if (rules) return `${tr.t('rulesExtractor')} (${rules[1] ?? ''})`;
  return assertedBy.replace(/^user:/, '');
}

/** One fact: its value, the whole sentence with the supporting words marked, and how it was read. */
function evidenceItem(
  recordId: string,
  claim: ClaimView,
  documents: ReadonlyMap<string, SegmentedDocument>,
  tr: Translator,
): SafeHtml {
  const { evidence } = claim;
  const document = documents.get(evidence.documentId);
  const quoted = { documentId: evidence.documentId, ...evidence.span, quote: evidence.quote };
  const parts = quoteParts(quoted, documents);
  return html`<li>
    <strong>${tr.term(claim.property)}</strong>${tr.colon}${factValueHtml(claim.property, claim.value, tr)}
    ${restrictionBadge(claim.restrictedTo, tr)}
    ${evidenceQuote(quoted, documents, tr, { record: recordId, parts })}
    ${passage(evidence, document, parts, tr)}
    <details class="provenance">
      <summary>${tr.t('extraction')}</summary>
      <dl class="fields">
        <dt>${tr.t('source')}</dt>
        <dd>${documentTitle({ title: evidence.documentTitle, fileName: evidence.documentFileName }, tr)}</dd>
        <dt>${tr.t('extractor')}</dt>
        <dd>${asserter(evidence.assertedBy, tr)}</dd>
        <dt>${tr.t('reviewState')}</dt>
        <dd>${tr.term(evidence.reviewState)}</dd>
      </dl>
    </details>
  </li>`;
}

/** The sentences around a quote, in a details element the reader opens (nothing when none). */
function passage(
  evidence: ClaimView['evidence'],
  document: SegmentedDocument | undefined,
  parts: { before: string; marked: string; after: string },
  tr: Translator,
): SafeHtml | string {
  if (document === undefined) return '';
  const around = passageAround(document.text, evidence.span, document.sentences);
  if (around.before === '' && around.after === '') return '';
  return html`<details class="passage">
    <summary>${tr.t('surroundingPassage')}</summary>
    <p translate="no" lang="${document.language}">
      ${around.before} ${parts.before}<mark>${parts.marked}</mark>${parts.after} ${around.after}
    </p>
  </details>`;
}

export function instrumentPage(
  instrument: InstrumentDetail,
  documents: ReadonlyMap<string, SegmentedDocument>,
  tr: Translator,
): SafeHtml {
  const binding =
    instrument.binding === null ? tr.t('notStated') : instrument.binding ? tr.t('yes') : tr.t('no');
  return html`<p class="muted">
      <span class="tag">${tr.typeLabel(instrument.type)}</span>
      ${restrictionBadge(instrument.restrictedTo, tr)}
    </p>
    <h1>${instrumentTitle(instrument.title, tr)}</h1>
    <div class="grid-2">
      <section class="panel" aria-labelledby="fields-title">
        <h2 id="fields-title" class="visually-hidden">${tr.t('title')}</h2>
        <dl class="fields">
          <dt>${tr.t('type')}</dt>
          <dd>${tr.typeLabel(instrument.type)}</dd>
          <dt>${tr.t('legalForm')}</dt>
          <dd>${instrument.legalForm === 'other' ? tr.t('notStated') : tr.term(instrument.legalForm)}</dd>
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
            ${instrument.dates.length === 0 ? tr.t('notStated') : instrument.dates.map((d, i) => html`${i > 0 ? ', ' : ''}${dateText(d.value, tr)} <span class="muted">(${tr.term(d.role)})</span>`)}
          </dd>
          <dt>${tr.t('amounts')}</dt>
          <dd>
            ${instrument.amounts.length === 0 ? tr.t('notStated') : instrument.amounts.map((a, i) => html`${i > 0 ? ', ' : ''}${money(a.value, a.currency, tr, a.approximate)}${amountRoleText(a, tr)}`)}
          </dd>
          ${
            Object.keys(instrument.moneyTotals).length === 0
              ? ''
              : html`<dt>${tr.t('moneyTotal')}</dt>
                  <dd>
                    ${Object.entries(instrument.moneyTotals).map(([currency, value], i) => html`${i > 0 ? ', ' : ''}${money(value, currency, tr)}`)}
                    <span class="muted">${tr.t('countedOnce')}</span>
                  </dd>`
          }
          <dt>${tr.t('topics')}</dt>
          <dd>
            ${instrument.topics.length === 0 ? tr.t('notStated') : ''}${instrument.topics.map((code) => html`<a class="tag" href="/search?topic=${code}">${tr.topicLabel(code)}</a>`)}
          </dd>
          <dt>${tr.t('approaches')}</dt>
          <dd>
            ${instrument.approaches.length === 0 ? tr.t('notStated') : ''}${instrument.approaches.map((code) => html`<a class="tag" href="/search?approach=${code}">${tr.approachLabel(code)}</a>`)}
          </dd>
          <dt>${tr.t('foundIn')}</dt>
          <dd>
            ${instrument.documents.map((d, i) => html`${i > 0 ? ', ' : ''}<a href="${href(`/documents/${encodeURIComponent(d.id)}`, { record: instrument.id })}">${documentTitle(d, tr)}</a>`)}
          </dd>
        </dl>
      </section>
      <section class="panel evidence" aria-labelledby="evidence-title">
        <h2 id="evidence-title">${tr.t('evidence')}</h2>
        <p class="help">${tr.t('evidenceHelp')}</p>
        <ul class="plain">
          ${instrument.claims.map((claim) => evidenceItem(instrument.id, claim, documents, tr))}
        </ul>
      </section>
    </div>`;
}

/** " (total)", " (share of 145,1 M€)": what the text says an amount is, after it. */
function amountRoleText(amount: InstrumentAmount, tr: Translator): string {
  if (amount.role === null) return '';
  const whole =
    amount.partOf === null ? '' : ` ${tr.t('shareOf')} ${money(amount.partOf, amount.currency, tr)}`;
  const role = amount.role === 'part' && whole !== '' ? '' : tr.term(amount.role);
  return ` (${[role, whole.trim()].filter((part) => part !== '').join(', ')})`;
}
