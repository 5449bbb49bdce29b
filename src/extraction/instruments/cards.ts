/**
 * Practice cards: repositories of practices (IOM, GFMD, Rabat Process) describe each programme in a
 * fixed form, "Titre de la pratique : …", "Donateur et partenaire(s) d'exécution : …", "Année(s) de
 * mise en œuvre : 2012-2014". The fields say who funds and runs the programme better than its prose.
 */
import type { Span } from '../../domain/model.ts';
import type { DateMention } from '../types.ts';
import { type InstrumentContext, within } from './context.ts';

/** One practice described by a card. */
export interface PracticeCard extends Span {
  /** The title as written after the label. */
  readonly title: Span;
  /** Donors and implementing partners named in their fields. */
  readonly parties: readonly string[];
  readonly date: DateMention | null;
}

const TITLE_LABEL =
  /(?:titre de la (?:bonne )?pratique|titre du projet|intitule du projet|nom du projet|title of (?:the )?(?:good )?practice|project (?:title|name)|name of (?:the )?(?:practice|project))\s*:[ \t]*/g;
const PARTY_LABEL =
  /\b(?:donateurs?|donors?|bailleurs?|partenaires?|partners?|implementing|funded by|finance par)\b[^:]{0,60}:/g;
const NEXT_LABEL =
  /\b(?:annees?(?:\(s\))?|years?(?:\(s\))?|resume|summary|pays\/region|country\/region|lien web|web ?link|objectifs?|objectives?|description|contexte|context|resultats?|results?)\b[^:\n]{0,40}:/g;
const YEAR_LABEL =
  /\b(?:annees?(?:\(s\))? de mise en (?:oe|œ)uvre|years?(?:\(s\))? of implementation|period(?:e)?)\s*:\s*/g;
const MAX_CARD = 3000;

/** Finds the practice cards of a document, in text order. */
export function findPracticeCards(ctx: InstrumentContext): PracticeCard[] {
  const { folded, text } = ctx;
  const starts: { label: number; title: number }[] = [];
  TITLE_LABEL.lastIndex = 0;
  for (let m = TITLE_LABEL.exec(folded); m; m = TITLE_LABEL.exec(folded)) {
    starts.push({ label: m.index, title: m.index + m[0].length });
  }
  return starts.map((s, i) => {
    const end = Math.min(starts[i + 1]?.label ?? text.length, s.label + MAX_CARD);
    const lineEnd = text.indexOf('\n', s.title);
    const title = { start: s.title, end: lineEnd < 0 || lineEnd > end ? end : lineEnd };
    return {
      start: s.label,
      end,
      title: trimmed(text, title),
      parties: partiesOf(ctx, s.title, end),
      date: dateOf(ctx, s.title, end),
    };
  });
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** Actors of the donor and partner fields, each field ending at the next label of the card. */
function partiesOf(ctx: InstrumentContext, from: number, to: number): string[] {
  const card = ctx.folded.slice(from, to);
  const ids = new Set<string>();
  PARTY_LABEL.lastIndex = 0;
  for (let m = PARTY_LABEL.exec(card); m; m = PARTY_LABEL.exec(card)) {
    const fieldStart = m.index + m[0].length;
    NEXT_LABEL.lastIndex = fieldStart;
    const next = NEXT_LABEL.exec(card);
    const fieldEnd = next ? next.index : card.length;
    for (const actor of within(ctx.actors, from + fieldStart, from + fieldEnd)) ids.add(actor.id);
    PARTY_LABEL.lastIndex = Math.max(PARTY_LABEL.lastIndex, fieldStart);
  }
  return ids.size > 6 ? [] : [...ids];
}

function dateOf(ctx: InstrumentContext, from: number, to: number): DateMention | null {
  const card = ctx.folded.slice(from, to);
  YEAR_LABEL.lastIndex = 0;
  const m = YEAR_LABEL.exec(card);
  if (!m) return null;
  const at = from + m.index + m[0].length;
  return within(ctx.dates, at, at + 12).find((d) => !d.inCitation) ?? null;
}
