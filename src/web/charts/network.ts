/**
 * The actor network as SVG: a d3-force layout computed on the server (a fixed number of ticks, so
 * the same data always gives the same picture), nodes linked to actor pages.
 */
import {
  forceX,
  forceY,
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import type { ActorNetwork } from '../../storage/atlas-store.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

const WIDTH = 960;
const HEIGHT = 640;

interface LayoutNode extends SimulationNodeDatum {
  readonly id: string;
  readonly kind: string;
  readonly instruments: number;
  readonly radius: number;
}

/** Where an actor's node links: a state's country page, else the instruments it is party to. */
export function actorHref(id: string, kind: string): string {
  return kind === 'state' ? `/countries/${id}` : href('/search', { party: id });
}

export function networkSvg(network: ActorNetwork, tr: Translator): SafeHtml {
  const max = Math.max(1, ...network.nodes.map((node) => node.instruments));
  const nodes: LayoutNode[] = network.nodes.map((node) => ({
    ...node,
    radius: 4 + 14 * Math.sqrt(node.instruments / max),
  }));
  const links = network.edges.map((edge) => ({
    source: edge.source,
    target: edge.target,
    weight: edge.weight,
  }));
  const simulation = forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-120))
    .force(
      'link',
      forceLink<LayoutNode, (typeof links)[number]>(links)
        .id((node) => node.id)
        .distance(90),
    )
    .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
    .force(
      'collide',
      forceCollide<LayoutNode>((node) => node.radius + 3),
    )
    // A weak pull to the middle keeps actors with no shared instrument from drifting to the corners.
    .force('x', forceX<LayoutNode>(WIDTH / 2).strength(0.06))
    .force('y', forceY<LayoutNode>(HEIGHT / 2).strength(0.08))
    .stop();
  simulation.tick(300);
  const clampX = (x: number | undefined) => Math.max(60, Math.min(WIDTH - 60, x ?? 0));
  const clampY = (y: number | undefined) => Math.max(20, Math.min(HEIGHT - 20, y ?? 0));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const maxWeight = Math.max(1, ...network.edges.map((edge) => edge.weight));
  const lines = network.edges.map((edge) => {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!a || !b) return '';
    const width = (0.5 + 4 * (edge.weight / maxWeight)).toFixed(1);
    return html`<line
      x1="${clampX(a.x).toFixed(1)}"
      y1="${clampY(a.y).toFixed(1)}"
      x2="${clampX(b.x).toFixed(1)}"
      y2="${clampY(b.y).toFixed(1)}"
      stroke-width="${width}"
      ><title>
        ${tr.actor(edge.source)} – ${tr.actor(edge.target)}${tr.colon}${tr.count(edge.weight, 'instrument')}
      </title></line
    >`;
  });
  // Labels are placed biggest actor first, below their node or else above it, and skipped where
  // they would cover a label already placed or another actor's node (their width estimated from the
  // characters); every node keeps its name as a tooltip and an accessible name.
  type Box = { x0: number; x1: number; y0: number; y1: number; owner?: string };
  const placed: Box[] = nodes.map((node) => ({
    x0: clampX(node.x) - node.radius,
    x1: clampX(node.x) + node.radius,
    y0: clampY(node.y) - node.radius,
    y1: clampY(node.y) + node.radius,
    owner: node.id,
  }));
  const labelAt = new Map<string, number>();
  for (const node of [...nodes].sort((a, b) => b.instruments - a.instruments)) {
    const name = tr.actor(node.id);
    const x = clampX(node.x);
    const half = (name.length * 6.4) / 2;
    for (const y of [clampY(node.y) + node.radius + 12, clampY(node.y) - node.radius - 5]) {
      const box = { x0: x - half, x1: x + half, y0: y - 11, y1: y + 2 };
      const clash = placed.some(
        (b) => b.owner !== node.id && box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0,
      );
      if (!clash) {
        placed.push(box);
        labelAt.set(node.id, y);
        break;
      }
    }
  }
  const circles = nodes.map((node) => {
    const x = clampX(node.x);
    const y = clampY(node.y);
    const name = tr.actor(node.id);
    const label = `${name}${tr.colon}${tr.count(node.instruments, 'instrument')}`;
    return html`<a href="${actorHref(node.id, node.kind)}" aria-label="${label}"
      >${nodeShape(node.kind, x, y, node.radius)}<title>${label}</title>${
        labelAt.has(node.id)
          ? html`<text x="${x.toFixed(1)}" y="${(labelAt.get(node.id) ?? 0).toFixed(1)}" text-anchor="middle"
              >${name}</text
            >`
          : ''
      }</a
    >`;
  });
  return html`<svg
      class="network"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="group"
      aria-label="${tr.t('network')}"
    >
      ${lines}${circles}
    </svg>
    <div class="network-legend" role="group" aria-label="${tr.t('legend')}">
      ${(['state', 'organization', 'grouping'] as const).map(
        (kind) =>
          html`<span
            ><svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
              ${nodeShape(kind, 10, 10, 7)}
            </svg>
            ${tr.t(kind)}</span
          >`,
      )}
      <span>${tr.t('networkLegendSize')}</span>
    </div>`;
}

/** A node's shape by actor kind (a cue besides colour): state circle, organization square, group diamond. */
function nodeShape(kind: string, x: number, y: number, r: number): SafeHtml {
  const f = (n: number) => n.toFixed(1);
  if (kind === 'organization') {
    const side = r * 1.7;
    return html`<rect
      class="organization"
      x="${f(x - side / 2)}"
      y="${f(y - side / 2)}"
      width="${f(side)}"
      height="${f(side)}"
    ></rect>`;
  }
  if (kind === 'grouping') {
    const d = r * 1.3;
    return html`<polygon
      class="grouping"
      points="${f(x)},${f(y - d)} ${f(x + d)},${f(y)} ${f(x)},${f(y + d)} ${f(x - d)},${f(y)}"
    ></polygon>`;
  }
  return html`<circle class="state" cx="${f(x)}" cy="${f(y)}" r="${f(r)}"></circle>`;
}
