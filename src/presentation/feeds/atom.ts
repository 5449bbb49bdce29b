/**
 * An Atom 1.0 document (RFC 4287) of a user's watch hits: one entry per hit, newest first. Every
 * text goes through `xmlText` (escaped, characters XML cannot carry removed), so titles and quotes
 * from documents can never break the feed.
 */
import type { Language } from '../../domain/model.ts';
import type { WatchHit } from '../../storage/analyses/analysis-store.ts';

/** Where the feed is served, and how many hits it carries (newest first; readers keep the rest). */
export const FEED_PATH = '/api/feeds/watches.atom';
export const FEED_LIMIT = 50;
/** The page of the same hits, for people. */
export const MY_WATCH_HITS_PATH = '/analyses/watches/mine';

/** The feed's own words, in the reader's language (the caller translates). */
export interface WatchFeedText {
  readonly title: string;
  readonly author: string;
  /** "Watch: NAME" for an entry's summary. */
  readonly watchLabel: (name: string) => string;
}

export interface WatchFeedInput {
  /** Scheme, host and port the feed was fetched from; links are absolute. */
  readonly base: string;
  readonly userId: string;
  readonly hits: readonly WatchHit[];
  readonly text: WatchFeedText;
  /** When there is no hit yet: the feed's `updated` (RFC 3339). */
  readonly now: string;
}

/** The feed's words in each language (the pages' catalogue is the web adapter's). */
export function watchFeedText(lang: Language): WatchFeedText {
  return lang === 'fr'
    ? {
        title: 'Atlas de la diplomatie migratoire — Résultats de mes veilles',
        author: 'Atlas de la diplomatie migratoire',
        watchLabel: (name) => `Veille\u00a0: ${name}`,
      }
    : {
        title: 'Migration Diplomacy Atlas — My watches’ hits',
        author: 'Migration Diplomacy Atlas',
        watchLabel: (name) => `Watch: ${name}`,
      };
}

/** The tag: URI authority (RFC 4151); ids must not change when the server's address does. */
const TAG = 'tag:migration-diplomacy-atlas,2025';

// XML 1.0 forbids most control characters even escaped; documents extracted from PDFs carry some.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text safe in an element or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A stored timestamp as RFC 3339 (stored ones are ISO 8601 in UTC already). */
const rfc3339 = (iso: string): string => new Date(iso).toISOString();

/**
 * A hit's id: the watch and the instrument (a watch matches an instrument once), so a feed reader
 * never shows the same hit twice, even after an export and import renumbers the rows.
 */
export const hitTag = (hit: Pick<WatchHit, 'watchId' | 'instrumentId'>): string =>
  `${TAG}:watch-hit/${encodeURIComponent(hit.watchId)}/${encodeURIComponent(hit.instrumentId)}`;

function entry(hit: WatchHit, input: WatchFeedInput): string {
  const link = `${input.base}/instruments/${encodeURIComponent(hit.instrumentId)}`;
  const summary =
    hit.quote === null
      ? input.text.watchLabel(hit.watchName)
      : `${input.text.watchLabel(hit.watchName)} — “${hit.quote}”`;
  return `  <entry>
    <id>${xmlText(hitTag(hit))}</id>
    <title>${xmlText(hit.instrumentTitle)}</title>
    <updated>${rfc3339(hit.createdAt)}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>
    <summary type="text">${xmlText(summary)}</summary>
  </entry>
`;
}

/** The whole feed; `hits` newest first (the feed's `updated` is the newest hit's). */
export function watchFeed(input: WatchFeedInput): string {
  const updated = input.hits[0] === undefined ? input.now : rfc3339(input.hits[0].createdAt);
  // The self link carries no token: a reader keeps the address it was given.
  const self = `${input.base}${FEED_PATH}`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlText(`${TAG}:watch-feed/${encodeURIComponent(input.userId)}`)}</id>
  <title>${xmlText(input.text.title)}</title>
  <updated>${updated}</updated>
  <author><name>${xmlText(input.text.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${input.base}${MY_WATCH_HITS_PATH}`)}"/>
${input.hits.map((h) => entry(h, input)).join('')}</feed>
`;
}
