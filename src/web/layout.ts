/** The page shell: skip link, header with navigation and the language switch, main, footer. */
import { html, type SafeHtml } from './html.ts';
import type { MessageKey, Translator } from './i18n.ts';
import { csrfField, mayUse, roleLabel, type Viewer } from './viewer.ts';

export interface PageInput {
  readonly tr: Translator;
  readonly title: string;
  /** The request URL (path and query), to build the language switch. */
  readonly url: string;
  readonly nav?:
    | 'dashboard'
    | 'search'
    | 'countries'
    | 'documents'
    | 'network'
    | 'timeline'
    | 'analyses'
    | 'upload'
    | 'review'
    | 'invite';
  readonly body: SafeHtml;
  /** Who is signed in (null or absent: an anonymous reader). */
  readonly viewer?: Viewer | null;
}

const NAV: readonly { key: PageInput['nav']; path: string; label: MessageKey }[] = [
  { key: 'dashboard', path: '/', label: 'dashboard' },
  { key: 'search', path: '/search', label: 'search' },
  { key: 'countries', path: '/countries', label: 'countries' },
  { key: 'documents', path: '/documents', label: 'documents' },
  { key: 'network', path: '/network', label: 'network' },
  { key: 'timeline', path: '/timeline', label: 'timeline' },
  { key: 'analyses', path: '/analyses', label: 'analyses' },
];

/** The same URL with `lang` set to the other language. */
function switchUrl(url: string, lang: 'fr' | 'en'): string {
  const parsed = new URL(url, 'http://localhost');
  parsed.searchParams.set('lang', lang);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The header's account corner: who is signed in and a sign-out button, or a sign-in link. */
function account(tr: Translator, url: string, viewer: Viewer | null | undefined): SafeHtml {
  if (viewer === null || viewer === undefined) {
    const next = new URL(url, 'http://localhost').pathname;
    const back = next.startsWith('/sign-in') ? '' : `?next=${encodeURIComponent(next)}`;
    return html`<a class="account" href="/sign-in${back}">${tr.t('signIn')}</a>`;
  }
  return html`<form class="account" action="/sign-out" method="post">
    ${csrfField(viewer)}
    <span
      >${tr.t('signedInAs')}
      <strong translate="no">${viewer.name}</strong> (${roleLabel(viewer.role, tr)})</span
    >
    <button type="submit">${tr.t('signOut')}</button>
  </form>`;
}

/** A complete HTML document. */
export function page({ tr, title, url, nav, body, viewer }: PageInput): string {
  const other = tr.lang === 'fr' ? 'en' : 'fr';
  const items = [
    ...NAV,
    ...(mayUse(viewer, 'contributor')
      ? [{ key: 'upload' as const, path: '/upload', label: 'uploadNav' as const }]
      : []),
    ...(mayUse(viewer, 'reviewer')
      ? [{ key: 'review' as const, path: '/review', label: 'reviewNav' as const }]
      : []),
    ...(viewer?.mayInvite === true
      ? [{ key: 'invite' as const, path: '/invite', label: 'inviteNav' as const }]
      : []),
  ];
  return html`<!doctype html>
    <html lang="${tr.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${tr.t('appName')}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">${tr.t('skip')}</a>
        <header class="site-header">
          <a class="brand" href="/">${tr.t('appName')}</a>
          <nav aria-label="${tr.lang === 'fr' ? 'Navigation principale' : 'Main navigation'}">
            <ul>
              ${items.map(
                (item) =>
                  html`<li>
                    <a href="${item.path}" ${item.key === nav ? html` aria-current="page"` : ''}
                      >${tr.t(item.label)}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
          <form class="quick-search" action="/search" method="get" role="search">
            <label class="visually-hidden" for="quick-q">${tr.t('search')}</label>
            <input id="quick-q" name="q" type="search" placeholder="${tr.t('searchPlaceholder')}" />
            <button type="submit">${tr.t('searchButton')}</button>
          </form>
          <a
            class="lang-switch"
            translate="no"
            href="${switchUrl(url, other)}"
            hreflang="${other}"
            lang="${other}"
            title="${tr.t('switchLabel')}"
            >${tr.t('switchTo')}</a
          >
          ${account(tr, url, viewer)}
        </header>
        <main id="main" tabindex="-1">${body}</main>
        <footer class="site-footer">
          <p>${tr.t('appName')} · <a href="/api/openapi.json">${tr.t('api')} (OpenAPI)</a></p>
        </footer>
      </body>
    </html> `.value;
}
