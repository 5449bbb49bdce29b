/**
 * The IATI part of the data seam: imports activity files in one transaction (batched inserts, so
 * memory stays flat whatever the file's size), reads activities back whole, and keeps the links
 * between activities and instruments with their method, score, evidence and review state. All SQL
 * is portable Kysely; the CLI, the services and the HTTP API call this, never SQL.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { AtlasError, invalidInput, notFound } from '../../domain/errors.ts';
import type { MatchActivity } from '../../domain/iati/matching.ts';
import type {
  IatiActivity,
  IatiFileSummary,
  IatiLink,
  LinkMethod,
  Narrative,
  StoredActivity,
} from '../../domain/iati/model.ts';
import type { Database } from '../schema.ts';
import {
  activityFromRows,
  activityRows,
  CHILD_TABLES,
  type ActivityRows,
  type StoredChildren,
} from './rows.ts';

export interface IatiFileInput {
  readonly name: string;
  readonly sourcePath: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly version: string;
}

export interface IatiImportSummary {
  readonly fileId: string;
  readonly activities: number;
  /** Activities already stored (from an earlier file) that this file replaced. */
  readonly replaced: number;
}

export interface ActivityFilter {
  /** Recipient country (alpha-2). */
  readonly country?: string;
  /** Activities linked to this instrument (any review state but rejected). */
  readonly instrument?: string;
  /** A sector code (any vocabulary), e.g. 15190. */
  readonly sector?: string;
}

export interface ActivitySummary {
  readonly identifier: string;
  readonly titles: readonly Narrative[];
  readonly status: string | null;
  readonly reportingOrg: string | null;
  readonly countries: readonly string[];
  readonly file: string;
}

export interface NewLink {
  readonly activityId: string;
  readonly instrumentId: string;
  readonly method: LinkMethod;
  readonly score?: number | null;
  readonly reasons?: readonly string[];
  readonly evidence?: IatiLink['evidence'];
  readonly assertedBy: string;
  /** Manual links are confirmed by the person making them. */
  readonly reviewState?: 'unreviewed' | 'confirmed';
}

export interface LinkFilter {
  readonly instrument?: string;
  readonly activity?: string;
  readonly state?: IatiLink['reviewState'];
  readonly method?: LinkMethod;
}

export interface InstrumentSpan {
  readonly instrumentId: string;
  readonly start: number;
  readonly end: number;
}

export interface IatiStore {
  findFileByHash(sha256: string): Promise<IatiFileSummary | undefined>;
  listFiles(): Promise<IatiFileSummary[]>;
  /**
   * Stores a file's activities in ONE transaction (inserted in batches of `batchSize`): an error
   * from the stream rolls everything back. An activity already stored is replaced whole; its links stay.
   */
  importFile(
    file: IatiFileInput,
    activities: AsyncIterable<IatiActivity>,
    options?: { readonly batchSize?: number },
  ): Promise<IatiImportSummary>;
  countActivities(): Promise<number>;
  listActivities(
    filter: ActivityFilter,
    page: { limit: number; offset: number },
  ): Promise<{
    items: ActivitySummary[];
    total: number;
  }>;
  /** Throws not_found for an unknown identifier. */
  getActivity(identifier: string): Promise<StoredActivity>;
  /** Whole activities (unknown identifiers are left out), in the order asked. */
  activities(identifiers: readonly string[]): Promise<StoredActivity[]>;
  /** Every activity, a page at a time, in identifier order (for the IATI export). */
  allActivities(pageSize?: number): AsyncGenerator<StoredActivity>;
  /** Identifiers of the activities whose recipient countries include `country`. */
  activitiesInCountry(country: string): Promise<string[]>;
  identifiers(): Promise<string[]>;
  /** What matching needs of every activity: names, recipient countries, years. */
  matchCandidates(): Promise<MatchActivity[]>;
  /** Where a document speaks of each instrument: the spans of the instrument claims it holds. */
  instrumentSpans(documentId: string): Promise<InstrumentSpan[]>;
  listLinks(filter?: LinkFilter): Promise<IatiLink[]>;
  /** Adds a link, or returns the existing one for the pair (`created: false`). */
  addLink(link: NewLink): Promise<{ link: IatiLink; created: boolean }>;
  /** Confirms or rejects a link; throws not_found for an unknown id. */
  reviewLink(id: string, state: 'confirmed' | 'rejected', reviewer: string): Promise<IatiLink>;
}

