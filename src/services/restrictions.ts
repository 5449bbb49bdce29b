/**
 * Restricting a record to an organisation, or lifting the restriction: who may (an admin, or a
 * reviewer of the organisation involved), on a record that exists for them (else not found), with
 * the change and its reason in the audit log. The API, the web forms and the CLI call this.
 */
import { restrictionRefused } from '../domain/errors.ts';
import type { Identity } from '../domain/people.ts';
import { mayChangeRestriction } from '../domain/viewer.ts';
import type { AtlasStore, RestrictableKind, RestrictionChange } from '../storage/atlas-store.ts';

export interface RestrictionRequest {
  readonly kind: RestrictableKind;
  readonly id: string;
  /** The organisation to restrict to; null lifts the restriction. */
  readonly organisation: string | null;
  readonly reason: string | null;
}

/**
 * Applies the change as `identity` (null: the CLI's operator of the local file, who may do
 * anything and is logged as `actor`).
 */
export async function changeRestriction(
  store: AtlasStore,
  identity: Identity | null,
  actor: string,
  change: RestrictionRequest,
): Promise<RestrictionChange> {
  const current = await store.restrictions.current(change.kind, change.id);
  if (identity !== null && !mayChangeRestriction(identity, current, change.organisation)) {
    throw restrictionRefused(change.organisation ?? current ?? 'no organisation');
  }
  return store.restrictions.set(change.kind, change.id, change.organisation, actor, change.reason);
}
