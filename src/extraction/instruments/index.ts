/**
 * The instrument stage: finds every migration diplomacy instrument a document names, once per
 * distinct instrument. Repeated mentions are merged (best-named title kept, earliest date kept,
 * parties and amounts united); an anaphor ("the MoU") joins the last instrument with its head.
 */
import type { LegalForm, Span } from '../../domain/model.ts';
import type { ApproachCode, TopicCode } from '../../domain/taxonomy.ts';
import type { InstrumentCandidate } from '../types.ts';
import { type InstrumentContext, lowerBound } from './context.ts';
import { applyPracticeCards, type Draft, type InstrumentPlace, withoutCoveredPlurals } from './drafts.ts';
import { findMatches, type Match } from './matchers.ts';
import { type InstrumentMention, mentionOf } from './mentions.ts';
import { type Annotate, instrumentTopics, isBareHead, namesActor } from './describe.ts';
import { withoutDependentHeads, withoutKindLists } from './kinds.ts';
import { roleFor } from './parties.ts';
import { genericTitle } from './titles.ts';
import { insideSpans, urlSpans } from '../text.ts';
import { instrumentConfidence } from '../confidence.ts';

export { actorMentions, principalActors, type ActorMention, type InstrumentContext } from './context.ts';
export { CATALOGUE } from './catalogue.ts';
export type { Annotate } from './describe.ts';
export { namedInstrumentSpans } from './matchers.ts';
export { HEAD_RULES, agreementType } from './lexicon.ts';

/** Normalised titles of the drafts' mentions, computed once per mention (drafts are compared often). */
const titleCache = new WeakMap<InstrumentMention, string>();
function draftTitle(mention: InstrumentMention): string {
  let title = titleCache.get(mention);
  if (title === undefined) {
    title = normalisedTitle(mention.title);
    titleCache.set(mention, title);
  }
  return title;
}