/** Rows per multi-row insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 400;

const fileIdOf = (sha256: string): string => `iatf_${sha256.slice(0, 20)}`;
const linkIdOf = (activityId: string, instrumentId: string): string =>
  `lnk_${createHash('sha256').update(`${activityId}\u0000${instrumentId}`).digest('hex').slice(0, 20)}`;

function fileFromRow(row: Selectable<Database['iati_files']>): IatiFileSummary {
  return {
    id: row.id,
    name: row.name,
    sourcePath: row.source_path,
    sha256: row.sha256,
    bytes: row.bytes,
    version: row.version,
    activities: row.activities,
    importedAt: row.imported_at,
  };
}

function linkFromRow(row: Selectable<Database['iati_links']>): IatiLink {
  return {
    id: row.id,
    activityId: row.activity_id,
    instrumentId: row.instrument_id,
    method: row.method as LinkMethod,
    score: row.score,
    reasons: JSON.parse(row.reasons) as string[],
    evidence:
      row.document_id === null
        ? null
        : {
            documentId: row.document_id,
            span: { start: row.span_start ?? 0, end: row.span_end ?? 0 },
            quote: row.quote ?? '',
          },
    assertedBy: row.asserted_by,
    reviewState: row.review_state as IatiLink['reviewState'],
    reviewedBy: row.reviewed_by,
    createdAt: row.created_at,
  };
}

/** A view where the table is a parameter: the rows were typed by `activityRows`. */
type AnyTables = Kysely<Record<string, Record<string, unknown>>>;

async function insertChunked(
  db: Kysely<Database>,
  table: keyof Database,
  rows: readonly object[],
): Promise<void> {
  const loose = db as unknown as AnyTables;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await loose
      .insertInto(table)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/** Writes one batch: replaced activities lose their child rows first (their links are kept). */
async function writeBatch(trx: Kysely<Database>, batch: readonly ActivityRows[]): Promise<number> {
  const ids = batch.map((rows) => rows.activity.id);
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const rows = await trx
      .selectFrom('iati_activities')
      .select('id')
      .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
      .execute();
    for (const row of rows) known.add(row.id);
  }
  if (known.size > 0) {
    const replaced = [...known];
    for (const [table] of [...CHILD_TABLES].reverse()) {
      for (let i = 0; i < replaced.length; i += INSERT_CHUNK) {
        await (trx as unknown as AnyTables)
          .deleteFrom(table)
          .where('activity_id', 'in', replaced.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    }
    for (const rows of batch) {
      if (!known.has(rows.activity.id)) continue;
      const { id, ...rest } = rows.activity;
      await trx.updateTable('iati_activities').set(rest).where('id', '=', id).execute();
    }
  }
  await insertChunked(
    trx,
    'iati_activities',
    batch.filter((rows) => !known.has(rows.activity.id)).map((rows) => rows.activity),
  );
  for (const [table, key] of CHILD_TABLES) {
    await insertChunked(
      trx,
      table,
      batch.flatMap((rows): readonly object[] => rows[key]),
    );
  }
  return known.size;
}

async function childrenOf(db: Kysely<Database>, ids: readonly string[]): Promise<StoredChildren> {
  const loose = db as unknown as AnyTables;
  const load = (table: (typeof CHILD_TABLES)[number][0]) =>
    loose
      .selectFrom(table)
      .selectAll()
      .where('activity_id', 'in', ids as string[])
      .execute();
  const [participating, dates, countries, sectors, budgets, transactions, results, indicators, periods] =
    await Promise.all([
      load('iati_participating_orgs'),
      load('iati_activity_dates'),
      load('iati_recipient_countries'),
      load('iati_sectors'),
      load('iati_budgets'),
      load('iati_transactions'),
      load('iati_results'),
      load('iati_indicators'),
      load('iati_indicator_periods'),
    ]);
  return {
    participating,
    dates,
    countries,
    sectors,
    budgets,
    transactions,
    results,
    indicators,
    periods,
  } as unknown as StoredChildren;
}

async function loadActivities(db: Kysely<Database>, ids: readonly string[]): Promise<StoredActivity[]> {
  const out: StoredActivity[] = [];
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const slice = ids.slice(i, i + INSERT_CHUNK);
    const rows = await db
      .selectFrom('iati_activities')
      .innerJoin('iati_files', 'iati_files.id', 'iati_activities.file_id')
      .selectAll('iati_activities')
      .select([
        'iati_files.name as file_name',
        'iati_files.source_path as file_source',
        'iati_files.version as file_version',
      ])
      .where('iati_activities.id', 'in', slice)
      .execute();
    const children = await childrenOf(db, slice);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of slice) {
      const row = byId.get(id);
      if (row === undefined) continue;
      const own = <T extends { activity_id: string }>(list: readonly T[]): T[] =>
        list.filter((r) => r.activity_id === id);
      const { file_name, file_source, file_version, ...activityRow } = row;
      out.push({
        activity: activityFromRows(activityRow, {
          participating: own(children.participating),
          dates: own(children.dates),
          countries: own(children.countries),
          sectors: own(children.sectors),
          budgets: own(children.budgets),
          transactions: own(children.transactions),
          results: own(children.results),
          indicators: own(children.indicators),
          periods: own(children.periods),
        }),
        file: { id: row.file_id, name: file_name, sourcePath: file_source, version: file_version },
      });
    }
  }
  return out;
}

