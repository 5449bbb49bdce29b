/**
 * Turns each catalogue name or head noun into an instrument mention: its type, name, parties, date
 * and amounts, or nothing when the phrase names a kind of instrument ("bilateral agreements,
 * MoUs…") rather than one instrument.
 */
import type { DateRole, Span } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import type { AmountMention, DateMention } from '../types.ts';
import { type ActorMention, type InstrumentContext, lowerBound, sentenceAt, within } from './context.ts';
import { agreementType, type HeadRule } from './lexicon.ts';
import type { Match } from './matchers.ts';
import { clauseAround, namedPhrase } from './phrase.ts';
import {
  COUNTED,
  SMALL_COUNT,
  FUNDED,
  ABSENT,
  AFTER_AND,
  ESTABLISHED_FAR,
  HELD_IN_PLACE,
  DEFINITE,
  DEMONSTRATIVE,
  ENUM_ITEM,
  ESTABLISHED,
  ESTABLISHED_AFTER,
  ESTABLISHED_ENUM,
  INDEFINITE,
  isPluralHead,
  ITS,
  KIND_OF,
  NEGATED,
  POSSIBLE_AFTER,
  OFF_SUBJECT_AFTER,
  OFF_SUBJECT_BEFORE,
  POST_AFTER,
  POST_BEFORE,
  DRAFTING_BEFORE,
  ORGANIZATION_AFTER,
  ORGANIZATION_NAME,
} from './cues.ts';
import { isPeople, type PartyReading, readParties } from './parties.ts';
import { lawmakerOf } from './lawmakers.ts';
import {
  contextOfAgreement,
  dateAfter,
  isCapitalsLine,
  isEverydayAccord,
  isJointForm,
  listedAfterColon,
  subjectTailEnd,
  withWholeActor,
} from './surroundings.ts';
import { headingOwner, nextSentencePartners, readBeneficiaries } from './remote-parties.ts';
import { euPartnership, heldByEu, multilateralByName } from './holders.ts';
import { KEEP_THRESHOLD, type MentionFeatures, scoreMention, signingDistance } from './score.ts';

/** One mention of an instrument, before mentions of the same instrument are merged. */
export interface InstrumentMention {
  /** Dedupe key: the catalogue key, or the head lexeme for generic mentions. */
  readonly key: string;
  readonly catalogued: boolean;
  readonly type: InstrumentTypeCode;
  readonly rule: HeadRule | null;
  readonly span: Span;
  readonly title: string;
  readonly named: boolean;
  readonly parties: readonly string[];
  readonly dates: readonly (DateMention & { readonly role: DateRole })[];
  readonly amounts: readonly AmountMention[];
  readonly sentence: Span;
  /** No name, no party, no date: an anaphor ("the MoU") that can only join an earlier instrument. */
  readonly anaphoric: boolean;
  /** Introduced by "the", "this", "ce"… without a name: refers back when an instrument with its head exists. */
  readonly definite: boolean;
  /** "EPAs with Indonesia (2008), the Philippines (2009)…": one instrument per dated counterpart. */
  readonly perParty: readonly Counterpart[];
  /** One of the mentions a distributive mention was split into. */
  readonly split?: boolean;
  /**
   * "visa facilitation and readmission agreements", "deux accords, l'un sur …, l'autre sur …": a
   * plural head whose coordinated subjects give one instrument each, of these types.
   */
  readonly perType?: readonly InstrumentTypeCode[];
  /** States the instrument's money or activities target ("projects for Mali"): not parties of the spec. */
  readonly beneficiaries?: readonly string[];
  /** The candidate's score (see `score.ts`): kept when it reaches `KEEP_THRESHOLD`. */
  readonly score: number;
  /** Introduced by a definite or demonstrative determiner ("the treaty", "ce protocole"): may name an earlier instrument. */
  readonly definiteArticle?: boolean;
  /** What the record's confidence is read from besides its parties, type and date (see `confidence.ts`); absent for a catalogued name. */
  readonly signals?: MentionSignals;
}

/** What was read about a generic mention that tells how sure its record is. */
export interface MentionSignals {
  /** How its parties were found (`parties.ts`). */
  readonly cue: PartyReading['cue'];
  /** A verb of setting up governs it. */
  readonly established: boolean;
  /** An item of a list ("A, B and C"). */
  readonly inList: boolean;
  /** Its holder was guessed from the paragraph or another sentence. */
  readonly guessedHolder: boolean;
}

/** The first half of a pair adjective left before a phrase ("the dutch–" of "the Dutch–Ghanaian agreement"). */
const PAIR_PREFIX = /(?:[a-z]+\s*[-–]\s*)+$/;

/** One counterpart of a distributive mention, with its own date. */
export interface Counterpart {
  readonly ids: readonly string[];
  readonly date: DateMention | null;
}

/**
 * The date nearest to an instrument's name in its clause: after it up to the next instrument named
 * (whose date it would be), or shortly before it.
 */
