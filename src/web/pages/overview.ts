/** The network and timeline pages. */
import type { ActorNetwork, TimelinePoint } from '../../storage/atlas-store.ts';
import { networkSvg } from '../charts/network.ts';
import { barList, timelineSvg } from '../charts/timeline.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

export function networkPage(network: ActorNetwork, tr: Translator): SafeHtml {
  return html`<h1>${tr.t('network')}</h1>
    <p class="help">${tr.t('networkHelp')}</p>
    <section class="panel">
      ${network.nodes.length === 0 ? html`<p class="muted">${tr.t('empty')}</p>` : networkSvg(network, tr)}
    </section>`;
}

export function timelinePage(points: readonly TimelinePoint[], undated: number, tr: Translator): SafeHtml {
  const byType = new Map<string, number>();
  for (const point of points) byType.set(point.type, (byType.get(point.type) ?? 0) + point.count);
  return html`<h1>${tr.t('timeline')}</h1>
    <p class="help">${tr.t('timelineHelp')}</p>
    <section class="panel">${timelineSvg(points, tr, {}, undated)}</section>
    <section class="panel">
      <h2>${tr.t('byType')}</h2>
      ${barList(
        [...byType.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([type, count]) => ({ label: tr.typeLabel(type), count, link: href('/search', { type }) })),
        tr,
      )}
    </section>`;
}
