/**
 * Reads who holds an instrument from the words around it: "between X and Y" / "entre X et Y",
 * "with X, Y and Z" / "avec X" (plus the clause's subject), "EU-Tunisia", "Mali – EU", a
 * nationality adjective or owner inside the name ("Politique espagnole", "Finland's programme"),
 * "au Niger", the clause's subject ("Belgium has appointed…"), and "les deux parties" for the
 * document's two principal actors. More than six parties means a multilateral instrument: [].
 */
import type { PartyRole, Span } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import { type ActorMention, type InstrumentContext, lowerBound, within } from './context.ts';

/** The parties read for one mention, in reading order, and the cue that found them. */
export interface PartyReading {
  readonly actors: readonly ActorMention[];
  readonly ids: readonly string[];
  readonly cue: 'between' | 'with' | 'pair' | 'owner' | 'subject' | 'both_parties' | 'none';
  /** The only owner is a possessive ("Finland's", "the Netherlands's"). */
  readonly possessive?: boolean;
  /** The owner is an agent ("organisée par l'OIM") or a nationality adjective ("Politique espagnole"). */
  readonly agentOrAdjective?: boolean;
  /** Read from another sentence than the name's ("the government merged its …"): a guess. */
  readonly guessed?: boolean;
  /** "entre l'Espagne et la Mauritanie et entre l'Espagne et le Maroc": one party set per pair. */
  readonly groups?: readonly (readonly ActorMention[])[];
}

