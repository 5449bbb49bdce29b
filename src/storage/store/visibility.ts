/**
 * The ONE visibility rule of the read model: restricted records (migration 2300) exist only for
 * their organisation. A record is hidden from a viewer when
 * - a document: it is restricted to an organisation the viewer is not in;
 * - an instrument: it is so restricted, or every document it is known from is hidden;
 * - a claim: it is so restricted, or its document is hidden, or it is about a hidden instrument;
 * - anything derived (field rows, statements, events, analyses, watch hits, links…): the document,
 *   instrument or claim it comes from is hidden (by join, never by a copied column).
 *
 * The rule is applied by a Kysely plugin on the read model's handle (`withVisibility`): in every
 * SELECT, each record table named in FROM or JOIN is replaced by the same table with its hidden rows
 * left out, so every list, count, facet, aggregate and export built with the query builder is
 * filtered without knowing about it. Writes (INSERT/UPDATE/DELETE) are never rewritten. The two raw
 * SQL readers (the search indexes) add `hiddenSearchRows` themselves. The hidden documents and
 * instruments are computed as sets ("hidden": few rows, indexed, rather than "visible": all rows);
 * a claim is checked row by row (`claimHidden`), since a hidden document can hide thousands of them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  AliasNode,
  FromNode,
  IdentifierNode,
  OperationNodeTransformer,
  TableNode,
  sql,
  type ExpressionBuilder,
  type JoinNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';
import { notFound } from '../../domain/errors.ts';
import { EVERYTHING, viewerKey, type Viewer } from '../../domain/viewer.ts';
import type { Database } from '../schema.ts';
import { engineOf, valuesOf } from '../engine.ts';

type Db = Kysely<Database>;

/** The viewer a store's reads run for, asked at each query (see `actingAs`). */
export type ViewerSource = () => Viewer;

const acting = new AsyncLocalStorage<Viewer>();

/** Runs `work` (and everything it awaits) with reads filtered for `viewer`. */
export const actingAs = <T>(viewer: Viewer, work: () => T): T => acting.run(viewer, work);

/** The viewer of the current `actingAs` scope, else `fallback` (the store's default). */
export const viewerSource =
  (fallback: Viewer): ViewerSource =>
  () =>
    acting.getStore() ?? fallback;

/**
 * A viewer's hidden documents and instruments, listed once per data version (`key`) by the store
 * (`listHidden`, called before a request's reads): each statement then reads them as one bound
 * list instead of recomputing both sets in every filtered table it names (the instruments' set is a
 * union with an anti-join, and the planner, charging it per probed row, chose plans that read
 * every party of a country once per instrument: 1 s for the public country filter at 100,000).
 */
export interface HiddenLists {
  readonly key: string;
  readonly documents: readonly string[];
  readonly instruments: readonly string[];
}

/** The lists of a viewer kept for the current data version, if any (else the subqueries). */
export type HiddenListSource = (viewer: Viewer & { sees: 'organisations' }) => HiddenLists | undefined;

/** Longer lists are not bound into statements; the subqueries run instead. */
export const MAX_HIDDEN_LISTED = 5_000;

/** The hidden-record subqueries for one viewer, built on an unfiltered handle. */
class Hidden {
  private readonly postgres: boolean;

  constructor(
    private readonly base: Db,
    private readonly organisations: readonly string[],
    /** Both sets as listed for the current data version: bound lists instead of subqueries. */
    private readonly lists?: HiddenLists,
  ) {
    this.postgres = engineOf(base) === 'postgres';
  }

  /** The hidden documents' ids: the kept list, or the lookup. */
  documents() {
    return this.lists === undefined ? this.documentLookup() : valuesOf(this.base, this.lists.documents);
  }

  /** Restricted instruments, and those known only from hidden documents: the kept list, or the lookup. */
  instruments() {
    return this.lists === undefined ? this.instrumentLookup() : valuesOf(this.base, this.lists.instruments);
  }

  /** `restricted_to` names an organisation the viewer is not in. */
  restricted<T extends 'documents' | 'instruments' | 'claims'>(eb: ExpressionBuilder<Database, T>) {
    const column = sql.ref<string | null>('restricted_to');
    return this.organisations.length === 0
      ? eb(column, 'is not', null)
      : eb.and([eb(column, 'is not', null), eb(column, 'not in', [...this.organisations])]);
  }

