/**
 * "My watches' hits": the hits of the signed-in user's own watches, with the address of their Atom
 * feed and how to get the token a feed reader needs (the feed cannot use the browser's session).
 */
import type { WatchHit } from '../../../storage/analyses/analysis-store.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n.ts';
import { analysesNav } from './common.ts';
import { hitHead } from './watches.ts';
import { MY_WATCH_HITS_PATH } from '../../../presentation/feeds/atom.ts';

/** The page body; `hits` null: nobody is signed in (the page says how to). */
export function myWatchHitsPage(
  input: { readonly hits: readonly WatchHit[] | null; readonly feedUrl: string },
  tr: Translator,
): SafeHtml {
  const head = html`<h1>${tr.t('myWatchHits')}</h1>
    <p class="muted">${tr.t('myWatchHitsHelp')}</p>
    ${analysesNav('/analyses/watches', tr)}`;
  if (input.hits === null) {
    return html`${head}
      <p>
        <a href="/sign-in?next=${encodeURIComponent(MY_WATCH_HITS_PATH)}">${tr.t('myWatchHitsSignIn')}</a>
      </p>`;
  }
  const list =
    input.hits.length === 0
      ? html`<p class="muted">${tr.t('noOwnWatches')}</p>`
      : html`<ul class="hits">
          ${input.hits.map(
            (h) =>
              html`<li>
                ${hitHead(h, tr)}
                ${h.quote === null ? '' : html`<blockquote class="quote" translate="no">“${h.quote}”</blockquote>`}
              </li>`,
          )}
        </ul>`;
  return html`${head}
    <section>
      ${list}
      <h2>${tr.t('feedTitle')}</h2>
      <p>${tr.t('feedHelp')}</p>
      <p><code class="feed-url" translate="no">${input.feedUrl}</code></p>
      <p>${tr.t('feedTokenHelp')}</p>
      <pre translate="no"><code>mda user token EMAIL --scope read</code></pre>
    </section>`;
}
