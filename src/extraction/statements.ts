/**
 * Statements a document makes: commitments ("les deux parties ont convenu de…", "agreed to",
 * "s'engagent à"), good practices, challenges, recommendations and lessons learned. Each sentence
 * is tested against cue-phrase lexicons (EN/FR, folded text); the first kind that matches wins, in
 * the order below. Owners are the actors named before the cue (or the document's two principals
 * for "les deux parties"); a commitment's deadline is a date introduced by "before", "by", "avant".
 */
import type { Span, StatementKind } from '../domain/model.ts';
import { type ActorMention, lowerBound, within } from './instruments/context.ts';
import { topicsOfSpan } from './topics.ts';
import type { DateMention, StatementCandidate } from './types.ts';

// Every cue starts with a letter (a test checks it): the `(?=[a-z])` look-ahead leaves the ends of
// words, where `\b` also holds, without trying each alternative there.
export const CUES: readonly { readonly kind: StatementKind; readonly pattern: RegExp }[] = [
  {
    kind: 'commitment',
    pattern:
      /\b(?=[a-z])(?:ont convenu d[e']|ont decide d[e']|se sont (?:mis|mises) d'accord (?:de|pour|sur)|s'engagent a|se sont engages? a|s'est engagee? a|ont marque leur accord|agreed to|agree to|commit(?:s|ted)? (?:themselves )?to|undert(?:ake|ook) to|pledged? to|will (?:establish|provide|hold|support|strengthen|step up|set up|launch|continue)|shall (?:establish|provide|hold|support))\b/,
  },
  {
    kind: 'recommendation',
    pattern:
      /\b(?=[a-z])(?:(?:il est |it is )?recommande|recommend(?:s|ed|ation)?|should (?:be )?|devrai(?:en)?t|il (?:convient|faudrait|importe) de|il est (?:necessaire|essentiel|important) de|it is (?:necessary|essential|important) to|need(?:s)? to be|propose(?:nt)? de)\b/,
  },
  {
    kind: 'lesson',
    pattern:
      /\b(?=[a-z])(?:lessons? (?:learned|learnt)|lecons? (?:apprises|tirees)|experience (?:has )?show[ns]|l'experience (?:a )?montre|demonstrated the (?:value|importance)|a demontre|shows? the importance|illustrates?|montre l'importance)\b/,
  },
  {
    kind: 'good_practice',
    pattern:
      /\b(?=[a-z])(?:good practices?|best practices?|bonnes? pratiques?|meilleures pratiques|success(?:ful)? (?:stor(?:y|ies)|examples?)|exemples? de reussite|a bien fonctionne|worked well)\b/,
  },
  {
    kind: 'challenge',
    pattern:
      /\b(?=[a-z])(?:challenges?|defis?|difficult(?:y|ies|es?)|obstacles?|contraintes?|constraints?|lack of|manque de|insuffisance|faiblesses?|weakness(?:es)?|gaps?|lacunes?|risques? de|struggled|peinent|problemes?)\b/,
  },
];

const DEADLINE_CUE =
  /\b(?:before|by|until|no later than|avant|d'ici|au plus tard|jusqu'(?:a|en|au))\s+(?:(?:the|la|le|fin|end of|le mois de|the end of)\s+)*$/;
const BOTH_PARTIES = /\b(?:les\s+deux\s+parties|both\s+parties|the\s+two\s+parties|both\s+sides)\b/;

/** The inputs of the statement stage. */
export interface StatementContext {
  readonly text: string;
  readonly folded: string;
  readonly sentences: readonly Span[];
  readonly actors: readonly ActorMention[];
  readonly dates: readonly DateMention[];
  readonly principals: readonly string[];
}

/** The kind of statement a folded sentence makes, or null. */
export function statementKind(
  foldedSentence: string,
  skip: ReadonlySet<StatementKind> = new Set(),
): StatementKind | null {
  for (const cue of CUES) if (!skip.has(cue.kind) && cue.pattern.test(foldedSentence)) return cue.kind;
  return null;
}

/**
 * Where the clause holding a commitment cue starts, and whether that clause is a condition
 * ("when a country is unwilling to commit to…", "si les parties s'engagent à…"): the last clause
 * break or subordinating word before the cue.
 */
const CLAUSE_OPENING =
  /(?:[;:,(]|\b(?:when|if|unless|whenever|where|which|that|lorsque|lorsqu'|quand|si|s'il|s'ils|qui|que|dont))(?=[^;:,(]*$)/g;
const CONDITIONAL = /^(?:when|if|unless|whenever|lorsque|lorsqu'|quand|si|s'il|s'ils)$/;
/** Unwillingness or negation before the cue in its clause: nobody commits. */
const NO_COMMITMENT =
  /\b(?:unwilling|not|never|refus(?:e|es|ed|ent|ait)?|reluctant|declin(?:e|ed|es)|fail(?:ed|s)? to|ne|n'|pas|jamais|aucun)\b/;
/** What is committed to: at least a verb or noun phrase after the cue, not a bare end. */
const COMMITTED_TO = /[\p{L}]{3,}(?:\s+\S+){1,}/u;

/**
 * Whether a commitment cue commits someone to something: the sentence names who (`owners`), the
 * cue is not in a condition nor denied ("unwilling to commit"), and words follow it.
 */
function commitsSomeone(folded: string, cueAt: number, cueEnd: number, owners: readonly string[]): boolean {
  if (owners.length === 0) return false;
  const before = folded.slice(0, cueAt);
  let opening: RegExpExecArray | null = null;
  for (const m of before.matchAll(CLAUSE_OPENING)) opening = m;
  const clause = opening === null ? before : before.slice(opening.index + opening[0].length);
  if (opening !== null && CONDITIONAL.test(opening[0].trim())) return false;
  if (NO_COMMITMENT.test(clause)) return false;
  return COMMITTED_TO.test(folded.slice(cueEnd));
}

/** Finds the statements of a document, one per sentence at most. */
export function findStatements(ctx: StatementContext): StatementCandidate[] {
  const out: StatementCandidate[] = [];
  for (const sentence of ctx.sentences) {
    if (sentence.end - sentence.start < 25 || sentence.end - sentence.start > 1500) continue;
    const folded = ctx.folded.slice(sentence.start, sentence.end);
    let kind = statementKind(folded);
    if (!kind) continue;
    let [cueAt, cueEnd] = cuePosition(folded, kind);
    let owners = ownersOf(ctx, sentence, folded, cueAt);
    // A commitment names who commits and to what; a description of a framework commits no one.
    if (kind === 'commitment' && !commitsSomeone(folded, cueAt, cueEnd, owners)) {
      kind = statementKind(folded, new Set(['commitment']));
      if (!kind) continue;
      [cueAt, cueEnd] = cuePosition(folded, kind);
      owners = ownersOf(ctx, sentence, folded, cueAt);
    }
    const deadline = kind === 'commitment' ? deadlineOf(ctx, sentence) : null;
    out.push({
      kind,
      owners,
      deadline,
      topics: topicsOfSpan(ctx.folded, sentence),
      start: sentence.start,
      end: sentence.end,
      quote: ctx.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim(),
    });
  }
  return out;
}

/** Where the kind's cue starts and ends in the folded sentence. */
function cuePosition(folded: string, kind: StatementKind): [number, number] {
  const cue = CUES.find((c) => c.kind === kind);
  const m = cue ? cue.pattern.exec(folded) : null;
  return m ? [m.index, m.index + m[0].length] : [folded.length, folded.length];
}

function ownersOf(ctx: StatementContext, sentence: Span, folded: string, cueAt: number): string[] {
  const before = folded.slice(0, cueAt);
  if (BOTH_PARTIES.test(before) && ctx.principals.length > 0) return [...ctx.principals];
  const actors = within(ctx.actors, sentence.start, sentence.start + cueAt);
  return [...new Set(actors.map((a) => a.id))].slice(0, 6);
}

function deadlineOf(ctx: StatementContext, sentence: Span): DateMention | null {
  let i = lowerBound(ctx.dates, sentence.start);
  for (; i < ctx.dates.length; i++) {
    const d = ctx.dates[i] as DateMention;
    if (d.start >= sentence.end) break;
    const before = ctx.folded.slice(Math.max(sentence.start, d.start - 40), d.start);
    if (DEADLINE_CUE.test(before)) return d;
  }
  return null;
}