  documentLookup() {
    return this.base
      .selectFrom('documents')
      .select('id')
      .where((eb) => this.restricted(eb));
  }

  /** Restricted instruments, and those known only from hidden documents (computed). */
  instrumentLookup() {
    return this.base
      .selectFrom('instruments')
      .select('id')
      .where((eb) => this.restricted(eb))
      .union(
        this.base
          .selectFrom('instrument_documents as hidden_link')
          .select('hidden_link.instrument_id as id')
          .where('hidden_link.document_id', 'in', this.documentLookup())
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('instrument_documents as seen_link')
                  .select('seen_link.document_id')
                  .whereRef('seen_link.instrument_id', '=', 'hidden_link.instrument_id')
                  .where('seen_link.document_id', 'not in', this.documentLookup()),
              ),
            ),
          ),
      );
  }

  /**
   * Whether the claim row under `alias` is hidden: restricted itself, or its document is hidden, or
   * it is about a hidden instrument. A condition on the row, with the two small hidden sets
   * (documents, instruments) computed once per statement, never the set of hidden claims itself: a
   * hidden document hides every claim drawn from it (about 2,800 in the 100,000-instrument synthetic
   * atlas), and building that set (a union of three lookups, then its distinct ids) in every
   * statement that reads a field table cost each page in proportion to the hidden claims, not to
   * its own rows.
   */
  claimHidden(eb: ExpressionBuilder<Database, 'claims'>, alias: string) {
    const column = (name: string) => sql.ref<string | null>(`${alias}.${name}`);
    const restrictedTo = column('restricted_to');
    return eb.or([
      this.organisations.length === 0
        ? eb(restrictedTo, 'is not', null)
        : eb.and([eb(restrictedTo, 'is not', null), eb(restrictedTo, 'not in', [...this.organisations])]),
      eb(column('document_id'), 'in', this.documents()),
      eb.and([
        eb(column('subject_kind'), '=', 'instrument'),
        eb(column('subject_id'), 'in', this.instruments()),
      ]),
    ]);
  }

  /**
   * `claimId` names a hidden claim: one primary-key probe per row read (an anti-join the engines run
   * from the claims' primary key), so a page pays for its own rows, not for every hidden claim.
   */
  claimIdHidden(eb: ExpressionBuilder<Database, never>, claimId: string) {
    const probe = this.base
      .selectFrom('claims as hidden_claim')
      .select('hidden_claim.id')
      .whereRef('hidden_claim.id', '=', sql.ref(claimId) as never)
      .where((inner) => this.claimHidden(inner as never, 'hidden_claim'));
    // PostgreSQL would turn the EXISTS into a hash anti-join that reads every claim to find the hidden
    // ones (0.5 s for a page at 10,000 instruments); OFFSET 0 keeps it a probe per row (a planner
    // fence: an EXISTS with an OFFSET is not pulled up into a join). SQLite always probes per row.
    return eb.exists(this.postgres ? probe.offset(0) : probe);
  }

  statements() {
    return this.base.selectFrom('statements').select('id').where('document_id', 'in', this.documents());
  }

  events() {
    return this.base.selectFrom('events').select('id').where('document_id', 'in', this.documents());
  }
}

/** A table's rows the viewer may see, as a subquery standing in for the table. */
type RowFilter = (hidden: Hidden, base: Db) => SelectQueryNode;

const byDocument =
  (table: DocumentTable): RowFilter =>
  (hidden, base) =>
    base.selectFrom(table).selectAll().where('document_id', 'not in', hidden.documents()).toOperationNode();

type DocumentTable =
  | 'document_mentions'
  | 'document_amounts'
  | 'document_dates'
  | 'analysed_documents'
  | 'count_claims'
  | 'country_positions'
  | 'commitment_details'
  | 'roadmap_priorities'
  | 'leverage_steps'
  | 'approach_attributions';

type FieldTable =
  | 'instrument_parties'
  | 'instrument_topics'
  | 'instrument_approaches'
  | 'instrument_dates'
  | 'instrument_amounts';

