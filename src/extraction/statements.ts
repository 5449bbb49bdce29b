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

const CUES: readonly { readonly kind: StatementKind; readonly pattern: RegExp }[] = [
  {
    kind: 'commitment',
    pattern:
      /\b(?:ont convenu d[e']|ont decide d[e']|se sont (?:mis|mises) d'accord (?:de|pour|sur)|s'engagent a|se sont engages? a|s'est engagee? a|ont marque leur accord|agreed to|agree to|commit(?:s|ted)? (?:themselves )?to|undert(?:ake|ook) to|pledged? to|will (?:establish|provide|hold|support|strengthen|step up|set up|launch|continue)|shall (?:establish|provide|hold|support))\b/,
  },
  {
    kind: 'recommendation',
    pattern:
      /\b(?:(?:il est |it is )?recommande|recommend(?:s|ed|ation)?|should (?:be )?|devrai(?:en)?t|il (?:convient|faudrait|importe) de|il est (?:necessaire|essentiel|important) de|it is (?:necessary|essential|important) to|need(?:s)? to be|propose(?:nt)? de)\b/,
  },
  {
    kind: 'lesson',
    pattern:
      /\b(?:lessons? (?:learned|learnt)|lecons? (?:apprises|tirees)|experience (?:has )?show[ns]|l'experience (?:a )?montre|demonstrated the (?:value|importance)|a demontre|shows? the importance|illustrates?|montre l'importance)\b/,
  },
  {
    kind: 'good_practice',
    pattern:
      /\b(?:good practices?|best practices?|bonnes? pratiques?|meilleures pratiques|success(?:ful)? (?:stor(?:y|ies)|examples?)|exemples? de reussite|a bien fonctionne|worked well)\b/,
  },
  {
    kind: 'challenge',
    pattern:
      /\b(?:challenges?|defis?|difficult(?:y|ies|es?)|obstacles?|contraintes?|constraints?|lack of|manque de|insuffisance|faiblesses?|weakness(?:es)?|gaps?|lacunes?|risques? de|struggled|peinent|problemes?)\b/,
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
export function statementKind(foldedSentence: string): StatementKind | null {
  for (const cue of CUES) if (cue.pattern.test(foldedSentence)) return cue.kind;
  return null;
}

/** Finds the statements of a document, one per sentence at most. */
export function findStatements(ctx: StatementContext): StatementCandidate[] {
  const out: StatementCandidate[] = [];
  for (const sentence of ctx.sentences) {
    if (sentence.end - sentence.start < 25 || sentence.end - sentence.start > 1500) continue;
    const folded = ctx.folded.slice(sentence.start, sentence.end);
    const kind = statementKind(folded);
    if (!kind) continue;
    const cueAt = cuePosition(folded, kind);
    const owners = ownersOf(ctx, sentence, folded, cueAt);
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

function cuePosition(folded: string, kind: StatementKind): number {
  const cue = CUES.find((c) => c.kind === kind);
  const m = cue ? cue.pattern.exec(folded) : null;
  return m ? m.index : folded.length;
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
