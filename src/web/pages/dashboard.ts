/** The overview page: counts, the world map and the latest instruments. */
import type { InstrumentSummary } from '../../storage/atlas-store.ts';
import { INSTRUMENT_TYPES, TOPICS } from '../../domain/taxonomy.ts';
import { worldMap, type MapView } from '../charts/world-map.ts';
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
  /** Instruments per organization (the EU is drawn on the map as a marker). */
  readonly byOrganization: ReadonlyMap<string, number>;
  readonly latest: readonly InstrumentSummary[];
  readonly map: {
    readonly type?: string | undefined;
    readonly topic?: string | undefined;
    readonly view: MapView;
  };
}

/** The form that chooses what the map counts (type, topic) and what it shows (zoom or world). */
function mapForm(map: DashboardData['map'], tr: Translator): SafeHtml {
  const select = (
    name: string,
    label: string,
    codes: readonly string[],
    current: string | undefined,
    text: (c: string) => string,
  ) =>
    html`<label
      >${label}
      <select name="${name}">
        <option value="">${tr.t('allInstruments')}</option>
        ${codes.map((code) => html`<option value="${code}" ${code === current ? html`selected` : ''}>${text(code)}</option>`)}
      </select></label
    >`;
  return html`<form class="search-form map-form" action="/" method="get">
    ${select('type', tr.t('type'), INSTRUMENT_TYPES, map.type, tr.typeLabel)}
    ${select('topic', tr.t('topic'), TOPICS, map.topic, tr.topicLabel)}
    <label
      >${tr.t('mapView')}
      <select name="view">
        <option value="europe-africa" ${map.view === 'europe-africa' ? html`selected` : ''}>
          ${tr.t('mapZoom')}
        </option>
        <option value="world" ${map.view === 'world' ? html`selected` : ''}>${tr.t('mapWorld')}</option>
      </select></label
    >
    <button type="submit">${tr.t('show')}</button>
  </form>`;
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
          html`<a class="card" href="${link}"><span class="number">${tr.n(value)}</span>${label}</a>`,
      )}
    </section>
    <section class="panel" aria-labelledby="map-title">
      <h2 id="map-title">${tr.t('worldMap')}</h2>
      ${mapForm(data.map, tr)} ${worldMap(data.byState, tr, data.map.view, data.byOrganization)}
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