const normalisedTitle = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(?:the|le|la|les|l'|l’|un|une|a|an)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    // "MoU on …" and "Memorandum of Understanding on …": one name.
    .replace(
      /\bmemorand(?:um|a|ums) of understanding\b|\bmemorand(?:um|a|ums)s? d (?:entente|accord)\b/g,
      'mou',
    )
    .trim();

/** One party set contains the other (both non-empty): the same instrument named more or less fully. */
function nested(a: ReadonlySet<string>, b: readonly string[]): boolean {
  if (a.size === 0 || b.length === 0) return false;
  const inA = b.filter((id) => a.has(id)).length;
  return inA === b.length || inA === a.size;
}

/**
 * Heads that name one legal instrument in different words: within a document "the agreement",
 * "the treaty", "the memorandum", "le protocole" and its formal title are often one instrument.
 */
const LEGAL_HEADS: ReadonlySet<string> = new Set(['agreement', 'mou', 'loi', 'sop']);
const isLegal = (mention: InstrumentMention): boolean =>
  mention.rule !== null && LEGAL_HEADS.has(mention.rule.head);

/** A treaty or convention (the key's word after the head, folded): a solemn, binding form. */
const SOLEMN_WORD = /^(?:treat|traite|convention)/;
const isSolemn = (mention: InstrumentMention): boolean =>
  mention.rule?.head === 'agreement' && SOLEMN_WORD.test(mention.key.slice(mention.key.indexOf(':') + 1));
/**
 * A treaty and a memorandum are two instruments even between the same states: a memorandum is
 * often the later, non-binding implementation of a treaty ("the 2017 memorandum refers to the
 * treaty of 2008"), never another name of it.
 */
const formsApart = (a: InstrumentMention, b: InstrumentMention): boolean =>
  (isSolemn(a) && b.rule?.head === 'mou') || (isSolemn(b) && a.rule?.head === 'mou');

/** The draft an instrument mention belongs to, if an earlier mention named the same instrument. */
function findDraft(
  mention: InstrumentMention,
  byKey: ReadonlyMap<string, Draft[]>,
  lastByKey: ReadonlyMap<string, Draft>,
  lastLegal: Draft | undefined,
  drafts: readonly Draft[],
  folded: string,
): Draft | undefined {
  const same = byKey.get(mention.key) ?? [];
  if (mention.catalogued) return same[0];
  if (mention.anaphoric || mention.definite) {
    const last = lastByKey.get(mention.key);
    // "the agreement on seasonal workers (2019)" after "the readmission agreement (2010)": two subjects.
    if (last && compatibleTypes(last.mention, mention) && !datedApart(last, mention, folded)) return last;
    // "The memorandum" after "the agreement between A and B": another name of that instrument.
    if (
      isLegal(mention) &&
      lastLegal &&
      !mention.named &&
      compatibleTypes(lastLegal.mention, mention) &&
      !formsApart(lastLegal.mention, mention) &&
      !datedApart(lastLegal, mention, folded)
    ) {
      const parties = new Set(lastLegal.parties.keys());
      if (mention.parties.length === 0 || nested(parties, mention.parties)) return lastLegal;
    }
    if (mention.anaphoric) return undefined;
  }
  // "The treaty between A and B" after "the readmission agreement between A and B".
  if (isLegal(mention) && !mention.named && mention.definiteArticle === true && mention.parties.length > 0) {
    // "l'accord maroco-portugais" after "l'Accord relatif au recrutement … (Maroc, Portugal)": one
    // instrument under two names, unless the two mentions are dated in different years.
    const sameParties = drafts.findLast(
      (d) =>
        isLegal(d.mention) &&
        (d.mention.key !== mention.key || d.mention.type !== mention.type) &&
        (d.mention.type === mention.type || mention.type === 'agreement' || d.mention.type === 'agreement') &&
        !formsApart(d.mention, mention) &&
        d.parties.size === new Set(mention.parties).size &&
        mention.parties.every((id) => d.parties.has(id)) &&
        !datedApart(d, mention, folded),
    );
    if (sameParties) return sameParties;
    // "The Cambodian memorandum" after "the memorandum between Australia and Cambodia", "le protocole
    // marocain" after "le protocole entre l'Espagne et le Maroc": an owner or adjective names one side
    // of an instrument already read, not a new one. A "with"/"between" list names every side itself.
    const ownedSubset = mention.signals?.cue === 'owner' ? partOfEarlier(mention, drafts, folded) : undefined;
    if (ownedSubset) return ownedSubset;
  }
  const sameType = same.filter((d) => d.mention.type === mention.type);
  const title = normalisedTitle(mention.title);
  if (mention.parties.length > 0) {
    return (
      sameType.find((d) => nested(new Set(d.parties.keys()), mention.parties)) ??
      shortenedName(mention, title, drafts)
    );
  }
  // "the Mattei Plan" after "the Mattei Plan for Africa": a named mention may shorten the name.
  // "Angeles Declaration on …" after "the Los Angeles Declaration on …": a name cut on the left.
  const sameName = (other: string): boolean =>
    other === title ||
    (mention.named &&
      title.length > 6 &&
      (other.startsWith(`${title} `) ||
        other.endsWith(` ${title}`) ||
        // "the Los Angeles Declaration on Migration and Protection" after "… on Migration".
        (other.split(' ').length >= 4 && title.startsWith(`${other} `))));
  return (
    sameType.find((d) => sameName(draftTitle(d.mention))) ??
    (mention.named ? undefined : lastByKey.get(mention.key)) ??
    shortenedName(mention, title, drafts)
  );
}

/**
 * "EUCAP Sahel Mali" after "la mission civile EUCAP Sahel Mali", "the Kiribati Labour Scheme" after
 * "the Australia–Kiribati Labour Scheme": a proper name (two words or more, one capitalised) that
 * ends the title of an earlier record of the same type, under another head, names that record again.
 */
function shortenedName(
  mention: InstrumentMention,
  title: string,
  drafts: readonly Draft[],
): Draft | undefined {
  if (mention.catalogued || title.split(' ').length < 2 || !/\p{Lu}/u.test(mention.title.slice(1))) {
    return undefined;
  }
  return drafts.findLast(
    (d) =>
      d.mention.type === mention.type &&
      draftTitle(d.mention).endsWith(` ${title}`) &&
      (mention.parties.length === 0 || nested(new Set(d.parties.keys()), mention.parties)),
  );
}

/**
 * The latest legal draft of a compatible form whose parties include every party of `mention` and
 * more: the instrument a definite mention owned by one of its sides refers back to.
 */
function partOfEarlier(
  mention: InstrumentMention,
  drafts: readonly Draft[],
  folded: string,
): Draft | undefined {
  return drafts.findLast(
    (d) =>
      isLegal(d.mention) &&
      (d.mention.type === mention.type || mention.type === 'agreement' || d.mention.type === 'agreement') &&
      !formsApart(d.mention, mention) &&
      d.parties.size > mention.parties.length &&
      mention.parties.every((id) => d.parties.has(id)) &&
      // A year read near a short reference often belongs to the clause, not to the instrument.
      (mention.dates.length === 0 || !datedApart(d, mention, folded) || d === drafts[drafts.length - 1]),
  );
}

/** Verbs of an instrument's later life (EN/FR, folded): renewal, extension, amendment, ratification. */
const LIFE_EVENT =
  /\b(?:renew\w*|extend\w*|prolong\w*|amend\w*|revis\w*|ratif\w*|entered into force|enter into force|suspend\w*|lapsed|expired?|terminated|denounced|renouvel\w*|reconduit\w*|modifi\w*|entre\w* en vigueur|suspendu\w*|expire\w*|caduc\w*|denonce\w*|a pris fin|arrive\w* a (?:echeance|expiration))\b/;

/** Agreements typed by their subject: two different subjects are two instruments. */
const SUBJECT_TYPES: ReadonlySet<string> = new Set([
  'readmission_agreement',
  'visa_agreement',
  'labour_agreement',
  'trade_agreement',
]);
/** Mentions that may name one instrument: not two agreements on different subjects. */
const compatibleTypes = (a: InstrumentMention, b: InstrumentMention): boolean =>
  a.type === b.type || !(SUBJECT_TYPES.has(a.type) && SUBJECT_TYPES.has(b.type));

/** Both the draft and the mention are dated, in different years: two instruments of one pair. */
function datedApart(draft: Draft, mention: InstrumentMention, folded: string): boolean {
  // "the agreement was renewed in 2022": a date of the same instrument's life, not of another one.
  if (LIFE_EVENT.test(folded.slice(mention.sentence.start, mention.sentence.end))) return false;
  const years = new Set(draft.dates.map((d) => d.value.slice(0, 4)));
  return (
    years.size > 0 && mention.dates.length > 0 && mention.dates.every((d) => !years.has(d.value.slice(0, 4)))
  );
}

/** Finds the instruments of one document. `annotate` adds topics and approaches of a sentence. */
export function findInstruments(ctx: InstrumentContext, annotate: Annotate): InstrumentCandidate[] {
  return findInstrumentRecords(ctx, annotate).instruments;
}

/** Where an instrument of the result is named. */
export interface PlacedMention extends InstrumentPlace {
  /** Index into `instruments`. */
  readonly instrument: number;
}

/**
 * Finds the instruments of one document and every place each is named (the pipeline reads links
 * between instruments named in one sentence from the places).
 */
export function findInstrumentRecords(
  ctx: InstrumentContext,
  annotate: Annotate,
): { instruments: InstrumentCandidate[]; places: PlacedMention[]; names: Span[] } {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft[]>();
  const lastByKey = new Map<string, Draft>();
  let lastLegal: Draft | undefined;
  const matches = withoutKindLists(
    ctx,
    withoutDependentHeads(ctx, findMatches(ctx.text, ctx.folded, ctx.useCatalogue !== false)),
  );
  const names = matches.filter((m) => m.source === 'catalogue');
  const urls = urlSpans(ctx.text);
  let coveredUntil = -1;
  let previousEnd = -1;
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k] as Match;
    // A head inside the name of the previous instrument ("Special Representative for Migration
    // Agreements") is part of that name.
    if (
      (match.start < coveredUntil && match.source === 'head') ||
      insideSpans(urls, match.start) ||
      insideSpans(ctx.excluded, match.start) ||
      (match.source === 'head' && insideOrganizationName(ctx, match.start))
    ) {
      continue;
    }
    // "the X Programme Steering Committee": a body named after what it steers is the instrument the
    // name ends with (an English compound's last head), so the first head gives way to it.
    if (steersLater(ctx, match, matches[k + 1])) continue;
    const found = mentionOf(ctx, match, matches[k + 1]?.start);
    // "a joint declaration and roadmap": a head after "and" shares the adjective, it is a second instrument.
    const coordinated = /^\s+(?:and|et|&)\s+(?:(?:a|an|the|un|une|le|la|l')\s+)?$/.test(
      ctx.folded.slice(previousEnd, match.start),
    );
    const headOfCompound =
      found !== null && found.span.start < previousEnd && previousEnd <= match.start && !coordinated;
    previousEnd = match.end;
    // "the Talent Partnership initiative": the second head only qualifies the first.
    if (!found || headOfCompound) continue;
    // A head whose name contains a catalogued name ("NDICI-Global Europe funds") is that instrument.
    // A name after the head qualifies it instead ("Centre d'appui au Processus de Khartoum").
    if (
      !found.catalogued &&
      overlapsAny(names, { start: found.span.start, end: Math.min(found.span.end, match.end + 4) })
    ) {
      continue;
    }
    // "le programme … mené par l'OIM (MIDA, Retour temporaire…)": a kind whose instances are named.
    if (!found.catalogued && !found.named && namesInParentheses(ctx.text, names, found.span.end)) continue;
    coveredUntil = Math.max(coveredUntil, found.span.end);
    for (const mention of distributed(found)) add(mention);
  }
  applyPracticeCards(ctx, drafts);
  const kept = withoutCoveredPlurals(drafts);
  return {
    instruments: kept.map((d) => toCandidate(ctx, d, annotate)),
    places: kept.flatMap((d, instrument) => d.places.map((place) => ({ ...place, instrument }))),
    // The catalogued names, as `namedInstrumentSpans` gives them, without a second pass.
    names: names.map((m) => ({ start: m.start, end: m.end })),
  };

  function add(mention: InstrumentMention): void {
    let draft = findDraft(mention, byKey, lastByKey, lastLegal, drafts, ctx.folded);
    if (!draft) {
      if (mention.anaphoric) return;
      draft = {
        mention,
        parties: new Map(),
        beneficiaries: new Map(),
        dates: [],
        amounts: [],
        split: mention.split === true,
        places: [],
      };
      drafts.push(draft);
      byKey.set(mention.key, [...(byKey.get(mention.key) ?? []), draft]);
    } else if (mention.named && !draft.mention.named && !draft.mention.catalogued) {
      // Keep the best-named mention as the record's title and quote.
      draft.mention = {
        ...mention,
        type: draft.mention.type === 'agreement' ? mention.type : draft.mention.type,
      };
    } else if (draft.mention.type === 'agreement' && mention.type !== 'agreement') {
      // A later mention may say what the agreement is about.
      draft.mention = { ...draft.mention, type: mention.type };
    }
    const isNew = draft.mention === mention;
    lastByKey.set(mention.key, draft);
    if (isLegal(draft.mention)) lastLegal = draft;
    draft.places.push({ start: mention.span.start, end: mention.span.end, sentence: mention.sentence });
    const role = roleFor(mention.type);
    const addParties =
      isNew ||
      draft.parties.size === 0 ||
      mention.catalogued ||
      mention.anaphoric ||
      nested(new Set(draft.parties.keys()), mention.parties);
    if (addParties && (isNew || !mention.definite || mention.anaphoric)) {
      for (const id of mention.parties) {
        if (!draft.parties.has(id)) {
          draft.parties.set(id, {
            actorId: id,
            role,
            start: mention.span.start,
            end: mention.span.end,
            quote: mention.title,
          });
        }
      }
    }
    for (const id of mention.beneficiaries ?? []) {
      if (!draft.beneficiaries.has(id)) {
        draft.beneficiaries.set(id, {
          actorId: id,
          role: 'beneficiary',
          start: mention.span.start,
          end: mention.span.end,
          quote: mention.title,
        });
      }
    }
    // A merged mention dated in another year than its record ("the Cambodian memorandum was the last
    // piece of a system built in 2013"): the year belongs to the clause, not to the instrument.
    if (isNew || !datedApart(draft, mention, ctx.folded)) draft.dates.push(...mention.dates);
    for (const amount of mention.amounts) {
      if (!draft.amounts.some((a) => a.value === amount.value && a.currency === amount.currency)) {
        draft.amounts.push(amount);
      }
    }
  }
}

