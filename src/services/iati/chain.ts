/**
 * The money chain of a country or an instrument, gathered from the store and computed by the pure
 * `computeChain`: the one service the CLI, the API, the country page and the briefing pack call.
 *
 * Which activities count: for an instrument, the activities linked to it by a document's citation
 * or a person (a suggested link counts once a reviewer confirms it); for a country, the activities
 * whose recipient countries include it, and the activities linked to instruments it is a party to.
 * Announced amounts are the amounts the documents state for the instruments in scope that have
 * linked activities (for one instrument: all its stated amounts), each with its evidence.
 */
import {
  computeChain,
  type AnnouncedAmount,
  type ChainActivity,
  type ExchangeRates,
  type FundingChain,
} from '../../domain/iati/chain.ts';
import { linkCounts, type IatiLink, type StoredActivity } from '../../domain/iati/model.ts';
import type { AtlasStore } from '../../storage/atlas-store.ts';
import { allInstruments } from './links.ts';

export interface ChainOptions {
  /** A user-supplied rate table: adds a common currency, labelled with its source. */
  readonly rates?: ExchangeRates;
}

/** An activity as the chain sees it: how it is tied to the scope and the instruments it funds. */
export function chainActivity(
  stored: StoredActivity,
  via: string,
  instruments: readonly string[],
): ChainActivity {
  const { activity } = stored;
  return {
    identifier: activity.identifier,
    titles: activity.titles,
    status: activity.status,
    file: stored.file.name,
    path: activity.path,
    transactions: activity.transactions.map((t) => ({
      type: t.type,
      date: t.date,
      value: t.value,
      currency: t.currency,
      path: t.path,
    })),
    budgets: activity.budgets,
    results: activity.results,
    via,
    instruments,
  };
}

/** The amounts documents state for an instrument (rejected or superseded claims left out). */
export async function announcedAmounts(store: AtlasStore, instrumentId: string): Promise<AnnouncedAmount[]> {
  const claims = await store.listClaims('instrument', instrumentId);
  const out: AnnouncedAmount[] = [];
  for (const claim of claims) {
    if (claim.property !== 'amount') continue;
    if (claim.evidence.reviewState === 'rejected' || claim.evidence.reviewState === 'superseded') continue;
    const value = claim.value as { value?: unknown; currency?: unknown; approximate?: unknown };
    if (typeof value.value !== 'number' || typeof value.currency !== 'string') continue;
    out.push({
      instrumentId,
      value: value.value,
      currency: value.currency,
      approximate: value.approximate === true,
      documentId: claim.evidence.documentId,
      documentTitle: claim.evidence.documentTitle,
      span: claim.evidence.span,
      quote: claim.evidence.quote,
    });
  }
  // The same figure stated twice (two documents) is one announcement: keep the first evidence.
  return out.filter((a, i) => out.findIndex((b) => b.value === a.value && b.currency === a.currency) === i);
}

async function chainOf(
  store: AtlasStore,
  links: readonly IatiLink[],
  extra: readonly string[],
  announcedFor: readonly string[],
  options: ChainOptions,
): Promise<FundingChain> {
  const counting = links.filter(linkCounts);
  const linkedTo = new Map<string, { via: string; instruments: string[] }>();
  for (const link of counting) {
    const entry = linkedTo.get(link.activityId) ?? { via: link.method, instruments: [] };
    if (!entry.instruments.includes(link.instrumentId)) entry.instruments.push(link.instrumentId);
    linkedTo.set(link.activityId, entry);
  }
  const ids = [...new Set([...linkedTo.keys(), ...extra])].sort();
  const stored = await store.iati.activities(ids);
  const activities = stored.map((s) => {
    const link = linkedTo.get(s.activity.identifier);
    return chainActivity(s, link?.via ?? 'country', link?.instruments ?? []);
  });
  const announced = (await Promise.all(announcedFor.map((id) => announcedAmounts(store, id)))).flat();
  return computeChain(activities, announced, options.rates);
}

/** The chain of one instrument; throws not_found for an unknown instrument. */
export async function instrumentFundingChain(
  store: AtlasStore,
  instrumentId: string,
  options: ChainOptions = {},
): Promise<FundingChain> {
  await store.getInstrument(instrumentId);
  const links = await store.iati.listLinks({ instrument: instrumentId });
  return chainOf(store, links, [], [instrumentId], options);
}

/**
 * The chain of one country (ISO alpha-2): the activities it receives and those linked to the
 * instruments it is a party to (see the module comment). Pure of presentation: the briefing pack
 * and the pages format it.
 */
export async function countryFundingChain(
  store: AtlasStore,
  country: string,
  options: ChainOptions = {},
): Promise<FundingChain> {
  const links = await countryLinks(store, country);
  const withActivities = [...new Set(links.filter(linkCounts).map((l) => l.instrumentId))].sort();
  return chainOf(store, links, await store.iati.activitiesInCountry(country), withActivities, options);
}

/** The links of the instruments a country is a party to. */
async function countryLinks(store: AtlasStore, country: string): Promise<IatiLink[]> {
  const instruments = new Set((await allInstruments(store, country)).map((i) => i.id));
  return (await store.iati.listLinks()).filter((l) => instruments.has(l.instrumentId));
}

/** The identifiers of a country's chain (sorted): received by it, or linked to its instruments. */
export async function countryActivityIds(store: AtlasStore, country: string): Promise<string[]> {
  const linked = (await countryLinks(store, country)).filter(linkCounts).map((l) => l.activityId);
  return [...new Set([...linked, ...(await store.iati.activitiesInCountry(country))])].sort();
}
