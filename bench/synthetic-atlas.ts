/**
 * A synthetic atlas for load tests: ≥ 10,000 instruments and ≥ 100,000 claims with evidence (about
 * 11 claims an instrument), written straight into the real schema (migrations, actor registry):
 * into a SQLite file with prepared statements in one transaction, or into a PostgreSQL database
 * with multi-row INSERTs of 1,000 rows (the 100,000-instrument, 1,000,000-claim atlas of issue 10
 * in minutes, where one-by-one ingestion would take hours). Deterministic (seeded), bilingual
 * titles and documents, skewed like real data (the EU and a few states are party to many
 * instruments). Both sinks receive the same rows, with explicit claim ids.
 */
import { sql, type Kysely } from 'kysely';
import { openAtlas, openAtlasDatabase, type OpenAtlas, type SqliteAtlas } from '../src/storage/database.ts';
import type { Database } from '../src/storage/schema.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS, labelOf } from '../src/domain/taxonomy.ts';
import { STATES } from '../src/domain/actors.ts';

export interface SyntheticSize {
  readonly instruments: number;
  readonly documents: number;
}

export interface SyntheticSummary {
  readonly instruments: number;
  readonly claims: number;
  readonly documents: number;
  readonly millis: number;
}

/** Mulberry32: a small seeded PRNG so every run builds the same atlas. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentence parts per language; each document keeps to two topics, as real documents do. */
const PARTS = {
  fr: {
    subjects: [
      'Les deux parties',
      'L’Union européenne',
      'Le gouvernement',
      'Les États membres',
      'La Commission',
      'Les ministres',
    ],
    verbs: ['ont signé', 'ont adopté', 'ont lancé', 'renforcent', 'financent', 'évaluent', 'prolongent'],
    objects: [
      'un accord',
      'un protocole d’accord',
      'une déclaration conjointe',
      'un programme',
      'un fonds fiduciaire',
      'un plan d’action',
      'un dialogue',
    ],
    links: ['en matière de', 'pour', 'sur', 'au titre de'],
    tails: [
      'avec les pays partenaires.',
      'à Bamako.',
      'à Rabat.',
      'pour la période 2021-2027.',
      'avec l’appui de l’OIM.',
      'dans la région du Sahel.',
    ],
  },
  en: {
    subjects: [
      'Both parties',
      'The European Union',
      'The government',
      'Member States',
      'The Commission',
      'The ministers',
    ],
    verbs: ['signed', 'adopted', 'launched', 'strengthened', 'funded', 'evaluated', 'extended'],
    objects: [
      'an agreement',
      'a memorandum of understanding',
      'a joint declaration',
      'a programme',
      'a trust fund',
      'an action plan',
      'a dialogue',
    ],
    links: ['on', 'for', 'covering', 'in the field of'],
    tails: [
      'with partner countries.',
      'in Bamako.',
      'in Rabat.',
      'for the period 2021-2027.',
      'with the support of IOM.',
      'in the Sahel region.',
    ],
  },
} as const;

/** The tables written, in an order that satisfies their references. */
const TABLES = {
  documents: [
    'id',
    'content_hash',
    'title',
    'source_path',
    'format',
    'language',
    'text',
    'byte_size',
    'char_count',
    'extractor',
    'ingested_at',
  ],
  instruments: [
    'id',
    'dedupe_key',
    'type',
    'title',
    'legal_form',
    'binding',
    'status',
    'first_date',
    'first_year',
    'created_at',
  ],
  claims: [
    'id',
    'subject_kind',
    'subject_id',
    'property',
    'value',
    'document_id',
    'span_start',
    'span_end',
    'quote',
    'asserted_by',
    'review_state',
    'created_at',
  ],
  instrument_documents: ['instrument_id', 'document_id'],
  instrument_parties: ['instrument_id', 'actor_id', 'role', 'claim_id'],
  instrument_topics: ['instrument_id', 'topic', 'claim_id'],
  instrument_approaches: ['instrument_id', 'approach', 'claim_id'],
  instrument_dates: ['instrument_id', 'value', 'precision', 'role', 'claim_id'],
  instrument_amounts: ['instrument_id', 'value', 'currency', 'approximate', 'claim_id'],
  document_mentions: ['document_id', 'kind', 'code', 'count', 'first_claim_id'],
} as const;
type Table = keyof typeof TABLES;
type Value = string | number | null;
type Row = readonly [Table, readonly Value[]];

