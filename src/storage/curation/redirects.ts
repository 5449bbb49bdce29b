/**
 * Where a merged instrument went. A merge is remembered in `instrument_merges`, keyed by the merged
 * instrument's id and by its extractor dedupe key; these helpers follow the chain (A merged into B,
 * B later into C) to the instrument that stands for it now, and rewrite a document plan so that a
 * later ingestion adds to the kept instrument instead of bringing the duplicate back.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DocumentPlan } from '../records.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Merges are short chains; a longer one means a cycle written by hand. */
const MAX_HOPS = 100;

/** The live instrument `id` stands for: itself, the end of its merge chain, or undefined. */
export async function followMerges(db: Db, id: string): Promise<string | undefined> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const live = await db.selectFrom('instruments').select('id').where('id', '=', current).executeTakeFirst();
    if (live !== undefined) return current;
    const merged = await db
      .selectFrom('instrument_merges')
      .select('kept_id')
      .where('merged_id', '=', current)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (merged === undefined) return undefined;
    current = merged.kept_id;
  }
  return undefined;
}

/** A kept instrument, as a plan instrument must be rewritten to reach it. */
export interface KeptInstrument {
  readonly id: string;
  readonly dedupeKey: string;
}

/**
 * For the given dedupe keys that were merged away: the live instrument each now belongs to. A key
 * a live instrument holds (one split back out after a merge) is its own, whatever merges said.
 */
export async function mergedKeys(db: Db, keys: readonly string[]): Promise<Map<string, KeptInstrument>> {
  const out = new Map<string, KeptInstrument>();
  const unique = [...new Set(keys)];
  for (let offset = 0; offset < unique.length; offset += 400) {
    const chunk = unique.slice(offset, offset + 400);
    const rows = await db
      .selectFrom('instrument_merges')
      .select(['dedupe_key', 'kept_id'])
      .where('dedupe_key', 'in', chunk)
      .where(
        'dedupe_key',
        'not in',
        db.selectFrom('instruments').select('dedupe_key').where('dedupe_key', 'in', chunk),
      )
      // The latest merge of a key wins (later rows overwrite earlier ones below).
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const kept = await followMerges(db, row.kept_id);
      if (kept === undefined) continue;
      const live = await db
        .selectFrom('instruments')
        .select('dedupe_key')
        .where('id', '=', kept)
        .executeTakeFirstOrThrow();
      out.set(row.dedupe_key, { id: kept, dedupeKey: live.dedupe_key });
    }
  }
  return out;
}

/**
 * The plan with every instrument whose dedupe key was merged away pointing at the kept instrument:
 * its row, its claims (the document's evidence joins the kept record) and the links that name it.
 * Pure.
 */
export function redirectPlan(plan: DocumentPlan, merged: ReadonlyMap<string, KeptInstrument>): DocumentPlan {
  if (merged.size === 0) return plan;
  const idFor = new Map<string, string>();
  const instruments = plan.instruments.map((instrument) => {
    const kept = merged.get(instrument.dedupeKey);
    if (kept === undefined) return instrument;
    idFor.set(instrument.id, kept.id);
    return { ...instrument, id: kept.id, dedupeKey: kept.dedupeKey };
  });
  if (idFor.size === 0) return plan;
  const to = (id: string): string => idFor.get(id) ?? id;
  const claims = plan.claims.map((claim) => {
    if (claim.subject_kind === 'instrument' || claim.subject_kind === 'link') {
      return { ...claim, subject_id: to(claim.subject_id) };
    }
    return claim;
  });
  const links = plan.links
    .map((link) => ({ ...link, fromId: to(link.fromId), toId: to(link.toId) }))
    // Two instruments of one sentence that were merged into one are no longer a link.
    .filter((link) => link.fromId !== link.toId);
  return { ...plan, instruments, claims, links };
}
