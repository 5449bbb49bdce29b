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
import type { ActorNetwork } from '../../storage/queries/overview.ts';
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
      ><title>${tr.actor(edge.source)} – ${tr.actor(edge.target)}: ${edge.weight}</title></line
    >`;
  });
  const circles = nodes.map((node) => {
    const x = clampX(node.x).toFixed(1);
    const y = clampY(node.y).toFixed(1);
    const name = tr.actor(node.id);
    return html`<a href="${actorHref(node.id, node.kind)}" aria-label="${name}: ${node.instruments}"
      ><circle class="${node.kind}" cx="${x}" cy="${y}" r="${node.radius.toFixed(1)}"
        ><title>${name}: ${node.instruments}</title></circle
      ><text x="${x}" y="${(Number(y) + node.radius + 10).toFixed(1)}" text-anchor="middle">${name}</text></a
    >`;
  });
  return html`<svg
    class="network"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    role="img"
    aria-label="${tr.t('network')}"
  >
    ${lines}${circles}
  </svg>`;
}