function nearestDate(
  ctx: InstrumentContext,
  clause: Span,
  phrase: Span,
  nextStart: number,
): DateMention | null {
  const dates = within(
    ctx.dates,
    Math.max(clause.start, phrase.start - 80),
    Math.min(clause.end, phrase.end + 140, Math.max(phrase.end, nextStart)),
  );
  let best: DateMention | null = null;
  let bestGap = Infinity;
  for (const d of dates) {
    if (d.inCitation) continue;
    // A year inside the name ("Programme … à l'horizon 2030", "Strategy 2021-2030") names a
    // horizon, and a date after "before"/"avant" is a deadline: neither dates the instrument.
    if (d.start >= phrase.start && d.end <= phrase.end && namesAHorizon(ctx.text, phrase, d)) continue;
    if (DEADLINE_BEFORE.test(ctx.text.slice(Math.max(clause.start, d.start - 30), d.start))) continue;
    const gap = d.start >= phrase.end ? d.start - phrase.end : phrase.start - d.end + 20;
    if (gap < bestGap) {
      best = d;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * A year inside an instrument's name that names its horizon or period, not its date: "à l'horizon
 * 2030", "Strategy for 2021-2030", "2030 Agenda" (a year opening a name). "Memorandum of July 2023"
 * is dated by its name.
 */
function namesAHorizon(text: string, phrase: Span, d: DateMention): boolean {
  const before = text.slice(phrase.start, d.start);
  return (
    /(?:horizon|\bfor|\bpour|\bto|\buntil|\bjusqu['’]à?|[-–])\s*$/iu.test(before) ||
    /^\s*[-–]\s*\d{4}/u.test(text.slice(d.end, phrase.end)) ||
    /^\s+\p{Lu}/u.test(text.slice(d.end, phrase.end))
  );
}

/** Words just before a date that make it a deadline or a horizon, not the instrument's date. */
const DEADLINE_BEFORE =
  /(?:\bbefore|\bby|\buntil|\bno\s+later\s+than|\bhorizon|\bavant|\bd['’]ici|\bjusqu['’](?:à|au|en)|\bau\s+plus\s+tard|\bhorizon)(?:\s+(?:the|le|la|l['’]|mois|month|of|de|fin|end|en))*\s*$/iu;

function dateRole(type: InstrumentTypeCode, ctx: InstrumentContext, sentence: Span): DateRole {
  if (type === 'dialogue') return 'meeting';
  const concluded = /sign|concl|agreed|adopt|convenu/.test(ctx.folded.slice(sentence.start, sentence.end));
  return concluded ? 'signature' : 'launch';
}

/** The mention for one match, or null when it does not name one instrument. */
export function mentionOf(
  ctx: InstrumentContext,
  match: Match,
  nextStart = Infinity,
): InstrumentMention | null {
  const sentence = sentenceAt(ctx.sentences, match.start, ctx.text.length);
  const clause = clauseAround(ctx.text, sentence, match.start, match.end);
  if (match.source === 'catalogue') {
    const { entry } = match;
    const phrase = { start: match.start, end: match.end };
    const parties = entry.parties ?? readParties(ctx, sentence, clause, match, phrase).ids;
    const date = nearestDate(ctx, clause, phrase, nextStart);
    return {
      key: `catalogue:${entry.key}`,
      catalogued: true,
      type: entry.type,
      rule: null,
      span: phrase,
      title: entry.title,
      named: true,
      parties: parties.length > 6 ? [] : parties,
      dates: date ? [{ ...date, role: dateRole(entry.type, ctx, sentence) }] : [],
      amounts:
        entry.type === 'fund' || entry.type === 'programme'
          ? within(ctx.amounts, sentence.start, sentence.end)
          : [],
      sentence,
      anaphoric: false,
      definite: false,
      perParty: [],
      score: scoreMention({
        catalogued: true,
        legalFormHead: true,
        titleShape: true,
        parties: parties.length,
        partiesTied: entry.parties !== null,
        dated: date !== null,
        signingDistance: signingDistance(ctx.folded, sentence, phrase),
        established: false,
        inList: false,
        pluralKind: false,
        kindOf: false,
        hypothetical: false,
        bareCommonNoun: false,
        notAnInstrument: false,
      }),
      beneficiaries:
        entry.type === 'fund' || entry.type === 'programme'
          ? readBeneficiaries(ctx, clause, phrase).filter((id) => !parties.includes(id))
          : [],
    };
  }
  const { rule } = match;
  // The cheapest proof that a head is not an instrument comes first: the rest reads much more.
  if (rule.head === 'agreement' && isEverydayAccord(ctx, match)) return null;
  // A heading in capitals ("POLICY BRIEF") is not a proper name.
  if (rule.strength === 'named' && isCapitalsLine(ctx.text, match.start)) return null;
  const skip = within(ctx.actors, clause.start, clause.end);
  const found = withWholeActor(ctx, namedPhrase(ctx.text, clause, match, skip));
  // "The 5+5 Dialogue", "le dialogue 5+5": a format is a name.
  // A numbered act ("Law No. 12 of 2019", "Directive 2008/115/EC") is named by its number.
  const phrase =
    (rule.type === 'dialogue' && /\d\+\d/.test(ctx.folded.slice(match.start, match.end))) ||
    (rule.head === 'legal_act' &&
      rule.strength === 'form' &&
      /\d[./-]?\d/.test(ctx.folded.slice(match.start, match.end)))
      ? { ...found, named: true }
      : found;
  const direct = readParties(ctx, sentence, clause, match, phrase, rule.type === 'envoy');
  // "le comité de pilotage du partenariat Sénégal-Espagne", "the steering committee of the
  // Ghana–Germany programme": a body named after what it steers is held by that thing's parties.
  const read =
    direct.ids.length === 0 && rule.type === 'coordination_mechanism'
      ? (complementParties(ctx, clause, phrase.end) ?? direct)
      : direct;
  // "Frontex launched a joint operation in support of Moldovan police": the subject and the forces.
  const forces =
    (read.ids.length === 0 || read.cue === 'subject') && rule.type === 'operational_cooperation'
      ? [...read.actors, ...forcesOf(ctx, clause, phrase)]
      : [];
  const reading =
    forces.length > read.actors.length
      ? {
          actors: forces,
          ids: [...new Set(forces.map((a) => a.id))],
          cue: 'owner' as const,
          agentOrAdjective: true,
        }
      : read.ids.length === 0 &&
          phrase.named &&
          ITS.test(ctx.folded.slice(Math.max(0, phrase.start - 8), phrase.start))
        ? ownerOfIts(ctx, sentence, read, phrase.start)
        : read;
  // "Standard operating procedures" name one arrangement.
  const plural = rule.head !== 'sop' && isPluralHead(ctx.folded.slice(match.start, match.end));
  const date = nearestDate(ctx, clause, phrase, nextStart);
  const owned =
    reading.cue === 'owner' || reading.cue === 'pair' || reading.cue === 'between' || reading.cue === 'with';
  const before = ctx.folded.slice(Math.max(clause.start, match.start - 60), match.start);
  const after = ctx.folded.slice(phrase.end, Math.min(clause.end, phrase.end + 80));
  const established =
    (reading.cue === 'subject' || reading.cue === 'with') &&
    (ESTABLISHED.test(before) ||
      ESTABLISHED_AFTER.test(after) ||
      (ENUM_ITEM.test(before) &&
        ESTABLISHED_ENUM.test(ctx.folded.slice(Math.max(sentence.start, match.start - 500), match.start))) ||
      listedAfterColon(ctx, sentence, match.start) ||
      // Funding names one programme; "funded projects in Niger" names kinds.
      (!plural && FUNDED.test(before)) ||
      (AFTER_AND.test(before) &&
        ESTABLISHED_FAR.test(ctx.folded.slice(Math.max(clause.start, match.start - 200), match.start))));
  // A common noun ("programme", "strategy") names an instrument only with a name or an owner that
  // is an agent or an adjective ("projet mené par l'OIM", "Politique espagnole"), not a mere
  // genitive ("the policy of the Commission").
  const ownerNamed =
    (reading.cue === 'owner' && reading.agentOrAdjective === true) ||
    // "a financé un programme de l'OIT", "funded IOM's return programme": a programme someone
    // set up or funds, with its owner named, is one programme.
    (reading.cue === 'owner' &&
      rule.head === 'programme' &&
      !plural &&
      (ESTABLISHED.test(before) || FUNDED.test(before))) ||
    reading.cue === 'pair' ||
    (rule.type === 'dialogue' && reading.cue === 'with');
  const lastWord = ctx.folded.slice(match.start, match.end).split(' ').pop() ?? '';
  // Several agreements under one plural head, one per coordinated subject: each is an instrument.
  const subjects =
    plural && rule.head === 'agreement' && rule.type === 'agreement'
      ? coordinatedSubjects(ctx.folded, clause, match, nextStart)
      : [];
  // "the ministerial conference met in Almaty": a dialogue named by where it sits.
  const heldInPlace =
    rule.type === 'dialogue' &&
    !/dialog|process|format|panel/.test(ctx.folded.slice(match.start, match.end)) &&
    HELD_IN_PLACE.test(ctx.text.slice(phrase.end, Math.min(clause.end, phrase.end + 90)));
  const several = subjects.length >= 2 && countFits(ctx.folded, match.start, subjects.length);
  const features: MentionFeatures = {
    catalogued: false,
    legalFormHead: rule.strength === 'form',
    titleShape: phrase.named,
    parties: reading.ids.length,
    partiesTied: owned,
    dated: date !== null,
    signingDistance: signingDistance(ctx.folded, sentence, phrase),
    established,
    inList: /(?:,|\band|\bet)\s+(?:\w+\s+)?$/.test(before),
    // A plural names kinds of instruments ("bilateral agreements, MoUs…") unless tied to parties.
    pluralKind:
      plural &&
      !several &&
      !owned &&
      !established &&
      // Joint patrols and operations are plural by nature: with their parties they are one cooperation.
      !(
        rule.type === 'operational_cooperation' &&
        (reading.ids.length > 0 ||
          // "la reprise des patrouilles conjointes" in a bilateral communiqué: its two states'. In
          // a list of kinds ("… ), équipes conjointes d'investigation, réseaux …") it stays a kind.
          (isJointForm(ctx, phrase, rule.type) && !/(?:,|\band|\bet)\s+$/.test(before)))
      ) &&
      !(phrase.named && reading.ids.length > 0) &&
      !(reading.cue === 'subject' && date !== null),
    kindOf:
      KIND_OF.test(before) ||
      (plural &&
        !several &&
        COUNTED.test(before) &&
        reading.cue !== 'with' &&
        reading.cue !== 'between' &&
        // "Greece and Egypt signed two memoranda": a small count that two named parties signed is
        // their instruments, not a kind.
        !(established && reading.ids.length >= 2 && SMALL_COUNT.test(before))),
    hypothetical:
      ABSENT.test(before) ||
      // "agreed to prepare a joint declaration, which could be signed in 2026": not yet an instrument.
      (!phrase.named &&
        INDEFINITE.test(before) &&
        (DRAFTING_BEFORE.test(before) ||
          POSSIBLE_AFTER.test(ctx.folded.slice(phrase.end, Math.min(clause.end, phrase.end + 160))))) ||
      // "has never signed a readmission agreement with X": a denied instrument, not a record.
      (NEGATED.test(before) && INDEFINITE.test(before) && date === null && !phrase.named) ||
      // "unwilling to commit to a readmission agreement": an indefinite instrument nobody set up.
      (INDEFINITE.test(before) &&
        reading.cue === 'subject' &&
        !established &&
        date === null &&
        !phrase.named) ||
      // "an example of an agreement": an indefinite phrase without name, party or date names a kind.
      (INDEFINITE.test(before) &&
        !phrase.named &&
        reading.ids.length === 0 &&
        (date === null || date.end <= phrase.start) &&
        !isJointForm(ctx, phrase, rule.type)),
    bareCommonNoun:
      // "Dialogue" is also an activity: as an instrument it is named or held with someone.
      (rule.type === 'dialogue' &&
        !phrase.named &&
        !heldInPlace &&
        // "The 5+5 Dialogue" is named by its format.
        !/^\d\+\d|\d\+\d$/.test(ctx.folded.slice(match.start, match.end).replace(/ ?dialogues?/, '')) &&
        // Set up by its subject, a dialogue named by its form counts in either word order
        // ("launched a migration dialogue", "ont lancé un dialogue sur la migration").
        ((reading.cue === 'subject' &&
          !(established && (rule.strength === 'form' || /^dialogues?$/.test(lastWord)))) ||
          reading.cue === 'none')) ||
      (rule.strength === 'named' && !phrase.named && !ownerNamed && !established && !heldInPlace) ||
      // "Partnership" is everyday English and French: as a framework it bears a name or a pair.
      (rule.head === 'partnership' && rule.strength === 'named' && !phrase.named && reading.cue !== 'pair'),
    notAnInstrument:
      // Organizations whose name ends in a head noun ("International Monetary Fund", "World Economic Forum").
      ORGANIZATION_NAME.test(ctx.folded.slice(Math.max(0, match.start - 40), match.end + 45)) ||
      // "Migration Policy Institute", "Programme Office": the head names a body, not an instrument.
      ORGANIZATION_AFTER.test(ctx.folded.slice(match.end, Math.min(clause.end, match.end + 40))) ||
      // "an agreement delimiting their maritime zones": an agreement on a subject outside migration.
      (rule.head === 'agreement' &&
        !phrase.named &&
        (OFF_SUBJECT_AFTER.test(ctx.folded.slice(match.end, Math.min(clause.end, match.end + 60))) ||
          OFF_SUBJECT_BEFORE.test(before))) ||
      // "Policy Officer", "chargée de programme": the head names a person's post.
      POST_AFTER.test(ctx.folded.slice(match.end, match.end + 16)) ||
      POST_BEFORE.test(before) ||
      // Standard operating procedures are a readmission arrangement only about return.
      (rule.head === 'sop' &&
        !/\b(?:return|retours?|readmission|reintegration)/.test(ctx.folded.slice(clause.start, clause.end))),
  };
  const score = scoreMention(features);
  if (score < KEEP_THRESHOLD) return null;
  const demonstrative = !phrase.named && DEMONSTRATIVE.test(before);
  // Its own words start after a coordination ("un accord de réadmission et un accord relatif à …").
  const lead = ctx.folded.slice(Math.max(clause.start, match.start - 40), match.start);
  const cut = Math.max(lead.lastIndexOf(' et '), lead.lastIndexOf(' and '), lead.lastIndexOf(','));
  const ownStart = cut >= 0 ? match.start - lead.length + cut : clause.start;
  const subject = contextOfAgreement(
    ctx,
    { start: Math.max(clause.start, ownStart), end: clause.end },
    phrase,
  );
  // The agreement's own words decide first ("visa facilitation agreement"), then its clause.
  const own = ctx.folded.slice(
    Math.max(clause.start, match.start - 30, ownStart),
    subjectTailEnd(ctx, clause, phrase.end),
  );
  const ownType = agreementType(own);
  // A working arrangement of Frontex with a state's authorities is operational cooperation.
  const agencyArrangement =
    /\bworking arrangements?|arrangements? de travail/.test(ctx.folded.slice(match.start, match.end)) &&
    reading.ids.includes('FRONTEX');
  // "the Skilled Nurse Agreement Pilot", "the Talent Partnership Scheme": a title's last word names
  // what it is, the earlier head only its subject.
  const titledProgramme =
    phrase.named &&
    rule.head !== 'programme' &&
    /\s(?:Pilots?|Programmes?|Programs?|Schemes?)$/.test(ctx.text.slice(phrase.start, phrase.end));
  // "the Regional Resettlement Arrangement, under which anyone arriving without a visa…": a title
  // says what the agreement is; a subject word later in its clause describes its effects.
  const titled = phrase.named && /^\p{Lu}/u.test(ctx.text.slice(match.start, match.end));
  const type = agencyArrangement
    ? 'operational_cooperation'
    : titledProgramme
      ? 'programme'
      : rule.head === 'agreement' && rule.type === 'agreement'
        ? ownType === 'agreement' && !titled
          ? agreementType(subject)
          : ownType
        : rule.type;
  // "The Commission launched the Talent Partnerships. They have been agreed with Morocco…"
  const partners =
    reading.ids.length <= 1 && rule.strength === 'form' ? nextSentencePartners(ctx, sentence) : [];
  const readIds = partners.length > 0 ? [...new Set([...reading.ids, ...partners])] : reading.ids;
  const tied = reading.cue === 'between' || reading.cue === 'pair';
  // A forum, a regional strategy or a treaty named after a place: its members are not read here.
  // French names capitalise their first word only ("la Stratégie régionale pour …").
  const capitalHead =
    /^\p{Lu}\p{Ll}/u.test(ctx.text.slice(match.start, match.start + 2)) && match.start > sentence.start;
  const multilateral =
    !tied &&
    (phrase.named || capitalHead) &&
    multilateralByName(ctx, phrase, type, features.signingDistance !== null);
  const partiesRead =
    readIds.length > 6 || multilateral
      ? []
      : (readIds.length === 0 || reading.cue === 'subject') && heldByEu(ctx, phrase, type, phrase.named)
        ? ['EU']
        : !readIds.includes('EU') && readIds.length <= 1 && euPartnership(ctx, phrase, type)
          ? ['EU', ...readIds]
          : readIds.length === 0 && isJointForm(ctx, phrase, rule.type)
            ? [...ctx.principals]
            : readIds.length === 0 && phrase.named
              ? [headingOwner(ctx, match.start, rule.type)].filter((id): id is string => id !== null)
              : readIds;
  const euAct =
    partiesRead.length === 0 && type === 'legal_act' && EU_ACT.test(ctx.folded.slice(match.start, match.end));
  // A national law is one state's: a possessive, a government or parliament with its nationality,
  // or a legislature's name says whose, over the other states its sentence names (see lawmakers.ts).
  const lawmaker =
    type === 'legal_act' && !euAct && !multilateral && reading.possessive !== true && reading.cue !== 'pair'
      ? lawmakerOf(ctx, phrase, sentence, reading.cue === 'owner' && reading.agentOrAdjective === true)
      : undefined;
  const parties =
    readIds.length > 6 || multilateral
      ? partiesRead
      : euAct
        ? ['EU']
        : lawmaker
          ? [lawmaker]
          : completedParties(ctx, type, partiesRead, phrase, sentence);
  // An unnamed memorandum or agreement that names no party in a document about two states.
  const betweenPrincipals = parties.length === 0 && bilateralForm(ctx, rule, phrase.named);
  // "the Seasonal Worker Program" in a note about Korea's recruitment: a national scheme, plan or
  // act that names no holder belongs to the state the document is about, when one clearly dominates.
  const domestic =
    parties.length === 0 && !betweenPrincipals && !multilateral && DOMESTIC_TYPES.has(type)
      ? dominantState(ctx)
      : undefined;
  // A holder guessed from the paragraph (see `completedParties`) or from another sentence, not
  // read around the name, is often the wrong state.
  const guessedHolder =
    reading.guessed === true ||
    betweenPrincipals ||
    domestic !== undefined ||
    (partiesRead.length === 0 && parties.length > 0 && !euAct && !lawmaker);
  // "accord" alone says little: quote its subject too ("accord de réadmission").
  let adjective = ctx.actors[lowerBound(ctx.actors, phrase.end)];
  // "franco-ivoirienne": the quote goes to the end of the compound adjective.
  const second = adjective ? ctx.actors[lowerBound(ctx.actors, adjective.end)] : undefined;
  if (adjective?.adjective && second?.adjective && ctx.text.slice(adjective.end, second.start) === '-') {
    adjective = { ...adjective, end: second.end };
  }
  const quoteEnd =
    adjective?.adjective === true && /^\s+$/.test(ctx.text.slice(phrase.end, adjective.start))
      ? adjective.end // "Politique espagnole", "Officier de liaison sénégalais"
      : rule.head === 'agreement' && phrase.end === match.end
        ? subjectTailEnd(ctx, clause, match.end)
        : phrase.end;
  return {
    key: `${rule.head}:${rule.head === 'legal_act' || rule.head === 'coordination' ? singular(ctx.folded.slice(match.start, match.end)) : headWord(ctx.folded.slice(match.start, match.end))}`,
    catalogued: false,
    type,
    rule,
    span: { start: phrase.start, end: quoteEnd },
    title: ctx.text.slice(phrase.start, quoteEnd).replace(/\s+/g, ' ').trim(),
    named: phrase.named,
    parties: betweenPrincipals ? [...ctx.principals] : domestic ? [domestic] : parties,
    dates: date ? [{ ...date, role: dateRole(type, ctx, sentence) }] : [],
    amounts:
      type === 'fund' ||
      type === 'programme' ||
      type === 'memorandum_of_understanding' ||
      type === 'joint_declaration'
        ? within(ctx.amounts, sentence.start, sentence.end)
        : [],
    sentence,
    anaphoric: demonstrative || (!phrase.named && parties.length === 0 && (date === null || plural)),
    definite:
      demonstrative ||
      (!phrase.named &&
        !/\s/.test(ctx.folded.slice(match.start, match.end).trim()) &&
        DEFINITE.test(before) &&
        reading.cue !== 'with' &&
        reading.cue !== 'between' &&
        reading.cue !== 'pair'),
    beneficiaries:
      type === 'fund' || type === 'programme'
        ? readBeneficiaries(ctx, clause, phrase).filter((id) => !parties.includes(id))
        : [],
    score,
    signals: { cue: reading.cue, established, inList: features.inList, guessedHolder },
    ...(several ? { perType: subjects } : {}),
    // "the Greek-Egyptian treaty": the determiner stands before the pair adjective that opens the phrase.
    definiteArticle: [
      before,
      ctx.folded.slice(Math.max(clause.start, phrase.start - 40), phrase.start).replace(PAIR_PREFIX, ''),
    ].some((b) => DEFINITE.test(b) || DEMONSTRATIVE.test(b)),
    perParty: reading.groups
      ? reading.groups.map((g) => ({
          ids: [...new Set(g.map((a) => a.id))],
          date: dateAfter(ctx, g) ?? date,
        }))
      : plural && reading.cue === 'with'
        ? orCounted(
            orCounted(
              datedCounterparts(ctx, reading.actors),
              countedCounterparts(ctx, match, phrase, reading, date),
            ),
            rule.head === 'agreement' && type !== 'trade_agreement'
              ? listedCounterparts(ctx, phrase, reading, date)
              : [],
          )
        : [],
  };
}

/** An act of the EU by its number: "(EU) 2019/1896", "2008/115/EC", "Council Decision 2004/…". */
const EU_ACT = /\((?:eu|ue|ec|ce|eec|cee)\)|\/(?:ec|ce|eu|ue|eec|cee|jha|jai)\b|^(?:council|commission)\b/;

/** Words that close the modifiers before an English head ("signed visa and readmission agreements"). */
const MODIFIERS_START =
  /^.*\b(?:the|a|an|two|three|four|its|their|of|with|signed|concluded|negotiated|des|les|deux|trois|ses|leurs|avec)\s+/;
/** What separates coordinated subjects: "and", "et", commas, "l'un … l'autre", "one … the other". */
const SUBJECT_SEPARATOR =
  /,|:|\band\b|\bet\b|\bl'une?\b|\bl'autre\b|\bone\b|\bthe other\b|\bthe second\b|\bthe first\b|\ble premier\b|\ble second\b|\bla premiere\b|\bla seconde\b/;

/**
 * The distinct subject types of a plural agreement head, read from the modifiers before it
 * ("visa facilitation and readmission agreements") and the coordinated complements right after it
 * ("accords de facilitation des visas et de réadmission", "two agreements in 2010, one on visas and
 * the other on readmission"). After the first typed complement, an untyped one ends the reading.
 */
function coordinatedSubjects(
  folded: string,
  clause: Span,
  match: Match,
  nextStart: number,
): InstrumentTypeCode[] {
  const types: InstrumentTypeCode[] = [];
  const add = (segment: string): boolean => {
    const type = agreementType(segment);
    if (type === 'agreement') return false;
    if (!types.includes(type)) types.push(type);
    return true;
  };
  const pre = folded
    .slice(Math.max(clause.start, match.start - 60), match.start)
    .replace(MODIFIERS_START, '');
  for (const segment of pre.split(SUBJECT_SEPARATOR)) if (segment.trim()) add(segment);
  add(folded.slice(match.start, match.end));
  const post = folded.slice(match.end, Math.min(clause.end, nextStart, match.end + 160));
  let untypedBefore = 0;
  let typed = false;
  for (const segment of post.split(SUBJECT_SEPARATOR)) {
    if (!segment.trim()) continue;
    if (add(segment)) typed = true;
    else if (typed || ++untypedBefore > 2) break;
  }
  return types;
}

const COUNTS: Readonly<Record<string, number>> = { two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4 };

/** A count before the head ("two agreements") agrees with the number of subjects, or there is none. */
function countFits(folded: string, start: number, n: number): boolean {
  const count = /\b(two|deux|three|trois|four|quatre)\s+(?:[a-z-]+\s+)?$/.exec(
    folded.slice(Math.max(0, start - 24), start),
  )?.[1];
  return count === undefined || COUNTS[count] === n;
}

/** What may open the forces a joint operation is of: "de la police X et de…", "in support of", "by". */
const FORCES_LEAD =
  /^\s*(?:of|by|between|with|in support of|de|du|des|d'|entre|avec|par|en appui (?:a|aux?|de))\b/;

/**
 * The states whose forces a joint patrol or operation brings together, named after it as
 * nationality adjectives or names of its forces ("patrouilles conjointes de la garde civile
 * espagnole et de la gendarmerie sénégalaise", "a joint operation in support of Moldovan police").
 */
function forcesOf(ctx: InstrumentContext, clause: Span, phrase: Span): ActorMention[] {
  if (!FORCES_LEAD.test(ctx.folded.slice(phrase.end, phrase.end + 20))) return [];
  const near = within(ctx.actors, phrase.end, Math.min(clause.end, phrase.end + 100));
  return near.filter((a) => !isPeople(ctx, a));
}

/** Words of a law (folded): the instrument of a legislature. */
const LAW_WORD = /\b(?:lois?|laws?|acts?|bills?|codes?|decrets?|decrees?|ordonnances?|ordinances?)\b/;

/**
 * Parties the words around a mention leave implicit. A national law or strategy belongs to one
 * state: the last state named before it in its paragraph, else the state the document is mostly
 * about. A programme named without its owner belongs to the last state named before it.
 * (Completing an agreement with one party read by the document's main actor was measured and
 * dropped: it added as many wrong pairs as right ones.)
 */
function completedParties(
  ctx: InstrumentContext,
  type: InstrumentTypeCode,
  parties: readonly string[],
  phrase: Span,
  sentence: Span,
): readonly string[] {
  // A law is made by a state (or the EU): "recognised by UNHCR" near it names no holder.
  // (An organization may hold a strategy or a policy, not a law.)
  const law = type === 'legal_act' && LAW_WORD.test(ctx.folded.slice(phrase.start, phrase.end));
  const lawmakers = law ? parties.filter((id) => id === 'EU' || isState(ctx, id)) : parties;
  if (law && lawmakers.length > 0) return lawmakers;
  if (type === 'legal_act' && lawmakers.length === 0) {
    // A law no sign ties to its maker is most often the law of the state the document is about
    // (when one clearly dominates), more than of the state named nearest before it. Failing that,
    // "La loi n° 12-04 … régit l'entrée des étrangers au Portugal": the state its sentence names after it.
    const owner =
      dominantState(ctx) ??
      stateBefore(ctx, phrase.start) ??
      ctx.principals.find((id) => isState(ctx, id)) ??
      within(ctx.actors, phrase.end, sentence.end).find((a) => a.kind === 'state' && !isPeople(ctx, a))?.id;
    return owner ? [owner] : parties;
  }
  if (type === 'programme' && parties.length === 0) {
    // A scheme named without its owner is most often the document's state's own.
    const owner = stateBefore(ctx, phrase.start);
    return owner ? [owner] : parties;
  }
  return parties;
}

const isState = (ctx: InstrumentContext, id: string): boolean =>
  ctx.actors.some((a) => a.id === id && a.kind === 'state');

/** The last state named before `pos` in its paragraph (within 400 characters), not as people. */
function stateBefore(ctx: InstrumentContext, pos: number): string | undefined {
  const paragraph = ctx.text.lastIndexOf('\n\n', pos);
  const from = Math.max(0, pos - 400, paragraph);
  const states = within(ctx.actors, from, pos).filter((a) => a.kind === 'state' && !isPeople(ctx, a));
  return states[states.length - 1]?.id;
}

const COUNT_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  deux: 2,
  three: 3,
  trois: 3,
  four: 4,
  quatre: 4,
  five: 5,
  cinq: 5,
  six: 6,
};

const orCounted = (dated: Counterpart[], counted: Counterpart[]): Counterpart[] =>
  dated.length > 0 ? dated : counted;

/**
 * "two memoranda with Tunisia and Libya", "deux accords avec le Niger et le Mali": a count equal to
 * the number of counterparts after "with" gives one instrument per counterpart.
 */
function countedCounterparts(
  ctx: InstrumentContext,
  match: Match,
  phrase: Span,
  reading: PartyReading,
  date: DateMention | null,
): Counterpart[] {
  const count = /\b(two|deux|three|trois|four|quatre|five|cinq|six)\s+(?:[a-z-]+\s+)?$/.exec(
    ctx.folded.slice(Math.max(0, match.start - 24), match.start),
  )?.[1];
  const n = count ? COUNT_WORDS[count] : undefined;
  if (n === undefined) return [];
  const counterparts = [...new Set(reading.actors.filter((a) => a.start >= phrase.end).map((a) => a.id))];
  return counterparts.length === n ? counterparts.map((id) => ({ ids: [id], date })) : [];
}

/** "of the", "du", "de la" between a body's head and the name of what it steers. */
const OF_COMPLEMENT = /^\s+(?:du|de la|de l'|des|de|d'|of the|of)\s+/;
/** What may join the actors of a complement: a dash, a list word, one word of the name. */
const COMPLEMENT_GAP = /^\s*(?:[-–—/,]|and|et)?\s*$/;

/** The actors named in the complement right after a body's head, if any (see `mentionOf`). */
function complementParties(ctx: InstrumentContext, clause: Span, end: number): PartyReading | undefined {
  if (!OF_COMPLEMENT.test(ctx.folded.slice(end, end + 12))) return undefined;
  const near = within(ctx.actors, end, Math.min(clause.end, end + 70));
  const first = near[0];
  if (!first || first.start - end > 45) return undefined;
  const actors = [first];
  for (const next of near.slice(1)) {
    const last = actors[actors.length - 1] as ActorMention;
    if (!COMPLEMENT_GAP.test(ctx.text.slice(last.end, next.start))) break;
    actors.push(next);
  }
  return { actors, ids: [...new Set(actors.map((a) => a.id))], cue: 'owner', agentOrAdjective: true };
}

/** The actor a possessive "its" refers to: the one actor named in the sentence. */
function ownerOfIts(
  ctx: InstrumentContext,
  sentence: Span,
  fallback: PartyReading,
  at: number,
): PartyReading {
  const owner = (ids: readonly string[]): PartyReading => ({ actors: [], ids: [...ids], cue: 'owner' });
  // "Jamaica" in "jobs for nationals of Jamaica" is who benefits, never whose the programme is.
  const holders = (from: number, to: number): ActorMention[] =>
    within(ctx.actors, from, to).filter((a) => !isPeople(ctx, a));
  const before = [...new Set(holders(sentence.start, at).map((a) => a.id))];
  if (before.length === 1) return owner(before);
  if (before.length === 0) {
    // "the government merged its programme": the state the previous sentence is about, when it
    // names only one or opens with it ("Canada's ties with … include").
    const here = lowerBound(ctx.sentences, sentence.start + 1) - 1;
    const previous = ctx.sentences[here - 1];
    const named = previous ? holders(previous.start, previous.end).filter((a) => a.kind === 'state') : [];
    const distinct = [...new Set(named.map((a) => a.id))];
    const first = named[0];
    // Read across a sentence, the owner is less sure than one named in the clause: not tied.
    const guessed = (ids: readonly string[]): PartyReading => ({
      actors: [],
      ids: [...ids],
      cue: 'subject',
      guessed: true,
    });
    if (distinct.length === 1) return guessed(distinct);
    if (previous && first && first.start - previous.start <= 40) return guessed([first.id]);
  }
  const states = [...new Set(within(ctx.actors, sentence.start, sentence.end).map((a) => a.id))];
  return states.length === 1 ? owner(states) : fallback;
}

/**
 * "agreements with Colombia and Ecuador", "des accords avec la Tunisie et l'Égypte": a plural head
 * whose "with" lists two to six counterparts names one instrument per counterpart (each holds the
 * subject and that counterpart), as the spec counts them. Only agreements: partnerships, dialogues
 * and economic partnership agreements "with" a list are one framework (the dev gold keeps them whole).
 */
function listedCounterparts(
  ctx: InstrumentContext,
  phrase: Span,
  reading: PartyReading,
  date: DateMention | null,
): Counterpart[] {
  const after = reading.actors.filter((a) => a.start >= phrase.end);
  const last = after[after.length - 1];
  // "with Morocco, Senegal and a number of other countries": an open list names a kind of agreement.
  if (!last || OPEN_LIST.test(ctx.folded.slice(last.end, last.end + 40))) return [];
  const counterparts = [...new Set(after.map((a) => a.id))];
  return counterparts.length >= 2 && counterparts.length <= 6
    ? counterparts.map((id) => ({ ids: [id], date }))
    : [];
}

/** A list that goes on with unnamed others (folded). */
const OPEN_LIST =
  /^\s*,?\s*(?:and|et|or|ou)\s+(?:a number of|other|several|various|many|some|d'autres|plusieurs|divers|de nombreux|certains)\b/;

/** Counterparts each followed by a year in brackets, when there are at least two of them. */
function datedCounterparts(ctx: InstrumentContext, actors: readonly ActorMention[]): Counterpart[] {
  const out: Counterpart[] = [];
  for (const a of actors) {
    if (!/^\s*\(\d{4}\)/.test(ctx.text.slice(a.end, a.end + 10))) continue;
    out.push({ ids: [a.id], date: within(ctx.dates, a.end, a.end + 10)[0] ?? null });
  }
  return out.length >= 2 ? out : [];
}

/** A head phrase with its words singular: "strategies nationales" → "strategie nationale". */
function singular(folded: string): string {
  return folded
    .split(/\s+/)
    .map((w) => w.replace(/(?<=[a-z]{3})s$/, ''))
    .join(' ');
}

/** The head noun's first word without plural, as a key ("ambassador", "strategie"). */
function headWord(folded: string): string {
  const words = folded
    .split(/[\s'’-]+/)
    .filter((w) => w.length > 2 && !/^(?:joint|national|special|bilateral|high|level|the)$/.test(w));
  return (words[0] ?? folded).replace(/s$/, '');
}

export { isPluralHead } from './cues.ts';

/**
 * Heads of forms concluded between states: memoranda, agreements, treaties, protocols, and letters
 * or declarations of intent (a roadmap or plan is not: it is as often one state's own).
 */
const BILATERAL_HEADS: ReadonlySet<string> = new Set(['mou', 'agreement', 'loi']);

/**
 * An unnamed memorandum or agreement whose sentence names no party, in a document about two states
 * ("the memorandum sets quotas…" in a note on two countries): the spec's parties are those two.
 * Only for a mention that is not an anaphor (those join the instrument they refer to).
 */
/** Types a single state sets up at home: its schemes, plans and acts. */
const DOMESTIC_TYPES: ReadonlySet<string> = new Set(['programme', 'action_plan', 'legal_act']);

const dominantCache = new WeakMap<readonly ActorMention[], string | null>();
/**
 * The state a document is about: named at least three times and at least twice as often as any
 * other actor. Undefined when the document is about several.
 */
function dominantState(ctx: InstrumentContext): string | undefined {
  let found = dominantCache.get(ctx.actors);
  if (found === undefined) {
    const counts = new Map<string, number>();
    for (const a of ctx.actors) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    found =
      first && first[1] >= 3 && first[1] >= 2 * (second?.[1] ?? 0) && isState(ctx, first[0])
        ? first[0]
        : null;
    dominantCache.set(ctx.actors, found);
  }
  return found ?? undefined;
}

function bilateralForm(ctx: InstrumentContext, rule: HeadRule, named: boolean): boolean {
  return (
    ctx.principals.length === 2 &&
    ctx.principals.every((id) => isState(ctx, id)) &&
    !named &&
    rule.strength === 'form' &&
    BILATERAL_HEADS.has(rule.head)
  );
}
