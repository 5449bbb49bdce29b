/**
 * The analyses' part of the data seam: stored country positions, commitments with user-set
 * statuses, indicator values (extracted and user-entered), conditionality records and watches, all
 * mapped to the analysis-model types. The CLI and the HTTP API call this, never SQL.
 */
import type { Kysely } from 'kysely';
import type {
  ApproachAttribution,
  Commitment,
  CountClaim,
  CountryPosition,
  IndicatorValue,
  InstrumentSummary,
  LeverageStep,
  RoadmapPriority,
  Watch,
} from '../../domain/analysis-model.ts';
import { notFound } from '../../domain/errors.ts';
import type { CommitmentStatus } from '../../domain/model.ts';
import type { DocumentAnalyses } from '../../analysis/document-analyses.ts';
import { EXTRACTOR_ID } from '../../extraction/types.ts';
import type { Database } from '../schema.ts';
import { deleteAnalyses, writeAnalyses } from './write-analyses.ts';
import {
  loadCommitments,
  setCommitmentStatus,
  statusHistory,
  type CommitmentFilter,
  type CommitmentStatusChange,
} from './commitment-rows.ts';
import {
  documentPartners,
  instrumentsTowards,
  loadInstrumentSummaries,
  type SummaryScope,
} from './instrument-summaries.ts';
import {
  attributionFromRow,
  countClaimFromRow,
  indicatorFromRow,
  positionFromRow,
  priorityFromRow,
  stepFromRow,
  type StoredIndicatorValue,
} from './rows.ts';
import { appendChange } from '../people/audit.ts';
import {
  addWatch,
  listWatches,
  listWatchHits,
  markHitsSeen,
  removeWatch,
  type WatchHit,
  type WatchHitFilter,
  type WatchRecord,
} from './watch-hits.ts';

export type {
  CommitmentFilter,
  CommitmentStatusChange,
  StoredIndicatorValue,
  SummaryScope,
  WatchHit,
  WatchHitFilter,
  WatchRecord,
};

/** A question the stored positions answer, with how many countries answer it each way. */
export interface QuestionSummary {
  readonly question: string;
  readonly stance: CountryPosition['stance'];
  readonly countries: number;
  readonly documents: readonly string[];
  /** Counts the documents state for it. */
  readonly stated: readonly number[];
}

export interface AnalysisStore {
  countClaims(filter?: { readonly documentId?: string }): Promise<CountClaim[]>;
  positions(filter?: { readonly documentId?: string; readonly country?: string }): Promise<CountryPosition[]>;
  /** The distinct questions of the stored positions, most countries first. */
  questions(): Promise<QuestionSummary[]>;
  instruments(scope?: SummaryScope): Promise<InstrumentSummary[]>;
  /** Instruments toward a partner (a party, or found in a document about it). */
  instrumentsTowards(partner: string): Promise<InstrumentSummary[]>;
  /** Roadmap priority areas; with a country, those of documents about it or naming it as owner. */
  priorities(filter?: {
    readonly country?: string;
    readonly documentId?: string;
  }): Promise<RoadmapPriority[]>;
  commitments(filter?: CommitmentFilter): Promise<Commitment[]>;
  setCommitmentStatus(
    id: string,
    status: CommitmentStatus,
    changedBy: string,
    note?: string | null,
  ): Promise<Commitment>;
  commitmentHistory(id: string): Promise<CommitmentStatusChange[]>;
  indicators(filter?: {
    readonly country?: string;
    readonly instrumentId?: string;
  }): Promise<StoredIndicatorValue[]>;
  /**
   * Stores a user's value (see parseIndicatorInput), asserted by `actor` (a signed-in user's
   * `user:<id>`; by default `user:<enteredBy>`), and records it in the audit log.
   */
  addIndicator(value: IndicatorValue, actor?: string): Promise<StoredIndicatorValue>;
  leverageSteps(filter?: { readonly country?: string }): Promise<LeverageStep[]>;
  attributions(filter?: { readonly actor?: string }): Promise<ApproachAttribution[]>;
  listWatches(): Promise<WatchRecord[]>;
  /**
   * Saves a watch (see parseWatch), the user `ownerId`'s when given (null: a shared watch); throws
   * invalid_input when the id is taken.
   */
  addWatch(watch: Watch, actor?: string, ownerId?: string | null): Promise<WatchRecord>;
  /** Throws not_found for an unknown id. */
  removeWatch(id: string, actor?: string): Promise<void>;
  /** Hits newest first: one watch's, unseen ones, or one user's watches' (their feed), up to a limit. */
  watchHits(filter?: Omit<WatchHitFilter, 'documentId'>): Promise<WatchHit[]>;
  /** Marks hits seen (all, or one watch's); returns how many changed. */
  markHitsSeen(watchId?: string): Promise<number>;
  /** Documents not analysed yet, or analysed by another extractor version. */
  pendingDocuments(): Promise<string[]>;
  /** Replaces a stored document's extracted analysis rows in one transaction (user values are kept). */
  replaceDocumentAnalyses(documentId: string, analyses: DocumentAnalyses): Promise<void>;
}