/**
 * Whether the next match is a coordination body's head that closes the same capitalised name as
 * `match` ("Seasonal Worker Programme Steering Committee", "Talent Partnership Working Group").
 */
function steersLater(ctx: InstrumentContext, match: Match, next: Match | undefined): boolean {
  if (match.source !== 'head' || next?.source !== 'head') return false;
  if (next.rule.type !== 'coordination_mechanism' || match.rule.type === 'coordination_mechanism') {
    return false;
  }
  const between = ctx.text.slice(match.end, next.start);
  return (
    between.length <= 40 &&
    /^(?:\s+\p{Lu}[\p{L}-]*)*\s+$/u.test(between) &&
    /^\p{Lu}/u.test(ctx.text.slice(next.start, next.end))
  );
}

/** Whether a parenthesis opening right after `end` starts with a catalogued name. */
function namesInParentheses(text: string, names: readonly Span[], end: number): boolean {
  const offset = text.slice(end, end + 80).indexOf('(');
  const open = end + offset;
  if (offset < 0 || /[.;)]/.test(text.slice(end, open))) return false;
  const name = names[lowerBound(names, open + 1)];
  return name !== undefined && /^\(\s*$/.test(text.slice(open, name.start));
}

/** "Programme des Nations Unies pour le développement" is UNDP, not a programme. */
function insideOrganizationName(ctx: InstrumentContext, pos: number): boolean {
  const actor = ctx.actors[lowerBound(ctx.actors, pos + 1) - 1];
  return actor !== undefined && actor.kind === 'organization' && actor.start <= pos && pos < actor.end;
}

