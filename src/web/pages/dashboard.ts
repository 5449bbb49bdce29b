/** The overview page: counts, the world map and the latest instruments. */
import type { InstrumentSummary } from '../../storage/atlas-store.ts';
import { worldMap } from '../charts/world-map.ts';
import { instrumentItems } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

export interface DashboardData {
  readonly counts: {
    documents: number;
    instruments: number;
    claims: number;
    statements: number;
    countries: number;
    actors: number;
  };
  readonly byState: ReadonlyMap<string, number>;
  readonly latest: readonly InstrumentSummary[];
}

export function dashboardPage(data: DashboardData, tr: Translator): SafeHtml {
  const cards: [number, string, string][] = [
    [data.counts.instruments, tr.t('instruments'), '/search'],
    [data.counts.documents, tr.t('documents'), '/documents'],
    [data.counts.countries, tr.t('countries'), '/countries'],
    [data.counts.actors, tr.t('actors'), '/network'],
    [data.counts.claims, tr.t('claims'), '/documents'],
    [data.counts.statements, tr.t('statements'), '/documents'],
  ];
  return html`<h1>${tr.t('appName')}</h1>
    <section class="cards" aria-label="${tr.t('dashboard')}">
      ${cards.map(
        ([value, label, link]) =>
          html`<a class="card" href="${link}"
            ><span class="number">${value.toLocaleString(tr.lang)}</span>${label}</a
          >`,
      )}
    </section>
    <section class="panel" aria-labelledby="map-title">
      <h2 id="map-title">${tr.t('worldMap')}</h2>
      ${worldMap(data.byState, tr)}
      <p><a href="/countries">${tr.t('allCountries')} →</a></p>
    </section>
    <section class="panel" aria-labelledby="latest-title">
      <h2 id="latest-title">${tr.t('latest')}</h2>
      ${instrumentItems(data.latest, tr)}
      <p>
        <a href="/search">${tr.t('search')} →</a> · <a href="/timeline">${tr.t('timeline')} →</a> ·
        <a href="/network">${tr.t('network')} →</a>
      </p>
    </section>`;
}
