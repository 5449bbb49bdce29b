/** Request and response shapes of the session, audit and invitation endpoints. */
import { z } from 'zod';
import { EmailSchema, PasswordSchema, PersonNameSchema, ROLES } from '../../domain/people.ts';
import { pagination } from '../validation.ts';

export const SignInBody = z.strictObject({
  email: EmailSchema,
  // Any length is checked (a short guess is a wrong password, not a validation hint).
  password: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
});

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  focalPoint: z.boolean(),
  createdAt: z.string(),
});

export const SessionSchema = z.object({
  user: UserSchema.nullable(),
  role: z
    .enum(ROLES)
    .nullable()
    .meta({ description: "The role requests act with (a token's scope caps it)" }),
  via: z.enum(['session', 'token']).nullable(),
  csrfToken: z
    .string()
    .nullable()
    .meta({ description: 'Send it as X-CSRF-Token with every write made with the session cookie' }),
});

export const AuditQuery = z.strictObject({
  record: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'A record id (ins_…, st_… for a commitment, a claim number, a watch id…)' }),
  kind: z.string().trim().min(1).max(40).optional(),
  ...pagination,
});

export const ChangeSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const InvitationBody = z.strictObject({
  token: z.string().min(10).max(200),
  name: PersonNameSchema,
  password: PasswordSchema,
});
