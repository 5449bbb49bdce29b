/**
 * Who may invite whom (issue 11, item 1). An admin invites anyone, with any role, into any
 * organisation or none. The focal point of an organisation names its contributors: they invite
 * contributors (or readers) into their own organisation, and nothing more. Everyone else invites
 * no one. Pure: no I/O.
 */
import { z } from 'zod';
import { AtlasError } from './errors.ts';
import { EmailSchema, RoleSchema, type Identity, type Role } from './people.ts';

/** The roles a focal point may give: the organisation's contributors (and its readers). */
export const FOCAL_POINT_ROLES: readonly Role[] = ['reader', 'contributor'];

export const OrganisationIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be an organisation id (as `mda user list` shows it)');

export const InviteRequestSchema = z.strictObject({
  email: EmailSchema,
  role: RoleSchema,
  organisationId: OrganisationIdSchema.nullable().optional().meta({
    description: "Default: none for an admin, the focal point's own organisation for a focal point",
  }),
});
export type InviteRequest = z.output<typeof InviteRequestSchema>;

/** Whether this identity may invite at all (shows the invitation page and its nav link). */
export const mayInvite = (identity: Identity | null): boolean =>
  identity !== null &&
  (identity.role === 'admin' || (identity.user.focalPoint && identity.user.organisationId !== null));

/**
 * The invitation as it will be made (the organisation filled in), or forbidden with what is
 * allowed. Uses the request's role (a token's scope caps an admin) and the user's focal point.
 */
export function checkInvitation(
  inviter: Identity,
  request: InviteRequest,
): { email: string; role: Role; organisationId: string | null } {
  if (inviter.role === 'admin') {
    return { email: request.email, role: request.role, organisationId: request.organisationId ?? null };
  }
  const own = inviter.user.organisationId;
  if (!inviter.user.focalPoint || own === null) {
    throw new AtlasError(
      'forbidden',
      'inviting users needs the admin role or to be the focal point of an organisation',
      {
        role: 'admin',
      },
    );
  }
  const organisationId = request.organisationId ?? own;
  if (organisationId !== own) {
    throw new AtlasError('forbidden', `a focal point invites into their own organisation (${own}) only`, {
      field: 'organisationId',
    });
  }
  if (!FOCAL_POINT_ROLES.includes(request.role)) {
    throw new AtlasError(
      'forbidden',
      `a focal point names contributors (${FOCAL_POINT_ROLES.join(' or ')}); a ${request.role} is invited by an admin`,
      { field: 'role' },
    );
  }
  return { email: request.email, role: request.role, organisationId };
}