/** A current field value is hidden with its instrument, and with the claim it was taken from. */
const byField =
  (table: FieldTable): RowFilter =>
  (hidden, base) =>
    base
      .selectFrom(table)
      .selectAll()
      .where('instrument_id', 'not in', hidden.instruments())
      .where((eb) => eb.not(hidden.claimIdHidden(eb as never, `${table}.claim_id`)))
      .toOperationNode();

const byStatement =
  (table: 'statement_owners' | 'statement_topics' | 'commitment_status_history'): RowFilter =>
  (hidden, base) =>
    base
      .selectFrom(table as 'statement_owners')
      .selectAll()
      .where('statement_id', 'not in', hidden.statements())
      .toOperationNode();

/** Every table whose rows can be hidden, and how. Tables not listed are never filtered. */
const ROW_FILTERS: Readonly<Record<string, RowFilter>> = {
  documents: (hidden, base) =>
    base
      .selectFrom('documents')
      .selectAll()
      .where((eb) => eb.not(hidden.restricted(eb)))
      .toOperationNode(),
  instruments: (hidden, base) =>
    base.selectFrom('instruments').selectAll().where('id', 'not in', hidden.instruments()).toOperationNode(),
  claims: (hidden, base) =>
    base
      .selectFrom('claims')
      .selectAll()
      .where((eb) => eb.not(hidden.claimHidden(eb, 'claims')))
      .toOperationNode(),
  instrument_parties: byField('instrument_parties'),
  instrument_topics: byField('instrument_topics'),
  instrument_approaches: byField('instrument_approaches'),
  instrument_dates: byField('instrument_dates'),
  instrument_amounts: byField('instrument_amounts'),
  instrument_documents: (hidden, base) =>
    base
      .selectFrom('instrument_documents')
      .selectAll()
      .where('instrument_id', 'not in', hidden.instruments())
      .where('document_id', 'not in', hidden.documents())
      .toOperationNode(),
  statements: (hidden, base) =>
    base
      .selectFrom('statements')
      .selectAll()
      .where((eb) => eb.not(hidden.claimIdHidden(eb as never, 'statements.claim_id')))
      .toOperationNode(),
  events: (hidden, base) =>
    base
      .selectFrom('events')
      .selectAll()
      .where((eb) => eb.not(hidden.claimIdHidden(eb as never, 'events.claim_id')))
      .toOperationNode(),
  statement_owners: byStatement('statement_owners'),
  statement_topics: byStatement('statement_topics'),
  commitment_status_history: byStatement('commitment_status_history'),
  event_participants: (hidden, base) =>
    base
      .selectFrom('event_participants')
      .selectAll()
      .where('event_id', 'not in', hidden.events())
      .toOperationNode(),
  links: (hidden, base) =>
    base
      .selectFrom('links')
      .selectAll()
      .where((eb) => eb.not(hidden.claimIdHidden(eb as never, 'links.claim_id')))
      .where((eb) =>
        eb.and(
          (['from', 'to'] as const).map((end) =>
            eb.or([eb(`${end}_kind`, '<>', 'instrument'), eb(`${end}_id`, 'not in', hidden.instruments())]),
          ),
        ),
      )
      .toOperationNode(),
  cited_links: (hidden, base) =>
    base
      .selectFrom('cited_links')
      .selectAll()
      .where((eb) =>
        eb.and(
          (['from', 'to'] as const).map((end) =>
            eb.or([eb(`${end}_kind`, '<>', 'instrument'), eb(`${end}_id`, 'not in', hidden.instruments())]),
          ),
        ),
      )
      .toOperationNode(),
  document_mentions: byDocument('document_mentions'),
  document_amounts: byDocument('document_amounts'),
  document_dates: byDocument('document_dates'),
  analysed_documents: byDocument('analysed_documents'),
  count_claims: byDocument('count_claims'),
  country_positions: byDocument('country_positions'),
  commitment_details: byDocument('commitment_details'),
  roadmap_priorities: byDocument('roadmap_priorities'),
  leverage_steps: byDocument('leverage_steps'),
  approach_attributions: byDocument('approach_attributions'),
  indicator_values: (hidden, base) =>
    base
      .selectFrom('indicator_values')
      .selectAll()
      .where((eb) =>
        eb.and([
          eb.or([eb('document_id', 'is', null), eb('document_id', 'not in', hidden.documents())]),
          eb.or([eb('instrument_id', 'is', null), eb('instrument_id', 'not in', hidden.instruments())]),
        ]),
      )
      .toOperationNode(),
  watch_hits: (hidden, base) =>
    base
      .selectFrom('watch_hits')
      .selectAll()
      .where('instrument_id', 'not in', hidden.instruments())
      .where('document_id', 'not in', hidden.documents())
      .toOperationNode(),
  iati_links: (hidden, base) =>
    base
      .selectFrom('iati_links')
      .selectAll()
      .where('instrument_id', 'not in', hidden.instruments())
      .where((eb) => eb.or([eb('document_id', 'is', null), eb('document_id', 'not in', hidden.documents())]))
      .toOperationNode(),
};

