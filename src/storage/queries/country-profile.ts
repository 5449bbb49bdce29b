/**
 * A country's profile: everything the atlas holds about one state — instruments by type and by
 * partner, money by source, topics, a timeline, commitments and the documents that mention it.
 */
import type { Kysely } from 'kysely';
import type { InstrumentSummary } from '../atlas-store.ts';
import type { Database } from '../schema.ts';
import type { PartyRole } from '../../domain/model.ts';
import { moneyBySource, type FundedInstrument, type InstrumentAmount } from '../../domain/money.ts';
import { fileNameOf, shownTitle } from '../store/document-title.ts';
import { amountFromRow, emptyFields, instrumentFromRow } from '../store/presenters.ts';
import { loadInstrumentFields } from './instrument-fields.ts';
import { memoByVersion } from './memo.ts';

type Db = Kysely<Database>;

/** How many of the country's instruments the profile lists (the instrument list has the rest). */
export const PROFILE_INSTRUMENTS = 20;

export interface CodeCount {
  readonly code: string;
  readonly count: number;
}

/**
 * Money of the country's instruments by who funds it and currency, each instrument's money counted
 * once (the domain's `moneyBySource`, which the coordination view uses too).
 */
export interface MoneyBySource {
  /** The funder (the donor named, else the party other than the country), or null when none. */
  readonly source: string | null;
  /** Other funders of the same instruments, funding together with `source` (not split). */
  readonly sharedWith: readonly string[];
  readonly currency: string;
  readonly total: number;
  readonly instruments: number;
}

/** The money rows of a country's instruments: amounts with roles and parties, summed by the domain. */
async function countryMoney(
  db: Db,
  ids: ReturnType<typeof instrumentIdsOf>,
  code: string,
): Promise<MoneyBySource[]> {
  const [amounts, parties] = await Promise.all([
    db
      .selectFrom('instrument_amounts')
      .select(['instrument_id', 'value', 'currency', 'approximate', 'role', 'part_of'])
      .where('instrument_id', 'in', ids)
      .execute(),
    db
      .selectFrom('instrument_parties')
      .select(['instrument_id', 'actor_id', 'role'])
      .where('instrument_id', 'in', ids)
      .execute(),
  ]);
  const funded = new Map<
    string,
    { id: string; parties: FundedInstrument['parties'][number][]; amounts: InstrumentAmount[] }
  >();
  const entry = (id: string) => {
    const found = funded.get(id) ?? { id, parties: [], amounts: [] };
    funded.set(id, found);
    return found;
  };
  for (const row of amounts) entry(row.instrument_id).amounts.push(amountFromRow(row));
  // Parties matter only for instruments with money.
  for (const row of parties) {
    funded.get(row.instrument_id)?.parties.push({ actorId: row.actor_id, role: row.role as PartyRole });
  }
  return moneyBySource([...funded.values()], code).map((row) => ({
    source: row.source,
    sharedWith: row.sharedWith,
    currency: row.currency,
    total: row.total,
    instruments: row.instruments.length,
  }));
}

function instrumentIdsOf(db: Db, code: string) {
  return db.selectFrom('instrument_parties').select('instrument_id').where('actor_id', '=', code);
}

export interface YearCount {
  readonly year: number;
  readonly count: number;
}

export interface MentioningDocument {
  readonly id: string;
  /** Null for an untitled document (`fileName` names it). */
  readonly title: string | null;
  readonly fileName: string;
  readonly language: string;
  readonly mentions: number;
}

export interface CountryCommitment {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly documentId: string;
  readonly span: { readonly start: number; readonly end: number };
}

export interface CountryProfile {
  readonly code: string;
  readonly instrumentCount: number;
  readonly byType: readonly CodeCount[];
  readonly byPartner: readonly CodeCount[];
  readonly moneyBySource: readonly MoneyBySource[];
  readonly topics: readonly CodeCount[];
  readonly timeline: readonly YearCount[];
  /** The country's most recent instruments (at most PROFILE_INSTRUMENTS; `instrumentCount` has the total). */
  readonly instruments: readonly InstrumentSummary[];
  readonly statements: readonly CountryCommitment[];
  readonly documents: readonly MentioningDocument[];
}

