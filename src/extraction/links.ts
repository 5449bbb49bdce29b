/**
 * Relations between instruments and the approaches they express. An instrument named after
 * "dans le cadre du" / "under" another sits under that framework; "annexed to" makes an annex; "funded
 * by" / "à travers le Fonds" a funding link; a sentence tying readmission to visas or funding with a
 * conditionality cue is an issue linkage (`linked_to`, with the approach). Approaches come from cue
 * phrases (EN/FR, folded text).
 */
import type { Quoted, Span } from '../domain/model.ts';
import type { ApproachCode } from '../domain/taxonomy.ts';
import type { InstrumentCandidate, LinkCandidate } from './types.ts';

const APPROACH_CUES: readonly { readonly code: ApproachCode; readonly pattern: RegExp }[] = [
  {
    code: 'positive_conditionality',
    pattern:
      /\b(?:more for more|positive conditionality|conditionnalite positive|incentives?|incitations?|positive (?:visa )?measures|mesures (?:de visa )?positives|rewards?|recompenses?)\b/,
  },
  {
    code: 'negative_conditionality',
    pattern:
      /\b(?:less for less|negative conditionality|conditionnalite negative|restrictive (?:visa )?measures|mesures (?:de visa )?restrictives|sanctions?|leverage|levier)\b/,
  },
  {
    code: 'reverse_conditionality',
    pattern: /\b(?:reverse conditionality|conditionnalite inversee|conditionnalite inverse)\b/,
  },
  {
    code: 'tactical_linkage',
    pattern:
      /\b(?:tactical linkage|issue linkage|lien tactique|liaison tactique|linking (?:readmission|return)|lier (?:la )?readmission)\b/,
  },
  {
    code: 'substantive_linkage',
    pattern: /\b(?:substantive linkage|lien substantiel|liaison substantielle)\b/,
  },
  {
    code: 'whole_of_government',
    pattern:
      /\b(?:whole[- ]of[- ]government|approche pangouvernementale|approche gouvernementale globale|inter-?ministerial|interministeriel(?:le)?s?|cross-sectoral|intersectoriel(?:le)?s?)\b/,
  },
  { code: 'team_europe', pattern: /\b(?:team europe|equipe europe)\b/ },
];

/** The approaches a span of folded text expresses. */
export function approachesIn(folded: string, span: Span): ApproachCode[] {
  const text = folded.slice(span.start, span.end);
  return APPROACH_CUES.filter((c) => c.pattern.test(text)).map((c) => c.code);
}

const FRAMEWORK_CUE =
  /\b(?:dans le cadre d(?:u|e la|e l'|es)|in the (?:framework|context) of|within the (?:framework|context) of|under the|au titre d(?:u|e la)|sous l'egide d(?:u|e la)|as part of)\s*$/;
const ANNEX_CUE = /\b(?:annexed to|annexee? a|en annexe d[eu]|annex(?:e)? (?:to|of))\b/;
const FUNDING_CUE =
  /\b(?:funded by|financed by|finance(?:e|s)? par|a travers (?:le|la)|through the|with funding from|au moyen du)\s*$/;
const LINKAGE_CUE =
  /\b(?:in exchange for|en echange d|conditional on|conditionn\w+|linked to|lie(?:e|s)? a|tied to|in return for|en contrepartie)\b/;

/** Where an instrument is named: `instrument` indexes the instrument list. */
export interface InstrumentPlace extends Span {
  readonly instrument: number;
  readonly sentence: Span;
}

/**
 * Links between the instruments of one document (indexes into `instruments`), read from the
 * sentences where two or more of them are named. `places` lists every mention of every instrument;
 * without it each instrument's own sentence is used.
 */
export function findLinks(
  text: string,
  folded: string,
  instruments: readonly InstrumentCandidate[],
  places: readonly InstrumentPlace[] = instruments.map((i, instrument) => ({
    start: i.start,
    end: i.end,
    sentence: i.sentence,
    instrument,
  })),
): LinkCandidate[] {
  const out: LinkCandidate[] = [];
  const seen = new Set<string>();
  const push = (link: LinkCandidate): void => {
    const key = `${link.from}|${link.to}|${link.relation}`;
    if (link.from === link.to || seen.has(key)) return;
    seen.add(key);
    out.push(link);
  };
  const bySentence = new Map<number, InstrumentPlace[]>();
  for (const place of places) {
    const list = bySentence.get(place.sentence.start) ?? [];
    list.push(place);
    bySentence.set(place.sentence.start, list);
  }
  for (const group of bySentence.values()) {
    if (new Set(group.map((p) => p.instrument)).size < 2) continue;
    group.sort((a, b) => a.start - b.start);
    for (const target of group) {
      const before = folded.slice(Math.max(target.sentence.start, target.start - 40), target.start);
      const relation = FRAMEWORK_CUE.test(before)
        ? 'under_framework'
        : FUNDING_CUE.test(before)
          ? 'funded_by'
          : null;
      if (!relation) continue;
      // "X … dans le cadre du Y": the instruments named before the cue sit under Y.
      for (const source of group) {
        if (source.instrument === target.instrument || source.end > target.start) continue;
        push({
          from: source.instrument,
          to: target.instrument,
          relation,
          approach: null,
          ...quoted(text, source, target),
        });
      }
    }
    group.forEach((source, k) => {
      const after = folded.slice(source.end, Math.min(source.sentence.end, source.end + 60));
      const target = group[k + 1];
      if (target && ANNEX_CUE.test(after)) {
        push({
          from: source.instrument,
          to: target.instrument,
          relation: 'annex_of',
          approach: null,
          ...quoted(text, source, target),
        });
      }
    });
    // Issue linkage: readmission tied to visas or funding in one sentence, with a linkage cue.
    const sentence = (group[0] as InstrumentPlace).sentence;
    const sentenceText = folded.slice(sentence.start, sentence.end);
    if (!LINKAGE_CUE.test(sentenceText)) continue;
    const approach =
      approachesIn(folded, sentence).find((a) => a.endsWith('conditionality') || a.endsWith('linkage')) ??
      'tactical_linkage';
    for (const source of group) {
      if (instruments[source.instrument]?.type !== 'readmission_agreement') continue;
      for (const target of group) {
        const type = instruments[target.instrument]?.type;
        if (type !== 'visa_agreement' && type !== 'fund') continue;
        push({
          from: source.instrument,
          to: target.instrument,
          relation: 'linked_to',
          approach,
          start: sentence.start,
          end: sentence.end,
          quote: text.slice(sentence.start, sentence.end),
        });
      }
    }
  }
  return out;
}

function quoted(text: string, a: Span, b: Span): Quoted {
  const start = Math.min(a.start, b.start);
  const end = Math.max(a.end, b.end);
  return { start, end, quote: text.slice(start, end) };
}
