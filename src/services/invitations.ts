/**
 * Inviting someone: checks who may invite whom (domain/invitations.ts), refuses an email that
 * already has an account (an invitation sets the password of the account it names, so inviting an
 * existing user would hand their account to whoever accepts), and makes the one-time link's token
 * (stored hashed, valid a week). The adapters show the link; the audit log names the inviter.
 */
import { AtlasError } from '../domain/errors.ts';
import { actorLabel, type Identity } from '../domain/people.ts';
import { checkInvitation, type InviteRequest } from '../domain/invitations.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import type { Invitation } from '../storage/people/people-store.ts';

/** Where an invitation is accepted, on this site: the token is the rest of the link. */
export const INVITATION_PATH = '/sign-in/invitation';

export const invitationLink = (origin: string, token: string): string =>
  `${origin}${INVITATION_PATH}?token=${encodeURIComponent(token)}`;

export async function inviteUser(
  store: AtlasStore,
  inviter: Identity,
  request: InviteRequest,
): Promise<{ token: string; invitation: Invitation }> {
  const allowed = checkInvitation(inviter, request);
  if ((await store.people.findUserByEmail(allowed.email)) !== undefined) {
    throw new AtlasError('conflict', `${allowed.email} already has an account; an admin changes its role`, {
      field: 'email',
    });
  }
  return store.people.invite(allowed, actorLabel(inviter.user));
}
