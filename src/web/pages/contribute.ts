/**
 * The contribution page (contributors): an event or a commitment that no document of the atlas
 * names yet, with the web page that says it and its words. Each form posts URL-encoded with the
 * session's CSRF token; the contribution then waits for a reviewer (POST /api/contributions/:id/accept).
 */
import { EVENT_KINDS } from '../../domain/contributions.ts';
import { TOPICS } from '../../domain/taxonomy.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';
import { csrfField, type Viewer } from '../viewer.ts';

const sourceFields = (prefix: string, tr: Translator): SafeHtml =>
  html`<p>
      <label for="${prefix}-url">${tr.t('sourceUrl')}</label>
      <input id="${prefix}-url" name="url" type="url" required maxlength="2000" size="60" />
    </p>
    <p>
      <label for="${prefix}-quote">${tr.t('sourceQuote')}</label>
      <textarea id="${prefix}-quote" name="quote" required maxlength="2000" rows="3" cols="60"></textarea>
    </p>`;

export function contributePage(
  input: { readonly viewer: Viewer; readonly sent: boolean },
  tr: Translator,
): SafeHtml {
  return html`<div class="narrow">
    <h1>${tr.t('contributeTitle')}</h1>
    <p>${tr.t('contributeHelp')}</p>
    ${input.sent ? html`<p class="notice contribution-sent" role="status">${tr.t('contributionSent')}</p>` : ''}
    <form class="contribute-event" action="/contribute/event" method="post">
      ${csrfField(input.viewer)}
      <h2>${tr.t('contributeEvent')}</h2>
      <p>
        <label for="ev-kind">${tr.t('eventKind')}</label>
        <select id="ev-kind" name="kind">
          ${EVENT_KINDS.map((kind) => html`<option value="${kind}">${tr.term(kind)}</option>`)}
        </select>
      </p>
      <p>
        <label for="ev-title">${tr.t('eventTitle')}</label>
        <input id="ev-title" name="title" required maxlength="500" size="60" />
      </p>
      <p>
        <label for="ev-date">${tr.t('eventDate')}</label>
        <input id="ev-date" name="date" maxlength="10" size="12" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" />
      </p>
      <p>
        <label for="ev-place">${tr.t('eventPlace')}</label>
        <input id="ev-place" name="place" maxlength="200" size="40" />
      </p>
      <p>
        <label for="ev-participants"
          >${tr.t('eventParticipants')} <code translate="no">SN, ES, org:eu</code>)</label
        >
        <input id="ev-participants" name="participants" maxlength="1000" size="40" />
      </p>
      ${sourceFields('ev', tr)}
      <button type="submit">${tr.t('contributeButton')}</button>
    </form>
    <form class="contribute-commitment" action="/contribute/commitment" method="post">
      ${csrfField(input.viewer)}
      <h2>${tr.t('contributeCommitment')}</h2>
      <p>
        <label for="cm-text">${tr.t('commitmentText')}</label>
        <textarea id="cm-text" name="text" required maxlength="2000" rows="3" cols="60"></textarea>
      </p>
      <p>
        <label for="cm-owners">${tr.t('commitmentOwners')}</label>
        <input id="cm-owners" name="owners" required maxlength="1000" size="40" />
      </p>
      <p>
        <label for="cm-deadline">${tr.t('commitmentDeadline')}</label>
        <input
          id="cm-deadline"
          name="deadline"
          maxlength="10"
          size="12"
          pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"
        />
      </p>
      <p>
        <label for="cm-topic">${tr.t('topic')}</label>
        <select id="cm-topic" name="topics">
          <option value="">${tr.t('any')}</option>
          ${TOPICS.map((code) => html`<option value="${code}">${tr.topicLabel(code)}</option>`)}
        </select>
      </p>
      ${sourceFields('cm', tr)}
      <button type="submit">${tr.t('contributeButton')}</button>
    </form>
  </div>`;
}