/**
 * The subqueries this rule put in place of tables. A query is transformed more than once: Kysely
 * applies a handle's plugins to a subquery when it is embedded (`jsonArrayFrom(visible.selectFrom…)`,
 * `where(…, 'in', visible.selectFrom…)`) and again to the whole statement. A second pass must leave
 * them as they are: it would filter the tables inside them again (the hidden-record lookups, read
 * on the unfiltered tables by design, would each get the whole rule again, nested once more per
 * pass: seconds for one page at 100,000 instruments).
 */
const standIns = new WeakSet<SelectQueryNode>();

/** Replaces each filtered table in FROM and JOIN by its visible rows, under the same name. */
class VisibilityTransformer extends OperationNodeTransformer {
  constructor(private readonly visibleRows: (table: string) => SelectQueryNode | undefined) {
    super();
  }

  protected override transformSelectQuery(
    node: SelectQueryNode,
    queryId?: Parameters<OperationNodeTransformer['transformNode']>[1],
  ): SelectQueryNode {
    return standIns.has(node) ? node : super.transformSelectQuery(node, queryId);
  }

  protected override transformFrom(
    node: FromNode,
    queryId?: Parameters<OperationNodeTransformer['transformNode']>[1],
  ) {
    const from = super.transformFrom(node, queryId);
    return FromNode.cloneWithFroms(
      FromNode.create([]),
      from.froms.map((item) => this.restrict(item)),
    );
  }

  protected override transformJoin(
    node: JoinNode,
    queryId?: Parameters<OperationNodeTransformer['transformNode']>[1],
  ) {
    const join = super.transformJoin(node, queryId);
    return Object.freeze({ ...join, table: this.restrict(join.table) });
  }

  private restrict(node: OperationNode): OperationNode {
    if (TableNode.is(node)) {
      const name = node.table.identifier.name;
      const rows = node.table.schema === undefined ? this.visibleRows(name) : undefined;
      return rows === undefined ? node : AliasNode.create(rows, IdentifierNode.create(name));
    }
    if (AliasNode.is(node) && TableNode.is(node.node) && node.node.table.schema === undefined) {
      const rows = this.visibleRows(node.node.table.identifier.name);
      return rows === undefined ? node : AliasNode.create(rows, node.alias);
    }
    return node;
  }
}

class VisibilityPlugin implements KyselyPlugin {
  /** The filtered tables' subqueries per viewer (a handful of viewers: organisations). */
  private readonly byViewer = new Map<string, Map<string, SelectQueryNode>>();

  constructor(
    private readonly base: Db,
    private readonly viewer: ViewerSource,
    private readonly lists: HiddenListSource,
  ) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const viewer = this.viewer();
    if (viewer.sees === 'everything' || args.node.kind !== 'SelectQueryNode') return args.node;
    const tables = this.tablesFor(viewer);
    const transformer = new VisibilityTransformer((table) => tables(table));
    return transformer.transformNode(args.node, args.queryId);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  private tablesFor(
    viewer: Viewer & { sees: 'organisations' },
  ): (table: string) => SelectQueryNode | undefined {
    // The stand-ins bind the lists kept for one data version: one set of them per viewer and version.
    const lists = this.lists(viewer);
    const key = lists === undefined ? viewerKey(viewer) : `${viewerKey(viewer)}@${lists.key}`;
    let cache = this.byViewer.get(key);
    if (cache === undefined) {
      if (this.byViewer.size > 200) this.byViewer.clear();
      cache = new Map();
      this.byViewer.set(key, cache);
    }
    const built = cache;
    const hidden = new Hidden(this.base, viewer.organisations, lists);
    return (table) => {
      const filter = ROW_FILTERS[table];
      if (filter === undefined) return undefined;
      let rows = built.get(table);
      if (rows === undefined) {
        rows = filter(hidden, this.base);
        standIns.add(rows);
        built.set(table, rows);
      }
      return rows;
    };
  }
}

