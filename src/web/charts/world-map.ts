/**
 * The choropleth world map, drawn on the server as SVG from offline data (world-atlas 110m,
 * d3-geo, topojson-client). Feature ids are ISO numeric codes, mapped to alpha-2 through the actor
 * registry; the three features without an id are joined by name.
 */
import { geoConicEqualArea, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json' with { type: 'json' };
import { countryByNumeric } from '../../domain/actors.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

const WIDTH = 960;
const HEIGHT = 440;
const ZOOM_HEIGHT = 760;

/** Features without an ISO numeric id in world-atlas, by their `name` property. */
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };

interface MapShape {
  readonly code: string | undefined;
  readonly name: string;
  readonly d: string;
}

/** What the map shows: Europe and Africa (where most partners are), or the whole world. */
export type MapView = 'europe-africa' | 'world';

const cache = new Map<
  MapView,
  { shapes: readonly MapShape[]; project: (lonLat: [number, number]) => [number, number] | null }
>();

/**
 * Where an organization is drawn: the EU has no single territory of its own on a country map, so
 * it is a marker at its seat (Brussels), linked like a country.
 */
const ORGANIZATION_SEATS: Readonly<Record<string, readonly [number, number]>> = { EU: [4.35, 50.85] };

/** The frame of the Europe–Africa view (lon/lat), fitted to the drawing. */
const EUROPE_AFRICA = {
  type: 'Feature' as const,
  properties: {},
  geometry: {
    type: 'MultiPoint' as const,
    coordinates: [
      [-26, 72],
      [60, 72],
      [-26, -36],
      [60, -36],
    ],
  },
};

/** Projects every country once per view (the geometry never changes while the server runs). */
function mapShapes(view: MapView): readonly MapShape[] {
  return projected(view).shapes;
}

function projected(view: MapView): {
  shapes: readonly MapShape[];
  project: (lonLat: [number, number]) => [number, number] | null;
} {
  const known = cache.get(view);
  if (known !== undefined) return known;
  const world = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(world, world.objects.countries);
  // Antarctica is left out: it has no instruments and would take a fifth of the height.
  const collection = {
    ...all,
    features: all.features.filter((country) => country.properties.name !== 'Antarctica'),
  };
  const projection =
    view === 'world'
      ? geoNaturalEarth1().fitSize([WIDTH, HEIGHT], collection)
      : geoConicEqualArea().parallels([0, 50]).rotate([-15, 0]).fitSize([WIDTH, ZOOM_HEIGHT], EUROPE_AFRICA);
  const path = geoPath(projection).digits(1);
  const shapes = collection.features.flatMap((country) => {
    const d = path(country) ?? '';
    if (d === '') return [];
    return [
      {
        code:
          country.id === undefined ? BY_NAME[country.properties.name] : countryByNumeric(String(country.id)),
        name: country.properties.name,
        d,
      },
    ];
  });
  const entry = { shapes, project: (lonLat: [number, number]) => projection(lonLat) };
  cache.set(view, entry);
  return entry;
}

/** The organizations with instruments, as markers at their seats (the EU at Brussels). */
function organizationMarkers(
  organizations: ReadonlyMap<string, number>,
  tr: Translator,
  view: MapView,
): SafeHtml[] {
  return Object.entries(ORGANIZATION_SEATS).flatMap(([id, seat]) => {
    const count = organizations.get(id) ?? 0;
    const at = projected(view).project([seat[0], seat[1]]);
    if (count === 0 || at === null) return [];
    const [x, y] = at;
    // The accessible name starts with the visible abbreviation ("UE – Union européenne : …").
    const label = `${tr.t('euShort')} – ${tr.actor(id)}${tr.colon}${tr.count(count, 'instrument')}`;
    return [
      html`<a class="org-marker" href="${href('/search', { party: id })}" aria-label="${label}"
        ><title>${label}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="13"></circle
        ><text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="middle">${tr.t('euShort')}</text></a
      >`,
    ];
  });
}

/** Colour class 0–5 for a count: 0 alone for none, then a log-like scale up to the largest count. */
function colourClass(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((Math.log1p(count) / Math.log1p(max)) * 5)));
}

/**
 * The SVG map: each country coloured by its count. Only countries with something to show are
 * links (so the keyboard visits those alone); the others are drawn, hatched, with their name.
 * Organizations with instruments (the EU) are markers at their seat, counted apart from the shades.
 */
export function worldMap(
  counts: ReadonlyMap<string, number>,
  tr: Translator,
  view: MapView = 'europe-africa',
  organizations: ReadonlyMap<string, number> = new Map(),
): SafeHtml {
  const max = Math.max(0, ...counts.values());
  const height = view === 'world' ? HEIGHT : ZOOM_HEIGHT;
  const countries = mapShapes(view).map((shape) => {
    const count = shape.code === undefined ? 0 : (counts.get(shape.code) ?? 0);
    const name = shape.code === undefined ? shape.name : tr.actor(shape.code);
    const label = `${name}${tr.colon}${tr.count(count, 'instrument')}`;
    if (shape.code === undefined || count === 0) {
      return html`<path class="c0" d="${shape.d}"><title>${label}</title></path>`;
    }
    return html`<a href="${href(`/countries/${shape.code}`)}" aria-label="${label}"
      ><path class="c${colourClass(count, max)}" d="${shape.d}"><title>${label}</title></path></a
    >`;
  });
  const steps = [1, 2, 3, 4, 5].map((step) => Math.round(Math.expm1((Math.log1p(max) * step) / 5)));
  const ranges = steps.map((value, index) => {
    const low = index === 0 ? 1 : (steps[index - 1] ?? 0) + 1;
    return low >= value ? tr.n(value) : `${tr.n(low)}–${tr.n(value)}`;
  });
  return html`<figure class="map-figure">
    <svg class="map" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${tr.t('worldMap')}">
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f4f4f2"></rect>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#d0d0cc" stroke-width="1.5"></line>
        </pattern>
      </defs>
      ${countries} ${organizationMarkers(organizations, tr, view)}
    </svg>
    <figcaption class="legend">
      <span><span class="swatch c0"></span> 0</span>${ranges.map((range, index) =>
        steps.indexOf(steps[index] ?? 0) === index && (steps[index] ?? 0) > 0
          ? html`<span><span class="swatch c${index + 1}"></span> ${range}</span>`
          : '',
      )}<span>${tr.t('mapHelp')}</span>
    </figcaption>
  </figure>`;
}
