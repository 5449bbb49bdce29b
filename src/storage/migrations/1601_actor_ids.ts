/**
 * Migration 1601: one namespace per kind of actor. States keep their ISO alpha-2 codes; an
 * organization whose taxonomy code is also a state's is `org:CODE` (the African Union is `org:AU`,
 * `AU` is Australia). Atlases stored before wrote the African Union as `AU`, so one id meant two
 * actors: each stored `AU` is read again from its own evidence and rewritten to `org:AU` when the
 * quote names the African Union ("African Union", "Union africaine", "UA", "AU Commission") and not
 * Australia. Party rows, event participants, statement owners, the claims behind them and the
 * approach attributions are rewritten; the actor rows are put right (`AU` Australia, `org:AU`
 * the African Union).
 */
import type { Kysely, Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema or registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const OLD_ID = 'AU';
const NEW_ID = 'org:AU';

/** The African Union as texts write it, in English and French. */
const AFRICAN_UNION =
  /African\s+Union|Union\s+africaine|Commission\s+de\s+l['’]UA|\bUA\b|\bAUC\b|\bAU(?:\s+(?:Commission|Summit|member|Assembly|Peace))|\bAU\b(?![$'’])/iu;
/** Australia as texts write it. */
const AUSTRALIA = /Austral(?:ia|ie|ian|ien)|Canberra|\bA\$|\bAUD\b/iu;

/** Whether a quote that gave `AU` names the African Union rather than Australia. */
function meansAfricanUnion(quote: string): boolean {
  return AFRICAN_UNION.test(quote) && !AUSTRALIA.test(quote);
}

interface ClaimRow {
  readonly id: number;
  readonly subject_kind: string;
  readonly subject_id: string;
  readonly property: string;
  readonly value: string;
  readonly quote: string;
}

export const actorIdsMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    // The actor rows: `AU` is Australia; `org:AU` the African Union.
    await db
      .insertInto('actors')
      .values({
        id: NEW_ID,
        kind: 'organization',
        name_en: 'African Union',
        name_fr: 'Union africaine',
        adjective_en: null,
        adjective_fr: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .updateTable('actors')
      .set({
        kind: 'state',
        name_en: 'Australia',
        name_fr: 'Australie',
        adjective_en: 'Australian',
        adjective_fr: 'australien',
      })
      .where('id', '=', OLD_ID)
      .execute();

    const claims = (await db
      .selectFrom('claims')
      .select(['id', 'subject_kind', 'subject_id', 'property', 'value', 'quote'])
      .where('property', 'in', ['party', 'owner'])
      .where('value', 'like', '%"AU"%')
      .execute()) as ClaimRow[];
    const rewritten = claims.filter((c) => meansAfricanUnion(c.quote));
    for (const claim of rewritten) {
      await db
        .updateTable('claims')
        .set({ value: claim.value.replace('"AU"', `"${NEW_ID}"`) })
        .where('id', '=', claim.id)
        .execute();
    }
    const rewrittenIds = new Set(rewritten.map((c) => c.id));

    // Instrument parties point at their claim: they follow it.
    const parties = (await db
      .selectFrom('instrument_parties')
      .select(['instrument_id', 'role', 'claim_id'])
      .where('actor_id', '=', OLD_ID)
      .execute()) as { instrument_id: string; role: string; claim_id: number }[];
    for (const party of parties.filter((p) => rewrittenIds.has(p.claim_id))) {
      const taken = await db
        .selectFrom('instrument_parties')
        .select('instrument_id')
        .where('instrument_id', '=', party.instrument_id)
        .where('actor_id', '=', NEW_ID)
        .where('role', '=', party.role)
        .executeTakeFirst();
      const row = db
        .updateTable('instrument_parties')
        .where('instrument_id', '=', party.instrument_id)
        .where('actor_id', '=', OLD_ID)
        .where('role', '=', party.role);
      if (taken === undefined) await row.set({ actor_id: NEW_ID }).execute();
      else {
        await db
          .deleteFrom('instrument_parties')
          .where('instrument_id', '=', party.instrument_id)
          .where('actor_id', '=', OLD_ID)
          .where('role', '=', party.role)
          .execute();
      }
    }

    // Event participants and statement owners have no claim of their own: their record's claims say.
    const bySubject = (kind: string) =>
      new Set(rewritten.filter((c) => c.subject_kind === kind).map((c) => c.subject_id));
    const rewriteMembers = async (table: string, key: string, subjects: ReadonlySet<string>) => {
      for (const subject of subjects) {
        const taken = await db
          .selectFrom(table)
          .select(key)
          .where(key, '=', subject)
          .where('actor_id', '=', NEW_ID)
          .executeTakeFirst();
        const old = db.updateTable(table).where(key, '=', subject).where('actor_id', '=', OLD_ID);
        if (taken === undefined) await old.set({ actor_id: NEW_ID }).execute();
        else await db.deleteFrom(table).where(key, '=', subject).where('actor_id', '=', OLD_ID).execute();
      }
    };
    await rewriteMembers('event_participants', 'event_id', bySubject('event'));
    await rewriteMembers('statement_owners', 'statement_id', bySubject('statement'));

    // Approach attributions carry their own quote.
    const attributions = (await db
      .selectFrom('approach_attributions')
      .select(['id', 'quote'])
      .where('actor_id', '=', OLD_ID)
      .execute()) as { id: number; quote: string }[];
    for (const row of attributions.filter((a) => meansAfricanUnion(a.quote))) {
      await db
        .updateTable('approach_attributions')
        .set({ actor_id: NEW_ID })
        .where('id', '=', row.id)
        .execute();
    }
  },
  async down(): Promise<void> {
    // The old ids meant two actors at once: there is no going back to them.
  },
};