export function createIatiStore(db: Kysely<Database>): IatiStore {
  const getLink = async (id: string): Promise<IatiLink> => {
    const row = await db.selectFrom('iati_links').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('link', id);
    return linkFromRow(row);
  };

  return {
    async findFileByHash(sha256) {
      const row = await db
        .selectFrom('iati_files')
        .selectAll()
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      return row === undefined ? undefined : fileFromRow(row);
    },

    async listFiles() {
      const rows = await db
        .selectFrom('iati_files')
        .selectAll()
        .orderBy('imported_at')
        .orderBy('id')
        .execute();
      return rows.map(fileFromRow);
    },

    async importFile(file, activities, options = {}) {
      const batchSize = options.batchSize ?? 250;
      const fileId = fileIdOf(file.sha256);
      return db.transaction().execute(async (trx) => {
        await trx
          .insertInto('iati_files')
          .values({
            id: fileId,
            name: file.name,
            source_path: file.sourcePath,
            sha256: file.sha256,
            bytes: file.bytes,
            version: file.version,
            activities: 0,
            asserted_by: 'iati-import@1',
            imported_at: new Date().toISOString(),
          })
          .execute();
        let count = 0;
        let replaced = 0;
        let batch = new Map<string, ActivityRows>();
        const flush = async (): Promise<void> => {
          if (batch.size === 0) return;
          replaced += await writeBatch(trx, [...batch.values()]);
          batch = new Map();
        };
        for await (const activity of activities) {
          // The same identifier twice in one batch: the later one wins, as across files.
          if (batch.has(activity.identifier)) await flush();
          batch.set(activity.identifier, activityRows(activity, fileId));
          count += 1;
          if (batch.size >= batchSize) await flush();
        }
        await flush();
        await trx.updateTable('iati_files').set({ activities: count }).where('id', '=', fileId).execute();
        return { fileId, activities: count, replaced };
      });
    },

    async countActivities() {
      const row = await db
        .selectFrom('iati_activities')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listActivities(filter, page) {
      let query = db
        .selectFrom('iati_activities')
        .innerJoin('iati_files', 'iati_files.id', 'iati_activities.file_id');
      if (filter.country !== undefined) {
        const country = filter.country;
        query = query.where('iati_activities.id', 'in', (qb) =>
          qb.selectFrom('iati_recipient_countries').select('activity_id').where('code', '=', country),
        );
      }
      if (filter.sector !== undefined) {
        const sector = filter.sector;
        query = query.where('iati_activities.id', 'in', (qb) =>
          qb.selectFrom('iati_sectors').select('activity_id').where('code', '=', sector),
        );
      }
      if (filter.instrument !== undefined) {
        const instrument = filter.instrument;
        query = query.where('iati_activities.id', 'in', (qb) =>
          qb
            .selectFrom('iati_links')
            .select('activity_id')
            .where('instrument_id', '=', instrument)
            .where('review_state', '!=', 'rejected'),
        );
      }
      const total = await query.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select([
          'iati_activities.id',
          'iati_activities.titles',
          'iati_activities.status',
          'iati_activities.reporting_org_names',
          'iati_activities.reporting_org_ref',
          'iati_files.name as file',
        ])
        .orderBy('iati_activities.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const countries =
        rows.length === 0
          ? []
          : await db
              .selectFrom('iati_recipient_countries')
              .select(['activity_id', 'code'])
              .where(
                'activity_id',
                'in',
                rows.map((row) => row.id),
              )
              .orderBy('activity_id')
              .orderBy('seq')
              .execute();
      return {
        total: Number(total.n),
        items: rows.map((row) => {
          const names =
            row.reporting_org_names === null ? [] : (JSON.parse(row.reporting_org_names) as Narrative[]);
          return {
            identifier: row.id,
            titles: JSON.parse(row.titles) as Narrative[],
            status: row.status,
            reportingOrg: names[0]?.text ?? row.reporting_org_ref,
            countries: countries.filter((c) => c.activity_id === row.id).map((c) => c.code),
            file: row.file,
          };
        }),
      };
    },

    async getActivity(identifier) {
      const [found] = await loadActivities(db, [identifier]);
      if (found === undefined) throw notFound('IATI activity', identifier);
      return found;
    },

    activities: (identifiers) => loadActivities(db, identifiers),

    async *allActivities(pageSize = 200) {
      let after = '';
      for (;;) {
        const ids = await db
          .selectFrom('iati_activities')
          .select('id')
          .where('id', '>', after)
          .orderBy('id')
          .limit(pageSize)
          .execute();
        if (ids.length === 0) return;
        yield* await loadActivities(
          db,
          ids.map((row) => row.id),
        );
        after = ids[ids.length - 1]!.id;
      }
    },

    async activitiesInCountry(country) {
      const rows = await db
        .selectFrom('iati_recipient_countries')
        .select('activity_id')
        .distinct()
        .where('code', '=', country)
        .orderBy('activity_id')
        .execute();
      return rows.map((row) => row.activity_id);
    },

    async identifiers() {
      const rows = await db.selectFrom('iati_activities').select('id').orderBy('id').execute();
      return rows.map((row) => row.id);
    },

    async matchCandidates() {
      const [activities, orgs, countries, dates, years, commitments] = await Promise.all([
        db
          .selectFrom('iati_activities')
          .select(['id', 'titles', 'reporting_org_names'])
          .orderBy('id')
          .execute(),
        db.selectFrom('iati_participating_orgs').select(['activity_id', 'names']).execute(),
        db.selectFrom('iati_recipient_countries').select(['activity_id', 'code']).execute(),
        db.selectFrom('iati_activity_dates').select(['activity_id', 'iso_date']).execute(),
        db
          .selectFrom('iati_transactions')
          .select(['activity_id', db.fn.min('date').as('first'), db.fn.max('date').as('last')])
          .groupBy('activity_id')
          .execute(),
        db
          .selectFrom('iati_transactions')
          .select(['activity_id', 'currency', db.fn.sum<number>('value').as('total')])
          .where('type', '=', 2)
          .groupBy(['activity_id', 'currency'])
          .execute(),
      ]);
      const group = <T extends { activity_id: string }>(rows: readonly T[]): Map<string, T[]> => {
        const map = new Map<string, T[]>();
        for (const row of rows) map.set(row.activity_id, [...(map.get(row.activity_id) ?? []), row]);
        return map;
      };
      const orgsBy = group(orgs);
      const countriesBy = group(countries);
      const datesBy = group(dates);
      const yearsBy = group(years);
      const commitmentsBy = group(commitments);
      return activities.map((row) => {
        const yearList = [
          ...(datesBy.get(row.id) ?? []).map((d) => Number(d.iso_date.slice(0, 4))),
          ...(yearsBy.get(row.id) ?? []).flatMap((t) => [
            Number(String(t.first).slice(0, 4)),
            Number(String(t.last).slice(0, 4)),
          ]),
        ].filter((y) => Number.isFinite(y));
        return {
          identifier: row.id,
          names: [
            ...(JSON.parse(row.titles) as Narrative[]),
            // The reporting organisation is often the fund itself (the EU Trust Fund reports its projects).
            ...(row.reporting_org_names === null ? [] : (JSON.parse(row.reporting_org_names) as Narrative[])),
            ...(orgsBy.get(row.id) ?? []).flatMap((o) => JSON.parse(o.names) as Narrative[]),
          ],
          countries: (countriesBy.get(row.id) ?? []).map((c) => c.code),
          span: yearList.length === 0 ? null : { from: Math.min(...yearList), to: Math.max(...yearList) },
          commitments: (commitmentsBy.get(row.id) ?? []).map((c) => ({
            currency: c.currency,
            value: Number(c.total),
          })),
        };
      });
    },

    async instrumentSpans(documentId) {
      const rows = await db
        .selectFrom('claims')
        .select(['subject_id', 'span_start', 'span_end'])
        .where('document_id', '=', documentId)
        .where('subject_kind', '=', 'instrument')
        .where('review_state', '!=', 'rejected')
        .orderBy('span_start')
        .execute();
      return rows.map((row) => ({ instrumentId: row.subject_id, start: row.span_start, end: row.span_end }));
    },

    async listLinks(filter = {}) {
      let query = db.selectFrom('iati_links').selectAll();
      if (filter.instrument !== undefined) query = query.where('instrument_id', '=', filter.instrument);
      if (filter.activity !== undefined) query = query.where('activity_id', '=', filter.activity);
      if (filter.state !== undefined) query = query.where('review_state', '=', filter.state);
      if (filter.method !== undefined) query = query.where('method', '=', filter.method);
      const rows = await query.orderBy('instrument_id').orderBy('activity_id').execute();
      return rows.map(linkFromRow);
    },

    async addLink(link) {
      const [activity, instrument] = await Promise.all([
        db.selectFrom('iati_activities').select('id').where('id', '=', link.activityId).executeTakeFirst(),
        db.selectFrom('instruments').select('id').where('id', '=', link.instrumentId).executeTakeFirst(),
      ]);
      if (activity === undefined) throw notFound('IATI activity', link.activityId);
      if (instrument === undefined) throw notFound('instrument', link.instrumentId);
      const id = linkIdOf(link.activityId, link.instrumentId);
      const existing = await db.selectFrom('iati_links').selectAll().where('id', '=', id).executeTakeFirst();
      if (existing !== undefined) {
        // A person linking a pair already proposed confirms it.
        if (link.method === 'manual' && existing.review_state !== 'confirmed') {
          return { link: await this.reviewLink(id, 'confirmed', link.assertedBy), created: false };
        }
        return { link: linkFromRow(existing), created: false };
      }
      if (link.score !== undefined && link.score !== null && (link.score < 0 || link.score > 1)) {
        throw invalidInput('score', 'must be between 0 and 1');
      }
      const now = new Date().toISOString();
      await db
        .insertInto('iati_links')
        .values({
          id,
          activity_id: link.activityId,
          instrument_id: link.instrumentId,
          method: link.method,
          score: link.score ?? null,
          reasons: JSON.stringify(link.reasons ?? []),
          document_id: link.evidence?.documentId ?? null,
          span_start: link.evidence?.span.start ?? null,
          span_end: link.evidence?.span.end ?? null,
          quote: link.evidence?.quote ?? null,
          asserted_by: link.assertedBy,
          review_state: link.reviewState ?? 'unreviewed',
          reviewed_by: link.reviewState === 'confirmed' ? link.assertedBy : null,
          created_at: now,
        })
        .execute()
        .catch((error: unknown) => {
          throw new AtlasError('conflict', `the link ${id} could not be stored (${String(error)})`);
        });
      return { link: await getLink(id), created: true };
    },

    async reviewLink(id, state, reviewer) {
      await getLink(id);
      await db
        .updateTable('iati_links')
        .set({ review_state: state, reviewed_by: reviewer })
        .where('id', '=', id)
        .execute();
      return getLink(id);
    },
  };
}
