/**
 * Proposing links from instruments to IATI activities: (1) activity identifiers a stored document
 * cites ("T05-EUTF-SAH-ML-07") are linked to the instrument the document speaks of nearest to the
 * citation, as `cited` links with the quote as evidence; (2) pairs whose names, recipient
 * countries, dates and stated amounts match are stored as `matched` links with their score and
 * reasons. Both wait for a reviewer (`mda iati review`); a pair already linked, confirmed or
 * rejected is never proposed again.
 */
import {
  findCitedActivities,
  identifierIndex,
  MATCH_THRESHOLD,
  nearestInstrument,
  proposeMatches,
  type MatchInstrument,
} from '../../domain/iati/matching.ts';
import type { IatiLink } from '../../domain/iati/model.ts';
import type { AtlasStore, InstrumentSummary } from '../../storage/atlas-store.ts';

/** Who proposed a link: kept in `asserted_by`, so a reviewer knows a rule (and its version) made it. */
export const CITED_BY = 'iati-cited@1';
export const MATCHED_BY = 'iati-match@1';

export interface SuggestOptions {
  /** Only instruments with this party state and activities in this recipient country. */
  readonly country?: string;
  readonly threshold?: number;
}

export interface Suggestion {
  readonly link: IatiLink;
  /** False when the pair was already linked (its state is left as it was). */
  readonly created: boolean;
}

const PAGE = 500;

/** Every stored instrument (optionally with a party state), page by page. */
export async function allInstruments(store: AtlasStore, country?: string): Promise<InstrumentSummary[]> {
  const out: InstrumentSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listInstruments(country === undefined ? {} : { country }, {
      limit: PAGE,
      offset,
    });
    out.push(...page.items);
    if (page.items.length < PAGE) return out;
  }
}

/** What matching needs of an instrument: title, party states, years and stated amounts. */
export function matchInstrument(instrument: InstrumentSummary): MatchInstrument {
  return {
    id: instrument.id,
    title: instrument.title,
    countries: instrument.parties.map((p) => p.actorId).filter((id) => /^[A-Z]{2}$/.test(id)),
    years: [...new Set(instrument.dates.map((d) => Number(d.value.slice(0, 4))))].filter(Number.isFinite),
    amounts: instrument.amounts.map((a) => ({ value: a.value, currency: a.currency })),
  };
}

async function citedSuggestions(
  store: AtlasStore,
  instrumentIds: ReadonlySet<string>,
): Promise<Suggestion[]> {
  const index = identifierIndex(await store.iati.identifiers());
  if (index.size === 0) return [];
  const out: Suggestion[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ limit: PAGE, offset });
    for (const summary of page.items) {
      const document = await store.getDocument(summary.id);
      const cited = findCitedActivities(document.text, index);
      if (cited.length === 0) continue;
      const spans = (await store.iati.instrumentSpans(document.id)).filter((s) =>
        instrumentIds.has(s.instrumentId),
      );
      for (const citation of cited) {
        const instrumentId = nearestInstrument(citation, spans);
        if (instrumentId === null) continue;
        out.push(
          await store.iati.addLink({
            activityId: citation.identifier,
            instrumentId,
            method: 'cited',
            reasons: [`cited: ${citation.quote} in ${document.title}`],
            evidence: {
              documentId: document.id,
              span: { start: citation.start, end: citation.end },
              quote: citation.quote,
            },
            assertedBy: CITED_BY,
          }),
        );
      }
    }
    if (page.items.length < PAGE) return out;
  }
}

/** Finds cited and matching pairs and stores them as links awaiting review (see the module comment). */
export async function suggestLinks(store: AtlasStore, options: SuggestOptions = {}): Promise<Suggestion[]> {
  const instruments = await allInstruments(store, options.country);
  const ids = new Set(instruments.map((i) => i.id));
  const cited = await citedSuggestions(store, ids);
  const citedPairs = new Set(cited.map((s) => `${s.link.instrumentId}|${s.link.activityId}`));
  const candidates = (await store.iati.matchCandidates()).filter(
    (a) => options.country === undefined || a.countries.includes(options.country),
  );
  const matched: Suggestion[] = [];
  for (const proposal of proposeMatches(
    instruments.map(matchInstrument),
    candidates,
    options.threshold ?? MATCH_THRESHOLD,
  )) {
    if (citedPairs.has(`${proposal.instrumentId}|${proposal.activityId}`)) continue;
    matched.push(
      await store.iati.addLink({
        activityId: proposal.activityId,
        instrumentId: proposal.instrumentId,
        method: 'matched',
        score: proposal.score,
        reasons: proposal.reasons,
        assertedBy: MATCHED_BY,
      }),
    );
  }
  return [...cited, ...matched];
}
