/**
 * Commitments and roadmaps from communiqués and meeting reports: who committed to what and by when,
 * with a status users update, overdue flags relative to a given day, the date by which the next
 * dialogue is due, and the priority areas a roadmap lists ("Les domaines prioritaires … sont A; B").
 */
import type {
  Commitment,
  CommitmentTracker,
  RoadmapPriority,
  TrackedCommitment,
} from '../domain/analysis-model.ts';
import type { CommitmentStatus, Span } from '../domain/model.ts';
import { findCountries } from '../extraction/countries.ts';
import { splitSentences, tidy } from '../extraction/positions/sentences.ts';
import { foldText } from '../extraction/text.ts';
import { scoreSentences, topicsOfSpan } from '../extraction/topics.ts';
import type { TopicCode } from '../domain/taxonomy.ts';
import type { StatementCandidate } from '../extraction/types.ts';
import { daysBetween, findDeadline, lastDayAllowed } from './deadlines.ts';

/** Cues of a commitment (folded text: lower case, no accents). */
const COMMITMENT_RE =
  /\b(?:ont convenu d[e']|ont decide d[e']|decident d[e']|se sont (?:mis|mises) d'accord (?:de|pour|sur)|s'engagent a|se sont engages? a|s'est engagee? a|ont marque leur accord|envisagent de|agreed to|agree to|decided to|commit(?:s|ted)? (?:themselves )?to|undert(?:ake|ook) to|pledged? to|will (?:establish|provide|hold|support|strengthen|set up|launch|convene|meet)|shall (?:establish|provide|hold|support|meet))\b/;
const NEXT_DIALOGUE_RE =
  /\b(?:prochaine?s? (?:dialogue|reunion|session|rencontre|sommet|conference|cycle)|next (?:dialogue|meeting|round|session|summit|conference|high[- ]level))/;
const BOTH_PARTIES_RE =
  /\b(?:les deux parties|both parties|the two parties|both sides|les parties|the parties)\b/;
const PRIORITIES_RE =
  /\b(?:(?:domaines?|axes?|secteurs?|themes?) prioritaires|priorites|priority (?:areas|actions|sectors|themes)|priorities)\b[^;:]*?\b(?:sont|seront|are|include|comprennent|incluent|portent sur)\b\s*:?\s*|\b(?:(?:domaines?|axes?) prioritaires|priority areas|priorities)\s*:\s*/;

/**
 * Topics of a short span: its main topics, or else every topic with a cue (a roadmap item such as
 * "l'accompagnement des retours … en situation irrégulière" has two weak cues and no main one).
 */
function topicsOf(folded: string, span: Span): TopicCode[] {
  const main = topicsOfSpan(folded, span);
  if (main.length > 0) return main;
  const scores = scoreSentences(folded.slice(span.start, span.end), [
    { start: 0, end: span.end - span.start },
  ])[0];
  return scores ? [...scores.entries()].filter(([, n]) => n > 0).map(([t]) => t) : [];
}

/** Options: who "both parties" are (actor ids), the status of new commitments. */
export interface CommitmentOptions {
  readonly principals?: readonly string[];
  readonly sentences?: readonly Span[];
}

function ownersOf(sentence: string, cueAt: number, principals: readonly string[]): string[] {
  const before = sentence.slice(0, cueAt);
  if (BOTH_PARTIES_RE.test(foldText(before)) && principals.length > 0) return [...principals];
  return [...new Set(findCountries(before).map((c) => c.code))];
}

/**
 * Commitments of a document by cue patterns (English and French): one per sentence holding a
 * commitment cue, with owners, deadline, whether it is the next dialogue, and topics.
 */
export function extractCommitments(
  text: string,
  documentId: string,
  options: CommitmentOptions = {},
): Commitment[] {
  const folded = foldText(text);
  const out: Commitment[] = [];
  for (const span of options.sentences ?? splitSentences(text)) {
    // Cues are matched on one-line text: PDF text breaks lines inside "les deux\nparties".
    const f = tidy(folded.slice(span.start, span.end));
    const cue = COMMITMENT_RE.exec(f);
    if (!cue) continue;
    // A roadmap's list of priority areas is read by `extractRoadmapPriorities`, not as one commitment.
    if (PRIORITIES_RE.test(f) && /;/.test(f)) continue;
    const sentence = tidy(text.slice(span.start, span.end));
    out.push({
      id: `${documentId}#${span.start}`,
      documentId,
      text: sentence,
      owners: ownersOf(sentence, cue.index, options.principals ?? []),
      deadline: findDeadline(sentence),
      status: 'open',
      nextDialogue: NEXT_DIALOGUE_RE.test(f),
      topics: topicsOf(folded, span),
      source: { documentId, start: span.start, end: span.end, quote: sentence },
    });
  }
  return out;
}

/**
 * Commitments from the statement stage's candidates (the pipeline's output): the commitment kind
 * only; the deadline is re-read from the sentence so that "before" is known to exclude the date.
 */
export function commitmentsFromStatements(
  text: string,
  documentId: string,
  statements: readonly StatementCandidate[],
): Commitment[] {
  return statements
    .filter((s) => s.kind === 'commitment')
    .map((s) => {
      const sentence = text.slice(s.start, s.end);
      const deadline =
        findDeadline(sentence) ??
        (s.deadline
          ? {
              value: s.deadline.value,
              precision: s.deadline.precision,
              inclusive: true,
              quote: s.deadline.quote,
            }
          : null);
      return {
        id: `${documentId}#${s.start}`,
        documentId,
        text: s.quote,
        owners: s.owners,
        deadline,
        status: 'open' as const,
        nextDialogue: NEXT_DIALOGUE_RE.test(tidy(foldText(sentence))),
        topics: s.topics,
        source: { documentId, start: s.start, end: s.end, quote: s.quote },
      };
    });
}

/** Applies users' status updates (by commitment id) to extracted commitments. */
export function withStatuses(
  commitments: readonly Commitment[],
  statuses: Readonly<Record<string, CommitmentStatus>>,
): Commitment[] {
  return commitments.map((c) => (statuses[c.id] ? { ...c, status: statuses[c.id] as CommitmentStatus } : c));
}

/**
 * The tracker on a given day (`YYYY-MM-DD`): each commitment with its overdue flag and days left,
 * the open commitment to hold the next dialogue that falls first, and the number overdue.
 */
export function trackCommitments(commitments: readonly Commitment[], today: string): CommitmentTracker {
  const tracked: TrackedCommitment[] = commitments.map((c) => {
    if (!c.deadline) return { ...c, overdue: false, daysLeft: null };
    const daysLeft = daysBetween(today, lastDayAllowed(c.deadline));
    const open = c.status === 'open' || c.status === 'in_progress';
    return { ...c, overdue: open && daysLeft < 0, daysLeft };
  });
  const next = tracked
    .filter((c) => c.nextDialogue && c.status !== 'dropped')
    .sort((a, b) => (a.deadline?.value ?? '9999').localeCompare(b.deadline?.value ?? '9999'))[0];
  return {
    today,
    commitments: tracked,
    nextDialogue: next ?? null,
    overdue: tracked.filter((c) => c.overdue).length,
  };
}

/**
 * The priority areas of a roadmap: a sentence naming priority areas ("domaines prioritaires",
 * "priority areas") followed by items separated by semicolons (or bullets), one record per item
 * with its topics.
 */
export function extractRoadmapPriorities(
  text: string,
  documentId: string,
  sentences?: readonly Span[],
): RoadmapPriority[] {
  const folded = foldText(text);
  const out: RoadmapPriority[] = [];
  for (const span of sentences ?? splitSentences(text)) {
    const f = folded.slice(span.start, span.end);
    const m = PRIORITIES_RE.exec(f);
    if (!m) continue;
    let pos = span.start + m.index + m[0].length;
    const items = text.slice(pos, span.end).split(/;|\n\s*[•\uF0B7\uF0A7-]\s/);
    if (items.length < 2) continue;
    for (const raw of items) {
      const lead = raw.length - raw.trimStart().length;
      const label = tidy(raw).replace(/[.;,\s]+$/, '');
      const start = pos + lead;
      const end = start + raw.trim().length;
      pos += raw.length + 1;
      // The last item may run on into a closing clause ("…, conclu entre les deux parties…").
      if (label.length < 4) continue;
      const itemSpan = { start, end };
      out.push({
        label,
        topics: topicsOf(folded, itemSpan),
        source: { documentId, start, end, quote: tidy(text.slice(start, end)) },
      });
    }
  }
  return out;
}
