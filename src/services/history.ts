/**
 * A record's history as readers see it: the audit log's changes with each actor's name instead of
 * an id. Changes to accounts (users, organisations, invitations) are an admin's business; the
 * history of a public record (an instrument, a commitment, a claim, a watch) is public, like the
 * record itself.
 */
import type { Change } from '../storage/people/audit.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';

/** Subject kinds whose history only admins read. */
export const ACCOUNT_KINDS: ReadonlySet<string> = new Set(['user', 'organisation', 'invitation']);

export interface ShownChange extends Omit<Change, 'actor'> {
  /** `id` is the audit log's actor (`user:usr_…`, `cli`, `extractor:…`); `name` is for people. */
  readonly actor: { readonly id: string; readonly name: string };
}

/** Replaces `user:<id>` (and `reviewer:<id>`) by the user's name; other actors keep their label. */
export async function withActorNames(store: AtlasStore, changes: readonly Change[]): Promise<ShownChange[]> {
  const names = await accountNames(
    store,
    changes.map((change) => change.actor),
  );
  return changes.map((change) => ({
    ...change,
    actor: { id: change.actor, name: names.get(change.actor) ?? change.actor },
  }));
}

/** One record's changes, oldest first, with names; account records left out unless `admin`. */
export async function recordHistory(
  store: AtlasStore,
  record: { readonly id: string; readonly kind?: string },
  page: { readonly limit: number; readonly offset: number },
  admin: boolean,
): Promise<{ items: ShownChange[]; total: number }> {
  if (record.kind !== undefined && ACCOUNT_KINDS.has(record.kind) && !admin) return { items: [], total: 0 };
  const found = await store.people.history(
    { subjectId: record.id, ...(record.kind === undefined ? {} : { subjectKind: record.kind }) },
    page,
  );
  const visible = admin ? found.items : found.items.filter((c) => !ACCOUNT_KINDS.has(c.subjectKind));
  return {
    items: await withActorNames(store, visible),
    total: found.total - (found.items.length - visible.length),
  };
}

/**
 * The account names behind actor labels (`user:usr_…`, `reviewer:usr_…`), for display; a label
 * that names no account (`cli`, an extractor, a deleted account) maps to itself.
 */
export async function accountNames(
  store: AtlasStore,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const actor of actors) {
    const id = /^(?:user|reviewer):(usr_[\w-]+)$/.exec(actor)?.[1];
    if (id === undefined || names.has(actor)) continue;
    try {
      names.set(actor, (await store.people.getUser(id)).name);
    } catch {
      names.set(actor, actor);
    }
  }
  return names;
}
