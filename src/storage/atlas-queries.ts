/**
 * The read model of the atlas: the lists, profiles, facets and aggregates the API and the web pages
 * show beyond the AtlasStore's own methods. It is part of the store (`store.queries`), so the HTTP
 * and web layers never hold a database handle; the queries themselves live in storage/queries/ and
 * run unchanged on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { Span } from '../domain/model.ts';
import type { InstrumentSummary, Page, PageRequest, SearchHit, SearchRequest } from './atlas-store.ts';
import { actorNames, queryActors, type ActorListItem, type ActorQuery } from './queries/actors.ts';
import { countryProfile, type CountryProfile } from './queries/country-profile.ts';
import { documentFacts, documentStatements, type DocumentFact } from './queries/document-facts.ts';
import {
  instrumentFacets,
  queryInstruments,
  type InstrumentFacets,
  type InstrumentQuery,
  type InstrumentSort,
} from './queries/instrument-list.ts';
import { mapCounts, organizationCounts, type MapFilter } from './queries/map-counts.ts';
import { memoByVersion } from './queries/memo.ts';
import {
  actorNetwork,
  extraCounts,
  instrumentsByState,
  instrumentTimeline,
  type ActorNetwork,
  type TimelinePoint,
} from './queries/overview.ts';
import type { Database } from './schema.ts';
import { searchAtlas } from './queries/search.ts';

export type {
  ActorListItem,
  ActorNetwork,
  ActorQuery,
  CountryProfile,
  DocumentFact,
  InstrumentFacets,
  InstrumentQuery,
  InstrumentSort,
  MapFilter,
  TimelinePoint,
};
export type { FacetCount } from './queries/instrument-list.ts';
export type { NetworkEdge, NetworkNode } from './queries/overview.ts';

/** A statement found in a document, with its span. */
export interface DocumentStatement {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly status: string | null;
  readonly span: Span;
}

/** A stored document's text and language (what the sentence view segments). */
export interface DocumentText {
  readonly id: string;
  readonly language: string;
  readonly text: string;
}

/** Names of an actor in both languages and its kind (state, organization…). */
export interface ActorName {
  readonly en: string;
  readonly fr: string;
  readonly kind: string;
}

export interface AtlasQueries {
  /** One page of actors, most instruments first, then by English name. */
  actors(filter: ActorQuery, page: PageRequest): Promise<Page<ActorListItem>>;
  /** English and French names of every stored actor, for labelling views. */
  actorNames(): Promise<Map<string, ActorName>>;
  /** The stored actor with this id, if any. */
  findActor(id: string): Promise<ActorName | undefined>;
  /** States party to at least one instrument, by code. */
  partyStates(): Promise<string[]>;
  /** The profile of a state (empty lists when the atlas knows nothing of it). */
  countryProfile(code: string): Promise<CountryProfile>;
  /** Every claim whose evidence lies in the document, in text order. */
  documentFacts(documentId: string): Promise<DocumentFact[]>;
  /** Statements (commitments, good practices…) found in a document, in text order. */
  documentStatements(documentId: string): Promise<DocumentStatement[]>;
  /** Text and language of the documents with these ids (unknown ids are left out). */
  documentTexts(ids: readonly string[]): Promise<DocumentText[]>;
  /** One page of instruments matching the filter (year range, free text, language…). */
  instruments(
    filter: InstrumentQuery,
    page: PageRequest,
    sort?: InstrumentSort,
  ): Promise<Page<InstrumentSummary>>;
  /**
   * Ranked search over passages and instruments, as `AtlasStore.search` but without first catching
   * up the index: the server does that once per request (`refreshSearchIndex`).
   */
  search(request: SearchRequest, page: PageRequest): Promise<Page<SearchHit>>;
  /** Counts of matching instruments by type, topic, state party, source language and year. */
  instrumentFacets(filter: InstrumentQuery): Promise<InstrumentFacets>;
  /** Number of instruments each state is party to, keyed by alpha-2 code. */
  instrumentsByState(): Promise<Map<string, number>>;
  /** Instruments per state counting only one type or topic (the dashboard map). */
  mapCounts(filter: MapFilter): Promise<Map<string, number>>;
  /** Instruments per organization (the EU, IOM…) with the same choice of type or topic. */
  organizationCounts(filter?: MapFilter): Promise<Map<string, number>>;
  /** Instruments per first year and type, optionally only those an actor is party to. */
  instrumentTimeline(actor?: string): Promise<TimelinePoint[]>;
  /** Actors linked by the instruments they share. */
  actorNetwork(maxNodes?: number): Promise<ActorNetwork>;
  /** Distinct party actors and party states. */
  extraCounts(): Promise<{ actors: number; countries: number }>;
  /**
   * The cached value of `compute` under `name`, recomputed when the data changed (in this process
   * or another): for whole-atlas aggregates on a read-mostly atlas.
   */
  cached<T>(name: string, compute: () => Promise<T>): Promise<T>;
}

/** The read model over a database handle (the SQLite server passes one that keeps statements prepared). */
export function createAtlasQueries(db: Kysely<Database>): AtlasQueries {
  return {
    actors: (filter, page) => queryActors(db, filter, page),
    actorNames: () => actorNames(db),
    async findActor(id) {
      const row = await db
        .selectFrom('actors')
        .select(['kind', 'name_en', 'name_fr'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : { en: row.name_en, fr: row.name_fr, kind: row.kind };
    },
    async partyStates() {
      const rows = await db
        .selectFrom('instrument_parties')
        .innerJoin('actors', 'actors.id', 'instrument_parties.actor_id')
        .select('actor_id')
        .distinct()
        .where('actors.kind', '=', 'state')
        .orderBy('actor_id')
        .execute();
      return rows.map((row) => row.actor_id);
    },
    countryProfile: (code) => countryProfile(db, code),
    documentFacts: (id) => documentFacts(db, id),
    async documentStatements(id) {
      const rows = await documentStatements(db, id);
      return rows.map((s) => ({
        id: s.id,
        kind: s.kind,
        text: s.text,
        status: s.status,
        span: { start: s.span_start, end: s.span_end },
      }));
    },
    async documentTexts(ids) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('documents')
        .select(['id', 'language', 'text'])
        .where('id', 'in', [...ids])
        .execute();
    },
    instruments: (filter, page, sort) => queryInstruments(db, filter, page, sort),
    search: (request, page) => searchAtlas(db, request, page),
    instrumentFacets: (filter) => instrumentFacets(db, filter),
    instrumentsByState: () => instrumentsByState(db),
    mapCounts: (filter) => mapCounts(db, filter),
    organizationCounts: (filter) => organizationCounts(db, filter),
    instrumentTimeline: (actor) => instrumentTimeline(db, actor),
    actorNetwork: (maxNodes) => actorNetwork(db, maxNodes),
    extraCounts: () => extraCounts(db),
    // Each viewer has its own cached values (memoByVersion keys them by the handle's viewer).
    cached: (name, compute) => memoByVersion(db, name, compute),
  };
}