const sources = new WeakMap<Db, { viewer: ViewerSource; lists: HiddenListSource }>();

const noLists: HiddenListSource = () => undefined;

/**
 * The same database seen by a viewer: every SELECT run on it leaves out what the viewer may not
 * see. `base` must be the unfiltered handle (the subqueries are built on it). `lists` gives the
 * viewer's hidden documents and instruments when the store has listed them for the current data
 * version (`listHidden`); otherwise each statement computes them.
 */
export function withVisibility(base: Db, viewer: ViewerSource, lists: HiddenListSource = noLists): Db {
  const filtered = base.withPlugin(new VisibilityPlugin(base.withoutPlugins(), viewer, lists));
  sources.set(filtered, { viewer, lists });
  return filtered;
}

/** The viewer a handle reads for: its `withVisibility` source, or everything for a plain handle. */
export function viewerOfHandle(db: Db): Viewer {
  return sources.get(db)?.viewer() ?? EVERYTHING;
}

/**
 * A viewer's hidden documents and instruments, read from the unfiltered handle `base` (the same
 * sets the rule's subqueries compute), or undefined when either has more than MAX_HIDDEN_LISTED ids
 * (then the statements keep computing them).
 */
export async function listHidden(
  base: Db,
  organisations: readonly string[],
  key: string,
): Promise<HiddenLists | undefined> {
  const hidden = new Hidden(base, organisations);
  const [documents, instruments] = await Promise.all([
    hidden
      .documentLookup()
      .limit(MAX_HIDDEN_LISTED + 1)
      .execute(),
    hidden
      .instrumentLookup()
      .limit(MAX_HIDDEN_LISTED + 1)
      .execute(),
  ]);
  if (documents.length > MAX_HIDDEN_LISTED || instruments.length > MAX_HIDDEN_LISTED) return undefined;
  return { key, documents: documents.map((row) => row.id), instruments: instruments.map((row) => row.id) };
}

/**
 * For the raw-SQL search indexes: ` and <the row is visible>` over a search row's columns
 * (`kind`, `ref_id`, `document_id`), or nothing when the handle's viewer sees everything.
 */
export function visibleSearchRows(
  db: Db,
  columns: { kind: string; refId: string; documentId: string },
): RawBuilder<unknown> {
  const viewer = viewerOfHandle(db);
  if (viewer.sees === 'everything') return sql``;
  const lists = sources.get(db)?.lists(viewer);
  const hidden = new Hidden(db.withoutPlugins(), viewer.organisations, lists);
  const kind = sql.ref(columns.kind);
  const documentId = sql.ref(columns.documentId);
  return sql` and (${documentId} is null or ${documentId} not in (${hidden.documents()}))
    and (${kind} <> 'instrument' or ${sql.ref(columns.refId)} not in (${hidden.instruments()}))`;
}

/**
 * For the stores that write (review, merge, split, link): a record that exists but that the
 * handle's viewer may not see is "not found", as on every read, before any write is tried (others'
 * restricted records do not exist for them, even by id). A record that does not exist at all is
 * left to the operation, which says why (unknown, or merged already). The writes themselves run on
 * the unfiltered handle, since they recompute fields from every claim.
 */
export async function requireVisible(
  visible: Db,
  kind: 'instrument' | 'claim',
  id: string | number,
): Promise<void> {
  const find = (db: Db) =>
    kind === 'instrument'
      ? db.selectFrom('instruments').select('id').where('id', '=', String(id)).executeTakeFirst()
      : db.selectFrom('claims').select('id').where('id', '=', Number(id)).executeTakeFirst();
  if ((await find(visible)) !== undefined) return;
  if ((await find(visible.withoutPlugins())) !== undefined) throw notFound(kind, String(id));
}
