/**
 * The reviewers' work on the shape of the record set — merge, split, link — and what the atlas
 * needs to measure its extractor against their reviews. Portable Kysely; every change is one
 * transaction with its audit entries.
 */
import type { Kysely } from 'kysely';
import type { ReviewedFact, Sighting } from '../../analysis/reviewed-eval.ts';
import type { LinkInput } from '../../domain/curation.ts';
import type { ReviewState } from '../../domain/model.ts';
import { MULTI_VALUED, SINGLE_VALUED } from '../../domain/review.ts';
import type { Database } from '../schema.ts';
import type { SearchIndex } from '../search/port.ts';
import { addLink, instrumentLinks, type InstrumentLinkView } from './links.ts';
import { mergeInstruments, splitInstrument, type MergeResult, type SplitResult } from './merge-split.ts';
import { followMerges } from './redirects.ts';
import { requireVisible } from '../store/visibility.ts';

export type { InstrumentLinkView, LinkEvidenceView } from './links.ts';
export type { MergeResult, SplitResult } from './merge-split.ts';

/** A merge as the record of the kept instrument shows it. */
export interface MergeRecord {
  readonly mergedId: string;
  readonly keptId: string;
  readonly title: string;
  readonly mergedBy: string;
  readonly mergedAt: string;
  readonly reason: string;
}

export interface CurationStore {
  /**
   * Merges `otherId` into `keepId`: all its claims, documents and links move; it is remembered
   * (who, when, why, and its dedupe key so a later ingestion adds to the kept one); its id
   * redirects. Throws not_found, or conflict when either was merged already.
   */
  merge(keepId: string, otherId: string, actor: string, reason: string): Promise<MergeResult>;
  /** Moves the chosen claims of `id` (with their corrections) to a new instrument. */
  split(id: string, claimIds: readonly number[], actor: string, reason: string): Promise<SplitResult>;
  /** A typed link between two instruments with its evidence (a document span or a cited URL). */
  link(input: LinkInput, actor: string): Promise<InstrumentLinkView>;
  /** Every link from or to an instrument, extracted or asserted. */
  links(instrumentId: string): Promise<InstrumentLinkView[]>;
  /** The live instrument an id stands for now (merges followed), or undefined for an unknown id. */
  redirect(id: string): Promise<string | undefined>;
  /** The instruments merged into this one (and not split back out), oldest first. */
  mergedInto(id: string): Promise<MergeRecord[]>;
  /** Every instrument fact a reviewer decided on (accepted, corrected, rejected, replaced). */
  reviewedFacts(): Promise<ReviewedFact[]>;
  /** Where stored instruments are named in these documents (their title claims' spans). */
  sightings(documentIds: readonly string[]): Promise<Sighting[]>;
}

const DECIDED = ['confirmed', 'corrected', 'rejected', 'superseded'];

/**
 * `visible` is the viewer's filtered handle: an instrument the viewer cannot see (restricted to
 * another organisation) is "not found" to merge, split, link or list links of; the writes run on
 * the unfiltered handle.
 */
export function createCurationStore(
  db: Kysely<Database>,
  search: SearchIndex,
  visible: Kysely<Database> = db,
): CurationStore {
  return {
    async merge(keepId, otherId, actor, reason) {
      await requireVisible(visible, 'instrument', keepId);
      await requireVisible(visible, 'instrument', otherId);
      return mergeInstruments(db, search, keepId, otherId, actor, reason);
    },
    async split(id, claimIds, actor, reason) {
      await requireVisible(visible, 'instrument', id);
      for (const claimId of claimIds) await requireVisible(visible, 'claim', claimId);
      return splitInstrument(db, search, id, claimIds, actor, reason);
    },
    async link(input, actor) {
      await requireVisible(visible, 'instrument', input.from);
      await requireVisible(visible, 'instrument', input.to);
      return addLink(db, input, actor);
    },
    links: (instrumentId) => instrumentLinks(visible, instrumentId),
    redirect: (id) => followMerges(db, id),

    async mergedInto(id) {
      const rows = await db
        .selectFrom('instrument_merges')
        .selectAll()
        .where('kept_id', '=', id)
        // An instrument split back out since is not merged any more.
        .where('merged_id', 'not in', db.selectFrom('instruments').select('id'))
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        mergedId: row.merged_id,
        keptId: row.kept_id,
        title: (JSON.parse(row.record) as { instrument: { title: string } }).instrument.title,
        mergedBy: row.merged_by,
        mergedAt: row.merged_at,
        reason: row.reason,
      }));
    },

    async reviewedFacts() {
      const rows = await db
        .selectFrom('claims')
        .select(['document_id', 'subject_id', 'property', 'value', 'review_state'])
        .where('subject_kind', '=', 'instrument')
        .where('property', 'in', [...SINGLE_VALUED, ...MULTI_VALUED])
        .where('review_state', 'in', DECIDED)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        documentId: row.document_id,
        instrumentId: row.subject_id,
        property: row.property,
        value: JSON.parse(row.value) as unknown,
        reviewState: row.review_state as ReviewState,
      }));
    },

    async sightings(documentIds) {
      const out: Sighting[] = [];
      for (let offset = 0; offset < documentIds.length; offset += 400) {
        const rows = await db
          .selectFrom('claims')
          .select(['document_id', 'subject_id', 'span_start', 'span_end'])
          .where('subject_kind', '=', 'instrument')
          .where('property', '=', 'title')
          .where('document_id', 'in', documentIds.slice(offset, offset + 400))
          .orderBy('id')
          .execute();
        for (const row of rows) {
          out.push({
            documentId: row.document_id,
            instrumentId: row.subject_id,
            start: row.span_start,
            end: row.span_end,
          });
        }
      }
      return out;
    },
  };
}
