/**
 * The AtlasStore over a Kysely database. All SQL here is portable; the engine-specific opening
 * (file, pragmas) is done by the caller (storage/sqlite/ or a PostgreSQL pool).
 */
import type { Kysely } from 'kysely';
import { AtlasError } from '../domain/errors.ts';
import type { Actor } from '../domain/model.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import type {
  AtlasStore,
  BackupSummary,
  DocumentAnalyser,
  DocumentInput,
  InstrumentFilter,
  PageRequest,
  SaveOptions,
  SaveResult,
  SearchRequest,
} from './atlas-store.ts';
import { createAtlasQueries } from './atlas-queries.ts';
import { engineOf } from './engine.ts';
import { searchIndexOf } from './search/engines.ts';
import { instrumentRows, loadActorNames, prepareDocumentTokens, prepareRowTokens } from './search/rows.ts';
import type { ReadCatalogue } from './transfer/catalogue.ts';
import { exportAtlas } from './transfer/export.ts';
import { importAtlas } from './transfer/import.ts';
import { contentHash, documentIdFor, planDocument } from './records.ts';
import type { Database } from './schema.ts';
import { actorFromRow, actorRow } from './store/presenters.ts';
import * as queries from './store/queries.ts';
import { writePlan } from './store/save-extraction.ts';
import { documentSourceHistory, setDocumentSource } from './store/document-sources.ts';
import { createAnalysisStore } from './analyses/analysis-store.ts';
import { createIatiStore } from './iati/iati-store.ts';
import { recordWatchHits } from './analyses/watch-hits.ts';
import { writeAnalyses } from './analyses/write-analyses.ts';
import { claimNextIn, completeJob, createJobQueue } from './jobs/kysely-job-queue.ts';
import { jobResultOf } from './jobs/job-queue.ts';
import { createPeopleStore } from './people/people-store.ts';
import { createReviewStore, resolveReviewedInstruments } from './people/review-store.ts';
import { publishedTables } from './people/unpublished-tables.ts';
import { createContributionStore } from './contributions/contribution-store.ts';
import { createLoginAttemptStore } from './people/login-attempts.ts';
import { createCurationStore } from './curation/curation-store.ts';
import { followMerges, mergedKeys, redirectPlan } from './curation/redirects.ts';
import { createRestrictionStore, restrictStoredDocument } from './people/restrictions.ts';
import {
  actingAs,
  listHidden,
  viewerSource,
  withVisibility,
  type HiddenListSource,
  type HiddenLists,
} from './store/visibility.ts';
import { keepCountsFor } from './store/kept-counts.ts';
import { EVERYTHING, viewerKey, type Viewer } from '../domain/viewer.ts';

const NO_COUNTS = { instrumentsAdded: 0, instrumentsMerged: 0, claims: 0, statements: 0, events: 0 } as const;

/** Engine-specific pieces (the search index is chosen from the handle, see search/engines.ts). */
export interface StoreHooks {
  /** The engine's online backup of the whole database into a new file. */
  readonly backup?: (file: string) => Promise<BackupSummary>;
  /** The engine's data tables (for export and import). */
  readonly catalogue?: ReadCatalogue;
  /** Engine bookkeeping after an import, inside its transaction (PostgreSQL: id sequences). */
  readonly afterImport?: (trx: Kysely<Database>) => Promise<void>;
  /**
   * The handle the read model runs on (default: the store's own). The SQLite server passes one over
   * the same connection that keeps its statements prepared.
   */
  readonly readDb?: Kysely<Database>;
  /**
   * Whom reads are for outside an `actingAs` scope (default: everything, the CLI's operator of the
   * local file). The web server opens its store for the public: a request acts as its own viewer.
   */
  readonly defaultViewer?: Viewer;
  /** The engine's data version (see AtlasStore.dataVersion); without it, always null. */
  readonly dataVersion?: () => string | null;
}