/** Whether `span` overlaps one of the sorted, non-overlapping `spans`. */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  const i = lowerBound(spans, span.end) - 1;
  const before = spans[i];
  return before !== undefined && before.end > span.start;
}

/**
 * Splits "EPAs with Indonesia (2008), the Philippines (2009)" into one mention per counterpart, and
 * "visa facilitation and readmission agreements" into one mention per subject.
 */
function distributed(mention: InstrumentMention): InstrumentMention[] {
  return perParty(mention).flatMap(perType);
}

function perType(mention: InstrumentMention): InstrumentMention[] {
  const types = mention.perType ?? [];
  if (types.length < 2) return [mention];
  return types.map((type) => ({ ...mention, key: `${mention.key}:${type}`, type, perType: [], split: true }));
}

function perParty(mention: InstrumentMention): InstrumentMention[] {
  if (mention.perParty.length === 0) return [mention];
  const counterparts = new Set(mention.perParty.flatMap((c) => c.ids));
  const others = mention.parties.filter((id) => !counterparts.has(id));
  return mention.perParty.map((c) => ({
    ...mention,
    key: `${mention.key}:${c.ids.join('-')}`,
    parties: [...new Set([...others, ...c.ids])],
    dates: c.date ? [{ ...c.date, role: 'signature' as const }] : [],
    perParty: [],
    split: true,
  }));
}