/** What may separate two actors of one list: commas, "and", articles, a year in brackets. */
const LIST_GAP =
  /^(?:[\s,:*_]|\band\b|\bet\b|\bor\b|\bou\b|\bas well as\b|\bainsi qu['’]?e?\b|\bthe\b|\bla\b|\ble\b|\bles\b|\bl['’]|\bdu\b|\bde\b|\bdes\b|\bnotamment\b|\bincluding\b|\(\d{4}\)|\bauthorities\b|\bautorit[ée]s\b|\b(?:together|along) with\b|\bin (?:cooperation|partnership) with\b|\ben (?:collaboration|partenariat) avec\b|\bconjointement avec\b|\bavec (?:un |le )?(?:financement|appui|soutien) d[eu']?|\bwith (?:funding|financing|support) (?:from|of)\b)*$/i;

/** Actors forming a list that starts within `reach` characters of `from` and stays in `limit`. */
export function actorList(ctx: InstrumentContext, from: number, limit: number, reach = 60): ActorMention[] {
  const out: ActorMention[] = [];
  let i = lowerBound(ctx.actors, from);
  const first = ctx.actors[i];
  if (!first || first.start >= limit || first.start - from > reach) return out;
  if (!LEAD_IN.test(ctx.text.slice(from, first.start))) return out;
  out.push(first);
  let last = first;
  for (i++; i < ctx.actors.length; i++) {
    const next = ctx.actors[i] as ActorMention;
    if (next.end > limit || next.start - last.end > 40) break;
    if (!LIST_GAP.test(ctx.text.slice(last.end, next.start))) break;
    out.push(next);
    last = next;
  }
  return out;
}

/** What may stand between "with"/"between" and the first actor of the list. */
const LEAD_IN =
  /^(?:[\s,:*_]|\b(?:the|la|le|les|des|du|de|certain|several|following|five|four|three|two|six|seven|partner|priority|third|countries|country|pays|partenaires?|such|as|tels?|telles?|que|including|notamment|authorities|autorités|government|gouvernement|governments|police|ministry|ministries|ministère|ministères|coast|guards?|garde-côtes|border|immigration|interior|intérieur|services?|agency|in particular|particularly|en particulier|key|main|principaux|EU|member|states)\b|\b[ld]['’])*$/i;

const RIGHT_CUE = /\b(between|entre|with|avec|by|par)\b/g;
/** "by" introduces the party only after verbs of running or funding ("organisée par l'OIM"). */
const BY_VERB =
  /\b(?:organi[sz]ed|hosted|convened|led|run|implemented|funded|financed|managed|launched|set up|established|created|appointed|chaired|co-chaired|coordinated|adopted|creee?s?|etablie?s?|presidee?s?|co-?presidee?s?|coordonnee?s?|adoptee?s?|organisee?s?|menee?s?|mise? en (?:oe|œ)uvre|financee?s?|geree?s?|lancee?s?|dirigee?s?|pilotee?s?)\s+(?:by|par)$/;
const THE_TWO_PARTIES =
  /^\s*(?:les\s+deux\s+(?:parties|pays|gouvernements|ministeres|administrations)|the\s+two\s+(?:parties|countries|governments|ministries)|both\s+(?:parties|countries|governments)|the\s+parties)/;
const BOTH_PARTIES =
  /\b(?:les\s+deux\s+(?:parties|pays|gouvernements|cotes|ministres)|both\s+(?:parties|sides|countries|governments)|the\s+two\s+(?:parties|sides|countries|governments|ministers)|the\s+parties)\b/;
/** A nationality adjective that qualifies people ("Guatemalan workers", "ressortissants ivoiriens") is not a party. */
const PEOPLE_AFTER =
  /^\s+(?:[a-z]+\s+)?(?:workers?|nationals?|citizens?|migrants?|students?|graduates?|jobseekers?|employees?|nurses?|returnees?|travailleu\w*|ressortissant\w*|migrant\w*|etudiant\w*|citoyen\w*|diplome\w*|jeunes)\b/;
const PEOPLE_BEFORE =
  /\b(?:workers?|nationals|citizens|migrants|students|travailleu\w*|ressortissants?|migrants|etudiants?|citoyens)\s+$/;
/** A verb of funding before a programme run by someone else: the clause's subject is its donor. */
const FUNDING_VERB =
  /\b(?:funds?|funded|finances?|financed|will (?:fund|finance|support)|supports?|financera|financent|finance|financeront|soutient|soutiendra|appuiera|appuie)\b/;
const PREPOSITION_BEFORE =
  /\b(?:with|avec|to|vers|from|de la part|towards|against|contre)\s+(?:the\s+|la\s+|le\s+|l['’]|les\s+)?$/i;
const DASHED = /^\s?[-–—]\s?\p{Lu}/u;
const DASHED_BEFORE = /\p{L}\s?[-–—]\s?$/u;
/** "Le Mali a signé avec la France une convention": "avec" after a verb of concluding names a party. */
const SIGNED_WITH =
  /\b(?:sign\S*|conclu\S*|agreed|convenu|n[eé]goci\S*)\s+(?:with|avec)\s+(?:the\s+|la\s+|le\s+|l['’]|les\s+)?$/i;
const IN_PLACE = /^\s*(?:in|au|en|à|aux|of|du|de la|de l['’]|d['’])\s*(?:the\s+)?$/i;

/** A second "with" list after the first one's date: "…, and with Kenya". */
const WITH_AGAIN = /^[^.;:]{0,45}?(?:,\s*)?\s(?:and|et)\s+(?:with|avec)\s/;
const GOVERNED_BY_WITH = /\b(?:with|avec)\s+(?:the\s+|le\s+|la\s+|l['’]|les\s+)?$/;

const ids = (actors: readonly ActorMention[]): string[] => [...new Set(actors.map((a) => a.id))];

/** Two actors joined only by a dash: "EU-Tunisia", "Mali – EU", "Espagne-Sénégal". */
function dashPairNear(ctx: InstrumentContext, phrase: Span, from: number, to: number): ActorMention[] {
  const near = within(ctx.actors, from, to);
  for (let k = 0; k + 1 < near.length; k++) {
    const a = near[k] as ActorMention;
    const b = near[k + 1] as ActorMention;
    if (!/^\s*[-–—/]\s*$/.test(ctx.text.slice(a.end, b.start))) continue;
    // The pair qualifies the name only when at most one word stands between them.
    const gap =
      b.end <= phrase.start ? ctx.text.slice(b.end, phrase.start) : ctx.text.slice(phrase.end, a.start);
    if (a.start < phrase.end && b.end > phrase.start) return [a, b];
    const words = gap
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    // "the Canada–United States Cross-Border Crime Forum": up to three capitalised words of one title.
    const titleWords = b.end <= phrase.start && words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w));
    if (words.length <= 1 || titleWords) return [a, b];
  }
  return [];
}

/**
 * The parties of the instrument whose head is `head`, whose name is `phrase`, in `clause` of
 * `sentence`.
 */
export function readParties(
  ctx: InstrumentContext,
  sentence: Span,
  clause: Span,
  head: Span,
  phrase: Span,
  unilateral = false,
): PartyReading {
  const { folded } = ctx;
  // "between X and Y" / "with X" after the phrase, close to it.
  const rightEnd = Math.min(clause.end, phrase.end + 170);
  // Search a bounded slice so that a document without any cue word stays linear.
  const window = phrase.end < rightEnd ? folded.slice(phrase.end, rightEnd) : '';
  // The first cue word that is not a plain "by"/"par" ("par exemple entre…").
  let cueMatch: { index: number; text: string; cue: string } | null = null;
  RIGHT_CUE.lastIndex = 0;
  for (let found = RIGHT_CUE.exec(window); found; found = RIGHT_CUE.exec(window)) {
    const candidate = { index: phrase.end + found.index, text: found[0], cue: found[1] as string };
    const isBy = candidate.cue === 'by' || candidate.cue === 'par';
    if (
      isBy &&
      !BY_VERB.test(
        folded.slice(Math.max(phrase.end, candidate.index - 30), candidate.index + candidate.text.length),
      )
    ) {
      continue;
    }
    // "with"/"between" name parties close to the name; an agent ("implemented by") may come after
    // a long quoted title. A cue followed by no actor ("with € 20 million") gives way to the next.
    if (!isBy && found.index > 90) continue;
    const after = candidate.index + candidate.text.length;
    const hasList =
      actorList(ctx, after, clause.end, isBy ? 12 : 60).length > 0 ||
      ((candidate.cue === 'between' || candidate.cue === 'entre') &&
        THE_TWO_PARTIES.test(folded.slice(after, after + 24)));
    if (!hasList && cueMatch === null && !isBy) {
      cueMatch = candidate;
      continue;
    }
    if (!hasList) continue;
    cueMatch = candidate;
    break;
  }
  // "a joint declaration on Venezuelan migrants": an adjective that qualifies people is not a party.
  const inside = within(ctx.actors, phrase.start, phrase.end).filter(
    (a) => !(a.adjective && isPeople(ctx, a)),
  );
  const pair = dashPairNear(
    ctx,
    phrase,
    // The name's own words count even when it opens far before its head (a pair, then a title).
    Math.max(clause.start, Math.min(head.start - 30, phrase.start)),
    Math.min(clause.end, phrase.end + 30),
  );
  // An envoy's "with X" names the counterparts of its talks, not its holders.
  if (cueMatch && unilateral && !(cueMatch.cue === 'by' || cueMatch.cue === 'par')) cueMatch = null;
  if (cueMatch) {
    const after = cueMatch.index + cueMatch.text.length;
    const cue = cueMatch.cue;
    const isBy = cue === 'by' || cue === 'par';
    if (
      (cue === 'between' || cue === 'entre') &&
      THE_TWO_PARTIES.test(folded.slice(after, after + 20)) &&
      ctx.principals.length === 2
    ) {
      return { actors: [], ids: [...ctx.principals], cue: 'between' };
    }
    const list = actorList(ctx, after, clause.end, isBy ? 12 : 60);
    if (list.length > 0 && isBy) {
      // "L'UE financera un programme … mis en œuvre par l'OIM": the funder holds it too.
      const funds = FUNDING_VERB.test(folded.slice(Math.max(clause.start, phrase.start - 120), phrase.start));
      const subject = funds ? subjectActors(ctx, clause, phrase, sentence) : [];
      const last = subject[subject.length - 1];
      const funder = last && FUNDING_VERB.test(folded.slice(last.end, phrase.start)) ? subject : [];
      const all = [...funder, ...list, ...inside];
      return { actors: all, ids: ids(all), cue: 'owner', agentOrAdjective: true };
    }
    if (list.length > 0 && (cue === 'between' || cue === 'entre')) {
      const all = [...list, ...inside];
      const groups = [list];
      for (let end = (list[list.length - 1] as ActorMention).end; ;) {
        const next = /^\s*(?:,|et|and)\s+(?:between|entre)\s/i.exec(ctx.text.slice(end, end + 16));
        const more = next ? actorList(ctx, end + next[0].length, clause.end, 12) : [];
        if (more.length < 2) break;
        groups.push(more);
        end = (more[more.length - 1] as ActorMention).end;
      }
      return groups.length > 1
        ? { actors: all, ids: ids(all), cue: 'between', groups }
        : { actors: all, ids: ids(all), cue: 'between' };
    }
    if (list.length > 0) {
      const subject = subjectActors(ctx, clause, phrase, sentence);
      // "agreements with Georgia in December 2023 and with Kenya in September 2024": one per counterpart.
      const groups = [list];
      for (let end = (list[list.length - 1] as ActorMention).end; ;) {
        const next = WITH_AGAIN.exec(ctx.folded.slice(end, Math.min(clause.end, end + 60)));
        const more = next ? actorList(ctx, end + next[0].length, clause.end, 12) : [];
        if (more.length === 0) break;
        groups.push(more);
        end = (more[more.length - 1] as ActorMention).end;
      }
      const all = [...subject, ...inside, ...pair, ...groups.flat()];
      return groups.length > 1
        ? {
            actors: all,
            ids: ids(all),
            cue: 'with',
            groups: groups.map((g) => [...subject, ...inside, ...g]),
          }
        : { actors: all, ids: ids(all), cue: 'with' };
    }
  }
  if (pair.length > 0) {
    const all = [...pair, ...inside];
    return { actors: all, ids: ids(all), cue: 'pair' };
  }
  // "au Niger", "of Georgia" right after the name.
  const after = ctx.actors[lowerBound(ctx.actors, phrase.end)];
  const gap = after ? ctx.text.slice(phrase.end, after.start) : '';
  const place =
    after && after.end <= clause.end && (IN_PLACE.test(gap) || (after.adjective && /^\s*$/.test(gap)))
      ? [after]
      : [];
  const subject = subjectActors(ctx, clause, phrase, sentence);
  const owned = [...inside, ...place];
  if (owned.length > 0 || subject.length > 0) {
    const all = [...subject, ...owned];
    const possessive =
      place.length === 0 &&
      inside.length > 0 &&
      inside.every((a) => /^['’]s?\b/.test(ctx.text.slice(a.end, a.end + 3)));
    const agentOrAdjective = owned.length > 0 && owned.every((a) => a.adjective);
    return {
      actors: all,
      ids: ids(all),
      cue: owned.length > 0 ? 'owner' : 'subject',
      possessive,
      agentOrAdjective,
    };
  }
  const anaphor = STATES_ANAPHOR.exec(folded.slice(clause.start, clause.end));
  // "Les deux parties" of a bilateral communiqué are its two principals; "the two countries" refer
  // back to the nearest list of states.
  const ofTheDocument = anaphor !== null && /\bparties\b/.test(anaphor[0]) && ctx.principals.length === 2;
  if (anaphor && !ofTheDocument) {
    // "Spain and Morocco met in Madrid. The two countries signed…": the nearest list of states before.
    const list = nearestStateList(ctx, clause.start + anaphor.index, anaphorSize(anaphor[1]));
    if (list.length >= 2) return { actors: list, ids: ids(list), cue: 'both_parties' };
  }
  if (ctx.principals.length === 2 && BOTH_PARTIES.test(folded.slice(sentence.start, sentence.end))) {
    return { actors: [], ids: [...ctx.principals], cue: 'both_parties' };
  }
  return { actors: [], ids: [], cue: 'none' };
}

/**
 * Words that refer back to a list of states: "the two countries", "both sides", "les deux parties",
 * "ces pays", "these governments", "the three countries". The first group holds the words that give
 * a number (see `anaphorSize`).
 */
const STATES_ANAPHOR =
  /\b(?:(the\s+(?:two|three|four|five|six)|both|(?:les|ces)\s+(?:deux|trois|quatre|cinq|six))\s+(?:countries|states|sides|parties|governments|partners|pays|etats|parties|cotes|gouvernements|partenaires)|(?:these|those|ces|lesdits|lesdites)\s+(?:countries|states|governments|pays|etats|gouvernements))\b/;

/** The number an anaphor gives ("the three countries" → 3, "both" → 2), 0 when it gives none. */
function anaphorSize(words: string | undefined): number {
  if (words === undefined) return 0;
  const n = /(two|deux|both|three|trois|four|quatre|five|cinq|six)$/.exec(words)?.[1] ?? '';
  const sizes: Record<string, number> = {
    two: 2,
    deux: 2,
    both: 2,
    three: 3,
    trois: 3,
    four: 4,
    quatre: 4,
    five: 5,
    cinq: 5,
    six: 6,
  };
  return sizes[n] ?? 0;
}

/** How far back a list of states may be the antecedent of "the two countries" (about two sentences). */
const ANAPHOR_REACH = 400;

/**
 * The nearest list of two or more states (or organisations) named before `pos`, within a couple of
 * sentences: the antecedent of "the two countries". With `size` 2, a longer list does not count.
 */
function nearestStateList(ctx: InstrumentContext, pos: number, size: number): ActorMention[] {
  // The previous sentence names the two states in passing, not as a list ("New Zealand offered…,
  // an offer Australia refused. The two governments concluded…"): they are the antecedent.
  const here = lowerBound(ctx.sentences, pos + 1) - 1;
  const previous = ctx.sentences[here - 1];
  if (previous && here >= 0 && (size === 0 || size === 2)) {
    const own = within(ctx.actors, (ctx.sentences[here] as Span).start, pos).filter(
      (a) => a.kind === 'state',
    );
    const states = within(ctx.actors, previous.start, previous.end).filter(
      (a) => a.kind === 'state' && !isPeople(ctx, a),
    );
    const distinct = [...new Set(states.map((a) => a.id))];
    if (own.length === 0 && distinct.length === 2) {
      return distinct.map((id) => states.find((a) => a.id === id) as ActorMention);
    }
  }
  const before = within(ctx.actors, Math.max(0, pos - ANAPHOR_REACH), pos).filter((a) => !isPeople(ctx, a));
  for (let end = before.length - 1; end > 0; end--) {
    const list = [before[end] as ActorMention];
    for (let k = end - 1; k >= 0; k--) {
      const a = before[k] as ActorMention;
      if (!LIST_GAP.test(ctx.text.slice(a.end, (list[0] as ActorMention).start))) break;
      list.unshift(a);
    }
    const distinct = new Set(list.map((a) => a.id));
    if (distinct.size >= 2 && (size === 0 || distinct.size === size)) return list;
    if (distinct.size >= 2) return [];
  }
  return [];
}

/**
 * Actors named before the phrase in its clause (its subject: "Belgium has appointed…", "In Sweden,
 * …", "L'Espagne et le Sénégal ont signé…"), at most three, skipping actors governed by "with",
 * "between" or "to" (they belong to another relation).
 */
function subjectActors(ctx: InstrumentContext, clause: Span, phrase: Span, sentence: Span): ActorMention[] {
  // "comparer le Protocole de la CEDEAO avec le Protocole de l'IGAD": the clause's subject and the
  // first term of a comparison are not the parties of an instrument governed by "with".
  if (GOVERNED_BY_WITH.test(ctx.folded.slice(Math.max(0, phrase.start - 16), phrase.start))) return [];
  // A numbered list item reaches back to the list's subject ("Le Maroc a mis en place 1) … 3) …"),
  // across the semicolons between items.
  const enumerated = /\d\)\s*(?:\S+\s+)?$/.test(
    ctx.text.slice(Math.max(sentence.start, phrase.start - 12), phrase.start),
  );
  const from = enumerated
    ? Math.max(sentence.start, phrase.start - 500)
    : Math.max(clause.start, phrase.start - 220);
  const left = within(ctx.actors, from, phrase.start);
  const kept = left.filter((a) => {
    const before = ctx.text.slice(Math.max(from, a.start - 30), a.start);
    // A dashed pair names another instrument ("the EU-Türkiye Statement"), not this one's subject.
    if (DASHED.test(ctx.text.slice(a.end, a.end + 3)) || DASHED_BEFORE.test(before)) return false;
    if (a.adjective && isPeople(ctx, a)) return false;
    return !PREPOSITION_BEFORE.test(before) || SIGNED_WITH.test(before);
  });
  return kept.slice(-3);
}

/** Whether a nationality adjective qualifies people ("Guatemalan workers", "travailleurs maliens"). */
export function isPeople(ctx: InstrumentContext, a: ActorMention): boolean {
  return (
    PEOPLE_AFTER.test(ctx.folded.slice(a.end, a.end + 30)) ||
    PEOPLE_BEFORE.test(ctx.folded.slice(Math.max(0, a.start - 20), a.start))
  );
}

const ROLE_BY_TYPE: Partial<Record<InstrumentTypeCode, PartyRole>> = {
  fund: 'donor',
  programme: 'implementer',
  coordination_mechanism: 'implementer',
  operational_cooperation: 'implementer',
  envoy: 'implementer',
  legal_act: 'implementer',
  dialogue: 'participant',
};

/** The role a party plays, from the instrument's type (signatory for agreements and declarations). */
export function roleFor(type: InstrumentTypeCode): PartyRole {
  return ROLE_BY_TYPE[type] ?? 'signatory';
}