/**
 * `work`'s answer, asked again only once the engine's data version has moved: the API asks on every
 * request (whether anything is restricted; whether the search index lacks documents another process
 * stored), and the answer changes only with the data. Without a version (null: cannot tell), every
 * call asks; a failed answer is not kept. `forget` drops the answer at once, for a write of this
 * process whose PostgreSQL notice (what moves the version there) has not arrived yet.
 */
export function whileUnchanged<T>(
  version: () => string | null,
  work: (version: string | null) => Promise<T>,
): { ask: () => Promise<T>; forget: () => void } {
  let kept: { version: string; answer: Promise<T> } | null = null;
  return {
    ask() {
      // Read before the work: a change committed meanwhile moves the version and is seen next time.
      const current = version();
      if (current !== null && kept?.version === current) return kept.answer;
      const answer = work(current);
      if (current !== null) {
        const entry = { version: current, answer };
        kept = entry;
        answer.catch(() => {
          if (kept === entry) kept = null;
        });
      }
      return answer;
    },
    forget() {
      kept = null;
    },
  };
}

const unsupported = (what: string, location: string): AtlasError =>
  new AtlasError('storage_failure', `${what} is not available for the database at ${location}`);

/** Builds an AtlasStore on an open, migrated database. `close` releases the connection. */
export function createKyselyStore(
  db: Kysely<Database>,
  location: string,
  close: () => Promise<void>,
  hooks: StoreHooks = {},
): AtlasStore {
  const search = searchIndexOf(db);
  // Reads go through the visibility rule (store/visibility.ts); writes and the store's own upkeep
  // (ingest, reindexing, export) use `db` and see everything.
  const viewer = viewerSource(hooks.defaultViewer ?? EVERYTHING);
  const engineVersion = hooks.dataVersion ?? (() => null);
  // A restriction set through this store changes what each viewer sees at once, before its
  // PostgreSQL notice moves the engine's version: the version the kept totals and aggregates are
  // kept under moves with it (a kept total or country profile would otherwise still count, or show,
  // what was just hidden).
  let restrictionChanges = 0;
  const dataVersion = () => {
    const version = engineVersion();
    return version === null ? null : `${version}/${restrictionChanges}`;
  };
  // Each viewer's hidden documents and instruments, listed once per data version before a request's
  // reads (`restrictions.prepareViewer`) and bound into its statements (store/visibility.ts). Used
  // only under the version they were listed at: any commit, or a restriction set here, moves it,
  // and the statements compute the sets again until they are listed anew.
  const hiddenLists = new Map<string, HiddenLists>();
  const keptLists: HiddenListSource = (seen) => {
    const lists = hiddenLists.get(viewerKey(seen));
    return lists !== undefined && lists.key === dataVersion() ? lists : undefined;
  };
  const visible = withVisibility(db, viewer, keptLists);
  const readVisible = withVisibility(hooks.readDb ?? db, viewer, keptLists);
  const seenAnalyses = createAnalysisStore(visible);
  const allAnalyses = createAnalysisStore(db);
  // The totals of lists and searches are kept per data version (store/kept-counts.ts), and so are
  // the aggregates of queries/memo.ts.
  keepCountsFor([visible, readVisible], dataVersion);
  const searchUpkeep = whileUnchanged(dataVersion, () => search.ensure(db));
  const refreshSearchIndex = searchUpkeep.ask;
  const restrictions = createRestrictionStore(db, visible);
  // Whether to apply the visibility rule at all: a restriction set here is seen at once, not when
  // its notice comes back (a cached "nothing restricted" would show what was just hidden).
  const restricted = whileUnchanged(dataVersion, () => restrictions.anyRestricted());
  const listings = new Map<string, { ask: () => Promise<void> }>();
  const prepareViewer = (seen: Viewer): Promise<void> => {
    if (seen.sees === 'everything') return Promise.resolve();
    const key = viewerKey(seen);
    let listing = listings.get(key);
    if (listing === undefined) {
      if (listings.size >= 200) {
        listings.clear();
        hiddenLists.clear();
      }
      listing = whileUnchanged(dataVersion, async (version) => {
        if (version === null) return;
        const lists = await listHidden(hooks.readDb ?? db, seen.organisations, version);
        if (lists === undefined) hiddenLists.delete(key);
        else hiddenLists.set(key, lists);
      });
      listings.set(key, listing);
    }
    // Not listed (an error): the statements compute the sets themselves, and the next request tries again.
    return listing.ask().catch(() => undefined);
  };
  const restrictionChanged = () => {
    restrictionChanges++;
    restricted.forget();
  };
  const afterRestricting = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      restrictionChanged();
    }
  };
  return {
    location,
    engine: engineOf(db),

    async saveExtraction(
      document: DocumentInput,
      extracted: ExtractedDocument,
      analyse: DocumentAnalyser,
      options: SaveOptions = {},
    ): Promise<SaveResult> {
      const hash = contentHash(document.text);
      const known = await queries.findDocumentByHash(db, hash);
      if (known !== undefined) return { status: 'unchanged', documentId: known.id, counts: NO_COUNTS };
      const planned = planDocument(document, extracted);
      // The service's analyses are pure; they run before the transaction opens, and so does the
      // tokenising of the passages for the search index (CPU work that need not hold the lock).
      const analyses = analyse(planned.document.id);
      // The concept tokens name the stored actors: learn their names first, as indexDocument does.
      await loadActorNames(db);
      prepareDocumentTokens(planned.document);
      // On SQLite (one writer at a time), the records of the instruments it names as stored now,
      // read before the write lock is taken: most are known and this document leaves their record
      // as it was, so the transaction, which indexes them again, finds their tokens ready instead of
      // computing them while the other workers wait. PostgreSQL's writers do not queue on one lock.
      if (engineOf(db) === 'sqlite') {
        prepareRowTokens(
          await instrumentRows(
            db,
            planned.instruments.map((i) => i.id),
          ),
        );
      }
      await options.beforeTransaction?.();
      try {
        const { counts, watchHits, nextJob } = await db.transaction().execute(async (trx) => {
          const now = new Date().toISOString();
          // Instruments reviewers merged away go to the instrument they were merged into.
          const plan = redirectPlan(
            planned,
            await mergedKeys(
              trx,
              planned.instruments.map((i) => i.dedupeKey),
            ),
          );
          const { counts: written, freshInstruments } = await writePlan(trx, plan, now);
          if (document.restriction !== undefined) {
            await restrictStoredDocument(trx, plan.document.id, document.restriction);
          }
          // A reviewed value is never overwritten by a later extraction (see people/review-store.ts).
          await resolveReviewedInstruments(
            trx,
            plan.instruments.map((i) => i.id),
          );
          const statementIds = plan.statements.map((s) => s.id);
          await writeAnalyses(trx, plan.document.id, analyses, statementIds, now);
          // The search index is kept in the same transaction as the document it indexes.
          await search.indexDocument(trx, plan.document.id, { newDocument: true, freshInstruments });
          const hits = await recordWatchHits(trx, plan.document.id, now);
          if (options.job !== undefined) {
            const result = jobResultOf({
              status: 'added',
              documentId: documentIdFor(hash),
              counts: written,
              watchHits: hits,
            });
            await completeJob(trx, options.job.id, options.job.worker, result);
          }
          const job = options.job;
          const nextJob = job?.next === undefined ? undefined : await claimNextIn(trx, job.worker, job.next);
          return { counts: written, watchHits: hits, nextJob };
        });
        return {
          status: 'added',
          documentId: documentIdFor(hash),
          counts,
          watchHits,
          ...(nextJob === undefined ? {} : { nextJob }),
        };
      } catch (error) {
        if (error instanceof AtlasError) throw error;
        // Another process stored the same content between the check and the commit.
        const raced = await queries.findDocumentByHash(db, hash);
        if (raced !== undefined) return { status: 'unchanged', documentId: raced.id, counts: NO_COUNTS };
        const reason = error instanceof Error ? error.message : String(error);
        throw new AtlasError(
          'storage_failure',
          `${document.path}: could not be stored (${reason}); nothing was written`,
          { file: document.path },
          { cause: error },
        );
      } finally {
        if (document.restriction !== undefined) restrictionChanged();
      }
    },

    findDocumentByHash: (hash) => queries.findDocumentByHash(db, hash),

    async upsertActors(actors: readonly Actor[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const actor of actors) {
          const row = actorRow(actor);
          await trx
            .insertInto('actors')
            .values(row)
            .onConflict((oc) =>
              oc.column('id').doUpdateSet({
                kind: row.kind,
                name_en: row.name_en,
                name_fr: row.name_fr,
                adjective_en: row.adjective_en,
                adjective_fr: row.adjective_fr,
              }),
            )
            .execute();
        }
      });
    },

    async listActors(): Promise<readonly Actor[]> {
      const rows = await db.selectFrom('actors').selectAll().orderBy('kind').orderBy('id').execute();
      return rows.map(actorFromRow);
    },

    listInstruments: (filter: InstrumentFilter, page: PageRequest) =>
      queries.listInstruments(visible, filter, page),
    async getInstrument(id: string) {
      try {
        return await queries.getInstrument(visible, id);
      } catch (error) {
        if (!(error instanceof AtlasError) || error.code !== 'not_found') throw error;
        // A merged instrument's id answers with the instrument it was merged into.
        const kept = await followMerges(db, id);
        if (kept === undefined || kept === id) throw error;
        return { ...(await queries.getInstrument(visible, kept)), redirectedFrom: id };
      }
    },
    listDocuments: (page: PageRequest) => queries.listDocuments(visible, page),
    getDocument: (id: string) => queries.getDocument(visible, id),
    async setDocumentSource(id, changes, by) {
      // Passages are indexed with their document's title and language: both are searched and shown.
      await setDocumentSource(db, id, changes, by, async (trx, changed) => {
        if (changed.includes('title') || changed.includes('language')) await search.indexDocument(trx, id);
      });
      return queries.getDocument(visible, id);
    },
    documentSourceHistory: (id: string) => documentSourceHistory(visible, id),
    listClaims: (kind: string, id: string) => queries.listClaims(visible, kind, id),
    stats: () => queries.stats(visible),
    // A person's reads and changes see what the viewer sees (a hidden commitment is not found);
    // the analysis upkeep of ingestion sees every document.
    analyses: {
      ...seenAnalyses,
      pendingDocuments: () => allAnalyses.pendingDocuments(),
      replaceDocumentAnalyses: (id, analyses) => allAnalyses.replaceDocumentAnalyses(id, analyses),
    },
    jobs: createJobQueue(db),
    iati: createIatiStore(db),
    people: createPeopleStore(db),
    review: createReviewStore(db, visible),
    curation: createCurationStore(db, search, visible),
    contributions: createContributionStore(db, search),
    restrictions: {
      ...restrictions,
      anyRestricted: restricted.ask,
      prepareViewer,
      set: (...change) => afterRestricting(restrictions.set(...change)),
    },
    loginAttempts: createLoginAttemptStore(db),

    async backup(file: string): Promise<BackupSummary> {
      if (hooks.backup === undefined) throw unsupported('backup', location);
      return hooks.backup(file);
    },
    async exportTo(dir: string) {
      if (hooks.catalogue === undefined) throw unsupported('export', location);
      return exportAtlas(db, publishedTables(await hooks.catalogue()), dir);
    },
    async importFrom(dir: string) {
      if (hooks.catalogue === undefined) throw unsupported('import', location);
      try {
        return await importAtlas(db, publishedTables(await hooks.catalogue()), dir, async (trx) => {
          await hooks.afterImport?.(trx);
          await search.reindexAll(trx);
        });
      } finally {
        // The imported records may be restricted: seen at once (see `restricted`).
        restrictionChanged();
      }
    },
    async search(request: SearchRequest, page: PageRequest) {
      await refreshSearchIndex();
      return search.search(visible, request, page);
    },
    refreshSearchIndex,
    dataVersion: () => Promise.resolve(dataVersion()),
    queries: createAtlasQueries(readVisible),
    actingAs,
    close,
  };
}
