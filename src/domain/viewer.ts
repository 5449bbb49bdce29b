/**
 * Who is looking: restricted records exist only for the organisation they are restricted to.
 * A Viewer is built once per request from the signed-in identity (src/presentation/viewer.ts) and
 * once per command in the CLI; the storage read model filters every read by it
 * (storage/store/visibility.ts). Pure: no I/O.
 */
import type { Identity, User } from './people.ts';

export type Viewer =
  /** Admins and the CLI's operator of the local file: every record. */
  | { readonly sees: 'everything' }
  /** The public (no organisation) or a signed-in user: public records and their organisations' ones. */
  | { readonly sees: 'organisations'; readonly organisations: readonly string[] };

export const EVERYTHING: Viewer = Object.freeze({ sees: 'everything' });
export const PUBLIC_VIEWER: Viewer = Object.freeze({ sees: 'organisations', organisations: [] });

/** A viewer who sees the public records and those restricted to `organisation`. */
export const memberOf = (organisation: string): Viewer => ({
  sees: 'organisations',
  organisations: [organisation],
});

/**
 * The viewer of a request: anonymous is public; an admin sees everything; others their
 * organisation's records. Who the user is decides, not the token's scope (a scope caps writes).
 */
export function viewerOf(identity: Identity | null): Viewer {
  return identity === null ? PUBLIC_VIEWER : viewerOfUser(identity.user);
}

/** The viewer of a user who is not signing a request (a feed read with a token in its address). */
export function viewerOfUser(user: User): Viewer {
  if (user.role === 'admin') return EVERYTHING;
  return user.organisationId === null ? PUBLIC_VIEWER : memberOf(user.organisationId);
}

/** Whether a record restricted to `restrictedTo` (null: public) exists for this viewer. */
export function canSee(viewer: Viewer, restrictedTo: string | null): boolean {
  if (restrictedTo === null || viewer.sees === 'everything') return true;
  return viewer.organisations.includes(restrictedTo);
}

/** A short stable key (for caches of viewer-dependent results). */
export function viewerKey(viewer: Viewer): string {
  return viewer.sees === 'everything' ? '*' : `org:${[...viewer.organisations].sort().join(',')}`;
}

/**
 * Who may move a record from restriction `current` to `target` (null: public): an admin, or a
 * reviewer of the organisation(s) involved: a reviewer restricts to their own organisation and lifts
 * only their own organisation's restrictions.
 */
export function mayChangeRestriction(
  identity: Identity,
  current: string | null,
  target: string | null,
): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role !== 'reviewer' || identity.user.organisationId === null) return false;
  const own = identity.user.organisationId;
  return [current, target].every((organisation) => organisation === null || organisation === own);
}
