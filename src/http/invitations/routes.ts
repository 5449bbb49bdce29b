/**
 * Inviting users over HTTP: an admin invites anyone; the focal point of an organisation invites
 * its contributors (domain/invitations.ts). The answer carries the one-time link, shown this once
 * (the atlas keeps only a hash of its token); accepting it is POST /api/invitations.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InviteRequestSchema } from '../../domain/invitations.ts';
import { ROLES } from '../../domain/people.ts';
import { invitationLink, inviteUser } from '../../services/invitations.ts';
import { addMutation } from '../analyses/mutation.ts';
import type { ApiContext, RouteDoc } from '../route.ts';

const CreatedInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  expiresAt: z.string(),
  link: z.string().meta({ description: 'The one-time sign-up link to send to the person invited' }),
});

export function invitationRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): void {
  addMutation(app, docs, {
    method: 'post',
    path: '/api/users/invitations',
    tag: 'accounts',
    summary: 'Invite someone {email, role, organisationId}: answers a one-time sign-up link, valid a week',
    description:
      "Admins invite anyone with any role; the focal point of an organisation invites readers and contributors into their own organisation. An email that already has an account is a conflict (409). The link's token is stored hashed and shown only in this answer.",
    role: 'reader',
    action: 'inviting users',
    body: InviteRequestSchema,
    status: 201,
    response: CreatedInvitationSchema,
    handler: async ({ body, identity, request, reply }) => {
      const { token, invitation } = await inviteUser(context.store, identity, body);
      void reply.header('cache-control', 'no-store');
      return {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        organisationId: invitation.organisationId,
        expiresAt: invitation.expiresAt,
        link: invitationLink(`${request.protocol}://${request.headers.host ?? '127.0.0.1'}`, token),
      };
    },
  });
}
