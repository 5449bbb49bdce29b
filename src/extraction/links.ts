/**
 * Relations between instruments and the approaches they express. An instrument named after
 * "dans le cadre du" / "under" another sits under that framework; "annexed to" makes an annex; "funded
 * by" / "à travers le Fonds" a funding link; a sentence tying readmission to visas or funding with a
 * conditionality cue is an issue linkage (`linked_to`, with the approach). Approaches come from cue
 * phrases (EN/FR, folded text).
 */
import type { Span } from '../domain/model.ts';
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

/** Links between the instruments of one document (indexes into `instruments`). */
export function findLinks(
  text: string,
  folded: string,
  instruments: readonly InstrumentCandidate[],
): LinkCandidate[] {
  const out: LinkCandidate[] = [];
  const bySentence = new Map<number, number[]>();
  instruments.forEach((inst, i) => {
    const list = bySentence.get(inst.sentence.start) ?? [];
    list.push(i);
    bySentence.set(inst.sentence.start, list);
  });
  for (const indexes of bySentence.values()) {
    if (indexes.length < 2) continue;
    for (const to of indexes) {
      const target = instruments[to] as InstrumentCandidate;
      const before = folded.slice(Math.max(target.sentence.start, target.start - 40), target.start);
      const relation = FRAMEWORK_CUE.test(before)
        ? 'under_framework'
        : FUNDING_CUE.test(before)
          ? 'funded_by'
          : null;
      if (!relation) continue;
      for (const from of indexes) {
        if (from === to) continue;
        const source = instruments[from] as InstrumentCandidate;
        out.push({
          from,
          to,
          relation,
          approach: null,
          start: source.start,
          end: target.end,
          quote: quoteOf(text, source, target),
        });
      }
    }
    for (const from of indexes) {
      const source = instruments[from] as InstrumentCandidate;
      const after = folded.slice(source.end, Math.min(source.sentence.end, source.end + 60));
      if (!ANNEX_CUE.test(after)) continue;
      const to = indexes.find((i) => (instruments[i] as InstrumentCandidate).start > source.end);
      if (to !== undefined) {
        const target = instruments[to] as InstrumentCandidate;
        out.push({
          from,
          to,
          relation: 'annex_of',
          approach: null,
          start: source.start,
          end: target.end,
          quote: quoteOf(text, source, target),
        });
      }
    }
  }
  // Issue linkage: a readmission instrument and a visa or funding instrument tied in one sentence.
  instruments.forEach((source, from) => {
    if (source.type !== 'readmission_agreement') return;
    const sentenceText = folded.slice(source.sentence.start, source.sentence.end);
    if (!LINKAGE_CUE.test(sentenceText)) return;
    instruments.forEach((target, to) => {
      if (to === from || (target.type !== 'visa_agreement' && target.type !== 'fund')) return;
      if (target.sentence.start !== source.sentence.start) return;
      const approach =
        approachesIn(folded, source.sentence).find(
          (a) => a.endsWith('conditionality') || a.endsWith('linkage'),
        ) ?? 'tactical_linkage';
      out.push({
        from,
        to,
        relation: 'linked_to',
        approach,
        start: source.sentence.start,
        end: source.sentence.end,
        quote: text.slice(source.sentence.start, source.sentence.end),
      });
    });
  });
  return out;
}

function quoteOf(text: string, a: Span, b: Span): string {
  return text.slice(Math.min(a.start, b.start), Math.max(a.end, b.end));
}
