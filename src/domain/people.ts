/**
 * People in the loop: roles, token scopes and who did something. Pure: no I/O. A role grants
 * everything the roles below it grant; a token's scope caps what its user's role allows.
 */
import { z } from 'zod';

/** reader < contributor < reviewer < admin. */
export const ROLES = ['reader', 'contributor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do: read (identify, feeds), write (a contributor's changes), review. */
export const TOKEN_SCOPES = ['read', 'write', 'review'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const RANK: Readonly<Record<Role, number>> = { reader: 0, contributor: 1, reviewer: 2, admin: 3 };
/** The highest role a token of this scope acts with (never above its user's role). */
const SCOPE_CEILING: Readonly<Record<TokenScope, Role>> = {
  read: 'reader',
  write: 'contributor',
  review: 'reviewer',
};

export const roleAtLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** The role a request acts with: the user's role, capped by the token's scope when a token is used. */
export function effectiveRole(role: Role, scope: TokenScope | null): Role {
  if (scope === null) return role;
  const ceiling = SCOPE_CEILING[scope];
  return RANK[ceiling] < RANK[role] ? ceiling : role;
}

/** A signed-in user as the adapters see it. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationId: string | null;
  /** The organisation's focal point may name its contributors. */
  readonly focalPoint: boolean;
  readonly createdAt: string;
}

/** Who a request acts as: a user, through a session (cookie) or an API token. */
export interface Identity {
  readonly user: User;
  /** The role after the token's scope is applied. */
  readonly role: Role;
  readonly via: 'session' | 'token';
  /** The session's anti-forgery token (cookie-authenticated forms), or null for a token. */
  readonly csrf: string | null;
}

/** How a change names its author in claims and history: `user:<id>`. Never a typed name. */
export const actorLabel = (user: Pick<User, 'id'>): string => `user:${user.id}`;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address');
/** At least 10 characters: long enough against guessing, with the login throttle. */
export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');
export const RoleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
export const ScopeSchema = z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(', ')}` });
export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