/** Every row of the synthetic atlas, in the order of TABLES' references (documents first). */
function* syntheticRows(size: SyntheticSize, counts: { claims: number }): Generator<Row> {
  const next = random(20261125);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const states = STATES.map((state) => state.id);
  // A skewed party distribution: a few states appear in many instruments, as in real data.
  const frequent = ['ML', 'MA', 'SN', 'NE', 'TN', 'EG', 'TR', 'NG', 'LY', 'GM'];
  const party = () => (next() < 0.45 ? pick(frequent) : pick(states));
  const now = new Date().toISOString();
  const documents: { id: string; text: string; language: string }[] = [];
  for (let index = 0; index < size.documents; index++) {
    const language = index % 2 === 0 ? 'fr' : 'en';
    const parts = PARTS[language];
    const topics = [pick(TOPICS), pick(TOPICS)].map((topic) =>
      labelOf('topics', topic, language).toLowerCase(),
    );
    const sentence = () =>
      `${pick(parts.subjects)} ${pick(parts.verbs)} ${pick(parts.objects)} ${pick(parts.links)} ${pick(topics)} ${pick(parts.tails)}`;
    const paragraphs = Array.from({ length: 12 }, () => Array.from({ length: 4 }, sentence).join(' '));
    const text = paragraphs.join('\n\n');
    const id = `doc_syn_${index}`;
    yield [
      'documents',
      [
        id,
        `hash_${index}`,
        `Synthetic ${language} document ${index}`,
        `/synthetic/${index}.txt`,
        'text',
        language,
        text,
        text.length,
        text.length,
        'synthetic',
        now,
      ],
    ];
    documents.push({ id, text, language });
  }
  const pending: Row[] = [];
  const claim = (
    instrument: string,
    property: string,
    value: unknown,
    document: { id: string; text: string },
  ): number => {
    const start = Math.floor(next() * (document.text.length - 120));
    const end = start + 60 + Math.floor(next() * 60);
    const id = ++counts.claims;
    pending.push([
      'claims',
      [
        id,
        'instrument',
        instrument,
        property,
        JSON.stringify(value),
        document.id,
        start,
        end,
        document.text.slice(start, end),
        'extractor:synthetic@1',
        next() < 0.1 ? 'confirmed' : 'unreviewed',
        now,
      ],
    ]);
    return id;
  };
  for (let index = 0; index < size.instruments; index++) {
    const id = `ins_syn_${index}`;
    const type = pick(INSTRUMENT_TYPES);
    const document = pick(documents);
    const a = party();
    const b = next() < 0.5 ? 'EU' : party();
    const language = document.language === 'fr' ? 'fr' : 'en';
    const title = `${labelOf('instrument_types', type, language).split(/[(,]/)[0]?.trim()} ${a}–${b} ${index}`;
    const year = 1995 + Math.floor(next() * 31);
    const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`;
    yield [
      'instruments',
      [id, `key_${index}`, type, title, 'agreement', next() < 0.5 ? 1 : 0, 'signed', date, year, now],
    ];
    pending.push(['instrument_documents', [id, document.id]]);
    claim(id, 'type', type, document);
    claim(id, 'title', title, document);
    claim(id, 'legal_form', 'agreement', document);
    claim(id, 'status', 'signed', document);
    claim(id, 'binding', next() < 0.5, document);
    for (const actor of new Set([a, b, ...(next() < 0.3 ? [party()] : [])])) {
      const claimId = claim(id, 'party', { actorId: actor, role: 'signatory' }, document);
      pending.push(['instrument_parties', [id, actor, 'signatory', claimId]]);
    }
    const dateClaim = claim(id, 'date', { value: date, precision: 'month', role: 'signature' }, document);
    pending.push(['instrument_dates', [id, date, 'month', 'signature', dateClaim]]);
    for (let t = 0; t < 1 + Math.floor(next() * 3); t++) {
      const topic = pick(TOPICS);
      pending.push(['instrument_topics', [id, topic, claim(id, 'topic', topic, document)]]);
    }
    if (next() < 0.4) {
      const approach = pick(APPROACHES);
      pending.push(['instrument_approaches', [id, approach, claim(id, 'approach', approach, document)]]);
    }
    if (next() < 0.3) {
      const value = Math.round(next() * 500) * 100_000;
      const donor = next() < 0.6 ? 'EU' : party();
      const donorClaim = claim(id, 'party', { actorId: donor, role: 'donor' }, document);
      pending.push(['instrument_parties', [id, donor, 'donor', donorClaim]]);
      const amountClaim = claim(id, 'amount', { value, currency: 'EUR', approximate: false }, document);
      pending.push(['instrument_amounts', [id, value, 'EUR', 0, amountClaim]]);
    }
    // Claims first, then the field rows that point at them.
    pending.sort((x, y) => Number(y[0] === 'claims') - Number(x[0] === 'claims'));
    yield* pending.splice(0);
  }
  for (const document of documents) {
    for (const code of new Set([pick(frequent), pick(states)])) {
      yield ['document_mentions', [document.id, 'country', code, 1 + Math.floor(next() * 9), 1]];
    }
  }
}

/** Creates the database file and fills it in one transaction; returns what was written. */
export async function buildSyntheticAtlas(
  file: string,
  size: SyntheticSize = { instruments: 10_000, documents: 400 },
): Promise<SyntheticSummary & { atlas: SqliteAtlas }> {
  const started = Date.now();
  const atlas = await openAtlasDatabase({ file });
  const { raw } = atlas;
  const statements = new Map(
    Object.entries(TABLES).map(([table, columns]) => [
      table,
      raw.prepare(
        `insert or ignore into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      ),
    ]),
  );
  const counts = { claims: 0 };
  raw.transaction(() => {
    for (const [table, values] of syntheticRows(size, counts)) statements.get(table)?.run(...values);
  })();
  return {
    atlas,
    instruments: size.instruments,
    claims: counts.claims,
    documents: size.documents,
    millis: Date.now() - started,
  };
}

