/**
 * The reviewer's panel on an instrument page: merge this instrument into the one it duplicates
 * (chosen among instruments of the same type, or by id), or split the ticked facts into a new
 * instrument. Both forms post URL-encoded with the session's CSRF token and a required reason.
 */
import type { InstrumentDetail } from '../../storage/atlas-store.ts';
import type { MergeRecord } from '../../storage/curation/curation-store.ts';
import { dateText, documentTitle, factValueHtml, instrumentTitle } from '../components.ts';
import { titleIn } from '../../extraction/instruments/titles.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';
import { csrfField, type Viewer } from '../viewer.ts';

export interface MergeCandidate {
  readonly id: string;
  readonly title: string;
}

/** The instruments merged into this one, with who, when and why. */
export function mergedHereList(merged: readonly MergeRecord[], tr: Translator): SafeHtml | string {
  if (merged.length === 0) return '';
  return html`<section class="panel merged-here">
    <h2>${tr.t('mergedHere')}</h2>
    <ul>
      ${merged.map(
        (m) =>
          html`<li>
            <code translate="no">${m.mergedId}</code> ${instrumentTitle(m.title, tr)}
            <span class="muted">(${dateText(m.mergedAt.slice(0, 10), tr)} · ${m.reason})</span>
          </li>`,
      )}
    </ul>
  </section>`;
}

export function curationPanel(
  instrument: InstrumentDetail,
  candidates: readonly MergeCandidate[],
  viewer: Viewer,
  tr: Translator,
): SafeHtml {
  const path = `/instruments/${encodeURIComponent(instrument.id)}`;
  const others = candidates.filter((c) => c.id !== instrument.id);
  return html`<section class="panel curation" aria-labelledby="curation-title">
    <h2 id="curation-title">${tr.t('curationTitle')}</h2>
    <form class="merge-form" action="${path}/merge" method="post">
      ${csrfField(viewer)}
      <h3>${tr.t('mergeTitle')}</h3>
      <p class="help">${tr.t('mergeHelp')}</p>
      <p>
        <label for="merge-into">${tr.t('mergeInto')}</label>
        <input
          id="merge-into"
          name="into"
          list="merge-candidates"
          required
          size="40"
          pattern="ins_[A-Za-z0-9_-]{1,64}"
          autocomplete="off"
        />
        <datalist id="merge-candidates">
          ${others.map((c) => html`<option value="${c.id}" translate="no">${titleIn(c.title, tr.lang)}</option>`)}
        </datalist>
      </p>
      <p>
        <label for="merge-reason">${tr.t('curationReason')}</label>
        <input id="merge-reason" name="reason" required maxlength="1000" size="50" />
      </p>
      <button type="submit">${tr.t('mergeButton')}</button>
    </form>
    <form class="split-form" action="${path}/split" method="post">
      ${csrfField(viewer)}
      <h3>${tr.t('splitTitle')}</h3>
      <p class="help">${tr.t('splitHelp')}</p>
      <ul class="plain">
        ${instrument.claims.map(
          (claim) =>
            html`<li>
              <input type="checkbox" id="split-${claim.id}" name="claims" value="${claim.id}" />
              <label for="split-${claim.id}"
                ><strong>${tr.term(claim.property)}</strong
                >${tr.colon}${factValueHtml(claim.property, claim.value, tr)}
                <span class="muted"
                  >(${documentTitle({ title: claim.evidence.documentTitle, fileName: claim.evidence.documentFileName }, tr)})</span
                ></label
              >
            </li>`,
        )}
      </ul>
      <p>
        <label for="split-reason">${tr.t('curationReason')}</label>
        <input id="split-reason" name="reason" required maxlength="1000" size="50" />
      </p>
      <button type="submit">${tr.t('splitButton')}</button>
    </form>
  </section>`;
}
