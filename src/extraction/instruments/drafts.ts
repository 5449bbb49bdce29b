/**
 * Drafts of instrument records while mentions are merged, and the document-level passes over them:
 * practice cards and distributive mentions.
 */
import type { Span } from '../../domain/model.ts';
import type { PartyCandidate } from '../types.ts';
import { findPracticeCards } from './cards.ts';
import { type InstrumentContext, sentenceAt } from './context.ts';
import type { InstrumentMention } from './mentions.ts';

/** An instrument record being built from its mentions. */
export interface Draft {
  mention: InstrumentMention;
  parties: Map<string, PartyCandidate>;
  /** States the instrument targets (role `beneficiary`), kept apart from the parties. */
  beneficiaries: Map<string, PartyCandidate>;
  dates: InstrumentMention['dates'][number][];
  amounts: InstrumentMention['amounts'][number][];
  /** Made from a mention split per counterpart. */
  split: boolean;
  /** Every place the instrument is named (for links between instruments named together). */
  places: InstrumentPlace[];
}

/** Where one instrument is named: the span of the mention and its sentence. */
export interface InstrumentPlace extends Span {
  readonly sentence: Span;
}

/**
 * Drops an unnamed record whose parties are all covered by instruments of its type split out one
 * per counterpart elsewhere ("Japan has signed EPAs with the Philippines, Indonesia and Vietnam"
 * beside "EPAs with Indonesia (2008), the Philippines (2009)…"): the same instruments, counted once.
 */
export function withoutCoveredPlurals(drafts: readonly Draft[]): Draft[] {
  const split = drafts.filter((d) => d.split);
  if (split.length === 0) return [...drafts];
  return drafts.filter((d) => {
    if (d.split || d.mention.catalogued || d.parties.size === 0) return true;
    const peers = split.filter((p) => p.mention.type === d.mention.type);
    const covered = new Set(peers.flatMap((p) => [...p.parties.keys()]));
    return peers.length < 2 || ![...d.parties.keys()].every((id) => covered.has(id));
  });
}

/**
 * Gives the programme a practice card describes the donors and partners of its fields; a card whose
 * programme the prose never names as such becomes a programme record of its own.
 */
export function applyPracticeCards(ctx: InstrumentContext, drafts: Draft[]): void {
  for (const card of findPracticeCards(ctx)) {
    const dates = card.date ? [{ ...card.date, role: 'launch' as const }] : [];
    const parties = new Map(card.parties.map((id) => [id, partyOf(id, card.title, ctx.text)]));
    const described = drafts.find(
      (d) =>
        !d.mention.catalogued &&
        d.mention.type === 'programme' &&
        d.mention.span.start >= card.title.start &&
        d.mention.span.start < card.end,
    );
    if (described) {
      if (parties.size > 0) described.parties = parties;
      if (described.dates.length === 0) described.dates.push(...dates);
      continue;
    }
    const title = ctx.text.slice(card.title.start, card.title.end);
    if (title.length < 4) continue;
    drafts.push({
      mention: {
        key: `card:${card.start}`,
        catalogued: false,
        type: 'programme',
        rule: null,
        span: card.title,
        title: title.replace(/\s+/g, ' '),
        named: true,
        parties: card.parties,
        dates,
        amounts: [],
        sentence: sentenceAt(ctx.sentences, card.title.start, ctx.text.length),
        anaphoric: false,
        definite: false,
        perParty: [],
        // A practice card's title field names a programme: a title with its holders.
        score: card.parties.length > 0 ? 0.85 : 0.75,
      },
      parties,
      beneficiaries: new Map(),
      dates: [...dates],
      amounts: [],
      split: false,
      places: [{ ...card.title, sentence: sentenceAt(ctx.sentences, card.title.start, ctx.text.length) }],
    });
  }
}

function partyOf(id: string, span: Span, text: string): PartyCandidate {
  return {
    actorId: id,
    role: 'implementer',
    start: span.start,
    end: span.end,
    quote: text.slice(span.start, span.end),
  };
}
