/** The sign-in page and the invitation page (French and English). */
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

/** A message above a form (a refused sign-in), announced to screen readers. */
const alert = (message: string | null): SafeHtml | string =>
  message === null ? '' : html`<p class="form-error" role="alert">${message}</p>`;

export function signInPage(
  input: { readonly next: string; readonly error: string | null; readonly email?: string },
  tr: Translator,
): SafeHtml {
  return html`<div class="narrow">
    <h1>${tr.t('signIn')}</h1>
    <p>${tr.t('signInHelp')}</p>
    ${alert(input.error)}
    <form class="sign-in" action="/sign-in" method="post">
      <input type="hidden" name="next" value="${input.next}" />
      <p>
        <label for="si-email">${tr.t('email')}</label>
        <input
          id="si-email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${input.email ?? ''}"
        />
      </p>
      <p>
        <label for="si-password">${tr.t('password')}</label>
        <input id="si-password" name="password" type="password" autocomplete="current-password" required />
      </p>
      <button type="submit">${tr.t('signIn')}</button>
    </form>
  </div>`;
}

export function invitationPage(
  input: { readonly token: string; readonly email: string | null; readonly error: string | null },
  tr: Translator,
): SafeHtml {
  if (input.email === null) {
    return html`<div class="narrow">
      <h1>${tr.t('invitationTitle')}</h1>
      <p class="form-error" role="alert">${tr.t('invitationGone')}</p>
    </div>`;
  }
  return html`<div class="narrow">
    <h1>${tr.t('invitationTitle')}</h1>
    <p>${tr.t('invitationHelp')}</p>
    ${alert(input.error)}
    <form class="sign-in" action="/sign-in/invitation" method="post">
      <input type="hidden" name="token" value="${input.token}" />
      <p>
        <label for="inv-email">${tr.t('email')}</label>
        <input id="inv-email" type="email" value="${input.email}" readonly autocomplete="username" />
      </p>
      <p>
        <label for="inv-name">${tr.t('yourNameField')}</label>
        <input id="inv-name" name="name" required maxlength="100" autocomplete="name" />
      </p>
      <p>
        <label for="inv-password">${tr.t('password')}</label>
        <input
          id="inv-password"
          name="password"
          type="password"
          minlength="10"
          required
          autocomplete="new-password"
        />
      </p>
      <button type="submit">${tr.t('createAccount')}</button>
    </form>
  </div>`;
}
