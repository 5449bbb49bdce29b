/**
 * The signed-in person as the pages see them: a name, a role and the anti-forgery token that every
 * form posting a change carries. Null: an anonymous reader (every page reads without an account).
 */
import type { FastifyRequest } from 'fastify';
import { mayInvite } from '../domain/invitations.ts';
import { roleAtLeast, type Role } from '../domain/people.ts';
import { CSRF_FIELD } from '../presentation/auth/authenticate.ts';
import { html, type SafeHtml } from './html.ts';
import type { MessageKey, Translator } from './i18n.ts';

export interface Viewer {
  readonly name: string;
  readonly role: Role;
  /** The session's CSRF token (forms), null for a token-authenticated request. */
  readonly csrf: string | null;
  /** An admin, or an organisation's focal point: may invite people (see domain/invitations.ts). */
  readonly mayInvite: boolean;
}

export const viewerOf = (request: FastifyRequest): Viewer | null =>
  request.identity === null
    ? null
    : {
        name: request.identity.user.name,
        role: request.identity.role,
        csrf: request.identity.csrf,
        mayInvite: mayInvite(request.identity),
      };

/** Whether the viewer may use a form that needs `role`. */
export const mayUse = (viewer: Viewer | null | undefined, role: Role): viewer is Viewer =>
  viewer !== null && viewer !== undefined && roleAtLeast(viewer.role, role);

/** The hidden anti-forgery field of a form that posts a change. */
export const csrfField = (viewer: Viewer | null | undefined): SafeHtml | string =>
  viewer?.csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${viewer.csrf}" />` : '';

/** A role in the reader's words. */
export const roleLabel = (role: Role, tr: Translator): string => tr.t(`role_${role}` as MessageKey);

/** Where a change form would be, for someone who may not use it: the way to sign in. */
export const signInPrompt = (tr: Translator, back: string): SafeHtml =>
  html`<p class="muted">
    <a href="/sign-in?next=${encodeURIComponent(back)}">${tr.t('signInToChange')}</a>
  </p>`;