/** The AnalysisStore over the atlas database. */
export function createAnalysisStore(db: Kysely<Database>): AnalysisStore {
  return {
    async countClaims(filter = {}) {
      let q = db.selectFrom('count_claims').selectAll().where('review_state', '!=', 'rejected');
      if (filter.documentId !== undefined) q = q.where('document_id', '=', filter.documentId);
      return (await q.orderBy('document_id').orderBy('count_start').execute()).map(countClaimFromRow);
    },

    async positions(filter = {}) {
      let q = db.selectFrom('country_positions').selectAll().where('review_state', '!=', 'rejected');
      if (filter.documentId !== undefined) q = q.where('document_id', '=', filter.documentId);
      if (filter.country !== undefined) q = q.where('country', '=', filter.country);
      return (await q.orderBy('id').execute()).map(positionFromRow);
    },

    async questions() {
      const rows = await db
        .selectFrom('country_positions')
        .leftJoin('count_claims', 'count_claims.id', 'country_positions.count_claim_id')
        .select([
          'country_positions.question',
          'country_positions.stance',
          'country_positions.country',
          'country_positions.document_id',
          'count_claims.stated',
        ])
        .where('country_positions.review_state', '!=', 'rejected')
        .execute();
      const byQuestion = new Map<
        string,
        {
          question: string;
          stance: CountryPosition['stance'];
          countries: Set<string>;
          documents: Set<string>;
          stated: Set<number>;
        }
      >();
      for (const r of rows) {
        const key = `${r.stance}|${r.question}`;
        const entry = byQuestion.get(key) ?? {
          question: r.question,
          stance: r.stance as CountryPosition['stance'],
          countries: new Set<string>(),
          documents: new Set<string>(),
          stated: new Set<number>(),
        };
        entry.countries.add(r.country);
        entry.documents.add(r.document_id);
        if (r.stated !== null) entry.stated.add(r.stated);
        byQuestion.set(key, entry);
      }
      return [...byQuestion.values()]
        .map((e) => ({
          question: e.question,
          stance: e.stance,
          countries: e.countries.size,
          documents: [...e.documents],
          stated: [...e.stated].sort((a, b) => a - b),
        }))
        .sort((a, b) => b.countries - a.countries || a.question.localeCompare(b.question));
    },

    instruments: (scope = {}) => loadInstrumentSummaries(db, scope),
    instrumentsTowards: (partner) => instrumentsTowards(db, partner),

    async priorities(filter = {}) {
      let q = db.selectFrom('roadmap_priorities').selectAll().where('review_state', '!=', 'rejected');
      if (filter.documentId !== undefined) q = q.where('document_id', '=', filter.documentId);
      if (filter.country !== undefined) {
        const country = filter.country;
        const about = [...(await documentPartners(db)).entries()]
          .filter(([, c]) => c === country)
          .map(([d]) => d);
        const owned = db
          .selectFrom('statements')
          .innerJoin('statement_owners', 'statement_owners.statement_id', 'statements.id')
          .select('statements.document_id')
          .where('statement_owners.actor_id', '=', country);
        q = q.where((eb) =>
          about.length === 0
            ? eb('document_id', 'in', owned)
            : eb.or([eb('document_id', 'in', about), eb('document_id', 'in', owned)]),
        );
      }
      return (await q.orderBy('document_id').orderBy('span_start').execute()).map(priorityFromRow);
    },

    commitments: (filter = {}) => loadCommitments(db, filter),
    setCommitmentStatus: (id, status, changedBy, note = null) =>
      setCommitmentStatus(db, id, status, changedBy, note),
    commitmentHistory: (id) => statusHistory(db, id),

    async indicators(filter = {}) {
      let q = db.selectFrom('indicator_values').selectAll().where('review_state', '!=', 'rejected');
      if (filter.country !== undefined) q = q.where('country', '=', filter.country);
      if (filter.instrumentId !== undefined) q = q.where('instrument_id', '=', filter.instrumentId);
      return (await q.orderBy('id').execute()).map(indicatorFromRow);
    },

    async addIndicator(value, actor) {
      const document = 'quote' in value.source ? value.source : null;
      const user = 'enteredBy' in value.source ? value.source : null;
      if (value.instrumentId !== null) {
        const known = await db
          .selectFrom('instruments')
          .select('id')
          .where('id', '=', value.instrumentId)
          .executeTakeFirst();
        if (known === undefined) throw notFound('instrument', value.instrumentId);
      }
      const assertedBy = actor ?? (user === null ? 'user:unknown' : `user:${user.enteredBy}`);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('indicator_values')
          .values({
            indicator: value.indicator,
            value: value.value,
            unit: value.unit,
            date: value.date,
            country: value.country,
            instrument_id: value.instrumentId,
            approximate: value.approximate ? 1 : 0,
            document_id: document?.documentId ?? null,
            span_start: document?.start ?? null,
            span_end: document?.end ?? null,
            quote: document?.quote ?? null,
            entered_by: user?.enteredBy ?? null,
            source_note: user?.note ?? null,
            asserted_by: assertedBy,
            review_state: 'unreviewed',
            created_at: new Date().toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const stored = indicatorFromRow(row);
        await appendChange(trx, {
          actor: assertedBy,
          action: 'indicator.add',
          subjectKind: 'indicator_value',
          subjectId: String(row.id),
          after: {
            indicator: value.indicator,
            value: value.value,
            unit: value.unit,
            date: value.date,
            country: value.country,
          },
        });
        return stored;
      });
    },

    async leverageSteps(filter = {}) {
      let q = db.selectFrom('leverage_steps').selectAll().where('review_state', '!=', 'rejected');
      if (filter.country !== undefined) q = q.where('country', '=', filter.country);
      return (await q.orderBy('document_id').orderBy('span_start').orderBy('id').execute()).map(stepFromRow);
    },

    async attributions(filter = {}) {
      let q = db.selectFrom('approach_attributions').selectAll().where('review_state', '!=', 'rejected');
      if (filter.actor !== undefined) q = q.where('actor_id', '=', filter.actor);
      return (await q.orderBy('document_id').orderBy('span_start').orderBy('id').execute()).map(
        attributionFromRow,
      );
    },

    listWatches: () => listWatches(db),
    addWatch: (watch, actor, ownerId) =>
      db.transaction().execute((trx) => addWatch(trx, watch, actor, ownerId ?? null)),
    removeWatch: (id, actor) => db.transaction().execute((trx) => removeWatch(trx, id, actor)),
    watchHits: (filter = {}) => listWatchHits(db, filter),

    async pendingDocuments() {
      const rows = await db
        .selectFrom('documents')
        .leftJoin('analysed_documents', 'analysed_documents.document_id', 'documents.id')
        .select('documents.id')
        .where((eb) =>
          eb.or([
            eb('analysed_documents.analyser', 'is', null),
            eb('analysed_documents.analyser', '!=', EXTRACTOR_ID),
          ]),
        )
        .orderBy('documents.id')
        .execute();
      return rows.map((r) => r.id);
    },

    async replaceDocumentAnalyses(documentId, analyses) {
      await db.transaction().execute(async (trx) => {
        // Commitments attach to the stored statements that start where they start.
        const stored = await trx
          .selectFrom('statements')
          .innerJoin('claims', 'claims.id', 'statements.claim_id')
          .select(['statements.id', 'claims.span_start'])
          .where('statements.document_id', '=', documentId)
          .where('statements.kind', '=', 'commitment')
          .execute();
        const statementIds: string[] = [];
        for (const c of analyses.commitments) {
          const match = stored.find((row) => row.span_start === c.source.start);
          if (match !== undefined) statementIds[c.statementIndex] = match.id;
        }
        await deleteAnalyses(trx, documentId);
        await writeAnalyses(trx, documentId, analyses, statementIds, new Date().toISOString());
      });
    },

    markHitsSeen: (watchId) => markHitsSeen(db, watchId),
  };
}