/** The profile of a state by its alpha-2 code (empty lists when the atlas knows nothing of it). */
export function countryProfile(db: Db, code: string): Promise<CountryProfile> {
  // A profile aggregates every instrument of a country: kept until the data changes, like the
  // atlas-wide statistics (the atlas is read-mostly; ingestion bumps the data version).
  return memoByVersion(db, `country-profile:${code}`, () => computeCountryProfile(db, code));
}

async function computeCountryProfile(db: Db, code: string): Promise<CountryProfile> {
  const ids = instrumentIdsOf(db, code);
  // One scan by type and year gives the type counts, the timeline and the total together.
  const [typeYears, byPartner, money, topics, latest, statements, documents] = await Promise.all([
    db
      .selectFrom('instruments')
      .select(['type', 'first_year', (eb) => eb.fn.countAll<number>().as('n')])
      .where('id', 'in', ids)
      .groupBy(['type', 'first_year'])
      .execute(),
    db
      .selectFrom('instrument_parties')
      .select(['actor_id as code', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
      .where('instrument_id', 'in', ids)
      .where('actor_id', '!=', code)
      .groupBy('actor_id')
      .orderBy('n', 'desc')
      .limit(40)
      .execute(),
    countryMoney(db, ids, code),
    db
      .selectFrom('instrument_topics')
      .select(['topic as code', (eb) => eb.fn.count<number>('instrument_id').distinct().as('n')])
      .where('instrument_id', 'in', ids)
      .groupBy('topic')
      .orderBy('n', 'desc')
      .execute(),
    db
      .selectFrom('instruments')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('first_date', 'desc')
      .orderBy('id', 'desc')
      .limit(PROFILE_INSTRUMENTS)
      .execute(),
    db
      .selectFrom('statements')
      .innerJoin('statement_owners', 'statement_owners.statement_id', 'statements.id')
      .innerJoin('claims', 'claims.id', 'statements.claim_id')
      .select([
        'statements.id',
        'statements.kind',
        'statements.text',
        'statements.document_id',
        'claims.span_start',
        'claims.span_end',
      ])
      .where('statement_owners.actor_id', '=', code)
      .orderBy('statements.document_id')
      .orderBy('claims.span_start')
      .limit(100)
      .execute(),
    db
      .selectFrom('document_mentions')
      .innerJoin('documents', 'documents.id', 'document_mentions.document_id')
      .select([
        'documents.id',
        'documents.title',
        'documents.title_source',
        'documents.source_path',
        'documents.language',
        'document_mentions.count',
      ])
      .where('document_mentions.kind', '=', 'country')
      .where('document_mentions.code', '=', code)
      .orderBy('document_mentions.count', 'desc')
      .limit(100)
      .execute(),
  ]);
  const counts = (rows: readonly { code: string; n: number | string | bigint }[]): CodeCount[] =>
    rows.map((row) => ({ code: row.code, count: Number(row.n) }));
  const byType = new Map<string, number>();
  const byYear = new Map<number, number>();
  let total = 0;
  for (const row of typeYears) {
    const n = Number(row.n);
    total += n;
    byType.set(row.type, (byType.get(row.type) ?? 0) + n);
    if (row.first_year !== null) byYear.set(row.first_year, (byYear.get(row.first_year) ?? 0) + n);
  }
  const fields = await loadInstrumentFields(
    db,
    latest.map((row) => row.id),
  );
  return {
    code,
    instrumentCount: total,
    byType: [...byType.entries()]
      .map(([type, count]) => ({ code: type, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byPartner: counts(byPartner),
    moneyBySource: money,
    topics: counts(topics),
    timeline: [...byYear.entries()].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    instruments: latest.map((row) => instrumentFromRow(row, fields.get(row.id) ?? emptyFields())),
    statements: statements.map((row) => ({
      id: row.id,
      kind: row.kind,
      text: row.text,
      documentId: row.document_id,
      span: { start: row.span_start, end: row.span_end },
    })),
    documents: documents.map((row) => ({
      id: row.id,
      title: shownTitle(row),
      fileName: fileNameOf(row.source_path),
      language: row.language,
      mentions: row.count,
    })),
  };
}
