/**
 * The choropleth world map, drawn on the server as SVG from offline data (world-atlas 110m,
 * d3-geo, topojson-client). Feature ids are ISO numeric codes, mapped to alpha-2 through the actor
 * registry; the three features without an id are joined by name.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json' with { type: 'json' };
import { countryByNumeric } from '../../domain/actors.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

const WIDTH = 960;
const HEIGHT = 440;

/** Features without an ISO numeric id in world-atlas, by their `name` property. */
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };

interface MapShape {
  readonly code: string | undefined;
  readonly name: string;
  readonly d: string;
}

let shapes: readonly MapShape[] | null = null;

/** Projects every country once (the geometry never changes while the server runs). */
function mapShapes(): readonly MapShape[] {
  if (shapes !== null) return shapes;
  const world = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(world, world.objects.countries);
  // Antarctica is left out: it has no instruments and would take a fifth of the height.
  const collection = {
    ...all,
    features: all.features.filter((country) => country.properties.name !== 'Antarctica'),
  };
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], collection);
  const path = geoPath(projection).digits(1);
  shapes = collection.features.map((country) => ({
    code: country.id === undefined ? BY_NAME[country.properties.name] : countryByNumeric(String(country.id)),
    name: country.properties.name,
    d: path(country) ?? '',
  }));
  return shapes;
}

/** Colour class 0–5 for a count, on a log-like scale relative to the largest count. */
function colourClass(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((Math.log1p(count) / Math.log1p(max)) * 5)));
}

/** The SVG map: each country coloured by its instrument count and linked to its page. */
export function worldMap(counts: ReadonlyMap<string, number>, tr: Translator): SafeHtml {
  const max = Math.max(0, ...counts.values());
  const countries = mapShapes().map((shape) => {
    if (shape.code === undefined) {
      return html`<path class="c0" d="${shape.d}"><title>${shape.name}</title></path>`;
    }
    const count = counts.get(shape.code) ?? 0;
    const name = tr.actor(shape.code);
    return html`<a href="${href(`/countries/${shape.code}`)}" aria-label="${name}: ${count}"
      ><path class="c${colourClass(count, max)}" d="${shape.d}"><title>${name}: ${count}</title></path></a
    >`;
  });
  const steps = [1, 2, 3, 4, 5].map((step) => Math.round(Math.expm1((Math.log1p(max) * step) / 5)));
  return html`<figure class="map-figure">
    <svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${tr.t('worldMap')}">
      ${countries}
    </svg>
    <figcaption class="legend">
      <span><span class="swatch c0"></span> 0</span>${steps.map(
        (value, index) => html`<span><span class="swatch c${index + 1}"></span> ≤ ${value}</span>`,
      )}<span>${tr.t('mapHelp')}</span>
    </figcaption>
  </figure>`;
}