/** Rows per INSERT on PostgreSQL (claims have 12 columns: 12,000 parameters of the 65,535 allowed). */
const BATCH = 1000;

/**
 * Fills a fresh, migrated PostgreSQL database (the URL's) with multi-row INSERTs, then sets the id
 * sequences past the explicit ids and gathers planner statistics. The search index is left to the
 * caller (`SearchIndex.reindexAll`), timed apart.
 */
export async function buildSyntheticPostgres(
  url: string,
  size: SyntheticSize,
  onProgress?: (instruments: number) => void,
): Promise<SyntheticSummary & { atlas: OpenAtlas }> {
  const started = Date.now();
  const atlas = await openAtlas({ database: url });
  const db: Kysely<Database> = atlas.db;
  const buffers = new Map<Table, (readonly Value[])[]>(Object.keys(TABLES).map((t) => [t as Table, []]));
  const flush = async () => {
    // In TABLES order, so every row's references are already written.
    for (const [table, rows] of buffers) {
      if (rows.length === 0) continue;
      const columns = sql.raw(TABLES[table].join(', '));
      const values = sql.join(rows.map((row) => sql`(${sql.join(row)})`));
      await sql`insert into ${sql.table(table)} (${columns}) values ${values} on conflict do nothing`.execute(
        db,
      );
      rows.length = 0;
    }
  };
  const counts = { claims: 0 };
  let instruments = 0;
  for (const [table, values] of syntheticRows(size, counts)) {
    const rows = buffers.get(table) as (readonly Value[])[];
    rows.push(values);
    if (table === 'instruments' && ++instruments % 10_000 === 0) onProgress?.(instruments);
    if (rows.length >= BATCH) await flush();
  }
  await flush();
  await sql`select setval(pg_get_serial_sequence('claims', 'id'), ${counts.claims})`.execute(db);
  await sql`analyze`.execute(db);
  return {
    atlas,
    instruments: size.instruments,
    claims: counts.claims,
    documents: size.documents,
    millis: Date.now() - started,
  };
}
