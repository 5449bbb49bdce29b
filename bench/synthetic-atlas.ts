/**
 * A synthetic atlas for load tests: ≥ 10,000 instruments and ≥ 100,000 claims with evidence,
 * written straight into a database file through the real schema (migrations, actor registry).
 * Deterministic (seeded), bilingual titles and documents, skewed like real data (the EU and a few
 * states are party to many instruments).
 */
import { openAtlasDatabase, type SqliteAtlas } from '../src/storage/database.ts';
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
function random(seed: number): () => number {
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

/** Creates the database file and fills it; returns what was written. */
export async function buildSyntheticAtlas(
  file: string,
  size: SyntheticSize = { instruments: 10_000, documents: 400 },
): Promise<SyntheticSummary & { atlas: SqliteAtlas }> {
  const started = Date.now();
  const atlas = await openAtlasDatabase({ file });
  const next = random(20261125);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const states = STATES.map((state) => state.id);
  // A skewed party distribution: a few states appear in many instruments, as in real data.
  const frequent = ['ML', 'MA', 'SN', 'NE', 'TN', 'EG', 'TR', 'NG', 'LY', 'GM'];
  const party = () => (next() < 0.45 ? pick(frequent) : pick(states));
  const now = new Date().toISOString();
  const { raw } = atlas;
  const insert = {
    document: raw.prepare(
      `insert into documents (id, content_hash, title, source_path, format, language, text, byte_size, char_count, extractor, ingested_at)
       values (?, ?, ?, ?, 'text', ?, ?, ?, ?, 'synthetic', ?)`,
    ),
    claim: raw.prepare(
      `insert into claims (subject_kind, subject_id, property, value, document_id, span_start, span_end, quote, asserted_by, review_state, created_at)
       values ('instrument', ?, ?, ?, ?, ?, ?, ?, 'extractor:synthetic@1', ?, ?)`,
    ),
    instrument: raw.prepare(
      `insert into instruments (id, dedupe_key, type, title, legal_form, binding, status, first_date, first_year, created_at)
       values (?, ?, ?, ?, 'agreement', ?, 'signed', ?, ?, ?)`,
    ),
    party: raw.prepare(
      'insert or ignore into instrument_parties (instrument_id, actor_id, role, claim_id) values (?, ?, ?, ?)',
    ),
    topic: raw.prepare(
      'insert or ignore into instrument_topics (instrument_id, topic, claim_id) values (?, ?, ?)',
    ),
    approach: raw.prepare(
      'insert or ignore into instrument_approaches (instrument_id, approach, claim_id) values (?, ?, ?)',
    ),
    date: raw.prepare(
      'insert or ignore into instrument_dates (instrument_id, value, precision, role, claim_id) values (?, ?, ?, ?, ?)',
    ),
    amount: raw.prepare(
      'insert or ignore into instrument_amounts (instrument_id, value, currency, approximate, claim_id) values (?, ?, ?, 0, ?)',
    ),
    link: raw.prepare(
      'insert or ignore into instrument_documents (instrument_id, document_id) values (?, ?)',
    ),
    mention: raw.prepare(
      'insert into document_mentions (document_id, kind, code, count, first_claim_id) values (?, ?, ?, ?, ?)',
    ),
  };
  let claims = 0;
  const documents: { id: string; text: string; language: string }[] = [];
  raw.transaction(() => {
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
      insert.document.run(
        id,
        `hash_${index}`,
        `Synthetic ${language} document ${index}`,
        `/synthetic/${index}.txt`,
        language,
        text,
        text.length,
        text.length,
        now,
      );
      documents.push({ id, text, language });
    }
    const claim = (
      instrument: string,
      property: string,
      value: unknown,
      document: { id: string; text: string },
    ): number => {
      const start = Math.floor(next() * (document.text.length - 120));
      const end = start + 60 + Math.floor(next() * 60);
      claims++;
      const result = insert.claim.run(
        instrument,
        property,
        JSON.stringify(value),
        document.id,
        start,
        end,
        document.text.slice(start, end),
        next() < 0.1 ? 'confirmed' : 'unreviewed',
        now,
      );
      return Number(result.lastInsertRowid);
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
      insert.instrument.run(id, `key_${index}`, type, title, next() < 0.5 ? 1 : 0, date, year, now);
      insert.link.run(id, document.id);
      claim(id, 'type', type, document);
      claim(id, 'title', title, document);
      claim(id, 'legal_form', 'agreement', document);
      claim(id, 'status', 'signed', document);
      claim(id, 'binding', next() < 0.5, document);
      for (const actor of new Set([a, b, ...(next() < 0.3 ? [party()] : [])])) {
        insert.party.run(
          id,
          actor,
          'signatory',
          claim(id, 'party', { actorId: actor, role: 'signatory' }, document),
        );
      }
      insert.date.run(
        id,
        date,
        'month',
        'signature',
        claim(id, 'date', { value: date, precision: 'month', role: 'signature' }, document),
      );
      for (let t = 0; t < 1 + Math.floor(next() * 3); t++) {
        const topic = pick(TOPICS);
        insert.topic.run(id, topic, claim(id, 'topic', topic, document));
      }
      if (next() < 0.4) {
        const approach = pick(APPROACHES);
        insert.approach.run(id, approach, claim(id, 'approach', approach, document));
      }
      if (next() < 0.3) {
        const value = Math.round(next() * 500) * 100_000;
        const donor = next() < 0.6 ? 'EU' : party();
        insert.party.run(id, donor, 'donor', claim(id, 'party', { actorId: donor, role: 'donor' }, document));
        insert.amount.run(
          id,
          value,
          'EUR',
          claim(id, 'amount', { value, currency: 'EUR', approximate: false }, document),
        );
      }
    }
    for (const document of documents) {
      for (const code of new Set([pick(frequent), pick(states)])) {
        insert.mention.run(document.id, 'country', code, 1 + Math.floor(next() * 9), 1);
      }
    }
  })();
  return {
    atlas,
    instruments: size.instruments,
    claims,
    documents: documents.length,
    millis: Date.now() - started,
  };
}
