/**
 * Gathers the briefing pack's records for one partner country and assembles the brief (pure, in
 * src/analysis/brief.ts). Money comes from the country totals function the country page and
 * `/api/countries/:code` use, so the three always agree (and a fix to how totals are counted
 * reaches the brief too). The money chain likewise comes from `countryFundingChain`, with the rate
 * table the server or the CLI was given (none: no common currency, never a silent conversion).
 */
import { assembleBrief, type Brief, type RecordedStatus } from '../analysis/brief.ts';
import type { CitableDocument } from '../domain/citation.ts';
import type { ExchangeRates } from '../domain/iati/chain.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { commitmentTracker, conditionality, coordination, indicators } from './analyses.ts';
import { countryFundingChain } from './iati/chain.ts';

/** Enough for any one partner: the brief lists every instrument, not a page of them. */
const ALL = { limit: 10_000, offset: 0 };

export async function briefFor(
  context: { readonly store: AtlasStore; readonly rates?: ExchangeRates | undefined },
  partner: string,
  today: string,
): Promise<Brief> {
  const { store } = context;
  const [profile, listed, tracker, levers, series, view, documents, moneyChain] = await Promise.all([
    store.queries.countryProfile(partner),
    store.listInstruments({ country: partner }, ALL),
    commitmentTracker(store, { country: partner, today }),
    conditionality(store, { country: partner }),
    indicators(store, { country: partner }),
    coordination(store, partner),
    store.listDocuments(ALL),
    countryFundingChain(store, partner, context.rates === undefined ? {} : { rates: context.rates }),
  ]);
  const details = await Promise.all(listed.items.map((i) => store.getInstrument(i.id)));
  const statusHistory = new Map<string, RecordedStatus[]>();
  for (const commitment of tracker.commitments) {
    const history = await store.analyses.commitmentHistory(commitment.id);
    statusHistory.set(commitment.id, history);
  }
  const citable: CitableDocument[] = documents.items.map((d) => ({
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    publisher: d.publisher,
    published: d.published,
    sourceUrl: d.sourceUrl,
    language: d.language,
  }));
  return assembleBrief({
    partner,
    today,
    instruments: details.map((d) => ({ ...d, documentIds: d.documents.map((doc) => doc.id) })),
    money: profile.moneyBySource,
    moneyChain,
    tracker,
    statusHistory,
    conditionality: levers,
    indicators: series,
    coordination: view,
    documents: citable,
  });
}