const FORM_BY_TYPE: Partial<Record<InstrumentMention['type'], LegalForm>> = {
  dialogue: 'process',
  action_plan: 'plan',
  compact: 'compact',
  joint_declaration: 'declaration',
  legal_act: 'legal_act',
};

function legalFormOf(mention: InstrumentMention): LegalForm {
  return mention.rule ? mention.rule.legalForm : (FORM_BY_TYPE[mention.type] ?? 'other');
}

/** The built title of an instrument named by a common noun (see `titles.ts`). */
function titleOf(
  ctx: InstrumentContext,
  draft: Draft,
  topics: readonly TopicCode[],
  nameTopics: readonly TopicCode[],
): string {
  const { mention } = draft;
  const bareHead = isBareHead(ctx, mention);
  const parties = [...draft.parties.keys()];
  return genericTitle({
    language: ctx.language ?? 'en',
    head: mention.rule?.head ?? '',
    type: mention.type,
    phrase: mention.title,
    bareHead,
    // "Officier de liaison sénégalais" already says whose it is.
    parties: bareHead || !namesActor(ctx, mention.span) ? parties : [],
    topics,
    phraseTopics: nameTopics,
  });
}

function toCandidate(
  ctx: InstrumentContext,
  draft: Draft,
  annotate: (sentence: { start: number; end: number }) => {
    topics: readonly TopicCode[];
    approaches: readonly ApproachCode[];
  },
): InstrumentCandidate {
  const { mention } = draft;
  const dates = [...draft.dates].sort((a, b) => a.value.localeCompare(b.value));
  const notes = annotate(mention.sentence);
  const { topics, nameTopics, ownTopics } = instrumentTopics(ctx, mention, notes.topics);
  const title =
    mention.named || mention.catalogued || !mention.rule
      ? mention.title
      : titleOf(ctx, draft, topics, nameTopics);
  return {
    type: mention.type,
    title,
    legalForm: legalFormOf(mention),
    binding: mention.rule ? mention.rule.binding : null,
    parties: [
      ...draft.parties.values(),
      ...[...draft.beneficiaries.values()].filter((b) => !draft.parties.has(b.actorId)),
    ],
    dates: dates.slice(0, 1).concat(dates.slice(1).filter((d) => d.value !== dates[0]?.value)),
    amounts: draft.amounts,
    topics,
    ownTopics,
    approaches: notes.approaches,
    sentence: mention.sentence,
    start: mention.span.start,
    end: mention.span.end,
    quote: ctx.text.slice(mention.span.start, mention.span.end),
    confidence: draftConfidence(draft),
  };
}

/** A record's confidence, from its mentions and what was read about it (see `instrumentConfidence`). */
function draftConfidence(draft: Draft): number {
  return instrumentConfidence({
    catalogued: draft.mention.catalogued,
    type: draft.mention.type,
    parties: draft.parties.size,
    dated: draft.dates.length > 0,
    definiteArticle: draft.mention.definiteArticle === true,
    mentions: draft.places.length,
    ...(draft.mention.signals ? { signals: draft.mention.signals } : {}),
  });
}
