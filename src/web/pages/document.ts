/**
 * The document page: the text, split into the same passages as the search index, with every
 * extracted fact highlighted. Each fact and passage carries `data-s`/`data-e` offsets and an
 * `id="span-START-END"` anchor, so evidence links land on the quoted span.
 */
import type { DocumentDetail } from '../../storage/atlas-store.ts';
import type { DocumentFact } from '../../storage/queries/document-facts.ts';
import { splitPassages } from '../../storage/sqlite/passages.ts';
import { actorLink, factValue, spanHref } from '../components.ts';
import { escapeHtml } from '../../domain/escape-html.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

const display = (text: string): string => escapeHtml(text.replace(/\s*\n\s*/g, ' '));

/** The text of one passage with facts as <mark> segments (overlaps split at every boundary). */
function passageHtml(
  text: string,
  start: number,
  end: number,
  facts: readonly DocumentFact[],
  anchors: Set<string>,
  tr: Translator,
): string {
  const inside = facts.filter((fact) => fact.span.start < end && fact.span.end > start);
  const cuts = new Set<number>([start, end]);
  for (const fact of inside) {
    cuts.add(Math.max(start, fact.span.start));
    cuts.add(Math.min(end, fact.span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let index = 0; index < points.length - 1; index++) {
    const a = points[index] ?? start;
    const b = points[index + 1] ?? end;
    for (const fact of inside) {
      const id = `span-${fact.span.start}-${fact.span.end}`;
      if (Math.max(start, fact.span.start) === a && !anchors.has(id)) {
        anchors.add(id);
        out += `<span class="anchor" id="${id}"></span>`;
      }
    }
    const covering = inside.filter((fact) => fact.span.start <= a && fact.span.end >= b);
    const segment = display(text.slice(a, b));
    if (covering.length === 0) out += segment;
    else {
      const title = escapeHtml(
        covering
          .map((fact) => `${tr.term(fact.property)}: ${factValue(fact.property, fact.value, tr)}`)
          .join('\n'),
      );
      out += `<mark class="fact" data-s="${a}" data-e="${b}" title="${title}">${segment}</mark>`;
    }
  }
  return out;
}

export function documentPage(
  document: DocumentDetail,
  facts: readonly DocumentFact[],
  tr: Translator,
): SafeHtml {
  const anchors = new Set<string>();
  const paragraphs = splitPassages(document.text).map((span) => {
    const id = `span-${span.start}-${span.end}`;
    const anchor = anchors.has(id) ? '' : ` id="${id}"`;
    anchors.add(id);
    return `<p${anchor} data-s="${span.start}" data-e="${span.end}">${passageHtml(document.text, span.start, span.end, facts, anchors, tr)}</p>`;
  });
  const listed = facts.slice(0, 400);
  return html`<p class="muted">
      ${tr.languageName(document.language)} · ${document.format} ·
      ${document.charCount.toLocaleString(tr.lang)} ${tr.t('characters')}
    </p>
    <h1>${document.title}</h1>
    <div class="doc-layout">
      <article class="doc-text" aria-labelledby="text-title">
        <h2 id="text-title" class="visually-hidden">${tr.t('text')}</h2>
        <p class="help">${tr.t('factsHelp')}</p>
        ${raw(paragraphs.join('\n'))}
      </article>
      <aside class="doc-side panel" aria-labelledby="facts-title">
        <h2 id="facts-title">${tr.t('instruments')}</h2>
        ${
          document.instruments.length === 0
            ? html`<p class="muted">${tr.t('empty')}</p>`
            : html`<ul class="plain">
                ${document.instruments.map(
                  (i) => html`<li><a href="/instruments/${encodeURIComponent(i.id)}">${i.title}</a></li>`,
                )}
              </ul>`
        }
        <h2>${tr.t('mentioned')}</h2>
        <p>
          ${document.mentions
            .filter((mention) => mention.kind !== 'topic')
            .map(
              (mention) =>
                html`<span class="tag"
                  >${mention.kind === 'country' ? actorLink(mention.code, tr, 'state') : actorLink(mention.code, tr, 'organization')}
                  ${mention.count}</span
                >`,
            )}
        </p>
        <h2>${tr.t('facts')} (${facts.length})</h2>
        <ul class="plain">
          ${listed.map(
            (fact) =>
              html`<li>
                <a href="${spanHref(document.id, fact.span.start, fact.span.end)}"
                  >${tr.term(fact.property)}</a
                >: ${factValue(fact.property, fact.value, tr)}
              </li>`,
          )}
        </ul>
      </aside>
    </div>`;
}
