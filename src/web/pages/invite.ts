/**
 * The invitation page: the form (email, role, organisation) for an admin or an organisation's
 * focal point, and, once made, the one-time link to send (shown this once; the atlas keeps only
 * its hash).
 */
import { FOCAL_POINT_ROLES } from '../../domain/invitations.ts';
import { ROLES, type Role } from '../../domain/people.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';
import { csrfField, roleLabel, type Viewer } from '../viewer.ts';

export interface InvitePageInput {
  readonly viewer: Viewer;
  /** Admin: every organisation; focal point: their own only. */
  readonly organisations: readonly { readonly id: string; readonly name: string }[];
  readonly admin: boolean;
  readonly made: {
    readonly link: string;
    readonly email: string;
    readonly role: Role;
    readonly expiresAt: string;
  } | null;
}

export function invitePage(input: InvitePageInput, tr: Translator): SafeHtml {
  const roles = input.admin ? ROLES : FOCAL_POINT_ROLES;
  const made =
    input.made === null
      ? ''
      : html`<section class="panel invitation-made" aria-live="polite">
          <h2>${tr.t('inviteLink')}</h2>
          <p>
            ${tr.t('inviteFor')}${tr.colon}<span translate="no">${input.made.email}</span> ·
            ${roleLabel(input.made.role, tr)}
          </p>
          <p><input id="invite-link" readonly size="80" value="${input.made.link}" /></p>
          <p class="muted">
            ${tr.t('inviteExpires')}${tr.colon}${input.made.expiresAt.slice(0, 16).replace('T', ' ')} UTC
          </p>
        </section>`;
  return html`<div class="narrow">
    <h1>${tr.t('inviteTitle')}</h1>
    <p>${tr.t('inviteHelp')}</p>
    ${input.admin ? '' : html`<p>${tr.t('inviteFocalHelp')}</p>`} ${made}
    <form class="sign-in invite-form" action="/invite" method="post">
      ${csrfField(input.viewer)}
      <p>
        <label for="invite-email">${tr.t('email')}</label>
        <input id="invite-email" name="email" type="email" required maxlength="200" autocomplete="off" />
      </p>
      <p>
        <label for="invite-role">${tr.t('inviteRole')}</label>
        <select id="invite-role" name="role">
          ${roles.map(
            (role) =>
              html`<option value="${role}" ${role === 'contributor' ? html`selected` : ''}>
                ${roleLabel(role, tr)}
              </option>`,
          )}
        </select>
      </p>
      <p>
        <label for="invite-organisation">${tr.t('inviteOrganisation')}</label>
        <select id="invite-organisation" name="organisationId">
          ${input.admin ? html`<option value="">${tr.t('noOrganisation')}</option>` : ''}
          ${input.organisations.map((o) => html`<option value="${o.id}" translate="no">${o.name}</option>`)}
        </select>
      </p>
      <button type="submit">${tr.t('inviteButton')}</button>
    </form>
  </div>`;
}
