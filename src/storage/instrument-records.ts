/**
 * Instrument rows of a document plan: deduplication keys and ids (the same instrument named in
 * several documents, or twice in one, becomes one row) and the claims behind each field.
 */
import { createHash } from 'node:crypto';
import { INSTRUMENT_STATUSES, type InstrumentStatus, type Span } from '../domain/model.ts';
import type { AmountRole } from '../domain/money.ts';
import { amountConfidence, dateConfidence } from '../extraction/confidence.ts';
import type { InstrumentCandidate, PartyCandidate } from '../extraction/types.ts';
import type { ClaimDraft } from './records.ts';

/** Index into `DocumentPlan.claims`. */
export type ClaimRef = number;

export interface InstrumentPlan {
  readonly id: string;
  readonly dedupeKey: string;
  readonly type: string;
  readonly title: string;
  readonly legalForm: string;
  readonly binding: boolean | null;
  /** The most advanced status the document's sentences state (`not_stated` when none does). */
  readonly status: InstrumentStatus;
  readonly firstDate: string | null;
  readonly parties: { actorId: string; role: string; claim: ClaimRef }[];
  readonly topics: { topic: string; claim: ClaimRef }[];
  readonly approaches: { approach: string; claim: ClaimRef }[];
  readonly dates: { value: string; precision: string; role: string; claim: ClaimRef }[];
  readonly amounts: {
    value: number;
    currency: string;
    approximate: boolean;
    role: AmountRole | null;
    partOf: number | null;
    claim: ClaimRef;
    /** The claim quoting the words that say the role, or null. */
    roleClaim: ClaimRef | null;
  }[];
}

const shortHash = (value: string): string =>
  createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16);

/** Lower case, accents removed, punctuation as spaces: "Dialogue de Haut Niveau" ≡ "dialogue de haut-niveau". */
export function foldTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** type + folded title + sorted parties: the key under which the same instrument merges. */
export function instrumentDedupeKey(type: string, title: string, partyIds: readonly string[]): string {
  return `${type}|${foldTitle(title)}|${[...new Set(partyIds)].sort().join(',')}`;
}

export const instrumentIdFor = (dedupeKey: string): string => `ins_${shortHash(dedupeKey)}`;

/** The earliest of ISO partial dates ("2016" sorts before "2016-04"), or null. */
export function earliestDate(values: readonly string[]): string | null {
  return values.length === 0 ? null : [...values].sort()[0]!;
}

/** Records one claim and returns its index in the plan. */
export type ClaimFn = (
  kind: ClaimDraft['subject_kind'],
  id: string,
  property: string,
  value: unknown,
  span: Span,
  confidence?: number | null,
) => ClaimRef;

/** One plan per distinct instrument; candidates with the same dedupe key merge here already. */
export function planInstruments(
  candidates: readonly InstrumentCandidate[],
  claim: ClaimFn,
  actorIds: Set<string>,
): InstrumentPlan[] {
  const byKey = new Map<string, InstrumentPlan>();
  for (const candidate of candidates) {
    const dedupeKey = instrumentDedupeKey(
      candidate.type,
      candidate.title,
      candidate.parties.map((p) => p.actorId),
    );
    const id = instrumentIdFor(dedupeKey);
    let plan = byKey.get(dedupeKey);
    if (plan === undefined) {
      plan = {
        id,
        dedupeKey,
        type: candidate.type,
        title: candidate.title,
        legalForm: candidate.legalForm,
        binding: candidate.binding,
        status: 'not_stated',
        firstDate: null,
        parties: [],
        topics: [],
        approaches: [],
        dates: [],
        amounts: [],
      };
      byKey.set(dedupeKey, plan);
    }
    // Every sighting is evidence, so each candidate adds its own claims even when merged.
    const sure = candidate.confidence ?? null;
    claim('instrument', id, 'type', candidate.type, candidate, sure);
    claim('instrument', id, 'title', candidate.title, candidate, sure);
    claim('instrument', id, 'legal_form', candidate.legalForm, candidate, sure);
    if (candidate.binding !== null) {
      claim('instrument', id, 'binding', candidate.binding, candidate, sure);
    }
    const status = candidate.status ?? null;
    if (status !== null) {
      // The evidence is the words that state the status ("entered into force").
      claim('instrument', id, 'status', status.value, status, 0.7);
      plan = { ...plan, status: laterStatus(plan.status, status.value) };
      byKey.set(dedupeKey, plan);
    }
    for (const party of uniqueBy(candidate.parties, (p: PartyCandidate) => `${p.actorId}|${p.role}`)) {
      actorIds.add(party.actorId);
      const ref = claim(
        'instrument',
        id,
        'party',
        { actorId: party.actorId, role: party.role },
        party,
        party.confidence ?? sure,
      );
      if (!plan.parties.some((p) => p.actorId === party.actorId && p.role === party.role)) {
        plan.parties.push({ actorId: party.actorId, role: party.role, claim: ref });
      }
    }
    for (const date of candidate.dates) {
      const ref = claim(
        'instrument',
        id,
        'date',
        { value: date.value, precision: date.precision, role: date.role },
        date,
        dateConfidence(date),
      );
      if (!plan.dates.some((d) => d.value === date.value && d.role === date.role)) {
        plan.dates.push({ value: date.value, precision: date.precision, role: date.role, claim: ref });
      }
    }
    for (const amount of candidate.amounts) {
      const role = amount.role ?? null;
      const partOf = amount.partOf ?? null;
      const value = { value: amount.value, currency: amount.currency, approximate: amount.approximate };
      const ref = claim(
        'instrument',
        id,
        'amount',
        { ...value, role, partOf },
        amount,
        amountConfidence(amount),
      );
      // The role's own evidence: the words that say it ("montant total de", "dont").
      const roleClaim =
        role === null || amount.roleCue === null || amount.roleCue === undefined
          ? null
          : claim('instrument', id, 'amount_role', { ...value, role, partOf }, amount.roleCue, 0.7);
      if (!plan.amounts.some((a) => a.value === amount.value && a.currency === amount.currency)) {
        plan.amounts.push({ ...value, role, partOf, claim: ref, roleClaim });
      }
    }
    for (const topic of new Set(candidate.topics)) {
      // A topic its type or name says is shown on the mention's words; one read around it, on its sentence.
      const where = candidate.ownTopics?.includes(topic) === true ? candidate : candidate.sentence;
      const ref = claim('instrument', id, 'topic', topic, where, sure);
      if (!plan.topics.some((t) => t.topic === topic)) plan.topics.push({ topic, claim: ref });
    }
    for (const approach of new Set(candidate.approaches)) {
      const ref = claim('instrument', id, 'approach', approach, candidate.sentence, sure);
      if (!plan.approaches.some((a) => a.approach === approach)) {
        plan.approaches.push({ approach, claim: ref });
      }
    }
  }
  return [...byKey.values()].map((plan) => ({
    ...plan,
    firstDate: earliestDate(plan.dates.map((d) => d.value)),
  }));
}

/**
 * Of two statuses, the one further in an instrument's life (signed after negotiating, ended after
 * in force); a stated status always beats `not_stated`.
 */
export function laterStatus(a: InstrumentStatus, b: InstrumentStatus): InstrumentStatus {
  if (a === 'not_stated') return b;
  if (b === 'not_stated') return a;
  return INSTRUMENT_STATUSES.indexOf(b) > INSTRUMENT_STATUSES.indexOf(a) ? b : a;
}

export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
